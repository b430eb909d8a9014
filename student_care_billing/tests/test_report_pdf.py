# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.pdf import RealPdfCase
from odoo.addons.student_care.tests.probes import MUTED, new_role_user

from .common import StudentCareBillingCommon

IBAN = "NL91ABNA0417164300"
# What asks a payer to pay: none of it belongs on a charge between departments.
PAYMENT_WORDS = (
    "PROFORMA",
    "Pay Now",
    "Payment Communication",
    "Please use the following communication",
    "IBAN",
    "on this account",
    "QR",
    "Due Date",
)


@tagged("post_install", "-at_install")
class TestInternalInvoicePdf(StudentCareBillingCommon, RealPdfCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The school can be paid by bank and prints QR codes: customer invoices show both.
        cls.env["res.partner.bank"].create(
            {"acc_number": IBAN, "partner_id": cls.school.partner_id.id, "allow_out_payment": True}
        )
        cls.school.qr_code = True
        cls.env["ir.config_parameter"].set_param("account_payment.enable_portal_payment", True)

    def _internal_invoice(self):
        self.deliver(self.intake, date(2026, 10, 3))
        self.deliver(self.coaching, date(2026, 10, 9), quantity=1.5)
        return self.run_invoicing(self.oct_start, self.oct_end)

    def _customer_invoice(self):
        return self.init_invoice(
            "out_invoice", partner=self.dept_arts, post=True, products=[self.intake]
        )

    def assertInternal(self, text, invoice):
        self.assertIn("Internal Invoice", text)
        self.assertIn(invoice.name, text)
        self.assertIn("Internal charge for care services", text)
        for word in PAYMENT_WORDS:
            self.assertNotIn(word, text)
        self.assertNotIn(IBAN, text.replace(" ", ""))

    def test_internal_invoice_is_a_real_pdf(self):
        invoice = self._internal_invoice()
        self.assertEqual(invoice.partner_id, self.dept_science)
        self.assertTrue(invoice.is_care_internal)
        self.assertTrue(invoice.name.startswith("CARE/"), invoice.name)
        self.assertFalse(invoice.partner_bank_id)
        self.assertFalse(invoice.display_qr_code)
        # The report Odoo sends and the portal prints, and Print > Internal Invoice.
        for report in (
            "account.account_invoices",
            "student_care_billing.account_move_report_internal_invoice",
        ):
            with self.subTest(report=report):
                text = self.pdf_text(report, invoice, user=self.users["billing"])
                self.assertInternal(text, invoice)
                for expected in (
                    "Faculty of Science",
                    "Intake interview",
                    "Study-skills coaching",
                ):
                    self.assertIn(expected, text)
                # Departments pay for services, not for students.
                for secret in ("Lotte", "Visser", "100001", self.case.name):
                    self.assertNotIn(secret, text)

    def test_internal_credit_note_says_what_it_is(self):
        service = self.deliver(self.intake, date(2026, 10, 3))
        self.run_invoicing(self.oct_start, self.oct_end)
        service.action_cancel()
        credit = self.run_invoicing(self.nov_start, self.nov_end)
        self.assertEqual(credit.move_type, "out_refund")
        self.assertTrue(credit.is_care_internal)
        text = self.pdf_text("account.account_invoices", credit, user=self.users["billing"])
        self.assertIn("Internal Credit Note", text)
        for word in PAYMENT_WORDS:
            self.assertNotIn(word, text)

    def test_customer_invoice_still_prints_as_an_invoice(self):
        invoice = self._customer_invoice()
        self.assertFalse(invoice.is_care_internal)
        self.assertEqual(invoice.partner_bank_id.acc_number, IBAN)
        text = self.pdf_text("account.account_invoices", invoice, user=self.users["billing"])
        self.assertIn(f"Invoice {invoice.name}", text)
        self.assertIn("Payment Communication", text)
        self.assertIn("Due Date", text)
        self.assertIn(IBAN, text.replace(" ", ""))
        self.assertNotIn("Internal", text)

    def test_preview_page_of_an_internal_invoice(self):
        internal = self._internal_invoice()
        customer = self._customer_invoice()
        self.authenticate(self.users["billing"].login, self.users["billing"].login)
        page = self.url_open(f"/my/invoices/{internal.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Pay Now", page.text)
        # The preview shown in the page, before any PDF was generated (Odoo's PROFORMA).
        html = self.url_open(f"/my/invoices/{internal.id}?report_type=html").text
        self.assertIn("Internal Invoice", html)
        for word in ("PROFORMA", "Payment Communication", "qrcode", IBAN):
            self.assertNotIn(word, html)
        # An ordinary customer invoice keeps Odoo's page: Pay Now, PROFORMA preview.
        self.assertIn("Pay Now", self.url_open(f"/my/invoices/{customer.id}").text)
        html = self.url_open(f"/my/invoices/{customer.id}?report_type=html").text
        self.assertIn("PROFORMA", html)
        self.assertIn("Payment Communication", html)

    @mute_logger(*MUTED)
    def test_only_billing_opens_the_preview_and_the_report(self):
        internal = self._internal_invoice()
        users = dict(self.users)
        users["admin"] = new_role_user(
            self.env, "scb_admin", "base.group_system,base.group_partner_manager", self.school
        )
        for role, user in users.items():
            if role == "billing":
                continue
            with self.subTest(role=role):
                self.authenticate(user.login, user.login)
                for url in (
                    f"/my/invoices/{internal.id}",
                    f"/my/invoices/{internal.id}?report_type=html",
                    f"/report/html/account.report_invoice/{internal.id}",
                    f"/report/pdf/account.report_invoice/{internal.id}",
                ):
                    response = self.url_open(url)
                    self.assertNotIn(internal.name, response.text, url)
                    self.assertNotIn("Intake interview", response.text, url)
