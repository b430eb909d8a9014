# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import fields
from odoo.tests import tagged

from odoo.addons.student_care.tests.probes import ROLES, role_users
from odoo.addons.student_care.tests.tours import PhoneTourCase, RoleTourCase


class OfficerTourCommon:
    """An attendance officer of a school where two students are absent in period 1 today:
    one scanned in at the gate, the other's father is the guardian to call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Officer Tour School"})
        cls.officer = role_users(
            cls.env, school, "officer_tour", roles={"officer": ROLES["attendance"]}, export=False
        )["officer"]
        # The server's "today" and the browser's are the same day.
        (cls.env.user | cls.officer).tz = "UTC"
        klass = cls.env["student_care.class"].create(
            {"name": "PhoneClass", "company_id": school.id}
        )
        cls.absentee, cls.scanned = cls.env["res.partner"].create(
            [
                {
                    "name": f"Phone {role}",
                    "is_student": True,
                    "student_number": number,
                    "company_id": school.id,
                    "class_id": klass.id,
                }
                for role, number in (("Absentee", "880101"), ("Scanned", "880102"))
            ]
        )
        father = cls.env["res.partner"].create(
            {"name": "Phone Father", "company_id": school.id, "mobile": "+31 6 5555 0101"}
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": cls.absentee.id, "guardian_id": father.id, "relationship": "father"}
        )
        cls.attendance = cls.env["student_care.attendance"]


@tagged("post_install", "-at_install")
class TestOfficerPhoneTour(OfficerTourCommon, PhoneTourCase):
    def test_morning_call_on_a_phone(self):
        today = fields.Date.today()
        self.attendance.create(
            [
                {"student_id": student.id, "date": today, "period": 1, "status": "absent"}
                for student in (self.absentee, self.scanned)
            ]
        )
        self.env["student_care.attendance.scan"].create(
            {"student_id": self.scanned.id, "scan_time": fields.Datetime.now()}
        )
        self.start_role_tour("student_care_attendance_officer_phone", login=self.officer.login)
        call = self.env["student_care.outreach.call"].search(
            [("student_id", "in", (self.absentee | self.scanned).ids)]
        )
        self.assertRecordValues(
            call,
            [
                {
                    "student_id": self.absentee.id,
                    "date": today,
                    "outcome": "family",
                    "is_follow_up_needed": True,
                    "caller_id": self.officer.id,
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
class TestOfficerImportTour(OfficerTourCommon, RoleTourCase):
    def test_import_at_the_desk(self):
        self.start_role_tour("student_care_attendance_officer_import", login=self.officer.login)
        records = self.attendance.search(
            [("student_id", "in", (self.absentee | self.scanned).ids)], order="student_id"
        )
        self.assertRecordValues(
            records,
            [
                {
                    "student_id": self.absentee.id,
                    "date": date(2026, 11, 2),
                    "period": 1,
                    "status": "absent",
                    "source": "import",
                },
                {
                    "student_id": self.scanned.id,
                    "date": date(2026, 11, 2),
                    "period": 1,
                    "status": "present",
                    "source": "import",
                },
            ],
        )
        wizard = self.env["student_care.attendance.import"].search(
            [("create_uid", "=", self.officer.id)]
        )
        self.assertEqual(wizard.state, "done")
