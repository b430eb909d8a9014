# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import RpcProbes

from .common import StudentCareBillingCommon

MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.models",
    "odoo.http",
)


@tagged("post_install", "-at_install")
class TestBillingLearnsNoCase(RpcProbes, StudentCareBillingCommon, HttpCase):
    """Billing's public entry points that take a case id answer a billing officer or a
    teacher the same whether that case exists or not: neither learns a case exists."""

    def _answer(self, case_id, method, blanked):
        """The answer to ``method`` for this case id, with the ids ``blanked`` blanked out
        (both ids compared: a number such as a list's limit may equal either of them)."""
        try:
            if method == "default_get":
                result = self.rpc(
                    "student_care.service.delivery",
                    "default_get",
                    [["department_id", "company_id"]],
                    {"context": {"default_case_id": case_id}},
                )
            else:
                result = self.rpc("student_care.case", method, [[case_id]])
        except JsonRpcException as error:
            return str(error)
        return repr(self._blank(result, blanked))

    def _blank(self, value, blanked):
        if isinstance(value, dict):
            return {key: self._blank(item, blanked) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self._blank(item, blanked) for item in value]
        return "ID" if value in blanked and not isinstance(value, bool) else value

    @mute_logger(*MUTED)
    def test_same_answer_with_or_without_a_case(self):
        missing = self.env["student_care.case"].search([], order="id desc", limit=1).id + 1000
        for login in ("scb_billing", "scb_teacher"):
            self.login_as(self.users[login.removeprefix("scb_")])
            for method in (
                "action_log_service",
                "action_view_service_deliveries",
                "default_get",
            ):
                with self.subTest(login=login, method=method):
                    blanked = {self.case.id, missing}
                    existing = self._answer(self.case.id, method, blanked)
                    self.assertEqual(existing, self._answer(missing, method, blanked))
                    self.assertNotIn(self.case.name, existing)
                    self.assertNotIn(self.student.name, existing)
