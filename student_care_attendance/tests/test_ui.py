# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.student_care.tests.probes import ROLES, role_users
from odoo.addons.student_care.tests.tours import RoleTourCase


class AttendanceTourCommon:
    """A teacher and an attendance officer of a school, a class of two students; the
    absentee's father is the guardian to call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Attendance Tour School"})
        roles = {"teacher": ROLES["teacher"], "officer": ROLES["attendance"]}
        cls.users = users = role_users(cls.env, school, "tour", roles=roles, export=False)
        # One time zone for the server-side "today" of the test, the scan's local date and
        # the browser's context_today(): otherwise the test fails around midnight.
        (cls.env.user | users["teacher"] | users["officer"]).tz = "UTC"
        klass = cls.env["student_care.class"].create(
            {"name": "TourClass", "company_id": school.id, "mentor_id": users["teacher"].id}
        )
        cls.absentee, cls.scanned = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_student": True,
                    "student_number": number,
                    "company_id": school.id,
                    "class_id": klass.id,
                }
                for name, number in (("Tour Absentee", "880001"), ("Tour Scanned", "880002"))
            ]
        )
        guardian = cls.env["res.partner"].create(
            {"name": "Tour Father", "company_id": school.id, "mobile": "+31 6 5555 0001"}
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": cls.absentee.id, "guardian_id": guardian.id, "relationship": "father"}
        )
        cls.attendance = cls.env["student_care.attendance"]
        cls.today = fields.Date.today()

    def _absent_today(self):
        """Both students absent in period 1 today; the second then scanned in at the gate."""
        self.attendance.create(
            [
                {"student_id": student.id, "date": self.today, "period": 1, "status": "absent"}
                for student in (self.absentee, self.scanned)
            ]
        )
        self.env["student_care.attendance.scan"].create(
            {"student_id": self.scanned.id, "scan_time": fields.Datetime.now()}
        )


@tagged("post_install", "-at_install")
class TestAttendanceUi(AttendanceTourCommon, RoleTourCase):
    def test_roll_call(self):
        self.start_tour(
            "/odoo/action-student_care_attendance.student_care_attendance_roll_call_action",
            "student_care_attendance_roll_call",
            login="tour_teacher",
        )
        records = self.attendance.search(
            [("student_id", "in", (self.absentee | self.scanned).ids), ("date", "=", self.today)]
        )
        self.assertEqual(
            {(r.student_id.name, r.period, r.status, r.source) for r in records},
            {
                ("Tour Absentee", 1, "absent", "teacher"),
                ("Tour Scanned", 1, "present", "teacher"),
            },
        )

    def test_outreach_call(self):
        self._absent_today()
        self.start_role_tour("student_care_attendance_outreach_call", login="tour_officer")
        call = self.env["student_care.outreach.call"].search(
            [("student_id", "=", self.absentee.id)]
        )
        self.assertRecordValues(
            call,
            [
                {
                    "outcome": "family",
                    "is_follow_up_needed": True,
                    "reason_given": False,
                    "caller_id": self.users["officer"].id,
                }
            ],
        )
        self.assertEqual(
            call.case_id.category_id,
            self.env.ref("student_care.student_care_case_category_truancy"),
        )
        self.assertIn("Parents separated last week", call.note_id.body)
