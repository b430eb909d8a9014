# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import MUTED, ROLES, RpcProbes, new_role_user

from .test_outreach import DAY, OutreachCommon

TRUANCY = "student_care.student_care_case_category_truancy"
WELLBEING = "student_care.student_care_case_category_wellbeing"


class TestCallReceipt(OutreachCommon):
    """After logging a call that went into a case the caller is told so, in the words the
    case-status rule allows them: the neutral reference where they may know the case exists,
    otherwise only that the care team has it."""

    def _save(self, call, user=None):
        return call.with_user(user or self.officer).action_save()

    def test_caller_who_may_know_the_case_reads_its_reference(self):
        call = self._log_call(
            self.student, guardian_link_id=self.link.id, outcome="family", is_follow_up_needed=True
        )
        case = call.sudo().case_id
        self.assertEqual(case.category_id, self.env.ref(TRUANCY))
        action = self._save(call)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"})
        self.assertEqual(action["params"]["message"], f"The call was added to case {case.name}.")
        # A second call joins the same case, and says so.
        again = self._log_call(self.student, outcome="family", is_follow_up_needed=True)
        self.assertEqual(again.sudo().case_id, case)
        self.assertIn(case.name, self._save(again)["params"]["message"])

    def test_caller_who_may_not_know_the_case_learns_only_the_care_team_has_it(self):
        # The student's open case belongs to the institution they came from: the officer
        # of the new school may not even know it exists.
        self.student.write({"company_id": self.other_school.id, "class_id": False})
        case = (
            self.env["student_care.case"]
            .with_company(self.other_school)
            .create(
                {
                    "student_id": self.student.id,
                    "company_id": self.other_school.id,
                    "category_id": self.env.ref(WELLBEING).id,
                    "description": "Worried about her at the old school",
                }
            )
            .with_env(self.env)
        )
        self.student.write({"company_id": self.school.id, "class_id": self.klass.id})
        call = self._log_call(self.student, guardian_link_id=self.link.id)
        self.assertEqual(call.sudo().case_id, case, "the call joined the open case")
        self.assertFalse(case._status_known_to(self.officer))
        action = self._save(call)
        message = action["params"]["message"]
        self.assertEqual(message, "The call about Lotte Visser was passed on to the care team.")
        self.assertNotIn(case.name, str(action))
        self.assertNotIn("Worried", str(action))

    def test_call_without_a_case_just_closes(self):
        call = self._log_call(self.noor, reason_id=self.illness.id)
        self.assertFalse(call.case_id)
        self.assertEqual(self._save(call), {"type": "ir.actions.act_window_close"})

    def test_report_a_concern_uses_the_same_rule(self):
        signals = self.env["student_care.case.signal"]
        category = self.env.ref(WELLBEING)
        stranger = new_role_user(self.env, "sc_teacher_no_class", ROLES["teacher"], self.school)
        for user, knows in ((self.users["teacher"], True), (stranger, False)):
            with self.subTest(user=user.login):
                action = (
                    signals.with_user(user)
                    .create(
                        {
                            "student_id": self.student.id,
                            "category_id": category.id,
                            "description": "<p>Falls asleep in class</p>",
                        }
                    )
                    .action_submit()
                )
                case = self.env["student_care.case"].search(
                    [("student_id", "=", self.student.id), ("category_id", "=", category.id)]
                )
                self.assertEqual(len(case), 1, "the second concern joins the first")
                message = action["params"]["message"]
                self.assertEqual(case.name in message, knows, message)
                self.assertIn("Lotte Visser", message)


@tagged("post_install", "-at_install")
class TestOutreachCards(RpcProbes, HttpCase, OutreachCommon):
    """The phone's cards read the guardian to call and the number: what an outreach line
    shows its readers already, and nothing for a role that may not read the list."""

    CARD_FIELDS = ("student_id", "class_id", "guardian_id", "relationship", "phone", "is_called")

    def test_phone_opens_the_cards_and_the_desk_the_list(self):
        action = self.env.ref("student_care_attendance.student_care_outreach_action")
        self.assertEqual(action.view_mode.split(",")[0], "list")
        self.assertEqual(action.mobile_view_mode, "kanban")
        self.assertIn("kanban", action.view_mode.split(","))

    @mute_logger(*MUTED)
    def test_card_fields_per_role(self):
        kanban = self.env.ref("student_care_attendance.student_care_outreach_view_kanban")
        for role in ("attendance", "careworker"):
            self.login_as(self.users[role])
            with self.subTest(role=role):
                views = self.rpc("student_care.outreach", "get_views", [[[kanban.id, "kanban"]]])
                fields = views["models"]["student_care.outreach"]["fields"]
                self.assertTrue(set(self.CARD_FIELDS) <= set(fields))
                rows = self.rpc(
                    "student_care.outreach",
                    "web_search_read",
                    [[("date", "=", DAY.isoformat()), ("student_id", "=", self.student.id)]],
                    {"specification": {name: {} for name in self.CARD_FIELDS}},
                )["records"]
                self.assertEqual(len(rows), 1)
                self.assertEqual(rows[0]["guardian_id"], self.mother.id)
                self.assertEqual(rows[0]["relationship"], "mother")
                self.assertEqual(rows[0]["phone"], "+31 6 1234 5678")
        for role in ("teacher", "billing", "specialist"):
            self.login_as(self.users[role])
            with (
                self.subTest(role=role),
                self.assertRaisesRegex(JsonRpcException, "AccessError"),
            ):
                self.rpc(
                    "student_care.outreach",
                    "search_read",
                    [[]],
                    {"fields": ["guardian_id", "relationship", "phone"]},
                )


