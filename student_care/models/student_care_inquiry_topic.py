# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StudentCareInquiryTopic(models.Model):
    """What a family asks about. The topic routes an inquiry (department and default
    assignee), sets its response-time target and may carry an automatic first answer."""

    _name = "student_care.inquiry.topic"
    _description = "Inquiry Topic"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(index=True, help="Stable key for integrations and the e-mail alias.")
    department_id = fields.Many2one(
        comodel_name="student_care.inquiry.department",
        ondelete="set null",
        help="The department that answers this topic.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Default Assignee",
        domain="[('share', '=', False)]",
        help="Gets the new inquiries of this topic; the department's manager if empty.",
    )
    response_hours = fields.Float(
        string="Response Target (working hours)",
        default=16.0,
        help="Working hours of the department within which a first answer is due.",
    )
    first_answer = fields.Html(
        translate=True,
        sanitize_style=True,
        help="Sent to the family at once with the acknowledgment (office hours, how to report "
        "an absence, transport contacts). The inquiry stays open until it is answered.",
    )
    is_wellbeing = fields.Boolean(
        string="Wellbeing or Safety",
        help="Inquiries of this topic may be passed to the care team.",
    )
    case_category_id = fields.Many2one(
        comodel_name="student_care.case.category",
        string="Care Category",
        help="The care case category used when an inquiry is passed to the care team.",
    )
    active = fields.Boolean(default=True)

    @api.model
    def _other(self):
        """The topic of questions nobody classified (e-mail without a topic)."""
        return self.search([("code", "=", "other")], limit=1) or self.search([], limit=1)
