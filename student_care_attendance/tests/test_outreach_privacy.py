# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import SQL, mute_logger

from odoo.addons.student_care.tests.probes import EXPORT, ROLES, RpcProbes, new_role_user

from .test_outreach import DAY, OutreachCommon

MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.models",
    "odoo.http",
)
CALLS = "student_care.outreach.call"


@tagged("post_install", "-at_install")
class TestOutreachCallPrivacy(RpcProbes, HttpCase, OutreachCommon):
    """What a family says on the phone goes into the dossier note with the sensitivity the
    caller chose; the call log, which every attendance officer and care worker reads, keeps
    only structured facts. Over JSON-RPC with real logins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = f"{EXPORT},{{}}"
        cls.other_officer = new_role_user(
            cls.env, "sc_attendance_b", groups.format(ROLES["attendance"]), cls.school
        )
        cls.other_worker = new_role_user(
            cls.env, "sc_careworker_b", groups.format(ROLES["careworker"]), cls.school
        )

    def setUp(self):
        super().setUp()
        self.addCleanup(self.env.cr.precommit.clear)

    def _as(self, user):
        self.login_as(user)

    def _log_call_rpc(self, student, **vals):
        self._as(self.officer)
        call_id = self.rpc(
            CALLS,
            "create",
            [
                {
                    "student_id": student.id,
                    "date": DAY.isoformat(),
                    "call_time": "2026-11-23 09:00:00",
                    "guardian_link_id": self.link.id,
                    **vals,
                }
            ],
        )
        return self.calls.browse(call_id)

    def _student_form(self):
        """The student's form as the web client loads it for the logged-in user."""
        view = self.env.ref("student_care.res_partner_view_form_student")
        views = self.rpc("res.partner", "get_views", [[[view.id, "form"]]])
        spec = {name: {} for name in views["models"]["res.partner"]["fields"]}
        return self.rpc("res.partner", "web_read", [self.student.ids, spec])

    def _stored_row(self, call):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT row_to_json(c)::text FROM student_care_outreach_call c WHERE id = %s",
                call.id,
            )
        )
        return self.env.cr.fetchone()[0]

    @mute_logger(*MUTED)
    def test_what_was_said_stays_in_the_dossier_note(self):
        for sensitivity in ("care_team", "confidential", "sealed"):
            said = f"Mother says the boyfriend hits him ({sensitivity})"
            call = self._log_call_rpc(
                self.student,
                outcome="family",
                is_follow_up_needed=True,
                sensitivity=sensitivity,
                reason_given=said,
                reason_id=self.unexcused.id,
            )
            note = call.sudo().note_id
            self.assertTrue(note, "follow-up: the call is in the dossier")
            self.assertEqual(note.sensitivity, sensitivity)
            self.assertNotIn(said, self._stored_row(call), "nothing of it in the call's table")
            for user in (self.officer, self.other_officer, self.users["careworker"]):
                self._as(user)
                with self.subTest(sensitivity=sensitivity, reader=user.login):
                    values = self.rpc(CALLS, "read", [call.ids])[0]
                    self.assertNotIn("boyfriend", str(values))
                    self.assertEqual(values["outcome"], "family")
                    self.assertEqual(values["reason_id"][0], self.unexcused.id)
                    self.assertTrue(values["is_follow_up_needed"])
                    rows = self.rpc(
                        CALLS,
                        "search_read",
                        [[("id", "=", call.id)]],
                        {"fields": ["reason_given"]},
                    )
                    self.assertFalse(rows[0]["reason_given"])
                    exported = self.rpc(CALLS, "export_data", [call.ids, ["reason_given"]])
                    self.assertNotIn("boyfriend", str(exported))
            # The note follows its sensitivity: another attendance officer never reads it,
            # another care worker not above the care-team level of their own cases.
            for user in (self.other_officer, self.other_worker):
                self._as(user)
                with (
                    self.subTest(sensitivity=sensitivity, note_reader=user.login),
                    self.assertRaisesRegex(JsonRpcException, "AccessError"),
                ):
                    self.rpc("student_care.note", "read", [note.ids, ["body"]])
            # The caller, the note's author, reads what they wrote.
            self._as(self.officer)
            body = self.rpc("student_care.note", "read", [note.ids, ["body"]])[0]["body"]
            self.assertIn("boyfriend hits him", body)

    @mute_logger(*MUTED)
    def test_no_dossier_no_free_text(self):
        # No follow-up and no open case: the words would stay in the call log only.
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._log_call_rpc(self.noor, outcome="ill", reason_given="Flu, back on Wednesday")
        self.assertFalse(self.calls.search([("student_id", "=", self.noor.id)]))
        with self.assertRaisesRegex(UserError, "care dossier only"):
            self._log_call(self.noor, reason_given="Flu, back on Wednesday")
        # The structured reason is enough for the log.
        call = self._log_call_rpc(self.noor, outcome="ill", reason_id=self.illness.id)
        self.assertRecordValues(
            call, [{"reason_id": self.illness.id, "note_id": False, "case_id": False}]
        )
        # A call cannot be given words afterwards either.
        self._as(self.officer)
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self.rpc(CALLS, "write", [call.ids, {"reason_given": "Flu"}])
        with self.assertRaisesRegex(UserError, "Log another call"):
            call.with_user(self.officer).write({"reason_given": "Flu"})

    @mute_logger(*MUTED)
    def test_teacher_and_billing_learn_nothing_of_the_case(self):
        """The attendance officer may know that a case exists (of cases other than truancy,
        existence only); the student's teacher and a billing officer learn nothing of the
        case a follow-up call opened or joined, through any attendance or billing path."""
        call = self._log_call_rpc(
            self.student, outcome="family", is_follow_up_needed=True, reason_given="Trouble"
        )
        case = call.sudo().case_id
        self.assertTrue(case)
        # The caller sees the call went to a case (its neutral reference), like the case
        # status list they read anyway.
        self._as(self.officer)
        values = self.rpc(CALLS, "read", [call.ids, ["case_id", "note_id"]])[0]
        self.assertEqual(values["case_id"], [case.id, case.name])
        absence = self.attendance.search(
            [("student_id", "=", self.student.id), ("date", "=", DAY), ("period", "=", 1)]
        )
        for user in (self.users["teacher"], self.users["billing"]):
            self._as(user)
            for model, method, args, kwargs in (
                (CALLS, "read", [call.ids, ["case_id"]], {}),
                (CALLS, "search_count", [[("case_id", "!=", False)]], {}),
                (CALLS, "read_group", [[], ["id:count"], ["case_id"]], {}),
                ("student_care.outreach", "search_read", [[]], {"fields": ["open_case_count"]}),
                ("student_care.truancy.event", "search_read", [[]], {"fields": ["case_id"]}),
            ):
                with (
                    self.subTest(user=user.login, model=model, method=method),
                    self.assertRaisesRegex(JsonRpcException, "AccessError"),
                ):
                    self.rpc(model, method, args, kwargs)
            with self.subTest(user=user.login, what="records they read"):
                readable = [self._student_form()]
                if user == self.users["teacher"]:
                    readable.append(self.rpc("student_care.attendance", "read", [absence.ids]))
                    readable.append(
                        self.rpc(
                            "mail.message",
                            "search_read",
                            [[("model", "=", "student_care.attendance")]],
                            {"fields": ["body", "record_name"]},
                        )
                    )
                for values in readable:
                    self.assertNotIn(case.name, str(values))
                    self.assertNotIn("Trouble", str(values))
