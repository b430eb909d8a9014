# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareAttendanceReason(models.Model):
    _name = "student_care.attendance.reason"
    _description = "Absence Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True, help="The code used in imported files.")
    is_excused = fields.Boolean(
        string="Excused", help="Excused absences do not count towards truancy."
    )
    is_family_reason = fields.Boolean(
        string="Offered to Families",
        help="Guardians choose among these reasons when they report or excuse an absence "
        "on the portal.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "An absence reason code must be unique.")]
