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

    def test_active_truancy_rule_is_ready_to_run(self):
        company = self.env.ref("base.main_company")
        officer = self.env.ref("student_care.user_attendance_demo")
        rules = self.env["student_care.truancy.rule"].search(
            [("company_id", "in", (company.id, False))]
        )
        self.assertTrue(rules, "no active truancy rule")
        for rule in rules:
            with self.subTest(rule=rule.name):
                self.assertEqual(rule.user_id, officer, "call tasks go to the demo officer")
                self.assertTrue(rule.authority_id.email, "reports have a recipient")
                self.assertEqual(set(rule.step_ids.mapped("action")), {"notice", "call", "report"})
                notices = rule.step_ids.filtered(lambda step: step.action == "notice")
                self.assertTrue(all(notices.mapped("mail_template_id")))

    def test_mass_notice_preview_of_the_demo_school(self):
        officer = self.env.ref("student_care.user_attendance_demo")
        company = self.env.ref("base.main_company")
        notice = (
            self.env["student_care.mass.notice"]
            .with_user(officer)
            .new({"subject": "Snow day", "body": "<p>Closed.</p>", "company_ids": company.ids})
        )
        guardians = (
            self.env["student_care.guardian.link"]
            .search(
                [
                    ("company_id", "=", company.id),
                    ("is_notice_recipient", "=", True),
                    ("student_id.enrolment_status", "in", ("enrolled", "on_leave")),
                ]
            )
            .guardian_id
        )
        reached = (
            notice.preview_email_count + notice.preview_sms_count + notice.preview_phone_count
        )
        self.assertEqual(reached + notice.preview_unreachable_count, len(guardians))
        self.assertTrue(notice.preview_email_count)
        self.assertTrue(notice.preview_other_channel_count, "some prefer a call or a letter")
        self.assertTrue(notice.preview_sms_count, "some prefer a text message")

    def test_bounced_notice_for_the_officer(self):
        """The officer's first look at Guardian Notices: a bounced e-mail to retry."""
        officer = self.env.ref("student_care.user_attendance_demo")
        Notice = self.env["student_care.attendance.notice"].with_user(officer)
        failed = Notice.search([("state", "in", ("failed", "bounced"))])
        bounced = self.env.ref(
            "student_care_attendance.student_care_attendance_notice_jayden_mila_demo"
        )
        self.assertIn(bounced, failed)
        self.assertIn("Mailbox full", bounced.with_user(officer).failure_reason)
        bounced.with_user(officer).action_retry()
        self.assertRecordValues(bounced, [{"state": "queued", "channel": "email"}])
