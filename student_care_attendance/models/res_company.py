# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import fields, models

# The defaults of a new institution, read by the company fields (and so by the settings
# related to them) and by the code that needs a value when none is stored.
DEFAULT_PERIODS_PER_DAY = 6
DEFAULT_PERIOD_MINUTES = 50
DEFAULT_SCHOOL_YEAR_START_MONTH = 8
# The default sender of guardian notices for institutions without an e-mail address.
NOTICE_EMAIL_FROM_PARAM = "student_care.notice_email_from"


class ResCompany(models.Model):
    _inherit = "res.company"

    attendance_outreach_period = fields.Integer(
        string="Outreach Period",
        default=1,
        help="Students marked absent in this period (0 when the institution records whole "
        "days) and not scanned into the building are on the morning outreach list.",
    )
    attendance_periods_per_day = fields.Integer(
        string="Periods per Day",
        default=DEFAULT_PERIODS_PER_DAY,
        help="Lesson periods of a school day. For truancy and chronic absence, a day counts "
        "as missed when the student is absent the whole day (period 0) or for at least half "
        "of these periods; rules counted in periods count a whole-day absence as this many.",
    )
    attendance_period_minutes = fields.Integer(
        string="Minutes per Period",
        default=DEFAULT_PERIOD_MINUTES,
        help="Length of a lesson period. Truancy rules counted in hours count an absence "
        "without minutes missed as one period of this length, and a whole-day absence as "
        "the periods per day times this length.",
    )
    school_year_start_month = fields.Selection(
        selection=[(str(month), date(2000, month, 1).strftime("%B")) for month in range(1, 13)],
        default=str(DEFAULT_SCHOOL_YEAR_START_MONTH),
        required=True,
        help="The school year starts on the first day of this month: truancy rules counted "
        "over the school year and the chronic-absence rate start counting again then.",
    )

    _sql_constraints = [
        (
            "attendance_outreach_period_range",
            "CHECK(attendance_outreach_period BETWEEN 0 AND 8)",
            "The outreach period must be 0 (whole day) to 8.",
        ),
        (
            "attendance_periods_per_day_positive",
            "CHECK(attendance_periods_per_day > 0)",
            "A school day has at least one period.",
        ),
        (
            "attendance_period_minutes_positive",
            "CHECK(attendance_period_minutes > 0)",
            "A period lasts at least a minute.",
        ),
    ]

    def _school_year_start(self, day):
        """First day of the school year that contains ``day``."""
        self.ensure_one()
        month = int(self.school_year_start_month or DEFAULT_SCHOOL_YEAR_START_MONTH)
        year = day.year if day.month >= month else day.year - 1
        return date(year, month, 1)

    def _missed_day_periods(self):
        """Absent periods that make a whole missed day (half the day, rounded up)."""
        self.ensure_one()
        return max(1, -(-self.attendance_periods_per_day // 2))

    def _notice_email_from(self):
        """{company id: From address of its guardian notices, or False}: the institution's
        own address, else the default sender of the Student Care settings, else the
        database's default sender (the mail alias domain's "default from", e.g.
        notifications@school.example). False means that notices cannot be e-mailed."""
        default = (
            self.env["ir.config_parameter"].sudo().get_param(NOTICE_EMAIL_FROM_PARAM)
            or self.env["ir.mail_server"].sudo()._get_default_from_address()
        )
        return {company.id: company.email_formatted or default or False for company in self}
