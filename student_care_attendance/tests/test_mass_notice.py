# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from odoo.addons.mail.tests.common import MockEmail

from .test_truancy import TruancyCommon


class TestMassNotice(TruancyCommon, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A sibling of Lotte: the mother must get the notice once, not twice.
        cls.sibling = cls.create_student("Daan Visser", "100003")
        cls.env["student_care.guardian.link"].create(
            {"student_id": cls.sibling.id, "guardian_id": cls.mother.id}
        )
        # Eight more families, one guardian each, in another class.
        cls.class_b = cls.env["student_care.class"].create(
            {"name": "T9B", "company_id": cls.school.id, "grade_id": cls.grade.id}
        )
        cls.families = cls.env["res.partner"]
        for index in range(8):
            student = cls.create_student(
                f"Student {index}", f"2000{index}", class_id=cls.class_b.id
            )
            guardian = cls.env["res.partner"].create(
                {"name": f"Parent {index}", "email": f"parent{index}@example.com"}
            )
            cls.env["student_care.guardian.link"].create(
                {"student_id": student.id, "guardian_id": guardian.id}
            )
            cls.families |= guardian
        # A guardian at the other institution never gets this school's notice.
        cls.outsider = cls.env["res.partner"].create(
            {"name": "Other parent", "email": "other@example.com"}
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": cls.other_student.id, "guardian_id": cls.outsider.id}
        )

    def _send_all(self, batch_size):
        Notice = self.env["student_care.attendance.notice"].sudo()
        batches = 0
        while Notice._cron_send(batch_size=batch_size):
            batches += 1
        return batches

    def test_every_recipient_once_across_batches(self):
        # Only this mass notice in the queue (the demo school may have queued notices today).
        notices = self.env["student_care.attendance.notice"]
        notices.search([("state", "=", "queued")]).unlink()
        mass = (
            self.env["student_care.mass.notice"]
            .with_user(self.users["attendance"])
            .create(
                {
                    "subject": "School closed tomorrow (snow)",
                    "body": "<p>The school is closed on Monday.</p>",
                    "company_ids": [self.school.id],
                }
            )
        )
        mass.action_send()
        expected = self.mother | self.father | self.families
        self.assertEqual(mass.recipient_count, len(expected))
        self.assertEqual(mass.state, "sending")
        self.assertEqual(mass.progress, 0)
        self.assertEqual(self._send_all(batch_size=3), 4)
        mails = mass.notice_ids.mail_id
        self.assertEqual(len(mails), len(expected))
        self.assertEqual(mails.recipient_ids, expected, "each guardian once, the stepmother never")
        self.assertEqual(set(mails.mapped("subject")), {"School closed tomorrow (snow)"})
        self.assertEqual(
            set(mails.mapped("email_from")), {'"Test Lyceum" <office@lyceum.example>'}
        )
        # Handed to the mail queue is not delivered: nothing counts until SMTP accepts.
        self.assertRecordValues(mass, [{"state": "done", "sent_count": 0, "progress": 0.0}])
        with self.mock_mail_gateway():
            mails.sudo().send()
        self.assertEqual(len(self._mails), len(expected))
        # The counts follow the gateway's answers once the mail queue commits its batch.
        self.assertEqual(mass.sent_count, 0)
        self.env.cr.precommit.run()
        self.assertEqual(set(mass.notice_ids.mapped("state")), {"delivered"})
        self.assertRecordValues(
            mass,
            [{"state": "done", "sent_count": len(expected), "failed_count": 0, "progress": 100.0}],
        )
        with self.assertRaises(UserError):
            mass.action_send()

    def test_only_own_institutions(self):
        mass = (
            self.env["student_care.mass.notice"]
            .with_user(self.users["attendance"])
            .create(
                {
                    "subject": "Closed",
                    "body": "<p>Closed.</p>",
                    "company_ids": [self.school.id, self.other_school.id],
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "your own institutions"):
            mass.action_send()
        self.assertFalse(
            self.env["student_care.attendance.notice"].search([("mass_notice_id", "=", mass.id)])
        )

    def test_audience_by_class(self):
        mass = self.env["student_care.mass.notice"].create(
            {
                "subject": "Class trip cancelled",
                "body": "<p>No trip.</p>",
                "company_ids": [self.school.id],
                "class_ids": [self.class_b.id],
            }
        )
        mass.action_send()
        self._send_all(batch_size=100)
        self.assertEqual(mass.notice_ids.guardian_id, self.families)

    def test_nobody_to_tell(self):
        mass = self.env["student_care.mass.notice"].create(
            {
                "subject": "Empty",
                "body": "<p>x</p>",
                "company_ids": [self.school.id],
                "grade_ids": [self.env.ref("student_care.student_care_grade_12").id],
            }
        )
        with self.assertRaises(UserError):
            mass.action_send()
