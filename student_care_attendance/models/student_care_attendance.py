# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

STATUSES = [
    ("present", "Present"),
    ("absent", "Absent"),
    ("tardy", "Tardy"),
    ("left_early", "Left early without leave"),
]
PRESENT_STATUSES = ("present", "tardy")
SOURCES = [
    ("teacher", "Teacher"),
    ("office", "Office"),
    ("import", "Import"),
    ("scan", "Entry scan"),
]


class StudentCareAttendance(models.Model):
    """One student's attendance for one day (period 0) or one period of a day.

    Millions of rows a year: indexed for the per-student and per-day queries truancy and
    outreach need. Corrections are edits, tracked in the record's chatter; creation logs
    nothing and subscribes nobody (``_create_context``), so bulk recording stays cheap.
    """

    _name = "student_care.attendance"
    _description = "Attendance"
    _inherit = ["student_care.student.mixin", "mail.thread"]
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
        string="Reason",
        ondelete="restrict",
        tracking=True,
    )
    is_excused = fields.Boolean(related="reason_id.is_excused", store=True, string="Excused")
    minutes_missed = fields.Integer(tracking=True)
    source = fields.Selection(selection=SOURCES, required=True, default="teacher")
    recorded_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        ondelete="set null",
    )
    note = fields.Char()

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
        # Millions of rows: every index costs on each import. Absences are read through the
        # covering partial index (student_care_attendance_truancy.py), students and days
        # through the unique (student, date, period) index; this older partial index of
        # absences is superseded.
        # (Indexes of student, institution and status of earlier versions are dropped too:
        # Odoo keeps an index when a field loses index=True.)
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
        records = super(StudentCareAttendance, self.with_context(**self._create_context())).create(
            vals_list
        )
        records._mark_outreach_recovered()
        return records

    def write(self, vals):
        result = super().write(vals)
        if vals.get("status") in PRESENT_STATUSES:
            self._mark_outreach_recovered()
        return result

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
