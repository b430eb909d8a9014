# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    attendance_outreach_period = fields.Integer(
        related="company_id.attendance_outreach_period", readonly=False
    )
    attendance_periods_per_day = fields.Integer(
        related="company_id.attendance_periods_per_day", readonly=False
    )
    attendance_period_minutes = fields.Integer(
        related="company_id.attendance_period_minutes", readonly=False
    )
    school_year_start_month = fields.Selection(
        related="company_id.school_year_start_month", readonly=False
    )
    notice_email_from = fields.Char(
        string="Default Notice Sender",
        config_parameter="student_care.notice_email_from",
        help="From address of guardian notices of institutions without an e-mail address. "
        "Empty: the database's default sender (mail alias domain).",
    )
