# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from pytz import timezone

from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _school_dates(self, start, end):
        """The institution's school days from ``start`` to ``end`` (both included), sorted.

        Same definition as the case SLAs (``student_care.case._school_days_after``): the
        working days of the institution's calendar minus its leaves (public holidays, school
        breaks); without a calendar, Monday to Friday. One calendar query for the whole range,
        so callers can count enrolled days for thousands of students at once.
        """
        self.ensure_one()
        if end < start:
            return []
        calendar = self.resource_calendar_id
        if not calendar:
            days = (start + timedelta(days=offset) for offset in range((end - start).days + 1))
            return [day for day in days if day.weekday() < 5]
        tz = timezone(calendar.tz or "UTC")
        intervals = calendar._work_intervals_batch(
            tz.localize(datetime.combine(start, time.min)),
            tz.localize(datetime.combine(end, time.max)),
            compute_leaves=True,
        )[False]
        return sorted({interval[0].astimezone(tz).date() for interval in intervals})
