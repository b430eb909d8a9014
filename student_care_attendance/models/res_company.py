# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    attendance_outreach_period = fields.Integer(
        string="Outreach Period",
        default=1,
        help="Students marked absent in this period (0 when the institution records whole "
        "days) and not scanned into the building are on the morning outreach list.",
    )

    _sql_constraints = [
        (
            "attendance_outreach_period_range",
            "CHECK(attendance_outreach_period BETWEEN 0 AND 8)",
            "The outreach period must be 0 (whole day) to 8.",
        ),
    ]
