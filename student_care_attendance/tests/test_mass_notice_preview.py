# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import (
    MATRIX_ROLES,
    MUTED,
    ROLES,
    RpcProbes,
    role_users,
)
from odoo.addons.student_care.tests.tours import RoleTourCase

from .test_truancy import TruancyCommon

PREVIEW = [
    "preview_email_count",
    "preview_sms_count",
    "preview_portal_count",
    "preview_other_channel_count",
    "preview_phone_count",
    "preview_unreachable_count",
]
# The roles the ACL does not let send mass notices.
NOT_SENDERS = ("teacher", "careworker", "specialist", "billing")


class TestMassNoticePreview(TruancyCommon):
    """Before *Send*: who is reached by which channel, and a test to oneself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # From TruancyCommon: the mother and the father have an e-mail address and the
        # default channel (a call); the stepmother receives no notices.
        cls.by_email = cls._family("Mail Parent", "300001", email="mail@example.com")
        # No e-mail address, a mobile number: a text message reaches them.
        cls.by_phone = cls._family("Phone Parent", "300002", mobile="+31 6 0000 0002")
        cls.landline = cls._family("Landline Only", "300007", phone="+31 50 000 0007")
        cls.nobody = cls._family("Lost Parent", "300003")
        # A sibling of Lotte: her mother counts once.
        sibling = cls.create_student("Daan Visser", "300004")
        cls.env["student_care.guardian.link"].create(
            {"student_id": sibling.id, "guardian_id": cls.mother.id}
        )
        # Another institution's family, reachable by e-mail.
        outsider = cls.env["res.partner"].create(
            {"name": "Other parent", "email": "other@example.com"}
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": cls.other_student.id, "guardian_id": outsider.id}
        )
        cls.notice = cls.env["student_care.mass.notice"].create(
            {
                "subject": "School closed tomorrow (snow)",
                "body": "<p>The school is closed on Monday.</p>",
                "company_id": cls.school.id,
                "company_ids": [cls.school.id, cls.other_school.id],
            }
        )

    @classmethod
    def _family(cls, name, number, channel="email", **contact):
        student = cls.create_student(f"Child of {name}", number)
        guardian = cls.env["res.partner"].create({"name": name, **contact})
        cls.env["student_care.guardian.link"].create(
            {"student_id": student.id, "guardian_id": guardian.id, "preferred_channel": channel}
        )
        return guardian

    def _preview(self, notice):
        notice.invalidate_recordset(PREVIEW)
        return dict(zip(PREVIEW, (notice[name] for name in PREVIEW), strict=True))

    def test_counts_per_channel_in_own_institutions(self):
        officer = self.users["attendance"]
        self.assertEqual(
            self._preview(self.notice.with_user(officer)),
            {
                # mother (once), father, the e-mail parent; the other school not counted
                "preview_email_count": 3,
                # no e-mail address but a mobile number
                "preview_sms_count": 1,
                "preview_portal_count": 0,
                # mother and father get the e-mail but prefer a call
                "preview_other_channel_count": 2,
                "preview_phone_count": 1,
                "preview_unreachable_count": 1,
            },
        )
        # The system (no institution limit) counts the other school's parent too.
        self.assertEqual(self._preview(self.notice.sudo())["preview_email_count"], 4)
        # What the preview promised is what Send queues, for the school alone.
        self.notice.company_ids = self.school
        self.notice.with_user(officer).action_send()
        self.assertEqual(self.notice.recipient_count, 6)
        self.assertEqual(
            self.notice.notice_ids.guardian_id,
            self.mother
            | self.father
            | self.by_email
            | self.by_phone
            | self.nobody
            | self.landline,
        )
        self.assertEqual(self._preview(self.notice.with_user(officer)), dict.fromkeys(PREVIEW, 0))

    def test_text_message_for_who_prefers_one(self):
        officer = self.users["attendance"]
        # Prefers a text and has a mobile: a text message, even with an e-mail address.
        by_sms = self._family(
            "Text Parent",
            "300005",
            channel="sms",
            mobile="+31 6 0000 0005",
            email="text@example.com",
        )
        # Prefers a text but has no mobile number: the e-mail still reaches them.
        no_mobile = self._family("Landline Parent", "300006", channel="sms", email="l@example.com")
        self.notice.company_ids = self.school
        preview = self._preview(self.notice.with_user(officer))
        # The text parent, and the phone parent (no e-mail address, a mobile number).
        self.assertEqual(preview["preview_sms_count"], 2)
        self.assertEqual(preview["preview_email_count"], 4)  # mother, father, mail, landline
        self.notice.with_user(officer).action_send()
        channel_of = {notice.guardian_id: notice.channel for notice in self.notice.notice_ids}
        self.assertEqual(channel_of[by_sms], "sms")
        self.assertEqual(channel_of[no_mobile], "email")
        self.assertEqual(channel_of[self.by_phone], "sms")
        self.env["student_care.attendance.notice"]._cron_send()
        texts = self.env["sms.sms"].search([("partner_id", "=", by_sms.id)])
        self.assertEqual(len(texts), 1)
        self.assertEqual(texts.number, "+31 6 0000 0005")
        self.assertEqual(
            texts.body, "School closed tomorrow (snow)\nThe school is closed on Monday."
        )
        mailed = self.notice.notice_ids.mail_id.recipient_ids
        self.assertNotIn(by_sms, mailed, "one channel per guardian")
        self.assertIn(no_mobile, mailed)
        # Handed over, not yet accepted by the gateways: nothing delivered yet; the lost
        # parent and the landline-only one cannot be reached at all.
        self.assertEqual(self.notice.sent_count, 0)
        self.assertEqual(self.notice.failed_count, 2)
        self.assertEqual(
            self.notice.notice_ids.filtered(lambda n: n.state == "failed").guardian_id,
            self.nobody | self.landline,
        )

    def test_preview_follows_the_audience(self):
        grade_12 = self.env.ref("student_care.student_care_grade_12")
        notice = self.notice.with_user(self.users["caremanager"])
        notice.grade_ids = grade_12
        self.assertEqual(self._preview(notice), dict.fromkeys(PREVIEW, 0))
        notice.grade_ids = self.grade
        self.assertEqual(self._preview(notice)["preview_email_count"], 3)

    def test_preview_queries_do_not_grow_with_the_families(self):
        notice = self.notice.with_user(self.users["attendance"])
        self._preview(notice)  # warm the caches
        with self.assertQueryCount(1):
            small = self._preview(notice)
        for index in range(20):
            self._family(f"Extra {index}", f"31{index:04d}", email=f"x{index}@example.com")
        self.env.flush_all()
        with self.assertQueryCount(1):
            large = self._preview(notice)
        self.assertEqual(large["preview_email_count"], small["preview_email_count"] + 20)

    def test_send_test_to_me(self):
        officer = self.users["attendance"]
        mails = self.env["mail.mail"].search([])
        queued = self.env["student_care.attendance.notice"].search([])
        self.notice.company_ids = self.school
        self.notice.with_user(officer).action_send_test()
        mail = self.env["mail.mail"].search([]) - mails
        self.assertRecordValues(
            mail,
            [
                {
                    "subject": "School closed tomorrow (snow)",
                    "email_to": officer.email_formatted,
                    "email_from": self.school.email_formatted,
                }
            ],
        )
        self.assertIn("closed on Monday", mail.body_html)
        self.assertFalse(mail.recipient_ids, "no guardian is a recipient of the test")
        self.assertEqual(self.env["student_care.attendance.notice"].search([]), queued)
        self.assertRecordValues(self.notice, [{"state": "draft", "recipient_count": 0}])

    def test_send_test_needs_an_address(self):
        officer = self.users["attendance"]
        officer.email = False
        with self.assertRaisesRegex(UserError, "no e-mail address"):
            self.notice.with_user(officer).action_send_test()

    @mute_logger(*MUTED)
    def test_roles_that_may_not_send(self):
        for role in NOT_SENDERS:
            notice = self.notice.with_user(self.users[role])
            for name, call in {
                "preview": lambda notice=notice: notice.read(PREVIEW),
                "test": lambda notice=notice: notice.action_send_test(),
                "send": lambda notice=notice: notice.action_send(),
            }.items():
                with self.subTest(role=role, call=name), self.assertRaises(AccessError):
                    self.env.invalidate_all()
                    call()
        self.assertFalse(self.notice.notice_ids)


@tagged("post_install", "-at_install")
class TestMassNoticePreviewRpc(RpcProbes, HttpCase):
    """Over JSON-RPC with real logins (every role and a settings administrator): only
    senders preview, test or send."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create(
            {"name": "Preview RPC School", "email": "office@preview-rpc.example.com"}
        )
        cls.users = role_users(cls.env, cls.school, "mnrpc", roles=MATRIX_ROLES, export=False)
        student = cls.env["res.partner"].create(
            {
                "name": "RPC Student",
                "is_student": True,
                "student_number": "390001",
                "company_id": cls.school.id,
            }
        )
        guardian = cls.env["res.partner"].create(
            {"name": "RPC Parent", "email": "rpc.parent@example.com"}
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": student.id, "guardian_id": guardian.id}
        )
        cls.notice = cls.env["student_care.mass.notice"].create(
            {
                "subject": "RPC closure",
                "body": "<p>Closed.</p>",
                "company_id": cls.school.id,
                "company_ids": [cls.school.id],
            }
        )

    @mute_logger(*MUTED)
    def test_only_senders_over_rpc(self):
        model, ids = "student_care.mass.notice", [self.notice.id]
        calls = {
            "read": lambda: self.rpc(model, "read", [ids, PREVIEW]),
            "web_read": lambda: self.rpc(
                model, "web_read", [ids], {"specification": dict.fromkeys(PREVIEW, {})}
            ),
            "test": lambda: self.rpc(model, "action_send_test", [ids]),
        }
        for role in MATRIX_ROLES:
            self.login_as(self.users[role])
            for name, call in calls.items():
                with self.subTest(role=role, call=name):
                    self.assertEqual(self.rpc_allowed(call), role in ("attendance", "caremanager"))
        for role in (*NOT_SENDERS, "admin"):
            self.login_as(self.users[role])
            with self.subTest(role=role, call="send"):
                self.assert_rpc_refused(model, "action_send", [ids])
        self.assertFalse(self.notice.notice_ids)
        self.login_as(self.users["attendance"])
        self.assertEqual(
            self.rpc(model, "read", [ids, ["preview_email_count"]])[0]["preview_email_count"], 1
        )


