# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.student_care.tests.common import StudentCareCommon
from odoo.addons.student_care.tests.probes import RpcProbes, new_role_user

MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.models",
    "odoo.http",
)
DAY = date(2026, 11, 23)
OUR_WIZARDS = {
    "student_care.attendance.roll_call",
    "student_care.attendance.roll_call.line",
    "student_care.attendance.import",
}


@tagged("post_install", "-at_install")
class TestDraftsArePrivate(RpcProbes, HttpCase, StudentCareCommon):
    """A wizard row is its creator's draft: over JSON-RPC, with real logins, nobody else
    lists, reads, changes or runs it, whatever their role or institution."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sem = cls.create_student("Sem Bakker", "100002")
        roles = {
            "sc_teacher_b": ("teacher", cls.school),
            "sc_attendance_b": ("attendance_officer", cls.school),
            "sc_other_attendance": ("attendance_officer", cls.other_school),
        }
        cls.others = {
            login: new_role_user(
                cls.env, login, f"student_care.student_care_group_{group}", company
            )
            for login, (group, company) in roles.items()
        }

    def _recorded(self):
        return self.env["student_care.attendance"].search(
            [("date", "=", DAY), ("student_id", "in", (self.student | self.sem).ids)]
        )

    def assertRefused(self, user, record, values):
        """``user`` does not find ``record`` (or may not search the model at all) and
        cannot read, change or run it."""
        self.login_as(user)
        model = record._name
        with self.subTest(user=user.login, model=model, op="search_read"):
            if self.env[model].with_user(user).has_access("read"):
                rows = self.rpc(model, "search_read", [[]], {"fields": ["id"]})
                self.assertNotIn(record.id, [row["id"] for row in rows])
            else:
                self.assert_rpc_refused(model, "search_read", [[]], {"fields": ["id"]})
        for op, args in (
            ("read", [record.ids, list(values)]),
            ("web_read", [record.ids, {name: {} for name in values}]),
            ("write", [record.ids, values]),
        ):
            with (
                self.subTest(user=user.login, model=model, op=op),
                self.assertRaisesRegex(JsonRpcException, "AccessError"),
            ):
                self.rpc(model, op, args)

    @mute_logger(*MUTED)
    def test_roll_call_draft_is_its_teachers(self):
        teacher = self.users["teacher"]
        self.login_as(teacher)
        roll_call_id = self.rpc(
            "student_care.attendance.roll_call",
            "create",
            [
                {
                    "class_id": self.klass.id,
                    "date": DAY.isoformat(),
                    "period": 1,
                    "line_ids": [
                        [0, 0, {"student_id": self.student.id, "status": "absent"}],
                        [0, 0, {"student_id": self.sem.id, "status": "present"}],
                    ],
                }
            ],
        )
        roll_call = self.env["student_care.attendance.roll_call"].browse(roll_call_id)
        line = roll_call.line_ids.filtered(lambda line: line.student_id == self.student)
        refused = [
            *self.others.values(),
            self.other_teacher,
            self.users["attendance"],
            self.users["careworker"],
            self.users["billing"],
        ]
        for user in refused:
            self.assertRefused(user, roll_call, {"period": 2})
            self.assertRefused(user, line, {"status": "present"})
            with (
                self.subTest(user=user.login, op="action_save"),
                self.assertRaisesRegex(JsonRpcException, "AccessError"),
            ):
                self.rpc("student_care.attendance.roll_call", "action_save", [roll_call.ids])
        self.assertFalse(self._recorded(), "nobody else saved the teacher's roll call")
        # The teacher still finds, reads and saves their own draft.
        self.login_as(teacher)
        rows = self.rpc(
            "student_care.attendance.roll_call",
            "search_read",
            [[("id", "=", roll_call_id)]],
            {"fields": ["class_id", "line_ids"]},
        )
        self.assertEqual(rows[0]["class_id"][0], self.klass.id)
        self.assertEqual(len(rows[0]["line_ids"]), 2)
        lines = self.rpc(
            "student_care.attendance.roll_call.line", "read", [rows[0]["line_ids"], ["status"]]
        )
        self.assertEqual(sorted(row["status"] for row in lines), ["absent", "present"])
        result = self.rpc("student_care.attendance.roll_call", "action_save", [[roll_call_id]])
        self.assertIn("1 absent of 2", result["params"]["message"])
        saved = self._recorded()
        self.assertEqual(
            {(r.student_id, r.status, r.recorded_by_id) for r in saved},
            {(self.student, "absent", teacher), (self.sem, "present", teacher)},
        )

    @mute_logger(*MUTED)
    def test_uploaded_attendance_file_is_its_uploaders(self):
        officer = self.users["attendance"]
        content = "student_number,date,period,status\n100001,2026-11-23,1,absent\n"
        self.login_as(officer)
        model = "student_care.attendance.import"
        wizard_id = self.rpc(
            model,
            "create",
            [{"file": base64.b64encode(content.encode()).decode(), "filename": "day.csv"}],
        )
        self.rpc(model, "action_check", [[wizard_id]])
        wizard = self.env[model].browse(wizard_id)
        file_domain = [
            ("res_model", "=", model),
            ("res_id", "=", wizard_id),
            ("res_field", "=", "file"),
        ]
        for user in [*self.others.values(), self.users["teacher"], self.users["billing"]]:
            self.assertRefused(user, wizard, {"summary": "x"})
            if self.env[model].with_user(user).has_access("read"):
                with self.subTest(user=user.login, op="attachment"):
                    # The uploaded file itself follows the wizard's access.
                    files = self.rpc(
                        "ir.attachment", "search_read", [file_domain], {"fields": ["datas"]}
                    )
                    self.assertEqual(files, [])
            with (
                self.subTest(user=user.login, op="action_import"),
                self.assertRaisesRegex(JsonRpcException, "AccessError"),
            ):
                self.rpc(model, "action_import", [[wizard_id]])
        self.assertFalse(self._recorded(), "nobody else imported the officer's file")
        # The uploader reads the check's result and the file, and imports it.
        self.login_as(officer)
        rows = self.rpc(model, "search_read", [[("id", "=", wizard_id)]], {"fields": ["state"]})
        self.assertEqual(rows[0]["state"], "checked")
        files = self.rpc("ir.attachment", "search_read", [file_domain], {"fields": ["datas"]})
        self.assertEqual(base64.b64decode(files[0]["datas"]).decode(), content)
        self.rpc(model, "action_import", [[wizard_id]])
        self.assertEqual(self._recorded().student_id, self.student)


@tagged("post_install", "-at_install")
class TestEveryWizardIsPrivate(TransactionCase):
    """Every transient model of the Student Care add-ons (student_care*) holds someone's
    draft: each needs a global rule on all four operations limiting it to its creator,
    so a new wizard cannot forget it. res.config.settings is Odoo's, not ours."""

    def test_every_wizard_has_a_global_creator_rule(self):
        user = new_test_user(self.env, login="sc_wizard_probe", groups="base.group_user")
        eval_context = self.env["ir.rule"].with_user(user)._eval_context()
        wizards = sorted(
            name
            for name, model_class in self.env.registry.items()
            if model_class._transient
            and name != "res.config.settings"
            and (model_class._original_module or "").startswith("student_care")
        )
        self.assertGreaterEqual(set(wizards), OUR_WIZARDS)
        for name in wizards:
            rules = (
                self.env["ir.rule"]
                .sudo()
                .search([("model_id.model", "=", name), ("global", "=", True)])
            )
            own = rules.filtered(
                lambda rule: rule.perm_read
                and rule.perm_write
                and rule.perm_create
                and rule.perm_unlink
                and ("create_uid", "=", user.id)
                in [tuple(leaf) for leaf in safe_eval(rule.domain_force or "[]", eval_context)]
            )
            with self.subTest(model=name):
                self.assertTrue(own, f"{name} has no global create_uid = user rule")
