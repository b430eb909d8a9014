# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.student_care_attendance import STATUSES


class StudentCareAttendanceAnalysis(models.Model):
    """Attendance for reporting: every attendance row with its student's grade and the
    week, and an attendance rate measure (100 when in class, late included, else 0) whose
    average is the attendance rate of any group. A plain view, so PostgreSQL aggregates
    straight from the attendance table."""

    _name = "student_care.attendance.analysis"
    _description = "Attendance Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "date"
    _depends = {
        "student_care.attendance": [
            "student_id",
            "company_id",
            "class_id",
            "date",
            "period",
            "status",
            "is_excused",
            "minutes_missed",
        ],
        "res.partner": ["grade_id"],
    }

    student_id = fields.Many2one(comodel_name="res.partner", string="Student", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", string="Institution", readonly=True)
    grade_id = fields.Many2one(comodel_name="student_care.grade", string="Grade", readonly=True)
    class_id = fields.Many2one(comodel_name="student_care.class", string="Class", readonly=True)
    date = fields.Date(readonly=True)
    period = fields.Integer(readonly=True, aggregator=None)
    status = fields.Selection(selection=STATUSES, readonly=True)
    is_excused = fields.Boolean(string="Excused", readonly=True)
    attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Share of recorded periods (or days) the student was in class, late included.",
    )
    absence_count = fields.Integer(string="Absences", readonly=True)
    unexcused_count = fields.Integer(string="Unexcused Absences", readonly=True)
    hours_missed = fields.Float(readonly=True)

    def init(self):
        attendance = self.env["student_care.attendance"]
        self.env.cr.execute(SQL("DROP VIEW IF EXISTS %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
CREATE VIEW %(view)s AS (
    SELECT a.id, a.student_id, a.company_id, s.grade_id, a.class_id, a.date, a.period,
           a.status, COALESCE(a.is_excused, FALSE) AS is_excused,
           CASE WHEN %(attended)s THEN 100.0 ELSE 0.0 END AS attendance_rate,
           (%(absent)s)::int AS absence_count,
           (%(absent)s AND %(unexcused)s)::int AS unexcused_count,
           COALESCE(a.minutes_missed, 0) / 60.0 AS hours_missed
      FROM student_care_attendance a
      JOIN res_partner s ON s.id = a.student_id
)""",
                view=SQL.identifier(self._table),
                attended=attendance._sql_attended("a"),
                absent=attendance._sql_absent("a"),
                unexcused=attendance._sql_unexcused("a"),
            )
        )
