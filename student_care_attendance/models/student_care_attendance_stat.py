# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

EVENTS = {"INSERT": ("new_rows",), "UPDATE": ("old_rows", "new_rows"), "DELETE": ("old_rows",)}


class StudentCareAttendanceStat(models.Model):
    """Attendance counted per institution, class and day, kept up to date by PostgreSQL.

    Statement-level triggers on the attendance table add what a statement inserted and
    subtract what it deleted or changed, so every path (roll call, office edits, the
    set-based import) keeps the counts exact at the cost of one grouped upsert per
    statement. Dashboards read a few thousand rows here instead of millions of
    attendance rows.
    """

    _name = "student_care.attendance.stat"
    _description = "Attendance Day Statistics"
    _order = "date desc"
    _rec_name = "date"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Institution", readonly=True, index=True
    )
    class_id = fields.Many2one(comodel_name="student_care.class", string="Class", readonly=True)
    class_key = fields.Integer(readonly=True, aggregator=None, help="Class id, 0 for none.")
    date = fields.Date(readonly=True, index=True)
    period_count = fields.Integer(string="Recorded", readonly=True)
    attended_count = fields.Integer(string="Attended", readonly=True)
    absence_count = fields.Integer(string="Absences", readonly=True)
    unexcused_count = fields.Integer(string="Unexcused Absences", readonly=True)
    minutes_missed = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "company_class_date_uniq",
            "unique(company_id, class_key, date)",
            "One statistics row per institution, class and day.",
        ),
    ]

    def init(self):
        cr = self.env.cr
        for event, tables in EVENTS.items():
            cr.execute(self._trigger_function_sql(event, tables))
            cr.execute(
                SQL(
                    """DROP TRIGGER IF EXISTS %(name)s ON student_care_attendance;
                       CREATE TRIGGER %(name)s AFTER %(event)s ON student_care_attendance
                       REFERENCING %(refs)s FOR EACH STATEMENT EXECUTE FUNCTION %(fn)s()""",
                    name=SQL.identifier(f"student_care_attendance_stat_{event.lower()}"),
                    event=SQL(event),
                    refs=SQL(
                        " ".join(
                            f"{'OLD' if t == 'old_rows' else 'NEW'} TABLE AS {t}" for t in tables
                        )
                    ),
                    fn=SQL.identifier(f"student_care_attendance_stat_{event.lower()}"),
                )
            )
        cr.execute(SQL("SELECT 1 FROM %s LIMIT 1", SQL.identifier(self._table)))
        if not cr.rowcount:
            # First install or upgrade: count what is already recorded.
            cr.execute(self._upsert_sql("student_care_attendance", 1))

    def _trigger_function_sql(self, event, tables):
        body = SQL(";\n").join(
            self._upsert_sql(table, -1 if table == "old_rows" else 1) for table in tables
        )
        return SQL(
            """CREATE OR REPLACE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $fn$
               BEGIN %s; RETURN NULL; END $fn$""",
            SQL.identifier(f"student_care_attendance_stat_{event.lower()}"),
            body,
        )

    def _measures(self):
        """The measures kept per institution, class and day, as SQL over a set of
        attendance rows (unqualified columns: the trigger's transition tables)."""
        attendance = self.env["student_care.attendance"]
        return {
            "period_count": SQL("count(*)"),
            "attended_count": SQL("count(*) FILTER (WHERE %s)", attendance._sql_attended()),
            "absence_count": SQL("count(*) FILTER (WHERE %s)", attendance._sql_absent()),
            "unexcused_count": SQL(
                "count(*) FILTER (WHERE %s AND %s)",
                attendance._sql_absent(),
                attendance._sql_unexcused(),
            ),
            "minutes_missed": SQL("COALESCE(sum(minutes_missed), 0)"),
        }

    def _upsert_sql(self, source, sign):
        measures = self._measures()
        names = SQL(", ").join(SQL.identifier(name) for name in measures)
        values = SQL(", ").join(SQL("%s * %s", sign, expr) for expr in measures.values())
        updates = SQL(", ").join(
            SQL("%(f)s = stat.%(f)s + EXCLUDED.%(f)s", f=SQL.identifier(name)) for name in measures
        )
        return SQL(
            """INSERT INTO student_care_attendance_stat AS stat
                      (company_id, class_id, class_key, date, %(names)s,
                       create_uid, create_date, write_uid, write_date)
               SELECT company_id, class_id, COALESCE(class_id, 0), date, %(values)s,
                      1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
                 FROM %(source)s
                GROUP BY company_id, class_id, date
               ON CONFLICT (company_id, class_key, date) DO UPDATE SET %(updates)s""",
            names=names,
            values=values,
            source=SQL.identifier(source),
            updates=updates,
        )
