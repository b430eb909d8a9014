# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import StudentCareBillingCommon


@tagged("post_install", "-at_install")
class TestCatalogue(StudentCareBillingCommon):
    def test_care_service_is_a_service_product(self):
        with self.assertRaises(ValidationError):
            self.env["product.template"].create(
                {"name": "Goods", "type": "consu", "is_care_service": True}
            )
        with Form(self.env["product.template"]) as form:
            form.name = "Mindfulness group"
            form.type = "consu"
            form.is_care_service = True
            form.care_category = "group"
            self.assertEqual(form.type, "service")
            self.assertFalse(form.purchase_ok)

    def test_department_gets_an_analytic_account(self):
        account = self.dept_science.care_analytic_account_id
        self.assertEqual(account.name, "Faculty of Science")
        self.assertEqual(
            account.plan_id, self.env.ref("student_care_billing.account_analytic_plan_department")
        )
        self.assertEqual(account.company_id, self.school)
        partner = self.env["res.partner"].create({"name": "School of Law"})
        self.assertFalse(partner.care_analytic_account_id)
        partner.is_care_department = True
        self.assertEqual(partner.care_analytic_account_id.name, "School of Law")

    def test_paying_department_from_programme_or_override(self):
        self.assertEqual(self.case.billing_department_id, self.dept_science)
        service = self.deliver(self.intake, self.oct_start)
        self.assertRecordValues(
            service,
            [
                {
                    "department_id": self.dept_science.id,
                    "price_unit": 60.0,
                    "amount": 60.0,
                    "company_id": self.school.id,
                    "state": "delivered",
                }
            ],
        )
        self.case.department_override_id = self.dept_arts
        self.assertEqual(self.case.billing_department_id, self.dept_arts)
        self.assertEqual(self.deliver(self.intake, self.oct_start).department_id, self.dept_arts)

    def test_log_a_service_from_the_case(self):
        worker = self.users["careworker"]
        case = self.case.with_user(worker)
        with Form(case) as form:
            with form.service_delivery_ids.new() as line:
                line.product_id = self.coaching.with_user(worker)
                self.assertEqual(line.quantity, 1.5)  # hours: the default duration
                self.assertEqual(line.department_id, self.dept_science)
                self.assertEqual(line.provider_id, worker)
        service = case.service_delivery_ids
        self.assertEqual(service.amount, 75.0)
        self.assertEqual(case.service_delivery_count, 1)
        self.assertIn("Study-skills coaching", service.display_name)
        self.assertNotIn("Lotte", service.display_name)

    def test_log_service_button_is_two_clicks(self):
        worker = self.users["careworker"]
        services = self.env["student_care.service.delivery"].with_user(worker)
        services.create({"case_id": self.case.id, "product_id": self.coaching.id})
        action = self.case.with_user(worker).action_log_service()
        # Click 1 opened the dialog with everything filled in; click 2 saves it.
        service = Form(services.with_context(**action["context"])).save()
        self.assertRecordValues(
            service,
            [
                {
                    "case_id": self.case.id,
                    "product_id": self.coaching.id,  # the one this provider logged last
                    "provider_id": worker.id,
                    "department_id": self.dept_science.id,
                    "quantity": 1.5,
                    "state": "delivered",
                }
            ],
        )

    def test_a_delivered_service_needs_a_department_and_a_care_product(self):
        self.student.programme_id = False
        with self.assertRaises(ValidationError):
            self.deliver(self.intake, self.oct_start)
        planned = self.deliver(self.intake, self.oct_start, state="planned")
        self.assertFalse(planned.department_id)
        other = self.env["product.product"].create({"name": "Pencil", "type": "consu"})
        with self.assertRaises(ValidationError):
            self.deliver(other, self.oct_start, department_id=self.dept_arts.id)

    def test_demo_catalogue_and_departments(self):
        products = self.env["product.template"].search([("is_care_service", "=", True)])
        demo = products.filtered(lambda p: p.default_code and p.default_code.startswith("CARE-"))
        self.assertEqual(len(demo), 9)
        self.assertTrue(all(p.list_price > 0 and not p.taxes_id for p in demo))
        programme = self.env.ref("student_care.student_care_programme_stem_demo")
        self.assertTrue(programme.department_id.is_care_department)
        invoiced = self.env["student_care.service.delivery"].search([("state", "=", "invoiced")])
        self.assertTrue(invoiced, "the demo tells its story: one month already invoiced")
