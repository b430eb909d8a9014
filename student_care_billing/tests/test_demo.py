# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
