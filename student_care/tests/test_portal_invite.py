# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Inviting families to the portal: who is invited, by which channel, who may invite, and
the queued sending (logins created in batches, messages queued, never sent inline)."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .portal import PortalCommon
from .probes import MUTED


class TestPortalInvite(PortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        today = fields.Date.today()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.pupil = cls.create_student(
            "Eva de Boer", "100010", birth_date=today - relativedelta(years=13)
        )
        cls.senior = cls.create_student(
            "Finn de Boer",
            "100011",
            birth_date=today - relativedelta(years=18),
            email="finn@example.com",
        )
        Partner, Link = env["res.partner"], env["student_care.guardian.link"]
        cls.new = {}
        for key, vals, link in (
            ("email", {"email": "Ellen@Example.com", "lang": "nl_NL"}, {}),
            ("sms", {"mobile": "+31 6 1111 2222", "email": "sms@example.com"},
             {"preferred_channel": "sms"}),
            ("sms_no_mobile", {"email": "nomobile@example.com"}, {"preferred_channel": "sms"}),
            ("no_right", {"email": "noright@example.com"},
             {"relationship": "father", "has_custody": False}),
            ("denied", {"email": "denied@example.com"}, {"is_access_denied": True}),
            ("no_contact", {}, {}),
        ):  # fmt: skip
            guardian = Partner.create(
                {"name": f"Guardian {key}", "company_id": cls.school.id, **vals}
            )
            Link.create({"student_id": cls.pupil.id, "guardian_id": guardian.id, **link})
            cls.new[key] = guardian

    def wizard(self, user=None, **vals):
        Wizard = self.env["student_care.portal.invite"].with_user(
            user or self.users["caremanager"]
        )
        return Wizard.create({"company_id": self.school.id, **vals})

    def test_counts_before_confirming(self):
        partners = (
            self.env["res.partner"].browse([p.id for p in self.new.values()])
            | self.mother  # already a portal user
            | self.senior
            | self.sibling  # 12: too young
        )
        wizard = self.wizard(scope="selected", partner_ids=[fields.Command.set(partners.ids)])
        self.assertRecordValues(
            wizard,
            [
                {
                    "to_invite_count": 4,  # email, sms, sms_no_mobile (by e-mail), senior
                    "by_email_count": 3,
                    "by_sms_count": 1,
                    "already_user_count": 1,
                    "no_right_count": 2,  # without custody, and flagged No Access
                    "no_contact_count": 1,
                    "too_young_count": 1,
                    "queued_count": 0,
                }
            ],
        )
        self.assertIn("Daan Visser", wizard.refusal)
        self.assertIn("16", wizard.refusal)

    def test_whole_institution(self):
        wizard = self.wizard(scope="institution")
        # The six new guardians (four with a right, one without contact details), the
        # fixtures' guardians already have logins.
        self.assertEqual(wizard.to_invite_count, 3)
        self.assertEqual(wizard.no_right_count, 2)
        self.assertEqual(wizard.already_user_count, len(self.guardians))
        self.assertEqual(wizard.too_young_count, 0, "students only when asked")
        wizard.include_students = True
        self.assertEqual(wizard.to_invite_count, 4, "Finn, 18, with his own e-mail")
        self.assertGreaterEqual(wizard.too_young_count, 3)
        other = self.env["student_care.portal.invite"].create(
            {"scope": "institution", "company_id": self.other_school.id}
        )
        self.assertEqual(other.to_invite_count, 0)

    @mute_logger(*MUTED)
    def test_who_may_invite(self):
        for role in ("teacher", "attendance", "careworker", "specialist", "billing"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.wizard(user=self.users[role], scope="institution")
        for key in ("mother", "student"):
            with self.subTest(role=key), self.assertRaises(AccessError):
                self.wizard(user=self.portal[key], scope="institution")
        self.assertTrue(self.wizard(scope="institution"))
        self.assertTrue(self.wizard(user=self.admin_no_care, scope="institution"))

    @mute_logger(*MUTED)
    def test_drafts_are_private(self):
        wizard = self.wizard(scope="institution")
        other_manager = self.env["res.users"].create(
            {
                "login": "pc_other_manager",
                "name": "Other manager",
                "groups_id": [fields.Command.set(self.users["caremanager"].groups_id.ids)],
                "company_id": self.school.id,
                "company_ids": [fields.Command.set(self.school.ids)],
            }
        )
        with self.assertRaises(AccessError):
            wizard.with_user(other_manager).read(["partner_ids"])

    def test_younger_students_are_refused(self):
        wizard = self.wizard(scope="selected", partner_ids=[fields.Command.set(self.pupil.ids)])
        self.assertFalse(wizard.to_invite_count)
        with self.assertRaisesRegex(UserError, "Eva de Boer.*from the age of 16"):
            wizard.action_confirm()
        self.assertFalse(self.env["student_care.portal.invitation"].search([]))

    def test_queued_then_sent_by_the_job(self):
        partners = self.new["email"] | self.new["sms"] | self.senior
        wizard = self.wizard(scope="selected", partner_ids=[fields.Command.set(partners.ids)])
        result = wizard.action_confirm()
        self.assertEqual(result["params"]["type"], "success")
        Invitation = self.env["student_care.portal.invitation"]
        invitations = Invitation.search([("partner_id", "in", partners.ids)])
        self.assertEqual(set(invitations.mapped("state")), {"queued"})
        self.assertEqual(
            {i.partner_id: i.channel for i in invitations},
            {self.new["email"]: "email", self.new["sms"]: "sms", self.senior: "email"},
        )
        self.assertFalse(partners.user_ids, "the wizard creates no login itself")
        # Asking again while they wait queues nothing twice.
        again = self.wizard(scope="selected", partner_ids=[fields.Command.set(partners.ids)])
        self.assertEqual((again.to_invite_count, again.queued_count), (0, 3))

        mails_before = self.env["mail.mail"].search([])
        Invitation._cron_send(batch_size=2)
        self.assertEqual(
            invitations.filtered(lambda i: i.state == "sent"), invitations.sorted("id")[:2]
        )
        Invitation._cron_send(batch_size=2)
        self.assertEqual(set(invitations.mapped("state")), {"sent"})

        users = partners.with_context(active_test=False).user_ids
        self.assertEqual(len(users), 3)
        self.assertTrue(all(user.share for user in users))
        self.assertEqual(users.groups_id & self.env.ref("base.group_user"), self.env["res.groups"])
        self.assertEqual(self.new["email"].user_ids.login, "ellen@example.com")
        # The family now reads the child on the portal, the student themself.
        self.assertIn(self.new["email"].user_ids, self.pupil.family_user_ids)
        self.assertEqual(
            self.env["res.partner"].with_user(self.senior.user_ids)._portal_family_students(),
            self.senior,
        )
        mails = self.env["mail.mail"].search([]) - mails_before
        self.assertEqual(len(mails), 2)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "queued, not sent inline")
        ellen = mails.filtered(lambda m: self.new["email"] in m.recipient_ids)
        self.assertIn("/web/signup?", ellen.body_html)
        self.assertIn("token=", ellen.body_html)
        self.assertIn("Test Lyceum", ellen.subject)
        sms = self.env["sms.sms"].search([("partner_id", "=", self.new["sms"].id)])
        self.assertEqual(sms.state, "outgoing")
        self.assertIn("/web/signup?", sms.body)
        self.assertIn("Test Lyceum", sms.body)
        self.assertNotIn("Eva", sms.body, "a text message names no child")
        # The link signs the invited guardian up with a password of their choice.
        token = sms.body.split("token=", 1)[1].split("&", 1)[0].split()[0]
        partner = self.env["res.partner"]._signup_retrieve_partner(token, check_validity=True)
        self.assertEqual(partner, self.new["sms"])

    def test_the_scheduled_job_sends_them(self):
        self.wizard(
            scope="selected", partner_ids=[fields.Command.set(self.new["email"].ids)]
        ).action_confirm()
        cron = self.env.ref("student_care.ir_cron_portal_invitation_send")
        self.assertTrue(cron.active)
        self.assertEqual(cron.user_id, self.env.ref("base.user_root"))
        cron.method_direct_trigger()
        invitation = self.env["student_care.portal.invitation"].search(
            [("partner_id", "=", self.new["email"].id)]
        )
        self.assertEqual(invitation.state, "sent")
        self.assertTrue(invitation.user_id.share)

    def test_login_taken_fails_with_a_reason(self):
        self.env["res.users"].create(
            {
                "login": "ellen@example.com",
                "name": "Ellen's namesake",
                "company_id": self.school.id,
                "company_ids": [fields.Command.set(self.school.ids)],
            }
        )
        wizard = self.wizard(
            scope="selected", partner_ids=[fields.Command.set(self.new["email"].ids)]
        )
        wizard.action_confirm()
        Invitation = self.env["student_care.portal.invitation"]
        Invitation._cron_send()
        invitation = Invitation.search([("partner_id", "=", self.new["email"].id)])
        self.assertEqual(invitation.state, "failed")
        self.assertIn("ellen@example.com", invitation.failure_reason)
        self.assertFalse(self.new["email"].user_ids)

    def test_sending_queries_do_not_grow_per_invitation(self):
        """One batch creates its users and messages with a bounded number of queries per
        person (the ORM's create, not a loop of searches)."""
        Partner, Link = self.env["res.partner"], self.env["student_care.guardian.link"]
        Invitation = self.env["student_care.portal.invitation"]

        def batch(count, prefix):
            guardians = Partner.create(
                [
                    {"name": f"{prefix} {i}", "email": f"{prefix}{i}@example.com",
                     "company_id": self.school.id}
                    for i in range(count)
                ]
            )  # fmt: skip
            Link.create([{"student_id": self.pupil.id, "guardian_id": g.id} for g in guardians])
            self.wizard(
                scope="selected", partner_ids=[fields.Command.set(guardians.ids)]
            ).action_confirm()
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            Invitation._cron_send()
            self.env.flush_all()
            return self.env.cr.sql_log_count - start

        small, large = batch(5, "small"), batch(20, "large")
        per_person = (large - small) / 15
        self.assertLess(per_person, 40, f"{small} queries for 5, {large} for 20")
