# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .probes import MUTED, ROLES, RpcProbes, new_role_user
from .test_dossier import StudentCareDossierCommon


@tagged("post_install", "-at_install")
class TestDossierForms(RpcProbes, HttpCase, StudentCareDossierCommon):
    """The dossier's forms as each role meets them in the web client."""

    # Reading a sealed note's content writes the access log. In tests the log is written
    # in the request's transaction, which a read-only cursor cannot: run requests read/write
    # (outside tests the log has a transaction of its own).
    readonly_enabled = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A care worker of the case's team who wrote none of its notes.
        cls.colleague = new_role_user(
            cls.env, "df_colleague", ROLES["careworker"], cls.school, name="Colleague"
        )
        cls.team.member_ids = [(4, cls.colleague.id)]
        cls.case_url = f"/odoo/action-student_care.student_care_case_action/{cls.case.id}"

    def _button(self, model, method, ids):
        return self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {"model": model, "method": method, "args": [ids], "kwargs": {"context": {}}},
        )

    def _button_error(self, model, method, ids):
        """The error the web client shows for a button: its type and its message."""
        params = {"model": model, "method": method, "args": [ids], "kwargs": {"context": {}}}
        response = self.url_open(
            "/web/dataset/call_button",
            json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        ).json()
        self.assertNotIn("result", response)
        return response["error"]["data"]

    # -- care manager ------------------------------------------------------------------
    def test_care_manager_checks_the_access_log(self):
        self.notes["confidential"].with_user(self.users["careworker"]).read(["body"])
        self.login_as(self.users["caremanager"])
        # The list's header button is shown without a selection: it is called on no rows.
        action = self._button("student_care.access.log", "action_verify_chain", [])
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")

    def test_access_log_shows_neutral_references(self):
        note = self.notes["confidential"]
        note.with_user(self.users["careworker"]).read(["body"])
        self.login_as(self.users["caremanager"])
        rows = self.rpc(
            "student_care.access.log",
            "search_read",
            [[("case_ref", "=", self.case.id)]],
            {"fields": ["case_name", "note_name", "student_id"]},
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["case_name"], self.case.name)
        self.assertTrue(self.case.name.startswith("CASE/"))
        self.assertEqual(rows[0]["note_name"], f"Note {note.id}")
        self.assertEqual(rows[0]["student_id"][1], self.student.name)
        self.assertNotIn("Secret", str(rows))
        # The search view finds rows by the student's name, typed or picked.
        for value in (self.student.name, self.student.id):
            with self.subTest(value=value):
                count = self.rpc(
                    "student_care.access.log",
                    "search_count",
                    [[("student_id", "ilike" if isinstance(value, str) else "=", value)]],
                )
                self.assertEqual(count, 1)

    def test_sealed_note_opens_read_only_with_a_title(self):
        note = self.notes["sealed"]
        manager = self.users["caremanager"]
        action = (
            self.env["student_care.note.break_glass"]
            .with_user(manager)
            .create({"note_id": note.id, "reason": "Student at acute risk"})
            .action_confirm()
        )
        self.assertEqual(action["name"], f"Sealed note {note.id}")
        readonly = self.env.ref("student_care.student_care_note_view_form_readonly")
        self.assertEqual(action["views"], [(readonly.id, "form")])
        arch = etree.fromstring(
            self.env["student_care.note"]
            .with_user(manager)
            .get_views([(readonly.id, "form")])["views"]["form"]["arch"]
        )
        self.assertEqual(arch.get("edit"), "0")
        # Its author still opens the note to change it.
        action = (
            self.env["student_care.note.timeline"]
            .with_user(self.users["careworker"])
            .browse(note.id)
            .action_open_note()
        )
        self.assertEqual(action["views"], [(False, "form")])

    # -- care worker -------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_open_refused_note_explains_who_may_read_it(self):
        self.login_as(self.colleague)
        # The care-team note opens for a colleague of the team, the confidential one not.
        action = self._button(
            "student_care.note.timeline", "action_open_note", [self.notes["care_team"].id]
        )
        self.assertEqual(action["res_id"], self.notes["care_team"].id)
        self.assertEqual(action["name"], f"Note {self.notes['care_team'].id}")
        for level, words in (
            ("confidential", "This note is confidential"),
            ("sealed", "This note is sealed"),
        ):
            with self.subTest(level=level):
                error = self._button_error(
                    "student_care.note.timeline", "action_open_note", [self.notes[level].id]
                )
                self.assertEqual(error["name"], "odoo.exceptions.AccessError")
                message = error["message"]
                self.assertIn(words, message)
                self.assertIn(f"Ask {self.users['careworker'].name}", message)
                self.assertNotIn("top-secret", message)
                self.assertNotIn("Secret words", message)

    @mute_logger(*MUTED)
    def test_refusal_names_nobody_to_who_may_not_see_the_timeline(self):
        """The button is public: called on a note id by a role that may not see the row,
        it must refuse without naming the author, the owner or the sensitivity."""
        outsider_teacher = new_role_user(
            self.env, "df_other_teacher", ROLES["teacher"], self.school, name="Other Teacher"
        )
        for user in (self.users["billing"], outsider_teacher):
            self.login_as(user)
            for level in ("shared", "sealed"):
                with self.subTest(user=user.login, level=level):
                    error = self._button_error(
                        "student_care.note.timeline", "action_open_note", [self.notes[level].id]
                    )
                    self.assertEqual(error["name"], "odoo.exceptions.AccessError")
                    self.assertNotIn(self.users["careworker"].name, error["message"])
                    self.assertNotIn("This note is", error["message"])

    def test_new_referral_shows_no_steps_before_it_is_saved(self):
        self.start_tour(
            self.case_url,
            "student_care_worker_new_referral",
            login=self.users["careworker"].login,
        )

    def test_referral_steps_follow_the_role(self):
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "specialist_id": self.users["specialist"].id,
                "reason": "Assessment",
            }
        )
        expected = {
            "careworker": (True, False),  # owns the case
            "caremanager": (True, False),
            "colleague": (False, False),
            "specialist": (False, True),
        }
        for role, (lead, referred) in expected.items():
            user = self.colleague if role == "colleague" else self.users[role]
            with self.subTest(role=role):
                self.assertRecordValues(
                    referral.with_user(user),
                    [{"is_case_lead": lead, "is_referred_user": referred}],
                )

    # -- specialist --------------------------------------------------------------------
    def test_specialist_sees_the_student_of_an_active_referral(self):
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "specialist_id": self.users["specialist"].id,
                "reason": "Assessment",
            }
        )
        referral.with_user(self.users["careworker"]).action_activate()
        self.login_as(self.users["specialist"])
        views = self.rpc("student_care.referral", "get_views", [], {"views": [[False, "list"]]})
        arch = etree.fromstring(views["views"]["list"]["arch"])
        self.assertTrue(arch.xpath("//field[@name='student_id']"))
        result = self.rpc(
            "student_care.referral",
            "web_search_read",
            [[("state", "=", "active")], {"student_id": {"fields": {"display_name": {}}}}],
        )
        self.assertEqual(
            [r["student_id"]["display_name"] for r in result["records"]], [self.student.name]
        )
