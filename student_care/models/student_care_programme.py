# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareProgramme(models.Model):
    _name = "student_care.programme"
    _description = "Study Programme"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Institution",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A programme code must be unique per institution.",
        ),
    ]
