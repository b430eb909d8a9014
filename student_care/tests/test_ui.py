# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .probes import ROLES, new_role_user


@tagged("post_install", "-at_install")
class TestStudentCareUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Tour School"})
        cls.teacher = new_role_user(cls.env, "tour_teacher", ROLES["teacher"], school)
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
        cls.env["student_care.guardian.link"].create(
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


@tagged("post_install", "-at_install")
class TestCareCaseUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Tour Care School"})
        cls.worker = new_role_user(
            cls.env, "tour_worker", ROLES["careworker"], school, name="SC tour worker"
        )
        cls.manager = new_role_user(cls.env, "tour_manager", ROLES["caremanager"], school)
        cls.teacher = new_role_user(cls.env, "tour_case_teacher", ROLES["teacher"], school)
        student = cls.env["res.partner"].create(
            {
                "name": "Tour Pupil",
                "is_student": True,
                "student_number": "T-77",
                "company_id": school.id,
                "mentor_id": cls.teacher.id,
            }
        )
        team = cls.env["student_care.team"].create(
            {"name": "Tour team", "company_id": school.id, "member_ids": [cls.worker.id]}
        )
        cls.case = cls.env["student_care.case"].create(
            {
                "student_id": student.id,
                "category_id": cls.env.ref("student_care.student_care_case_category_family").id,
                "team_id": team.id,
                "user_id": cls.worker.id,
            }
        )

    def test_worker_intake_then_teacher_status(self):
        self.start_tour("/odoo/care-cases", "student_care_worker_intake", login="tour_worker")
        self.assertEqual(
            self.case.stage_id, self.env.ref("student_care.student_care_case_stage_intake_done")
        )
        note = self.case.note_ids
        self.assertEqual(note.sensitivity, "confidential")
        self.assertIn("Confidential tour words", note.body)
        self.assertEqual(note.author_id, self.worker)
        # The file uploaded before the note existed now belongs to the note: the care
        # manager (no confidential notes of cases they do not own) cannot download it; its
        # author can, and that download is logged.
        attachment = note.attachment_ids
        self.assertEqual(attachment.name, "assessment.txt")
        self.assertEqual((attachment.res_model, attachment.res_id), (note._name, note.id))
        url = f"/web/content/{attachment.id}?download=true"
        with mute_logger("odoo.http"):
            self.authenticate("tour_manager", "tour_manager")
            self.assertNotEqual(self.url_open(url).status_code, 200)
        self.authenticate("tour_worker", "tour_worker")
        # In tests the log row is written in the request's transaction: Odoo replays the
        # read-only download on a read/write cursor, and says so.
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertEqual(response.content, b"Assessment: anxiety at home")
        log = self.env["student_care.access.log"].search([("note_ref", "=", note.id)], limit=1)
        self.assertEqual((log.channel, log.user_id), ("attachment", self.worker))
        self.start_tour(
            "/odoo/action-student_care.student_care_case_status_action",
            "student_care_teacher_case_status",
            login="tour_case_teacher",
        )
