# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StudentCareStudentMixin(models.AbstractModel):
    """A record about one student at one institution (a case, an attendance, a call...).

    The institution (``student_care.institution.mixin``) is the student's unless given, and
    a record never belongs to another institution than its student's. Models override the
    fields' attributes (required, ondelete, index, tracking) where theirs differ.
    """

    _name = "student_care.student.mixin"
    _description = "Record About a Student"
    _inherit = ["student_care.institution.mixin"]

    student_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_student', '=', True)]",
    )

    @api.constrains("student_id", "company_id")
    def _check_student(self):
        for record in self.filtered("student_id"):
            record.student_id._check_student_of(record.company_id)

    @api.onchange("student_id")
    def _onchange_student_id(self):
        if self.student_id.company_id:
            self.company_id = self.student_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        # Only the students of records created without an institution are read.
        missing = [
            vals for vals in vals_list if vals.get("student_id") and not vals.get("company_id")
        ]
        students = self.env["res.partner"].browse({vals["student_id"] for vals in missing})
        company_of = {student.id: student.company_id.id for student in students}
        for vals in missing:
            vals["company_id"] = company_of[vals["student_id"]]
        return super().create(vals_list)
