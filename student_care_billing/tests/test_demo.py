# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase


class TestBillingDemo(TransactionCase):
    """The billing officer's first look: last month to invoice, the month before done."""

    def test_demo_services(self):
        company = self.env.ref("base.main_company")
        services = self.env["student_care.service.delivery"].search(
            [("company_id", "=", company.id)]
        )
        states = set(services.mapped("state"))
        self.assertEqual(states, {"planned", "delivered", "invoiced"})
        invoiced = services.filtered(lambda s: s.state == "invoiced")
        self.assertTrue(invoiced.invoice_id)
        self.assertEqual(set(invoiced.invoice_id.mapped("state")), {"posted"})
        self.assertFalse(services.filtered(lambda s: not s.department_id))
        # Delivered and not yet billed: what the invoicing wizard has to do.
        delivered = services.filtered(lambda s: s.state == "delivered")
        self.assertGreater(min(delivered.mapped("date")), max(invoiced.mapped("date")))

    def test_a_month_to_invoice(self):
        # The billing officer's story: last month was delivered and is not billed yet.
        today = fields.Date.context_today(self.env["res.partner"])
        first = today.replace(day=1) - relativedelta(months=1)
        billing = self.env.ref("student_care.user_billing_demo")
        last_month = (
            self.env["student_care.service.delivery"]
            .with_user(billing)
            .search([("date", ">=", first), ("date", "<", today.replace(day=1))])
        )
        self.assertGreaterEqual(len(last_month), 5)
        self.assertEqual(set(last_month.mapped("state")), {"delivered"})
        self.assertGreaterEqual(len(last_month.department_id), 2, "several departments pay")
