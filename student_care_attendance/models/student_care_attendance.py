# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import SQL

from odoo.addons.student_care.models.student_care_import_mixin import parse_date, parse_int

STATUSES = [
    ("present", "Present"),
    ("absent", "Absent"),
    ("tardy", "Tardy"),
    ("left_early", "Left early without leave"),
]
# "Attended": the student was in class, late included.
PRESENT_STATUSES = ("present", "tardy")
SOURCES = [
    ("teacher", "Teacher"),
    ("office", "Office"),
    ("import", "Import"),
    ("scan", "Entry scan"),
]
IMPORT_HEADERS = {
    "student_number": ("student_number", "student number", "student", "student_id", "number"),
    "date": ("date", "day"),
    "period": ("period", "lesson", "hour"),
    "status": ("status", "attendance", "code"),
    "reason": ("reason", "reason_code", "reason code", "excuse"),
    "minutes": ("minutes", "minutes_missed", "minutes missed"),
    "note": ("note", "comment", "remark"),
}
STATUS_ALIASES = {
    **{key: key for key, _label in STATUSES},
    "p": "present",
    "a": "absent",
    "t": "tardy",
    "late": "tardy",
    "l": "left_early",
    "left early": "left_early",
}
# What an import may change on a stored record; the rest is its natural key.
IMPORT_FIELDS = ("status", "reason_id", "minutes_missed", "note")
MINUTES_PER_DAY = 24 * 60
OFFICER_GROUP = "student_care.student_care_group_attendance_officer"
# Above this many absent students, an import leaves the evaluation to a background run.
ASYNC_EVALUATION_STUDENTS = 500
TRUANCY_FIELDS = {"status", "reason_id", "minutes_missed", "period", "date", "student_id"}


