# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.addons.mail.tests.common import MockEmail

from .inquiry_common import InquiryCommon

# A Friday afternoon; the office works Monday-Friday 8-12 and 13-17 (UTC).
FRIDAY_15 = datetime(2026, 3, 6, 15, 0)

RAW_EMAIL = """Return-Path: <{email_from}>
To: {to}
From: {email_from}
Subject: {subject}
Message-ID: <{msg_id}@example.com>
Date: Fri, 06 Mar 2026 10:00:00 +0000
Content-Type: text/plain; charset="utf-8"

{body}
"""


class TestInquiry(InquiryCommon, MockEmail):
    def sent_to(self, partner):
        return [
            mail
            for mail in self._mails
            if any(partner.email in address for address in mail["email_to"])
        ]

    def test_routing_by_topic(self):
        """The topic routes: its department, the topic's assignee or the manager."""
        inquiry = self.create_inquiry()
        self.assertEqual(inquiry.department_id, self.department)
        self.assertEqual(inquiry.user_id, self.desk_manager)
        self.topic.user_id = self.liaison
        self.assertEqual(self.create_inquiry().user_id, self.liaison)
        moved = self.create_inquiry(topic_id=self.topic_other_dept.id)
        self.assertEqual(moved.department_id, self.other_department)
        self.assertEqual(moved.stage_id.kind, "new")

    @freeze_time(FRIDAY_15)
    def test_deadline_in_working_hours(self):
        """4 working hours from Friday 15:00: 2 on Friday, 2 on Monday -> Monday 10:00."""
        inquiry = self.create_inquiry()
        self.assertEqual(inquiry.date_deadline, datetime(2026, 3, 9, 10, 0))
        self.assertFalse(inquiry.is_overdue)
        with freeze_time(datetime(2026, 3, 9, 11, 0)):
            inquiry.invalidate_recordset(["is_overdue"])
            self.assertTrue(inquiry.is_overdue)
            self.assertIn(
                inquiry, self.env["student_care.inquiry"].search([("is_overdue", "=", True)])
            )

    def test_acknowledgment_with_first_answer(self):
        """The family gets the topic's first answer at once, with its link, and no student
        name; the inquiry stays open."""
        with self.mock_mail_gateway():
            inquiry = self.create_inquiry()
        mails = self.sent_to(self.mother)
        self.assertEqual(len(mails), 1)
        self.assertIn("Buses leave at 16:00", mails[0]["body"])
        self.assertIn(f"/my/inquiries/{inquiry.id}?access_token=", mails[0]["body"])
        self.assertNotIn(self.student.name, mails[0]["body"] + mails[0]["subject"])
        self.assertFalse(inquiry.first_response_date)
        self.assertEqual(inquiry.stage_id.kind, "new")

    @freeze_time(FRIDAY_15)
    def test_staff_reply_reaches_family_and_counts(self):
        inquiry = self.create_inquiry()
        with freeze_time(datetime(2026, 3, 9, 9, 30)), self.mock_mail_gateway():
            inquiry.with_user(self.desk_manager).message_post(
                body="Internal: check the bus company.",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            self.assertFalse(self.sent_to(self.mother), "a note never reaches the family")
            self.assertFalse(inquiry.first_response_date)
            inquiry.with_user(self.desk_manager).message_post(
                body="The bus now leaves at 16:15.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(len(self.sent_to(self.mother)), 1)
        self.assertIn("16:15", self.sent_to(self.mother)[0]["body"])
        self.assertEqual(inquiry.first_response_date, datetime(2026, 3, 9, 9, 30))
        self.assertAlmostEqual(inquiry.response_hours, 3.5, places=2)
        self.assertFalse(inquiry.is_late)
        self.assertEqual(inquiry.stage_id.kind, "waiting")

    def test_family_reply_reopens(self):
        inquiry = self.create_inquiry()
        inquiry.with_user(self.desk_manager).message_post(
            body="Answer", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(inquiry.stage_id.kind, "waiting")
        inquiry.with_user(self.family_user).message_post(
            body="It is still not clear.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(inquiry.stage_id.kind, "progress")
        inquiry.with_user(self.family_user).sudo().action_mark_answered()
        self.assertEqual(inquiry.stage_id.kind, "answered")

    def test_close_asks_for_rating(self):
        inquiry = self.create_inquiry()
        with self.mock_mail_gateway():
            inquiry.with_user(self.desk_manager).action_close()
            self.env["mail.mail"].sudo().process_email_queue()
        self.assertTrue(inquiry.is_closed)
        self.assertTrue(inquiry.closed_date)
        rating = inquiry.sudo().rating_ids
        self.assertEqual(len(rating), 1)
        self.assertEqual(rating.partner_id, self.mother)
        mails = self.sent_to(self.mother)
        self.assertTrue(any(f"/rate/{rating.access_token}/5" in m["body"] for m in mails))
        inquiry.sudo().rating_apply(5, token=rating.access_token, feedback="Thanks")
        self.assertEqual(inquiry.rating_last_value, 5)
        groups = self.env["student_care.inquiry"]._read_group(
            [("id", "=", inquiry.id)], ["department_id", "topic_id"], ["rating_last_value:avg"]
        )
        self.assertEqual(groups, [(self.department, self.topic, 5.0)])

    @freeze_time(FRIDAY_15)
    def test_reminder_and_escalation_rules(self):
        """Two hours before the deadline the assignee gets a reminder; after it the manager
        gets the escalation; an answered inquiry gets neither."""
        self.topic.user_id = self.liaison
        automations = self.env.ref(
            "student_care.student_care_inquiry_automation_reminder"
        ) | self.env.ref("student_care.student_care_inquiry_automation_escalation")
        automations.last_run = FRIDAY_15
        inquiry = self.create_inquiry()
        answered = self.create_inquiry()
        answered.with_user(self.liaison).message_post(
            body="Done", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        Automation = self.env["base.automation"]
        with freeze_time(datetime(2026, 3, 9, 8, 30)):  # deadline Monday 10:00
            Automation._check()
        self.assertEqual(inquiry.activity_ids.mapped("summary"), ["Answer due soon"])
        self.assertEqual(inquiry.activity_ids.user_id, self.liaison)
        self.assertFalse(answered.activity_ids)
        with freeze_time(datetime(2026, 3, 9, 10, 30)):
            Automation._check()
        escalation = inquiry.activity_ids.filtered(lambda a: a.summary == "Answer overdue")
        self.assertEqual(escalation.user_id, self.desk_manager)
        self.assertEqual(inquiry.priority, "1")
        self.assertEqual(len(inquiry.activity_ids), 2, "the reminder is not repeated")
        self.assertFalse(answered.activity_ids)

    def process(self, email_from, subject="Question about the bus", msg_id="m1"):
        raw = RAW_EMAIL.format(
            email_from=email_from,
            to="test-office@example.com",
            subject=subject,
            msg_id=msg_id,
            body="Hello, when does the bus leave?",
        )
        thread_id = self.env["mail.thread"].message_process(
            "student_care.inquiry",
            raw,
            custom_values={"department_id": self.department.id},
        )
        return self.env["student_care.inquiry"].browse(thread_id)

    def test_mail_gateway_matches_guardian(self):
        inquiry = self.process("Anja Visser <anja.visser@example.com>")
        self.assertEqual(inquiry.partner_id, self.mother)
        self.assertEqual(inquiry.channel, "email")
        self.assertEqual(inquiry.department_id, self.department)
        self.assertEqual(inquiry.topic_id.code, "other")
        self.assertFalse(inquiry.student_id, "an e-mail never links a child by itself")
        self.assertIn(self.mother, inquiry.message_partner_ids)

    def test_mail_gateway_unknown_or_ambiguous_sender(self):
        unknown = self.process("stranger@example.com", msg_id="m2")
        self.assertTrue(unknown.partner_id)
        self.assertFalse(unknown.partner_id.is_guardian)
        self.assertEqual(unknown.partner_id.email, "stranger@example.com")
        # Two guardians share an address: nobody is guessed.
        father = self.env["res.partner"].create(
            {
                "name": "Piet Visser",
                "email": "anja.visser@example.com",
                "company_id": self.school.id,
            }
        )
        self.env["student_care.guardian.link"].create(
            {"student_id": self.student.id, "guardian_id": father.id, "relationship": "father"}
        )
        shared = self.process("anja.visser@example.com", msg_id="m3")
        self.assertNotIn(shared.partner_id, self.mother | father)
        self.assertFalse(shared.partner_id.is_guardian)

    def test_family_email_reply_reopens(self):
        inquiry = self.process("anja.visser@example.com", msg_id="m4")
        inquiry.with_user(self.liaison).message_post(
            body="See the timetable.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(inquiry.stage_id.kind, "waiting")
        raw = RAW_EMAIL.format(
            email_from="anja.visser@example.com",
            to="test-office@example.com",
            subject="Re: Question about the bus",
            msg_id="m5",
            body="Thanks, but which stop?",
        ).replace("Date:", f"In-Reply-To: {inquiry.message_ids[0].message_id}\nDate:")
        self.env["mail.thread"].message_process("student_care.inquiry", raw)
        self.assertEqual(inquiry.stage_id.kind, "progress")

    def test_liaison_lands_on_the_pipeline(self):
        action = self.env["res.users"].with_user(self.liaison).action_student_care_landing()
        self.assertEqual(action["res_model"], "student_care.inquiry")
        self.assertEqual(action["context"].get("search_default_my_departments"), 1)
        # The directory, not the dossier.
        self.assertTrue(self.student.with_user(self.liaison).read(["name"]))
        self.assertFalse(self.env["student_care.case"].with_user(self.liaison).has_access("read"))
        self.assertFalse(self.env["student_care.note"].with_user(self.liaison).has_access("read"))

    def test_gateway_queries_per_message(self):
        """The mail gateway's hot path: one e-mail, routed, matched, acknowledged, in a
        fixed number of queries whatever the number of guardians and inquiries."""
        self.process("warm.up@example.com", msg_id="w1")
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=72):
            self.process("Anja Visser <anja.visser@example.com>", msg_id="w2")
