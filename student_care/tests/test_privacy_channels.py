# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Channels by which dossier content could leave unlogged or reach someone who may not read
it: each tried over JSON-RPC with real logins, as the role that must be refused and as the
role that is allowed (so a fix cannot simply hide everything)."""

import base64

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .probes import ADMIN, MUTED, ROLES, RpcProbes, role_users

# A teammate of the care worker, and a care worker of another team.
CHANNEL_ROLES = {
    "teacher": ROLES["teacher"],
    "careworker": ROLES["careworker"],
    "teammate": ROLES["careworker"],
    "outsider": ROLES["careworker"],
    "caremanager": ROLES["caremanager"],
    "billing": ROLES["billing"],
    "admin": ADMIN,
}


@tagged("post_install", "-at_install")
class TestPrivacyChannels(RpcProbes, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, mail_create_nolog=True))
        cls.env = env
        school = env["res.company"].create({"name": "Channel School"})
        cls.users = role_users(env, school, "ch", roles=CHANNEL_ROLES)
        worker = cls.users["careworker"]
        team = env["student_care.team"].create(
            {
                "name": "Channel team",
                "company_id": school.id,
                "member_ids": [Command.set([worker.id, cls.users["teammate"].id])],
            }
        )
        env["student_care.team"].create(
            {
                "name": "Other team",
                "company_id": school.id,
                "member_ids": [Command.set([cls.users["outsider"].id])],
            }
        )
        students = env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_student": True,
                    "student_number": number,
                    "company_id": school.id,
                }
                for name, number in (("Channel Pupil", "CH-1"), ("Pupil Without Case", "CH-2"))
            ]
        )
        cls.student, cls.student_without_case = students
        cls.agency = env["res.partner"].create({"name": "Youth Clinic", "company_id": school.id})
        cls.case = env["student_care.case"].create(
            {
                "student_id": cls.student.id,
                "category_id": env.ref("student_care.student_care_case_category_wellbeing").id,
                "team_id": team.id,
                "user_id": worker.id,
            }
        )
        cls.note = (
            env["student_care.note"]
            .with_user(worker)
            .create(
                {
                    "case_id": cls.case.id,
                    "sensitivity": "confidential",
                    "body": "<p>Secret words confidential</p>",
                }
            )
        )
        cls.consents = env["student_care.consent"].create(
            [
                {
                    "student_id": student.id,
                    "agency_id": cls.agency.id,
                    "purpose": "therapy",
                    "given_on": "2026-09-01",
                }
                for student in students
            ]
        )
        env.cr.flush()  # as a commit would: later writes are tracked

    def _rpc(self, model, method, *args, **kwargs):
        return self.rpc(model, method, args, kwargs)

    def _login(self, role):
        self.login_as(self.users[role])

    def _logs(self, **domain):
        return self.env["student_care.access.log"].search(
            [("case_ref", "=", self.case.id), *((k, "=", v) for k, v in domain.items())]
        )

    def _refused(self, model, method, *args, **kwargs):
        self.assert_rpc_refused(model, method, args, kwargs)

    # -- files -----------------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_files_belong_to_their_note_from_the_first_byte(self):
        # The note form uploads before the note is saved: res_id is 0.
        self._login("careworker")
        file_id = self._rpc(
            "ir.attachment",
            "create",
            {
                "name": "police report.pdf",
                "datas": base64.b64encode(b"what the police wrote").decode(),
                "res_model": "student_care.note",
                "res_id": 0,
            },
        )
        for role in ("admin", "caremanager", "teammate"):
            with self.subTest(role=role, step="before save"):
                self._login(role)
                self._refused("ir.attachment", "read", [file_id], ["datas"])
                found = self._rpc("ir.attachment", "search_read", [("id", "=", file_id)], ["name"])
                self.assertEqual(found, [])
                # Nor can someone else pull the loose file into a note of their own.
        self._login("teammate")
        self._refused(
            "student_care.note",
            "create",
            {"case_id": self.case.id, "body": "x", "attachment_ids": [Command.link(file_id)]},
        )
        self._login("careworker")
        note_id = self._rpc(
            "student_care.note",
            "create",
            {
                "case_id": self.case.id,
                "sensitivity": "confidential",
                "body": "<p>See the report</p>",
                "attachment_ids": [Command.link(file_id)],
            },
        )
        attachment = self.env["ir.attachment"].browse(file_id)
        self.assertEqual((attachment.res_model, attachment.res_id), ("student_care.note", note_id))
        # Saved, the file follows the note: confidential is for the author, the case owner
        # and referred specialists; not the care manager, not a settings administrator.
        for role in ("admin", "caremanager", "teacher", "billing"):
            with self.subTest(role=role, step="after save"):
                self._login(role)
                self._refused("ir.attachment", "read", [file_id], ["datas"])
                response = self.url_open(f"/web/content/{file_id}?download=true")
                self.assertNotEqual(response.status_code, 200)
        before = len(self._logs(note_ref=note_id))
        self._login("careworker")
        values = self._rpc("ir.attachment", "read", [file_id], ["datas"])
        self.assertEqual(base64.b64decode(values[0]["datas"]), b"what the police wrote")
        response = self.url_open(f"/web/content/{file_id}?download=true")
        self.assertEqual(response.content, b"what the police wrote")
        logs = self._logs(note_ref=note_id)
        self.assertEqual(len(logs), before + 2, "RPC read and download are both logged")
        # The web client's RPC route, then the download route.
        self.assertEqual(set(logs[:2].mapped("channel")), {"web", "attachment"})
        # Retention takes the file with the note.
        self.case._anonymise()
        self.assertFalse(attachment.exists())

    # -- unlogged reads ----------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_aggregates_exports_and_searches_of_content(self):
        self._login("careworker")
        for aggregate in ("body:array_agg", "body:max", "body:min", "attachment_ids:array_agg"):
            with self.subTest(aggregate=aggregate):
                self._refused("student_care.note", "read_group", [], [aggregate], ["sensitivity"])
                self._refused(
                    "student_care.note",
                    "web_read_group",
                    [],
                    [aggregate],
                    ["sensitivity"],
                )
        self._refused("student_care.note", "read_group", [], ["sensitivity"], ["body"])
        # Counting by sensitivity is fine: no content.
        groups = self._rpc("student_care.note", "read_group", [], ["sensitivity"], ["sensitivity"])
        self.assertTrue(groups)
        before = len(self._logs())
        # Exporting the case with its notes' text is reading them.
        rows = self._rpc("student_care.case", "export_data", [self.case.id], ["note_ids/body"])
        self.assertIn("Secret words confidential", str(rows))
        self.assertEqual(len(self._logs()), before + 1)
        self.assertEqual(self._logs()[0].channel, "export")
        # Finding notes by what they say is reading them.
        count = self._rpc("student_care.note", "search_count", [("body", "ilike", "Secret words")])
        self.assertEqual(count, 1)
        self.assertEqual(len(self._logs()), before + 2)
        self.assertEqual(self._logs()[0].channel, "search")
        # A reason cannot be slipped in through the RPC context.
        self._rpc(
            "student_care.note",
            "read",
            [self.note.id],
            ["body"],
            context={"access_reason": "made up"},
        )
        self.assertFalse(self._logs()[0].reason)

    # -- consents and reports ------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_consents_are_for_the_students_of_ones_cases(self):
        with_case, without_case = self.consents
        self._login("careworker")
        found = self._rpc("student_care.consent", "search_read", [], ["purpose"])
        self.assertEqual([row["id"] for row in found], [with_case.id])
        self._refused("student_care.consent", "read", [without_case.id], ["purpose"])
        self._refused("student_care.consent", "write", [with_case.id], {"agency_id": False})
        self._refused(
            "student_care.consent", "write", [with_case.id], {"expires_on": "2099-01-01"}
        )
        self._login("outsider")
        self.assertEqual(self._rpc("student_care.consent", "search_read", [], ["purpose"]), [])
        self._login("caremanager")
        found = self._rpc("student_care.consent", "search_read", [], ["purpose"])
        self.assertEqual({row["id"] for row in found}, set(self.consents.ids))
        # Withdrawing is the way a consent changes, and it works for the case's worker.
        self._login("careworker")
        self._rpc("student_care.consent", "action_withdraw", [with_case.id])
        self.assertTrue(with_case.withdrawn_on)

    @mute_logger(*MUTED)
    def test_disclosure_record_is_for_care_managers_on_every_route(self):
        url = f"/report/html/student_care.report_disclosure_record/{self.student.id}"
        for role in ("careworker", "teacher", "admin"):
            with self.subTest(role=role):
                self._login(role)
                self.assertNotEqual(self.url_open(url).status_code, 200)
        self._login("caremanager")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Channel Pupil", response.text)

    # -- the access log ------------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_only_care_managers_check_the_log(self):
        for role in ("teacher", "billing", "careworker", "admin"):
            with self.subTest(role=role):
                self._login(role)
                self._refused("student_care.access.log", "action_verify_chain", [])
        self._login("caremanager")
        # As the list's header button calls it (with the selected ids, here none).
        action = self._rpc("student_care.access.log", "action_verify_chain", [])
        self.assertEqual(action["params"]["type"], "success")

    # -- messages reach only readers -------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_followers_trackings_and_mails_of_cases(self):
        worker, teacher = self.users["careworker"], self.users["teacher"]
        self.case.message_subscribe(partner_ids=[teacher.partner_id.id, worker.partner_id.id])
        self.assertNotIn(teacher.partner_id, self.case.message_partner_ids)
        self.case.with_context(mail_notify_force_send=False).message_post(
            body="<p>Home visit planned</p>",
            partner_ids=[worker.partner_id.id],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.case.with_user(worker).priority = "2"
        self.env.cr.flush()  # runs the tracking, as a commit would
        domain = [("res_model", "=", "student_care.case"), ("res_id", "=", self.case.id)]
        followers = self.env["mail.followers"].search(domain)
        self.assertTrue(followers)
        for role in ("teacher", "billing", "outsider"):
            with self.subTest(role=role):
                self._login(role)
                self.assertEqual(self._rpc("mail.followers", "search_read", domain, ["id"]), [])
                self._refused("mail.followers", "read", followers.ids, ["partner_id"])
        self._login("teammate")
        found = self._rpc("mail.followers", "search_read", domain, ["partner_id"])
        self.assertEqual({row["id"] for row in found}, set(followers.ids))
        # A settings administrator reads tracking values and queued mails, but not those of
        # a care case.
        messages = self.case.message_ids
        self.assertTrue(messages.tracking_value_ids)
        mails = self.env["mail.mail"].search([("mail_message_id", "in", messages.ids)])
        self.assertTrue(mails)
        self._login("admin")
        self.assertEqual(
            self._rpc(
                "mail.tracking.value", "search_read", [("mail_message_id", "in", messages.ids)], []
            ),
            [],
        )
        self.assertEqual(
            self._rpc("mail.mail", "search_read", [("mail_message_id", "in", messages.ids)], []),
            [],
        )
        self._refused("mail.mail", "read", mails.ids, ["body_html"])

    # -- two-factor authentication ----------------------------------------------------------
    @mute_logger(*MUTED)
    def test_two_factor_before_dossier_content(self):
        self.env["ir.config_parameter"].set_param("student_care.require_two_factor", "True")
        self._login("careworker")
        self._refused("student_care.note", "read", [self.note.id], ["body"])
        with self.assertRaisesRegex(AccessError, "two-factor authentication"):
            self.note.with_user(self.users["careworker"]).read(["body"])
        # The list of notes (no content) and the case itself still open.
        self.assertTrue(self._rpc("student_care.note", "search_read", [], ["date"]))
        # With two-factor authentication enabled, the content opens.
        worker = self.users["careworker"].sudo()
        worker.totp_secret = "JBSWY3DPEHPK3PXP"
        self.assertTrue(worker.totp_enabled)
        body = self.note.with_user(self.users["careworker"]).read(["body"])[0]["body"]
        self.assertIn("Secret words", body)
        # Roles without dossier content are not asked.
        self.env["ir.config_parameter"].set_param("student_care.require_two_factor", "False")