@tagged("post_install", "-at_install")
class TestMassNoticePreviewTour(RoleTourCase):
    """The officer's path from the home page: a new notice, its preview, a test to self."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create(
            {"name": "Preview Tour School", "email": "office@preview-tour.example.com"}
        )
        cls.officer = role_users(
            cls.env, school, "mntour", roles={"attendance": ROLES["attendance"]}, export=False
        )["attendance"]
        families = (
            ("Mail Parent", {"email": "mail.parent@example.com"}, "email"),
            ("Letter Parent", {"email": "letter.parent@example.com"}, "letter"),
            (
                "Text Parent",
                {"email": "text.parent@example.com", "mobile": "+31 6 0000 0008"},
                "sms",
            ),
            ("Phone Parent", {"mobile": "+31 6 0000 0009"}, "phone"),
        )
        for index, (name, contact, channel) in enumerate(families):
            student = cls.env["res.partner"].create(
                {
                    "name": f"Child of {name}",
                    "is_student": True,
                    "student_number": f"39100{index}",
                    "company_id": school.id,
                }
            )
            guardian = cls.env["res.partner"].create({"name": name, **contact})
            cls.env["student_care.guardian.link"].create(
                {
                    "student_id": student.id,
                    "guardian_id": guardian.id,
                    "preferred_channel": channel,
                }
            )

    def test_officer_previews_and_tests_a_notice(self):
        mails = self.env["mail.mail"].search([])
        self.start_role_tour(
            "student_care_attendance_mass_notice_preview", login=self.officer.login
        )
        notice = self.env["student_care.mass.notice"].search(
            [("subject", "=", "School closed tomorrow: snow")]
        )
        self.assertRecordValues(notice, [{"state": "draft", "recipient_count": 0}])
        self.assertFalse(notice.notice_ids, "nothing queued for families")
        mail = self.env["mail.mail"].search([]) - mails
        self.assertRecordValues(
            mail,
            [
                {
                    "subject": "School closed tomorrow: snow",
                    "email_to": self.officer.email_formatted,
                }
            ],
        )
        self.assertIn("closed on Monday", mail.body_html)
        self.assertFalse(mail.recipient_ids)
