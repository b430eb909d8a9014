# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareProgramme(models.Model):
    _inherit = "student_care.programme"

    department_id = fields.Many2one(
        comodel_name="res.partner",
        string="Paying Department",
        index=True,
        domain="[('is_care_department', '=', True), ('company_id', 'in', [company_id, False])]",
        help="The department billed for care services delivered to this programme's students.",
    )
