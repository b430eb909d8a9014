# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import smtplib
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.translate import code_translations

from odoo.addons.mail.tests.common import MockEmail
from odoo.addons.sms.tests.common import MockSMS
from odoo.addons.student_care.tests.probes import (
    MATRIX_ROLES,
    MUTED,
    ROLES,
    RpcProbes,
    role_users,
)
from odoo.addons.student_care.tests.tours import RoleTourCase

from .test_seed import load_seed
from .test_truancy import TruancyCommon

MAIL_LOGGER = "odoo.addons.mail.models.mail_mail"


class NoticeChannelCommon(TruancyCommon, MockEmail, MockSMS):
    """One family per way of being reached; the gateways (SMTP, IAP) are mocked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Notice = cls.env["student_care.attendance.notice"]
        cls.template = cls.env.ref("student_care_attendance.mail_template_first_absence")
        cls.env["ir.config_parameter"].set_param("student_care.notice_email_from", False)
        families = {
            # key: (preferred channel, contact data, portal user)
            "email": ("email", {"email": "e@example.com"}, False),
            "sms": ("sms", {"mobile": "+31 6 1000 0001", "email": "s@example.com"}, False),
            "sms_portal": ("sms", {"mobile": "+31 6 1000 0002"}, True),
            "sms_no_mobile": ("sms", {"email": "snm@example.com"}, False),
            "portal": ("portal", {}, True),
            "portal_no_user": ("portal", {"email": "pnu@example.com"}, False),
            "phone": ("phone", {"email": "ph@example.com", "phone": "+31 50 100 0003"}, False),
            "mobile_only": ("email", {"mobile": "+31 6 1000 0004"}, False),
            "nothing": ("email", {"phone": "+31 50 100 0005"}, False),
        }
        cls.guardians, cls.children = {}, {}
        for index, (key, (channel, contact, portal)) in enumerate(families.items()):
            child = cls.create_student(f"Kid{index} Family{index}", f"50000{index}")
            if portal:
                user = new_test_user(
                    cls.env,
                    login=f"portal_{key}",
                    groups="base.group_portal",
                    name=f"Guardian {key}",
                    **contact,
                )
                guardian = user.partner_id
                # new_test_user gives every user an address: these have only what is listed.
                guardian.email = contact.get("email", False)
            else:
                guardian = cls.env["res.partner"].create({"name": f"Guardian {key}", **contact})
            cls.env["student_care.guardian.link"].create(
                {
                    "student_id": child.id,
                    "guardian_id": guardian.id,
                    "relationship": "legal_guardian",
                    "preferred_channel": channel,
                }
            )
            cls.guardians[key], cls.children[key] = guardian, child

    def _queue(self, keys, kind="first_absence", template=None):
        return self.Notice.sudo()._queue(
            kind, template or self.template, [(self.children[key].id, False) for key in keys]
        )

    def _by_guardian(self, notices):
        return {
            key: notices.filtered(lambda n, g=g: n.guardian_id == g)
            for key, g in self.guardians.items()
        }


class TestNoticeChannels(NoticeChannelCommon):
    def test_channel_per_guardian_and_why(self):
        notices = self._by_guardian(self._queue(self.guardians))
        expected = {
            "email": ("email", "preferred"),
            "sms": ("sms", "preferred"),
            "sms_portal": ("sms", "preferred"),
            "sms_no_mobile": ("email", "no_mobile"),
            "portal": ("portal", "preferred"),
            "portal_no_user": ("email", "no_portal"),
            "phone": ("email", "call_or_letter"),
            "mobile_only": ("sms", "no_email"),
            "nothing": ("none", "unreachable"),
        }
        for key, (channel, reason) in expected.items():
            with self.subTest(guardian=key):
                self.assertRecordValues(
                    notices[key],
                    [{"channel": channel, "channel_reason": reason, "state": "queued"}],
                )

    def test_formal_letter_never_by_text_message(self):
        letter = self.env.ref("student_care_attendance.mail_template_truancy_letter")
        notices = self._by_guardian(
            self._queue(("sms", "sms_portal", "mobile_only"), kind="letter", template=letter)
        )
        self.assertEqual(
            (notices["sms"].channel, notices["sms"].channel_reason), ("email", "formal_letter")
        )
        self.assertEqual(notices["sms_portal"].channel, "portal")
        self.assertEqual(notices["mobile_only"].channel, "none")

    def test_no_access_guardian_gets_nothing(self):
        link = self.env["student_care.guardian.link"].search(
            [("guardian_id", "=", self.guardians["portal"].id)]
        )
        link.is_access_denied = True
        self.assertFalse(self._queue(("portal",)))

    def test_send_each_channel_and_delivery(self):
        notices = self._queue(self.guardians)
        with self.mock_mail_gateway(), self.mockSMSGateway():
            self.Notice.sudo()._cron_send()
            by = self._by_guardian(notices)
            # Handed over is not delivered; the portal-only notice is published at once.
            self.assertEqual(by["email"].state, "sent")
            self.assertEqual(by["sms"].state, "sent")
            self.assertRecordValues(
                by["portal"],
                [{"state": "published", "subject": "Kid4 Family4 is absent today"}],
            )
            self.assertIn("was marked absent today", by["portal"].body_html)
            self.assertRecordValues(
                by["nothing"],
                [
                    {
                        "state": "failed",
                        "failure_reason": "No e-mail address, mobile number or portal access.",
                    }
                ],
            )
            mails = notices.mail_id
            self.assertEqual(
                set(mails.mapped("email_from")), {'"Test Lyceum" <office@lyceum.example>'}
            )
            mails.sudo().send()
            texts = notices.sms_id
            texts.sudo().send()
        self.assertRecordValues(
            by["email"],
            [
                {
                    "state": "delivered",
                    "email_from": '"Test Lyceum" <office@lyceum.example>',
                    "subject": "Kid0 Family0 is absent today",
                }
            ],
        )
        self.assertTrue(by["email"].message_id, "kept for bounces after the mail is deleted")
        for key in ("sms", "sms_portal", "mobile_only"):
            with self.subTest(guardian=key):
                self.assertEqual(by[key].state, "delivered")
                body = by[key].sms_id.body
                self.assertLess(len(body), 160)
                self.assertIn("Test Lyceum", body)
                self.assertIn(f"Kid{list(self.guardians).index(key)}", body)
                for word in ("absent", "truan", "ill", "Family"):
                    self.assertNotIn(word, body, "neutral: no reason, no surname")
        self.assertIn("/my", by["sms_portal"].sms_id.body)
        # The text points to the e-mail sent with it (no portal), or to the school office.
        self.assertIn("e-mail", by["sms"].sms_id.body)
        self.assertTrue(by["sms"].mail_id)
        self.assertIn("contact the school office", by["mobile_only"].sms_id.body)
        sent_to = {mail["email_to"][0] for mail in self._mails}
        self.assertIn('"Guardian sms" <s@example.com>', sent_to)
        self.assertEqual(len(self._sms), 3)

    def test_smtp_refuses(self):
        notices = self._queue(("email",))
        self.Notice.sudo()._cron_send()
        refused = smtplib.SMTPDataError(554, b"5.7.1 Message rejected as spam")
        with (
            self.mock_mail_gateway(),
            patch.object(type(self.env["ir.mail_server"]), "send_email", side_effect=refused),
            mute_logger(MAIL_LOGGER),
        ):
            notices.mail_id.sudo().send()
        self.assertEqual(notices.state, "failed")
        self.assertIn("Message rejected as spam", notices.failure_reason)

    def test_sms_gateway_refuses(self):
        notices = self._queue(("sms_portal",))
        self.Notice.sudo()._cron_send()
        with self.mockSMSGateway(sim_error="wrong_number_format"):
            notices.sms_id.sudo().send()
        self.assertRecordValues(
            notices, [{"state": "failed", "failure_reason": "Wrong Number Format"}]
        )

    def test_bounce_recorded_on_the_notice(self):
        notices = self._queue(("email", "phone"))
        self.Notice.sudo()._cron_send()
        with self.mock_mail_gateway(mail_unlink_sent=True):
            notices.mail_id.sudo().send()
        bounced, other = notices
        self.assertFalse(bounced.mail_id, "the e-mail was auto-deleted once sent")
        self.env["mail.thread"]._routing_handle_bounce(
            False,
            {
                "bounced_email": "e@example.com",
                "bounced_partner": bounced.guardian_id,
                "bounced_msg_ids": [bounced.message_id],
                "bounced_message": self.env["mail.message"],
                "body": "<p>550 5.1.1 User unknown</p>",
                "email_from": "MAILER-DAEMON@example.com",
                "to": "bounce@example.com",
                "message_id": "<dsn@example.com>",
            },
        )
        self.assertEqual(bounced.state, "bounced")
        self.assertIn("550 5.1.1 User unknown", bounced.failure_reason)
        self.assertEqual(other.state, "delivered")


class TestNoticeSender(NoticeChannelCommon):
    def test_institution_without_email(self):
        """A generated institution has no e-mail address: the configured default sender,
        else the database's default sender, else the notice fails with the reason."""
        company = self.env["res.company"].create({"name": "Synthetic District School 9"})
        load_seed().seed_institution(self.env, company, 4, seed=3)
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        links = self.env["student_care.guardian.link"].search(
            [("student_id", "in", students.ids), ("is_notice_recipient", "=", True)]
        )
        links.guardian_id.write({"email": "guardian@example.com"})
        links.write({"preferred_channel": "email"})
        Notice = self.Notice.sudo()
        with patch.object(
            type(self.env["ir.mail_server"]), "_get_default_from_address", return_value=None
        ):
            notices = Notice._queue(
                "first_absence", self.template, [(s, False) for s in students.ids]
            )
            self.assertTrue(notices)
            Notice._cron_send()
            self.assertEqual(set(notices.mapped("state")), {"failed"})
            self.assertIn("No sender address configured", notices[0].failure_reason)
            self.assertFalse(notices.mail_id)
            # The office configures a default sender and retries.
            self.env["ir.config_parameter"].set_param(
                "student_care.notice_email_from", "attendance@district.example"
            )
            notices.action_retry()
            Notice._cron_send()
        self.assertEqual(set(notices.mapped("state")), {"sent"})
        self.assertEqual(
            set(notices.mail_id.mapped("email_from")), {"attendance@district.example"}
        )
        # Without a setting, the database's default sender (mail alias domain).
        self.env["ir.config_parameter"].set_param("student_care.notice_email_from", False)
        with patch.object(
            type(self.env["ir.mail_server"]),
            "_get_default_from_address",
            return_value="notifications@district.example",
        ):
            self.assertEqual(
                company._notice_email_from()[company.id], "notifications@district.example"
            )

    def test_default_sender_in_the_settings(self):
        company = self.env["res.company"].create({"name": "Synthetic District School 11"})
        with Form(self.env["res.config.settings"].with_company(company)) as settings:
            settings.notice_email_from = "attendance@district.example"
        settings.record.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("student_care.notice_email_from"),
            "attendance@district.example",
        )
        self.assertEqual(company._notice_email_from()[company.id], "attendance@district.example")
        # The institution's own address comes first.
        self.assertEqual(
            self.school._notice_email_from()[self.school.id],
            '"Test Lyceum" <office@lyceum.example>',
        )

    def test_mass_notice_without_sender(self):
        company = self.env["res.company"].create({"name": "Synthetic District School 10"})
        load_seed().seed_institution(self.env, company, 3, seed=4)
        mass = self.env["student_care.mass.notice"].create(
            {
                "subject": "Closed",
                "body": "<p>Closed today.</p>",
                "company_id": company.id,
                "company_ids": [company.id],
            }
        )
        with patch.object(
            type(self.env["ir.mail_server"]), "_get_default_from_address", return_value=None
        ):
            with self.assertRaisesRegex(UserError, "No sender address configured"):
                mass.action_send_test()
            mass.action_send()
            self.Notice.sudo()._cron_send()
        emailed = mass.notice_ids.filtered(lambda n: n.channel == "email")
        self.assertTrue(emailed)
        self.assertEqual(set(emailed.mapped("state")), {"failed"})
        self.assertEqual(
            mass.failed_count, len(mass.notice_ids.filtered(lambda n: n.state == "failed"))
        )
        self.assertFalse(emailed.mail_id, "no e-mail with an empty From")