class StudentCareAttendance(models.Model):
    """One student's attendance for one day (period 0) or one period of a day.

    Millions of rows a year: indexed for the per-student and per-day queries truancy and
    outreach need. Corrections are edits, tracked in the record's chatter; creation logs
    nothing and subscribes nobody (``_create_context``), so bulk recording stays cheap.

    The model owns its table: the SQL others need ("absent", "attended", "a missed day")
    comes from the ``_sql_*`` methods and bulk writes go through ``_bulk_insert``.
    """

    _name = "student_care.attendance"
    _description = "Attendance"
    _inherit = ["student_care.student.mixin", "mail.thread", "student_care.import.mixin"]
    _order = "date desc, period, id"
    _rec_name = "date"

    # The student and institution block comes from student_care.student.mixin; no index of
    # their own (see init).
    student_id = fields.Many2one(
        index=False, help="Searched through the unique (student, date, period) index."
    )
    company_id = fields.Many2one(
        index=False,
        help="Searched through the covering index of absences (institution, date, student).",
    )
    class_id = fields.Many2one(
        comodel_name="student_care.class", string="Class", index=True, ondelete="set null"
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    period = fields.Integer(
        default=0, required=True, help="0 for a whole-day record, 1 to 8 for a lesson period."
    )
    status = fields.Selection(selection=STATUSES, required=True, default="present", tracking=True)
    reason_id = fields.Many2one(
        comodel_name="student_care.attendance.reason",
        ondelete="restrict",
        tracking=True,
    )
    is_excused = fields.Boolean(related="reason_id.is_excused", store=True, string="Excused")
    minutes_missed = fields.Integer(tracking=True)
    source = fields.Selection(selection=SOURCES, required=True, default="teacher")
    # Staff only: families read the day, period, status and reason on the portal, not who
    # recorded it nor the staff's remark.
    recorded_by_id = fields.Many2one(
        comodel_name="res.users",
        default=lambda self: self.env.user,
        ondelete="set null",
        groups="base.group_user",
    )
    note = fields.Char(groups="base.group_user")

    _sql_constraints = [
        (
            "student_date_period_uniq",
            "unique(student_id, date, period)",
            "A student has one attendance record per date and period; edit it instead.",
        ),
        ("period_range", "CHECK(period BETWEEN 0 AND 8)", "The period must be 0 (day) to 8."),
        ("minutes_positive", "CHECK(minutes_missed >= 0)", "Minutes missed cannot be negative."),
    ]

    def init(self):
        # Millions of rows: every index costs on each import. Students and days are read
        # through the unique (student, date, period) index. Truancy and chronic-absence
        # counts read only absences, but from all over the year: a covering partial index
        # lets them scan the absences without touching the heap (index-only scans).
        self.env.cr.execute(
            SQL(
                """CREATE INDEX IF NOT EXISTS %s ON %s (company_id, date, student_id)
                   INCLUDE (period, is_excused, minutes_missed) WHERE status = 'absent'""",
                SQL.identifier(f"{self._table}_absent_company_date_covering_idx"),
                SQL.identifier(self._table),
            )
        )
        # The older partial index of absences is superseded by the covering one; indexes of
        # student, institution and status of earlier versions are dropped too (Odoo keeps an
        # index when a field loses index=True).
        for name in (
            "_absent_date_student_idx",
            "__student_id_index",
            "__company_id_index",
            "__status_index",
        ):
            self.env.cr.execute(
                SQL("DROP INDEX IF EXISTS %s", SQL.identifier(f"{self._table}{name}"))
            )

    @api.onchange("student_id")
    def _onchange_student_id(self):
        result = super()._onchange_student_id()
        if self.student_id:
            self.class_id = self.student_id.class_id
        return result

    @api.model_create_multi
    def create(self, vals_list):
        students = self.env["res.partner"].browse(
            [vals["student_id"] for vals in vals_list if vals.get("student_id")]
        )
        by_id = {student.id: student for student in students}
        for vals in vals_list:
            student = by_id.get(vals.get("student_id"))
            if student:
                vals.setdefault("class_id", student.class_id.id)
        self._apply_excuses(vals_list)
        records = super(StudentCareAttendance, self.with_context(**self._create_context())).create(
            vals_list
        )
        records._mark_outreach_recovered()
        records._truancy_register()
        return records

    def write(self, vals):
        absent_before = None
        if TRUANCY_FIELDS.intersection(vals):
            absent_before = self.filtered(lambda r: r.status == "absent")
        result = super().write(vals)
        if vals.get("status") and vals["status"] != "present" and not vals.get("reason_id"):
            self._excuse_recorded()
        if vals.get("status") in PRESENT_STATUSES:
            self._mark_outreach_recovered()
        if absent_before is not None:
            (absent_before | self)._truancy_register(changed=absent_before)
        return result

    @api.model
    def _apply_excuses(self, vals_list):
        """Attendance recorded for a day and period an accepted excuse request covers gets
        the request's reason (set-based: one query for the batch)."""
        reasons = self.env["student_care.excuse.request"]._reasons_for(vals_list)
        for index, reason_id in reasons.items():
            vals_list[index]["reason_id"] = reason_id

    def _excuse_recorded(self):
        """``_apply_excuses`` for rows turned absent (or late) without a reason."""
        rows = self.filtered(lambda r: r.status != "present" and not r.reason_id)
        vals_list = [
            {"student_id": r.student_id.id, "date": r.date, "period": r.period, "status": r.status}
            for r in rows
        ]
        reasons = self.env["student_care.excuse.request"]._reasons_for(vals_list)
        by_reason = {}
        for index, reason_id in reasons.items():
            by_reason.setdefault(reason_id, []).append(rows[index].id)
        for reason_id, ids in by_reason.items():
            self.browse(ids).write({"reason_id": reason_id})

    def _mark_outreach_recovered(self):
        """A student seen in class (present or late) after an outreach call that day makes
        the call recovered."""
        now = fields.Datetime.now()
        self.env["student_care.outreach.call"]._mark_recovered(
            [(r.student_id.id, r.date, now) for r in self if r.status in PRESENT_STATUSES]
        )

    @api.model
    def _create_context(self):
        """Recording attendance is not news: no creation message, no followers."""
        return {"mail_create_nolog": True, "mail_create_nosubscribe": True}

    # ------------------------------------------------------------------ truancy follow-up
    # Every way attendance changes (roll call, office edits, imports) registers the students
    # whose absences changed; they are evaluated once per transaction, set-based, just before
    # it commits (student_care.truancy.rule._run_pending), or at the end of an import. Not a
    # base.automation: automations run per record and never see the import's set-based
    # INSERT, while this costs one query per rule for the whole batch.

    def _truancy_register(self, changed=None):
        """Register the students of these rows that are (or were, ``changed``) absences."""
        today = fields.Date.context_today(self)
        absent = self.filtered(lambda r: r.status == "absent")
        students = (absent | (changed or self.browse())).student_id
        if students:
            self.env["student_care.truancy.rule"]._register_pending(
                students.ids,
                absent.filtered(lambda r: r.date == today and not r.is_excused).student_id.ids,
            )

    @api.model
    def _truancy_register_inserted(self, vals_list):
        """``_truancy_register`` for rows written by ``_bulk_insert``."""
        today = fields.Date.context_today(self)
        absent = [vals for vals in vals_list if vals.get("status") == "absent"]
        students = {vals["student_id"] for vals in absent}
        absent_today = {vals["student_id"] for vals in absent if vals["date"] == today}
        if len(students) <= ASYNC_EVALUATION_STUDENTS:
            self.env["student_care.truancy.rule"]._register_pending(students, absent_today)
            return
        # A whole institution's file: the clerk does not wait for the ladder. The nightly
        # evaluation (set-based over every student) runs now in the background instead;
        # today's first-absence notices are queued at once. System steps, like the
        # evaluation itself (student_care.truancy.rule._run_pending).
        self.env.ref("student_care_attendance.ir_cron_evaluate_truancy").sudo()._trigger()
        if absent_today:
            self.env["student_care.attendance.notice"].sudo()._queue_first_absence(absent_today)

    # ------------------------------------------------------------------ SQL of the table

    @api.model
    def _sql_column(self, alias, name):
        return SQL.identifier(alias, name) if alias else SQL.identifier(name)

    @api.model
    def _sql_absent(self, alias=None):
        """The row is an absence, excused or not (``alias``: the table's alias in the
        query, None for unqualified columns)."""
        return SQL("%s = 'absent'", self._sql_column(alias, "status"))

    @api.model
    def _sql_attended(self, alias=None):
        """The student was in class: present or late."""
        return SQL("%s IN %s", self._sql_column(alias, "status"), PRESENT_STATUSES)

    @api.model
    def _sql_unexcused(self, alias=None):
        """The row has no excusing reason (absences without any reason included)."""
        return SQL("%s IS NOT TRUE", self._sql_column(alias, "is_excused"))

    @api.model
    def _sql_missed_day(self, company, alias=None):
        """Aggregate condition over the absences of one student on one day: the day counts
        as missed when the student is absent the whole day (period 0) or for at least half
        of ``company``'s periods."""
        return SQL(
            "bool_or(%s = 0) OR count(*) >= %s",
            self._sql_column(alias, "period"),
            company._missed_day_periods(),
        )

    @api.model
    def _sql_missed_days(self, company, where):
        """A query of one row (student_id, date) per day missed (see ``_sql_missed_day``),
        among the rows (alias ``a``) that ``where`` keeps."""
        return SQL(
            """SELECT a.student_id, a.date FROM student_care_attendance a
                WHERE %s AND %s
                GROUP BY a.student_id, a.date
               HAVING %s""",
            self._sql_absent("a"),
            where,
            self._sql_missed_day(company, "a"),
        )

    @api.model
    def _bulk_insert_columns(self):
        """{column: (PostgreSQL type, default)} of the values ``_bulk_insert`` writes; the
        class, the excused flag and the log columns are filled in by the INSERT."""
        return {
            "student_id": ("int4", None),
            "company_id": ("int4", self.env.company.id),
            "class_id": ("int4", None),
            "date": ("date", None),
            "period": ("int4", 0),
            "status": ("varchar", "present"),
            "reason_id": ("int4", None),
            "minutes_missed": ("int4", 0),
            "source": ("varchar", "import"),
            "recorded_by_id": ("int4", self.env.uid),
            "note": ("varchar", None),
        }

    @api.model
    def _bulk_insert(self, vals_list):
        """Insert attendance rows with one set-based INSERT (imports, bulk seeding).

        ``vals_list`` holds the values of ``_bulk_insert_columns`` (student_id and date at
        least). The class is the student's unless given, the excused flag the reason's.
        Unlike ``create`` it skips the ORM per row (defaults, Python constraints, tracking,
        record rules): callers have validated the rows and may record attendance for
        these students. What follows a creation (outreach recovery, truancy) still runs.
        """
        if not vals_list:
            return
        self.check_access("create")
        self._apply_excuses(vals_list)
        self.env["res.partner"].flush_model(["class_id"])
        self.env["student_care.attendance.reason"].flush_model(["is_excused"])
        columns = self._bulk_insert_columns()
        arrays = SQL(", ").join(
            SQL(
                "%s::%s[]",
                [
                    default if vals.get(name) is None or vals.get(name) is False else vals[name]
                    for vals in vals_list
                ],
                SQL(kind),
            )
            for name, (kind, default) in columns.items()
        )
        names = SQL(", ").join(SQL.identifier(name) for name in columns)
        values = SQL(", ").join(
            SQL("COALESCE(t.class_id, s.class_id)")
            if name == "class_id"
            else SQL.identifier("t", name)
            for name in columns
        )
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO student_care_attendance
                       (%(names)s, is_excused, create_uid, create_date, write_uid, write_date)
                   SELECT %(values)s, COALESCE(r.is_excused, FALSE),
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(arrays)s) AS t(%(names)s)
                     LEFT JOIN res_partner s ON s.id = t.student_id
                     LEFT JOIN student_care_attendance_reason r ON r.id = t.reason_id""",
                names=names,
                values=values,
                arrays=arrays,
                uid=self.env.uid,
                now=now,
            )
        )
        self.invalidate_model()
        self.env["student_care.outreach.call"]._mark_recovered(
            [
                (vals["student_id"], vals["date"], now)
                for vals in vals_list
                if vals.get("status", "present") in PRESENT_STATUSES
            ]
        )
        self._truancy_register_inserted(vals_list)

    # ------------------------------------------------------------------ import

    @api.model
    def import_attendance_csv(self, content, dry_run=False, source="import"):
        """Import attendance exported by a student information system (CSV or XLSX).

        Columns are found by header (student_number, date, period, status, reason, minutes,
        note). Every row is checked first; any bad row stops the import and nothing is
        written. Rows equal to what is stored change nothing, so importing the same file twice
        is harmless, and a corrected file only updates the rows that changed.
        Returns ``{"errors": [...], "created": n, "updated": n, "unchanged": n}``; callable
        over RPC for nightly jobs.
        """
        result = self._import_file(content, dry_run=dry_run, defaults={"source": source})
        if not dry_run:
            # Evaluate the imported students now, once, so the import's caller sees the full
            # cost and result.
            self.env["student_care.truancy.rule"]._run_pending()
        return result

    @api.model
    def _import_headers(self):
        return IMPORT_HEADERS

    @api.model
    def _import_required(self):
        return ("student_number", "date", "status")

    @api.model
    def _import_key_fields(self):
        return ("student_id", "date", "period")

    @api.model
    def _import_key_label(self):
        return _("student, date and period")

    @api.model
    def _import_compared_fields(self):
        return IMPORT_FIELDS

    @api.model
    def _import_example_row(self):
        return {
            "student_number": self._import_example_student_number(),
            "date": fields.Date.context_today(self).isoformat(),
            "period": "1",
            "status": "present",
        }

    @api.model
    def _import_prepare(self, rows):
        return {
            "students": self._import_students(rows),
            "reasons": {
                reason.code.upper(): reason.id
                for reason in self.env["student_care.attendance.reason"].search_fetch([], ["code"])
            },
        }

    @api.model
    def _import_convert(self, row, lookups):
        problems = []
        student_id = self._import_student_id(row, lookups["students"], problems)
        day = parse_date(row["date"])
        if not day:
            problems.append(
                _("date %(date)s is not a date (use 2026-11-23)", date=row["date"] or _("(empty)"))
            )
        period_text = row.get("period") or "0"
        period = parse_int(period_text, 0, 8)
        if period is None:
            problems.append(_("period %(period)s must be 0 (whole day) to 8", period=period_text))
        status = STATUS_ALIASES.get(row["status"].lower())
        if not status:
            problems.append(
                _(
                    "status %(status)s is unknown (use present, absent, tardy or left_early)",
                    status=row["status"] or _("(empty)"),
                )
            )
        reason_code = (row.get("reason") or "").upper()
        reason_id = lookups["reasons"].get(reason_code, False) if reason_code else False
        if reason_code and not reason_id:
            problems.append(_("reason code %(code)s is unknown", code=row["reason"]))
        minutes_text = row.get("minutes") or "0"
        minutes = parse_int(minutes_text, 0, MINUTES_PER_DAY)
        if minutes is None:
            problems.append(
                _(
                    "minutes %(minutes)s is not a whole number from 0 to %(max)s",
                    minutes=minutes_text,
                    max=MINUTES_PER_DAY,
                )
            )
        return {
            "student_id": student_id,
            "date": day,
            "period": period,
            "status": status,
            "reason_id": reason_id,
            "minutes_missed": minutes,
            "note": row.get("note") or False,
        }, problems

    @api.model
    def _import_create(self, vals_list):
        """Attendance officers (who may record any student of their institution, which the
        validation enforced) get one set-based INSERT; anyone else goes through the ORM so
        that their record rules apply row by row."""
        if self.env.su or self.env.user.has_group(OFFICER_GROUP):
            return self._bulk_insert(vals_list)
        return super()._import_create(vals_list)