@tagged("post_install", "-at_install")
class TestImportTemplate(RpcProbes, HttpCase, OutreachCommon):
    """The import framework's template: the expected header and one example line, which a
    check of the template itself accepts; served to whoever may import."""

    URL = "/student_care/import/template/%s"
    KINDS = {
        "student_care.attendance": "import_attendance_csv",
        "student_care.attendance.scan": "import_scans_csv",
    }

    def _table(self, content, file_type):
        if file_type == "xlsx":
            sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
            return [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
        return list(csv.reader(io.StringIO(content.decode())))

    def _filled_in(self, content, file_type):
        """The template as a clerk fills it in: the example's student replaced."""
        table = self._table(content, file_type)
        table[1][0] = self.student.student_number
        stream = io.StringIO(newline="")
        csv.writer(stream).writerows(table)
        return stream.getvalue().encode()

    def test_template_is_the_header_and_an_example_to_replace(self):
        numbers = (
            self.env["res.partner"].search([("is_student", "=", True)]).mapped("student_number")
        )
        for model, method in self.KINDS.items():
            records = self.env[model].with_user(self.officer).with_company(self.school)
            headers = records._import_headers()
            for file_type in ("csv", "xlsx"):
                with self.subTest(model=model, file_type=file_type):
                    content, filename, _mimetype = records._import_template(file_type)
                    self.assertTrue(filename.endswith(f"_template.{file_type}"))
                    table = self._table(content, file_type)
                    self.assertEqual(table[0], [aliases[0] for aliases in headers.values()])
                    self.assertEqual(len(table), 2, "the header and one example line")
                    # Nobody's data: the example's student is a placeholder.
                    self.assertNotIn(table[1][0], numbers)
                    # Imported unchanged, it writes nothing and says which line to fix.
                    result = getattr(records, method)(content, dry_run=True)
                    self.assertEqual(len(result["errors"]), 1, result["errors"])
                    self.assertIn("2", result["errors"][0])
                    self.assertIn(table[1][0], result["errors"][0])
                    before = self.env[model].search_count([])
                    with self.assertRaises(UserError):
                        getattr(records, method)(content)
                    self.assertEqual(self.env[model].search_count([]), before)
                    # Filled in, every other column of the example is accepted as it is.
                    result = getattr(records, method)(
                        self._filled_in(content, file_type), dry_run=True
                    )
                    self.assertEqual(result["errors"], [])
                    self.assertEqual(
                        result["created"] + result["updated"] + result["unchanged"], 1
                    )

    @mute_logger(*MUTED, "odoo.addons.base.models.ir_http")
    def test_template_route_per_role(self):
        self.login_as(self.officer)
        for model in self.KINDS:
            response = self.url_open(self.URL % model)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers["Content-Type"], "text/csv")
            self.assertIn("attachment", response.headers["Content-Disposition"])
            self.assertTrue(response.content.startswith(b"student_number,"))
            xlsx = self.url_open(f"{self.URL % model}?file_type=xlsx")
            self.assertEqual(xlsx.status_code, 200)
            self.assertTrue(xlsx.content.startswith(b"PK"))
        # Not an import, or not a file type: not found.
        for path in (
            self.URL % "res.users",
            self.URL % "student_care.import.mixin",
            self.URL % "no.such.model",
            f"{self.URL % 'student_care.attendance'}?file_type=exe",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)
        # Who may not import attendance gets no template (nor the example's student number).
        for role in ("billing", "specialist", "careworker"):
            self.login_as(self.users[role])
            with self.subTest(role=role):
                response = self.url_open(self.URL % "student_care.attendance")
                self.assertEqual(response.status_code, 403)
                self.assertNotIn(b"100001", response.content)
        self.logout()
        response = self.url_open(self.URL % "student_care.attendance", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_dialog_keeps_its_title_after_check_and_import(self):
        attendance = self.env["student_care.attendance"].with_company(self.school)
        content = self._filled_in(attendance._import_template()[0], "csv")
        wizard = (
            self.env["student_care.attendance.import"]
            .with_user(self.officer)
            .with_company(self.school)
            .create({"file": base64.b64encode(content), "filename": "template.csv"})
        )
        action = wizard.action_check()
        self.assertEqual(wizard.state, "checked", wizard.summary)
        self.assertEqual(action["name"], "Import Attendance")
        self.assertEqual((action["res_id"], action["target"]), (wizard.id, "new"))
        self.assertEqual(wizard.action_import()["name"], "Import Attendance")
        self.assertEqual(wizard.state, "done")
