# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareProgramme(models.Model):
    _name = "student_care.programme"
    _description = "Study Programme"
    _inherit = ["student_care.institution.mixin"]
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    active = fields.Boolean(default=True)
    # From student_care.institution.mixin; deleted with its institution.
    company_id = fields.Many2one(ondelete="cascade")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A programme code must be unique per institution.",
        ),
    ]
