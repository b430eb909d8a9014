# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareCaseMixin(models.AbstractModel):
    """A record of a case's dossier (a note, a referral): deleted with its case, about the
    case's student, of the case's institution. Student and institution are stored copies
    for record rules and searches; they follow the case and are never written on their own
    (``student_care.access.guard`` and the note's ``write`` refuse related fields)."""

    _name = "student_care.case.mixin"
    _description = "Record of a Case"

    case_id = fields.Many2one(
        comodel_name="student_care.case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    student_id = fields.Many2one(
        related="case_id.student_id", string="Student", store=True, index=True
    )
    company_id = fields.Many2one(
        related="case_id.company_id", string="Institution", store=True, index=True
    )
