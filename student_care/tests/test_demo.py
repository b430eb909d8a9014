# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase

from .probes import ROLES


class TestDemoData(TransactionCase):
    """The demo school tells the product's story: this checks that it installed."""

    def test_demo_school(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Riverside Community School")
        students = self.env["res.partner"].search(
            [("is_student", "=", True), ("company_id", "=", company.id)]
        )
        # Small enough to read: four classes of ten, every student in one.
        self.assertTrue(30 <= len(students) <= 50, len(students))
        self.assertEqual(set(students.mapped("class_id.name")), {"9A", "9B", "10A", "11A"})
        self.assertEqual(set(students.mapped("grade_id.level")), {9, 10, 11})
        links = self.env["student_care.guardian.link"].search([("student_id", "in", students.ids)])
        self.assertEqual(set(links.student_id.ids), set(students.ids), "a student has no family")
        shared = self.env["student_care.guardian.link"]._read_group(
            [("student_id", "in", students.ids)],
            ["guardian_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        self.assertGreaterEqual(len(shared), 5, "siblings should share guardians")
        jayden = self.env.ref("student_care.res_partner_student_jayden_demo")
        ruby = self.env.ref("student_care.res_partner_student_ruby_demo")
        self.assertEqual(jayden.guardian_link_ids.guardian_id, ruby.guardian_link_ids.guardian_id)
        teacher = self.env.ref("student_care.user_teacher_demo")
        self.assertEqual(jayden.class_id.mentor_id, teacher)
        self.assertEqual(jayden.class_id.student_ids.mentor_id, teacher)

    def test_one_demo_user_per_role(self):
        logins = {
            "teacher": "teacher",
            "attendance": "attendance",
            "careworker": "careworker",
            "specialist": "specialist",
            "caremanager": "caremanager",
            "billing": "billing",
        }
        for role, login in logins.items():
            with self.subTest(role=role):
                user = self.env["res.users"].search([("login", "=", login)])
                self.assertTrue(user, f"no demo user {login}")
                self.assertIn(self.env.ref(ROLES[role]), user.groups_id)
                self.assertEqual(user.company_id, self.env.ref("base.main_company"))

    def test_demo_pipeline(self):
        cases = self.env["student_care.case"].search(
            [("company_id", "=", self.env.ref("base.main_company").id)]
        )
        self.assertGreaterEqual(len(cases), 16)
        self.assertGreaterEqual(len(cases.stage_id), 4, "cases spread over the pipeline")
        team = self.env.ref("student_care.student_care_team_riverside_demo")
        self.assertIn(self.env.ref("student_care.user_careworker_demo"), team.member_ids)
        jayden_case = self.env.ref("student_care.student_care_case_jayden_demo")
        self.assertEqual(jayden_case.stage_id.name, "New signal")
        # The specialist has one case referred to them, and reads that one.
        specialist = self.env.ref("student_care.user_specialist_demo")
        referral = self.env["student_care.referral"].search(
            [("specialist_id", "=", specialist.id), ("state", "=", "active")]
        )
        self.assertEqual(len(referral), 1)
        self.assertEqual(
            self.env["student_care.case"].with_user(specialist).search([]), referral.case_id
        )

    def test_families_say_how_to_reach_them(self):
        company = self.env.ref("base.main_company")
        links = self.env["student_care.guardian.link"].search([("company_id", "=", company.id)])
        self.assertTrue(links)
        self.assertFalse(links.filtered(lambda link: not link.lang), "a link without a language")
        self.assertFalse(links.filtered(lambda link: not link.preferred_channel))
        self.assertEqual(set(links.mapped("lang")), {"en_US", "nl_NL"})
        self.assertEqual(
            set(links.mapped("preferred_channel")), {"phone", "sms", "email", "letter"}
        )
        # One family, one language, whichever child the link is for.
        languages = self.env["student_care.guardian.link"]._read_group(
            [("company_id", "=", company.id)], ["guardian_id"], ["lang:count_distinct"]
        )
        self.assertEqual({count for _guardian, count in languages}, {1})

    def test_demo_interview(self):
        # Jayden's case has a planned interview: the care team attends, Jayden is met.
        case = self.env.ref("student_care.student_care_case_jayden_demo")
        event = self.env.ref("student_care.calendar_event_interview_jayden_demo")
        self.assertEqual(event.student_care_case_id, case)
        self.assertEqual(event.privacy, "private")
        self.assertEqual(event.student_care_met_partner_ids, case.student_id)
        team = case.care_user_ids | case.team_manager_id
        self.assertTrue(event.partner_ids)
        self.assertLessEqual(event.partner_ids, team.partner_id)
        self.assertNotIn(case.student_id.name, event.name)
