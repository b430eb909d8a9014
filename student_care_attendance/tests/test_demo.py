# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import TransactionCase


class TestAttendanceDemo(TransactionCase):
    """The demo hook tells the attendance office's story: this checks that it ran."""

    def test_school_year_so_far(self):
        company = self.env.ref("base.main_company")
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        attendance = self.env["student_care.attendance"]
        history = attendance._read_group(
            [("company_id", "=", company.id), ("date", "<", fields.Date.today())],
            ["student_id"],
            ["__count"],
        )
        self.assertEqual({student for student, _count in history}, set(students))
        jayden = self.env.ref("student_care.res_partner_student_jayden_demo")
        self.assertTrue(
            attendance.search_count(
                [
                    ("student_id", "=", jayden.id),
                    ("status", "=", "absent"),
                    ("is_excused", "=", False),
                ]
            ),
            "Jayden skips his Monday and Tuesday mornings",
        )

    def test_outreach_this_morning(self):
        # The day the demo was installed (the test database is made the same day).
        today = fields.Date.context_today(self.env["res.partner"])
        officer = self.env.ref("student_care.user_attendance_demo")
        outreach = self.env["student_care.outreach"].with_user(officer)
        to_call = outreach.search([("date", "=", today), ("has_scan", "=", False)])
        calls = self.env["student_care.outreach.call"].search([("date", "=", today)])
        if today.weekday() >= 5:  # no school, no roll call
            self.assertFalse(to_call or calls)
            return
        self.assertGreaterEqual(len(to_call), 3)
        self.assertEqual(len(calls), 3)
