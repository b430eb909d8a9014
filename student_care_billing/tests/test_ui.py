# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import RpcProbes

from .common import StudentCareBillingCommon


@tagged("post_install", "-at_install")
class TestBillingUi(RpcProbes, StudentCareBillingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_tour_names()

    def test_care_worker_logs_a_service(self):
        self.start_tour(
            f"/odoo/action-student_care.student_care_case_action/{self.case.id}",
            "student_care_billing_log_service",
            login="scb_careworker",
        )
        service = self.case.service_delivery_ids
        self.assertEqual(service.product_id, self.intake)
        self.assertEqual(service.department_id, self.dept_science)
        self.assertEqual(service.provider_id, self.users["careworker"])
        # The billing officer invoices it from the home page: test_role_tours.

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.models", "odoo.http")
    def test_billing_officer_over_rpc(self):
        service = self.deliver(self.intake, fields.Date.today())
        model = "student_care.service.delivery"
        self.login_as(self.users["billing"])
        rows = self.rpc(model, "search_read", [[("id", "=", service.id)], ["quantity"]])
        self.assertEqual(rows[0]["quantity"], 1.0)
        result = self.rpc(model, "web_search_read", [[], {"display_name": {}, "amount": {}}])
        self.assertNotIn("Tour Pupil", str(result))
        for method, args, kwargs in (
            ("read", [[service.id], ["case_id"]], {}),
            ("search", [[("case_id.student_id.name", "ilike", "Tour")]], {}),
            ("read_group", [[], ["amount:sum"], ["case_id"]], {}),
            ("export_data", [[service.id], ["case_id/name"]], {}),
            ("web_read", [[service.id], {"case_id": {}}], {}),
            ("write", [[service.id], {"quantity": 3}], {}),
            ("create", [{"case_id": self.case.id, "product_id": self.intake.id}], {}),
        ):
            with self.subTest(method=method):
                self.assert_rpc_refused(model, method, args, kwargs)
        # The care worker does see the case of the service.
        self.login_as(self.users["careworker"])
        rows = self.rpc(model, "read", [[service.id], ["case_id"]])
        self.assertEqual(rows[0]["case_id"][0], self.case.id)
        self.assertEqual(
            self.rpc(
                model, "create", [{"case_id": self.case.id, "product_id": self.coaching.id}]
            ).__class__,
            int,
        )
