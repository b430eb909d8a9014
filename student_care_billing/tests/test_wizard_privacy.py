# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import ROLES, RpcProbes, new_role_user

from .common import StudentCareBillingCommon

MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.models",
    "odoo.http",
)
WIZARD = "student_care.service.delivery.invoice"


@tagged("post_install", "-at_install")
class TestInvoiceDraftIsPrivate(RpcProbes, StudentCareBillingCommon, HttpCase):
    """An invoicing run being prepared is its billing officer's draft (JSON-RPC, real
    logins): another billing officer, of this institution or another, does not find, read,
    change or run it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = ROLES["billing"]
        other_school = cls.env["res.company"].create({"name": "Other Institute"})
        cls.colleague = new_role_user(cls.env, "scb_billing_b", group, cls.school)
        cls.other_billing = new_role_user(cls.env, "scb_other_billing", group, other_school)
        cls.deliver(cls.intake, date(2026, 10, 3))

    @mute_logger(*MUTED)
    def test_invoice_draft_is_its_billing_officers(self):
        billing = self.users["billing"]
        self.login_as(billing)
        wizard_id = self.rpc(
            WIZARD, "create", [{"date_from": "2026-10-01", "date_to": "2026-10-31"}]
        )
        for user in (self.colleague, self.other_billing, self.users["caremanager"]):
            self.login_as(user)
            with self.subTest(user=user.login, op="search_read"):
                if self.env[WIZARD].with_user(user).has_access("read"):
                    rows = self.rpc(WIZARD, "search_read", [[]], {"fields": ["id"]})
                    self.assertNotIn(wizard_id, [row["id"] for row in rows])
                else:
                    self.assert_rpc_refused(WIZARD, "search_read", [[]], {"fields": ["id"]})
            for op, args in (
                ("read", [[wizard_id], ["date_from", "date_to"]]),
                ("write", [[wizard_id], {"date_to": "2026-12-31"}]),
                ("action_invoice", [[wizard_id]]),
            ):
                with (
                    self.subTest(user=user.login, op=op),
                    self.assertRaisesRegex(JsonRpcException, "AccessError"),
                ):
                    self.rpc(WIZARD, op, args)
        services = self.env["student_care.service.delivery"].search(
            [("case_id", "=", self.case.id)]
        )
        self.assertEqual(services.mapped("state"), ["delivered"], "nobody else ran it")
        # The billing officer reads and runs their own draft.
        self.login_as(billing)
        rows = self.rpc(WIZARD, "read", [[wizard_id], ["date_from", "date_to"]])
        self.assertEqual((rows[0]["date_from"], rows[0]["date_to"]), ("2026-10-01", "2026-10-31"))
        action = self.rpc(WIZARD, "action_invoice", [[wizard_id]])
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(services.mapped("state"), ["invoiced"])
