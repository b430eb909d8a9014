# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareInquiryDepartment(models.Model):
    """A desk that answers families: the student administration, the transport office, the
    attendance office... Its members (family liaisons) read its inquiries; its working
    hours count the response time; its e-mail alias is one of the desk's front doors."""

    _name = "student_care.inquiry.department"
    _description = "Inquiry Department"
    _inherit = ["mail.alias.mixin", "student_care.institution.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(ondelete="cascade")
    manager_id = fields.Many2one(
        comodel_name="res.users",
        domain="[('share', '=', False)]",
        help="Receives the escalation when an inquiry is not answered in time.",
    )
    member_ids = fields.Many2many(
        comodel_name="res.users",
        relation="student_care_inquiry_department_member_rel",
        column1="department_id",
        column2="user_id",
        string="Members",
        domain="[('share', '=', False)]",
        help="The family liaisons who answer this department's inquiries.",
    )
    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working Hours",
        help="Counts the response time of its inquiries; the institution's hours if empty.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    def _calendar(self):
        self.ensure_one()
        return self.resource_calendar_id or self.company_id.resource_calendar_id

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("student_care.inquiry")
        values["alias_contact"] = "everyone"
        if self.id:
            values["alias_defaults"] = {"department_id": self.id, "company_id": self.company_id.id}
        return values
