# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStudentCareUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Tour School"})
        cls.teacher = new_test_user(
            cls.env,
            login="tour_teacher",
            groups="base.group_user,student_care.student_care_group_teacher",
            company_id=school.id,
            company_ids=[school.id],
        )
        klass = cls.env["student_care.class"].create(
            {"name": "TourClass", "company_id": school.id, "mentor_id": cls.teacher.id}
        )
        student = cls.env["res.partner"].create(
            {
                "name": "Tour Student",
                "is_student": True,
                "student_number": "777001",
                "company_id": school.id,
                "class_id": klass.id,
                "national_id": "SECRET-ID-1",
            }
        )
        guardian = cls.env["res.partner"].create(
            {"name": "Tour Guardian", "company_id": school.id}
        )
        cls.env["student_care.guardian"].create(
            {"student_id": student.id, "guardian_id": guardian.id, "relationship": "mother"}
        )

    def test_teacher_opens_a_student(self):
        self.start_tour(
            "/odoo/students",
            "student_care_teacher_open_student",
            login="tour_teacher",
        )

    def test_demo_logins_work(self):
        for login in (
            "teacher",
            "attendance",
            "careworker",
            "specialist",
            "caremanager",
            "billing",
        ):
            with self.subTest(login=login):
                session = self.authenticate(login, login)
                self.assertEqual(
                    session.uid, self.env["res.users"].search([("login", "=", login)]).id
                )
