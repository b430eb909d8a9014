# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import Form
from odoo.tools import mute_logger

from .test_case import StudentCareCaseCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


class TestReportConcern(StudentCareCaseCommon):
    def _report(
        self, user, student=None, category=None, text="Missed three mornings", urgent=False
    ):
        wizard = Form(
            self.env["student_care.case.signal"]
            .with_user(user)
            .with_context(active_model="res.partner", active_id=(student or self.student).id)
        )
        wizard.category_id = category or self.truancy
        wizard.description = f"<p>{text}</p>"
        wizard.is_urgent = urgent
        return wizard.save().action_submit()

    def _cases(self, student=None):
        return self.env["student_care.case"].search(
            [("student_id", "=", (student or self.student).id)]
        )

    @mute_logger(*MUTED)
    def test_teacher_concern_opens_a_case_without_access(self):
        teacher = self.users["teacher"]
        result = self._report(teacher)
        self.assertEqual(result["params"]["type"], "success")
        self.assertIn("Lotte Visser", result["params"]["message"])
        case = self._cases()
        self.assertEqual(len(case), 1)
        self.assertRecordValues(
            case,
            [
                {
                    "stage_id": self.stage_new.id,
                    "origin": "teacher",
                    "category_id": self.truancy.id,
                    "team_id": self.team.id,
                    "user_id": self.users["caremanager"].id,
                    "priority": "0",
                }
            ],
        )
        self.assertIn("Missed three mornings", case.description)
        # The teacher gained nothing: no read, no follower, no message feed.
        self.assertNotIn(teacher.partner_id, case.message_partner_ids)
        with self.assertRaises(AccessError):
            case.with_user(teacher).read(["stage_id"])
        with self.assertRaises(AccessError):
            self.env["student_care.case"].with_user(teacher).search([])

    @mute_logger(*MUTED)
    def test_second_concern_joins_the_open_case(self):
        self._report(self.users["teacher"], text="First worry")
        self._report(self.users["attendance"], text="Second worry", urgent=True)
        case = self._cases()
        self.assertEqual(len(case), 1, "a concern of the same kind joins the open case")
        self.assertEqual(case.priority, "2")
        note = case.message_ids.filtered(lambda m: "Second worry" in (m.body or ""))
        self.assertIn(self.users["attendance"].name, note.body, "the care team sees who")
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        # The message is not the reporter's: Odoo lets authors and creators read messages,
        # and that would tell them that a case exists and its reference.
        self.assertNotEqual(note.author_id, self.users["attendance"].partner_id)
        self.assertNotEqual(note.create_uid, self.users["attendance"])
        for role in ("teacher", "attendance"):
            messages = self.env["mail.message"].with_user(self.users[role])
            self.assertFalse(messages.search([("model", "=", "student_care.case")]))
        # Another kind of concern is another case; a closed case is not joined.
        self._report(self.users["teacher"], category=self.wellbeing, text="Seems sad")
        self.assertEqual(len(self._cases()), 2)
        case.write({"stage_id": self.stage_closed.id, "outcome": "resolved"})
        self._report(self.users["teacher"], text="Absent again")
        self.assertEqual(len(self._cases()), 3)

    @mute_logger(*MUTED)
    def test_no_concern_about_another_institutions_student(self):
        wizard = (
            self.env["student_care.case.signal"]
            .with_user(self.users["teacher"])
            .create(
                {
                    "student_id": self.other_student.id,
                    "category_id": self.truancy.id,
                    "description": "<p>x</p>",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.action_submit()
        self.assertFalse(self._cases(self.other_student))

    def test_description_is_sanitised(self):
        self._report(self.users["teacher"], text="<script>alert(1)</script>Hello")
        description = self._cases().description
        self.assertNotIn("<script", description)
        self.assertIn("Hello", description)

    def test_student_form_button_opens_the_wizard(self):
        action = self.student.with_user(self.users["teacher"]).action_report_concern()
        self.assertEqual(action["res_model"], "student_care.case.signal")
        self.assertEqual(action["context"]["default_student_id"], self.student.id)

    def test_open_or_join_in_one_batch(self):
        Case = self.env["student_care.case"]
        reporter = self.users["teacher"]
        signal = {
            "student": self.student,
            "category": self.truancy,
            "description": "<p>First</p>",
            "reporter": reporter,
        }
        cases = Case._open_or_join(
            [
                signal,
                {**signal, "description": "Second <b>", "urgent": True},
                {**signal, "category": self.wellbeing, "origin": "guardian", "reporter": None},
            ]
        )
        self.assertEqual(len(cases), 3, "one case per signal, in order")
        self.assertEqual(cases[0], cases[1], "the same kind joins within the batch too")
        self.assertNotEqual(cases[0], cases[2])
        self.assertTrue(cases.env.su)
        self.assertEqual(cases.env.uid, SUPERUSER_ID)
        self.assertRecordValues(
            cases[0] | cases[2],
            [
                {"priority": "2", "origin": "teacher", "user_id": self.users["caremanager"].id},
                {"priority": "0", "origin": "guardian", "user_id": self.users["caremanager"].id},
            ],
        )
        joined = cases[0].message_ids.filtered(lambda m: "Second" in (m.body or ""))
        self.assertIn(reporter.name, joined.body)
        self.assertIn("Second &lt;b&gt;", joined.body, "plain text is escaped")
        self.assertEqual(joined.author_id, self.env.ref("base.partner_root"))
        self.assertFalse(Case._open_or_join([]))
