# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.student_care.tests.tours import RoleTourCase

from .common import StudentCareBillingCommon


@tagged("post_install", "-at_install")
class TestBillingRoleTours(StudentCareBillingCommon, RoleTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_tour_names()
        last_month = fields.Date.today().replace(day=1) - relativedelta(days=1)
        cls.service = cls.deliver(cls.intake, last_month)

    def test_billing_officer_invoices_the_month_and_prints_it(self):
        self.start_role_tour(
            "student_care_billing_officer_invoices_the_month", login="scb_billing"
        )
        invoice = self.service.invoice_id
        self.assertEqual(self.service.state, "invoiced")
        self.assertRecordValues(
            invoice,
            [
                {
                    "partner_id": self.dept_science.id,
                    "state": "posted",
                    "move_type": "out_invoice",
                    "is_care_internal": True,
                }
            ],
        )
        self.assertEqual(
            invoice.journal_id, self.env.ref(f"account.{self.school.id}_student_care_internal")
        )
        self.assertEqual(invoice.create_uid, self.users["billing"])