class TestNoticeRetry(NoticeChannelCommon):
    def _failed_email(self, key="email"):
        notices = self._queue((key,))
        self.Notice.sudo()._cron_send()
        refused = smtplib.SMTPDataError(554, b"Rejected")
        with (
            self.mock_mail_gateway(),
            patch.object(type(self.env["ir.mail_server"]), "send_email", side_effect=refused),
            mute_logger(MAIL_LOGGER),
        ):
            notices.mail_id.sudo().send()
        self.assertEqual(notices.state, "failed")
        return notices

    def test_retry_same_channel(self):
        notice = self._failed_email()
        notice.with_user(self.users["attendance"]).action_retry()
        self.assertRecordValues(notice, [{"state": "queued", "failure_reason": False}])
        with self.mock_mail_gateway():
            self.Notice.sudo()._cron_send()
            notice.mail_id.sudo().send()
        self.assertEqual(notice.state, "delivered")
        with self.assertRaisesRegex(UserError, "Only failed or bounced"):
            notice.with_user(self.users["attendance"]).action_retry()

    def test_fall_back_to_text_message_and_portal(self):
        self.guardians["email"].mobile = "+31 6 1000 0009"
        notice = self._failed_email()
        with self.assertRaisesRegex(UserError, "cannot be reached by Portal only"):
            notice.with_user(self.users["caremanager"]).action_send_by_portal()
        notice.with_user(self.users["caremanager"]).action_send_by_sms()
        self.assertRecordValues(
            notice, [{"state": "queued", "channel": "sms", "channel_reason": "office"}]
        )
        with self.mockSMSGateway():
            self.Notice.sudo()._cron_send()
            notice.sms_id.sudo().send()
        self.assertEqual(notice.state, "delivered")

    def test_fall_back_to_portal(self):
        # The portal guardian's e-mail (on their user's partner) fails; the portal works.
        self.guardians["portal"].email = "p@example.com"
        link = self.env["student_care.guardian.link"].search(
            [("guardian_id", "=", self.guardians["portal"].id)]
        )
        link.preferred_channel = "email"
        notice = self._failed_email("portal")
        notice.with_user(self.users["attendance"]).action_send_by_portal()
        self.Notice.sudo()._cron_send()
        self.assertRecordValues(
            notice,
            [
                {
                    "state": "published",
                    "channel": "portal",
                    "subject": "Kid4 Family4 is absent today",
                }
            ],
        )

    def test_who_may_retry(self):
        notice = self._failed_email()
        for role in ("teacher", "careworker", "specialist", "billing"):
            for action in (
                "action_retry",
                "action_send_by_email",
                "action_send_by_sms",
                "action_send_by_portal",
            ):
                with self.subTest(role=role, action=action), self.assertRaises(AccessError):
                    getattr(notice.with_user(self.users[role]), action)()
        self.assertEqual(notice.state, "failed")

    def test_nobody_writes_a_notice(self):
        """Every stored field, for every role (officers included): the log is written by
        the system only, so a notice cannot be redirected or marked delivered by hand."""
        notice = self._failed_email()
        for role in ("attendance", "caremanager", "teacher", "careworker"):
            for name, value in writable_values(notice, self.guardians["phone"]).items():
                with self.subTest(role=role, field=name), self.assertRaises(AccessError):
                    notice.with_user(self.users[role]).write({name: value})
        self.assertRecordValues(
            notice, [{"state": "failed", "guardian_id": self.guardians["email"].id}]
        )


