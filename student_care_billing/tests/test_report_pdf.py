# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.student_care.tests.pdf import RealPdfCase

from .common import StudentCareBillingCommon


@tagged("post_install", "-at_install")
class TestInternalInvoicePdf(StudentCareBillingCommon, RealPdfCase):
    def test_internal_invoice_is_a_real_pdf(self):
        self.deliver(self.intake, date(2026, 10, 3))
        self.deliver(self.coaching, date(2026, 10, 9), quantity=1.5)
        invoice = self.run_invoicing(self.oct_start, self.oct_end)
        self.assertEqual(invoice.partner_id, self.dept_science)
        text = self.pdf_text("account.account_invoices", invoice, user=self.users["billing"])
        for expected in ("Faculty of Science", "Intake interview", "Study-skills coaching"):
            self.assertIn(expected, text)
        # Departments pay for services, not for students.
        for secret in ("Lotte", "Visser", "100001", self.case.name):
            self.assertNotIn(secret, text)
