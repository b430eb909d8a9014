# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import Form

from odoo.addons.student_care.tests.common import StudentCareCommon

DAY = date(2026, 11, 20)


class TestAttendanceSettings(StudentCareCommon):
    """The school-day and school-year settings change what truancy rules count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unexcused = cls.env.ref(
            "student_care_attendance.student_care_attendance_reason_unexcused"
        )

    def _set(self, **values):
        """Change settings through the Settings form, as an administrator does."""
        with Form(self.env["res.config.settings"].with_company(self.school)) as settings:
            for name, value in values.items():
                setattr(settings, name, value)
        settings.record.execute()

    def _absent(self, day, periods):
        self.env["student_care.attendance"].create(
            [
                {
                    "student_id": self.student.id,
                    "date": day,
                    "period": period,
                    "status": "absent",
                    "reason_id": self.unexcused.id,
                }
                for period in periods
            ]
        )
        self.env.cr.precommit.clear()

    def _amount(self, unit, window_type="rolling"):
        rule = self.env["student_care.truancy.rule"].create(
            {
                "name": "Settings",
                "company_id": self.school.id,
                "unit": unit,
                "window_type": window_type,
                "step_ids": [Command.create({"threshold": 1})],
            }
        )
        start, end = rule._window(self.school, DAY)
        return rule._amounts(self.school, start, end).get(self.student.id, 0)

    def test_periods_per_day_decide_a_missed_day(self):
        self._absent(DAY, (1, 2, 3))
        self._set(attendance_periods_per_day=6)
        self.assertEqual(self._amount("day"), 1)
        self._set(attendance_periods_per_day=8)
        self.assertEqual(self.school.attendance_periods_per_day, 8)
        self.assertEqual(self._amount("day"), 0, "3 of 8 periods is not half the day")

    def test_period_minutes_count_hours(self):
        self._absent(DAY, (0, 1))
        self._set(attendance_periods_per_day=6, attendance_period_minutes=50)
        self.assertAlmostEqual(self._amount("hour"), (6 * 50 + 50) / 60)
        self._set(attendance_period_minutes=60)
        self.assertAlmostEqual(self._amount("hour"), 7.0)

    def test_school_year_start_month_opens_the_window(self):
        self._absent(date(2026, 8, 25), (0,))
        self._set(school_year_start_month="8")
        self.assertEqual(self._amount("day", "school_year"), 1)
        self._set(school_year_start_month="9")
        self.assertEqual(self.school._school_year_start(DAY), date(2026, 9, 1))
        self.assertEqual(self._amount("day", "school_year"), 0)