MAGIC = {"id", "create_uid", "create_date", "write_uid", "write_date"}
# What an attacker would set: another guardian, a delivered state, another channel.
ATTACK = {"state": "delivered", "channel": "sms", "channel_reason": "preferred"}


def writable_values(notice, other_guardian):
    """{field: value} for every stored field of the notice model: the notice's own value,
    or an attacker's choice for the fields that decide who is told what."""
    values = {}
    for name, field in notice._fields.items():
        if not field.store or name in MAGIC:
            continue
        if name in ATTACK:
            values[name] = ATTACK[name]
        elif name == "guardian_id":
            values[name] = other_guardian.id
        elif field.type in ("date", "datetime"):
            values[name] = field.to_string(notice[name])
        else:
            values[name] = field.convert_to_write(notice[name], notice)
    return values


class TestNoticeLanguage(NoticeChannelCommon):
    def test_dutch_guardian_gets_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["res.lang"]._activate_lang("es_ES")
        self.template.update_field_translations(
            "subject",
            {
                "nl_NL": "{{ object.student_id.name }} is vandaag afwezig",
                "es_ES": "{{ object.student_id.name }} está ausente hoy",
            },
        )
        self.template.update_field_translations(
            "body_html",
            {
                "nl_NL": '<div><p>Beste <t t-out="object.guardian_id.name"/>,</p>'
                '<p><t t-out="object.student_id.name"/> was vandaag afwezig.</p></div>',
            },
        )
        self.guardians["email"].lang = "nl_NL"
        self.guardians["phone"].lang = "es_ES"
        self.guardians["portal"].lang = "nl_NL"
        links = self.env["student_care.guardian.link"].search(
            [("guardian_id", "in", [self.guardians[k].id for k in ("email", "phone", "portal")])]
        )
        links.lang = False
        notices = self._by_guardian(self._queue(("email", "phone", "portal", "sms_no_mobile")))
        self.Notice.sudo()._cron_send()
        self.assertEqual(notices["email"].mail_id.subject, "Kid0 Family0 is vandaag afwezig")
        self.assertEqual(notices["phone"].mail_id.subject, "Kid6 Family6 está ausente hoy")
        self.assertEqual(notices["portal"].subject, "Kid4 Family4 is vandaag afwezig")
        self.assertEqual(notices["sms_no_mobile"].subject, "Kid3 Family3 is absent today")
        # One compile per language, one render per notice: each gets their own names.
        self.assertIn("Beste Guardian email,", notices["email"].body_html)
        self.assertIn("Kid0 Family0 was vandaag afwezig", notices["email"].mail_id.body_html)
        self.assertIn("Beste Guardian portal,", notices["portal"].body_html)
        self.assertIn("Kid4 Family4 was vandaag afwezig", notices["portal"].body_html)
        self.assertIn("Dear Guardian sms_no_mobile,", notices["sms_no_mobile"].body_html)
        self.assertIn("Dear Guardian phone,", notices["phone"].body_html)

    def test_text_message_in_the_guardians_language(self):
        """Each text is rendered in its guardian's language (the translations ship in the
        module's PO files; here the Dutch and Spanish terms are given to the translation
        cache directly)."""
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["res.lang"]._activate_lang("es_ES")
        portal_text = (
            "%(school)s: a message about %(name)s is waiting for you on the portal: %(url)s"
        )
        office_text = "%(school)s: please contact the school office about %(name)s."
        terms = {
            ("student_care_attendance", "nl_NL"): {
                portal_text: "%(school)s: er staat een bericht over %(name)s voor u klaar op "
                "het portaal: %(url)s",
            },
            ("student_care_attendance", "es_ES"): {
                office_text: "%(school)s: póngase en contacto con la secretaría de la escuela "
                "sobre %(name)s.",
            },
        }
        self.guardians["sms_portal"].lang = "nl_NL"
        self.guardians["mobile_only"].lang = "es_ES"
        links = self.env["student_care.guardian.link"].search(
            [("guardian_id", "in", [self.guardians[k].id for k in ("sms_portal", "mobile_only")])]
        )
        links.lang = False
        notices = self._by_guardian(self._queue(("sms_portal", "mobile_only", "sms")))
        with patch.dict(code_translations.python_translations, terms):
            self.Notice.sudo()._cron_send()
        self.assertRegex(
            notices["sms_portal"].sms_id.body,
            r"^Test Lyceum: er staat een bericht over Kid2 voor u klaar op het portaal: "
            r"http\S+/my$",
        )
        self.assertEqual(
            notices["mobile_only"].sms_id.body,
            "Test Lyceum: póngase en contacto con la secretaría de la escuela sobre Kid7.",
        )
        self.assertEqual(
            notices["sms"].sms_id.body,
            "Test Lyceum: a message about Kid1 was sent to your e-mail address.",
        )


