# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.student_care.tests.probes import ROLES, role_users
from odoo.addons.student_care.tests.tours import PhoneTourCase, RoleTourCase


class TeacherTourCommon:
    """The teacher's main path from the home page: the roll call of their one class,
    one click for the absent student, save."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Teacher Tour School"})
        teacher = role_users(
            cls.env, school, "tour", roles={"teacher": ROLES["teacher"]}, export=False
        )["teacher"]
        # The server's "today" and the browser's must be the same day.
        (cls.env.user | teacher).tz = "UTC"
        klass = cls.env["student_care.class"].create(
            {"name": "TourClass", "company_id": school.id, "mentor_id": teacher.id}
        )
        cls.students = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_student": True,
                    "student_number": number,
                    "company_id": school.id,
                    "class_id": klass.id,
                }
                for name, number in (("Tour Absentee", "881001"), ("Tour Scanned", "881002"))
            ]
        )

    def _assert_roll_call_saved(self):
        records = self.env["student_care.attendance"].search(
            [("student_id", "in", self.students.ids), ("date", "=", fields.Date.today())]
        )
        self.assertEqual(
            {(r.student_id.name, r.period, r.status, r.source) for r in records},
            {
                ("Tour Absentee", 1, "absent", "teacher"),
                ("Tour Scanned", 1, "present", "teacher"),
            },
        )


@tagged("post_install", "-at_install")
class TestTeacherRoleTour(TeacherTourCommon, RoleTourCase):
    def test_teacher_marks_absent_in_one_click(self):
        self.start_role_tour("student_care_attendance_teacher_landing", login="tour_teacher")
        self._assert_roll_call_saved()


@tagged("post_install", "-at_install")
class TestTeacherPhoneTour(TeacherTourCommon, PhoneTourCase):
    def test_teacher_takes_the_roll_call_on_a_phone(self):
        self.start_role_tour("student_care_attendance_teacher_phone", login="tour_teacher")
        self._assert_roll_call_saved()
