# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareGrade(models.Model):
    _name = "student_care.grade"
    _description = "Grade / Year Level"
    _inherit = ["student_care.institution.mixin"]
    _order = "sequence, level, id"

    name = fields.Char(required=True, translate=True)
    level = fields.Integer(help="Numeric year level, used to order and compare grades.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        required=False,
        default=False,
        help="Leave empty to share this grade with every institution.",
    )
