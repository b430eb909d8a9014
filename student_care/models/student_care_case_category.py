# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareCaseCategory(models.Model):
    _name = "student_care.case.category"
    _description = "Care Case Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    first_contact_days = fields.Integer(
        string="First Contact Within",
        default=2,
        help="School days (working days of the institution's calendar) between the signal "
        "and the first contact with the student.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A category code must be unique."),
        (
            "first_contact_days_positive",
            "CHECK(first_contact_days >= 0)",
            "The first-contact deadline cannot be negative.",
        ),
    ]