class TestNoticeQueries(NoticeChannelCommon):
    def test_send_batch_queries_do_not_grow(self):
        """Sending twice as many e-mail notices costs no more queries."""

        def cost(count, offset):
            students = self.env["res.partner"]
            for index in range(count):
                student = self.create_student(f"Q{offset + index} Kid", f"7{offset + index:05d}")
                guardian = self.env["res.partner"].create(
                    {
                        "name": f"Q guardian {offset + index}",
                        "email": f"q{offset + index}@example.com",
                    }
                )
                self.env["student_care.guardian.link"].create(
                    {
                        "student_id": student.id,
                        "guardian_id": guardian.id,
                        "preferred_channel": "email",
                    }
                )
                students |= student
            notices = self.Notice.sudo()._queue(
                "first_absence", self.template, [(s, False) for s in students.ids]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            notices._send()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        cost(2, 200)  # warm the caches (settings, languages, template)
        small, large = cost(5, 0), cost(10, 100)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 25)


@tagged("post_install", "-at_install")
class TestNoticeRetryRpc(RpcProbes, HttpCase):
    """Over JSON-RPC with real logins: a teacher who reads a notice of their own student
    cannot retry it or write its state or channel; no role writes a notice; only officers
    and care managers retry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create(
            {"name": "Channels RPC School", "email": "office@channels-rpc.example.com"}
        )
        cls.users = role_users(cls.env, cls.school, "chrpc", roles=MATRIX_ROLES, export=False)
        klass = cls.env["student_care.class"].create(
            {
                "name": "RPC1",
                "grade_id": cls.env.ref("student_care.student_care_grade_9").id,
                "company_id": cls.school.id,
                "mentor_id": cls.users["teacher"].id,
            }
        )
        student = cls.env["res.partner"].create(
            {
                "name": "Rpc Student",
                "is_student": True,
                "student_number": "590001",
                "company_id": cls.school.id,
                "class_id": klass.id,
            }
        )
        guardian = cls.env["res.partner"].create(
            {"name": "Rpc Parent", "email": "rpc@example.com", "mobile": "+31 6 5900 0001"}
        )
        cls.other = cls.env["res.partner"].create({"name": "Someone Else", "email": "x@x.com"})
        cls.env["student_care.guardian.link"].create(
            {"student_id": student.id, "guardian_id": guardian.id}
        )
        cls.notice = cls.env["student_care.attendance.notice"].create(
            {
                "student_id": student.id,
                "guardian_id": guardian.id,
                "company_id": cls.school.id,
                "kind": "first_absence",
                "template_id": cls.env.ref(
                    "student_care_attendance.mail_template_first_absence"
                ).id,
                "state": "failed",
                "failure_reason": "Rejected",
            }
        )

    @mute_logger(*MUTED)
    def test_retry_and_write_over_rpc(self):
        model, ids = "student_care.attendance.notice", [self.notice.id]
        actions = (
            "action_retry",
            "action_send_by_email",
            "action_send_by_sms",
            "action_send_by_portal",
        )
        self.login_as(self.users["teacher"])
        self.assertEqual(self.rpc(model, "read", [ids, ["state"]])[0]["state"], "failed")
        for role in ("teacher", "attendance", "careworker", "caremanager"):
            self.login_as(self.users[role])
            for name, value in writable_values(self.notice, self.other).items():
                with self.subTest(role=role, write=name):
                    self.assert_rpc_refused(model, "write", [ids, {name: value}])
        for role in ("teacher", "careworker", "specialist", "billing", "admin"):
            self.login_as(self.users[role])
            for action in actions:
                with self.subTest(role=role, action=action):
                    self.assert_rpc_refused(model, action, [ids])
        self.assertRecordValues(self.notice, [{"state": "failed", "channel": "email"}])
        self.login_as(self.users["attendance"])
        self.rpc(model, "action_send_by_sms", [ids])
        self.assertRecordValues(
            self.notice, [{"state": "queued", "channel": "sms", "channel_reason": "office"}]
        )


@tagged("post_install", "-at_install")
class TestNoticeRetryTour(RoleTourCase):
    """The officer's path from the home page to a bounced notice, sent again by text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create(
            {"name": "Retry Tour School", "email": "office@retry-tour.example.com"}
        )
        cls.officer = role_users(
            cls.env, school, "rttour", roles={"attendance": ROLES["attendance"]}, export=False
        )["attendance"]
        student = cls.env["res.partner"].create(
            {
                "name": "Retry Child",
                "is_student": True,
                "student_number": "591001",
                "company_id": school.id,
            }
        )
        guardian = cls.env["res.partner"].create(
            {"name": "Retry Parent", "email": "rp@example.com", "mobile": "+31 6 5910 0001"}
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": student.id, "guardian_id": guardian.id}
        )
        cls.notice = cls.env["student_care.attendance.notice"].create(
            {
                "student_id": student.id,
                "guardian_id": guardian.id,
                "company_id": school.id,
                "kind": "first_absence",
                "template_id": cls.env.ref(
                    "student_care_attendance.mail_template_first_absence"
                ).id,
                "state": "bounced",
                "failure_reason": "The e-mail to rp@example.com bounced. 552 Mailbox full",
            }
        )

    def test_officer_retries_a_bounced_notice(self):
        self.start_role_tour("student_care_attendance_notice_retry", login=self.officer.login)
        self.assertRecordValues(
            self.notice, [{"state": "queued", "channel": "sms", "channel_reason": "office"}]
        )
