# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareInstitutionMixin(models.AbstractModel):
    """A record that belongs to one institution (a class, a care team, a report...).

    The institution is the user's current one unless given. Models override the field's
    attributes (string, ondelete, index) where theirs differ; grades and truancy rules make
    it optional, empty meaning every institution.
    """

    _name = "student_care.institution.mixin"
    _description = "Record of an Institution"

    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Institution",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
