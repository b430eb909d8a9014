# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.student_care.tests.tours import PhoneTourCase, RoleTourCase

from .test_ui import AttendanceTourCommon


@tagged("post_install", "-at_install")
class TestOfficerPhoneTour(AttendanceTourCommon, PhoneTourCase):
    def test_morning_call_on_a_phone(self):
        self._absent_today()
        self.start_role_tour("student_care_attendance_officer_phone", login="tour_officer")
        call = self.env["student_care.outreach.call"].search(
            [("student_id", "in", (self.absentee | self.scanned).ids)]
        )
        self.assertRecordValues(
            call,
            [
                {
                    "student_id": self.absentee.id,
                    "date": self.today,
                    "outcome": "family",
                    "is_follow_up_needed": True,
                    "caller_id": self.users["officer"].id,
                    "guardian_link_id": self.absentee.guardian_link_ids.id,
                }
            ],
        )
        self.assertEqual(
            call.case_id.category_id,
            self.env.ref("student_care.student_care_case_category_truancy"),
        )
        self.assertEqual(call.note_id.case_id, call.case_id)


@tagged("post_install", "-at_install")
class TestOfficerImportTour(AttendanceTourCommon, RoleTourCase):
    def test_import_at_the_desk(self):
        self.start_role_tour("student_care_attendance_officer_import", login="tour_officer")
        records = self.attendance.search(
            [("student_id", "in", (self.absentee | self.scanned).ids)], order="student_id"
        )
        expected = {"date": date(2026, 11, 2), "period": 1, "source": "import"}
        self.assertRecordValues(
            records,
            [
                {**expected, "student_id": self.absentee.id, "status": "absent"},
                {**expected, "student_id": self.scanned.id, "status": "present"},
            ],
        )
        wizard = self.env["student_care.attendance.import"].search(
            [("create_uid", "=", self.users["officer"].id)]
        )
        self.assertEqual(wizard.state, "done")
