# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class StudentCareCaseSignal(models.TransientModel):
    """Report a concern about a student: any staff member may, without reading any case.

    The wizard only collects the concern: ``student_care.case._open_or_join`` decides the
    case, its team and owner, and what is posted.
    """

    _name = "student_care.case.signal"
    _description = "Report a Concern"

    student_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        domain="[('is_student', '=', True)]",
    )
    category_id = fields.Many2one(
        comodel_name="student_care.case.category",
        string="What Is It About",
        required=True,
    )
    description = fields.Html(
        string="What Did You Notice",
        required=True,
        help="Facts you observed: dates, behaviour, what was said. The care team reads this.",
    )
    is_urgent = fields.Boolean(
        string="Urgent", help="Tick when the student may be in danger today."
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner" and "student_id" in fields_list:
            values.setdefault("student_id", self.env.context.get("active_id"))
        return values

    def action_submit(self):
        self.ensure_one()
        self.student_id.check_access("read")
        case = self.env["student_care.case"]._open_or_join(
            [
                {
                    "student": self.student_id,
                    "category": self.category_id,
                    "description": self.description,
                    "urgent": self.is_urgent,
                    "origin": "teacher",
                    "reporter": self.env.user,
                }
            ]
        )
        return case._signal_receipt(
            self.env.user,
            _("Concern passed on"),
            known=lambda reference: self.env._(
                "Your concern about %(student)s was added to case %(case)s. Thank you.",
                student=self.student_id.name,
                case=reference,
            ),
            unknown=_(
                "The care team received your concern about %(student)s. Thank you.",
                student=self.student_id.name,
            ),
        )
