# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import StudentCareBillingCommon


@tagged("post_install", "-at_install")
class TestInvoicing(StudentCareBillingCommon):
    def assertReconciled(self, services):
        """Every billed service is on exactly one line, whose quantity is the services' sum."""
        lines = services.invoice_line_id
        for line in lines:
            on_line = services.filtered(lambda s, line=line: s.invoice_line_id == line)
            self.assertAlmostEqual(line.quantity, sum(on_line.mapped("quantity")))
            self.assertEqual(line.product_id, on_line.product_id)
            self.assertEqual(line.move_id.partner_id, on_line.department_id)

    def test_one_invoice_per_department_one_line_per_service(self):
        s1 = self.deliver(self.intake, date(2026, 10, 3))
        s2 = self.deliver(self.intake, date(2026, 10, 20))
        s3 = self.deliver(self.coaching, date(2026, 10, 21), quantity=1.5)
        s4 = self.deliver(self.intake, date(2026, 10, 22), department_id=self.dept_arts.id)
        planned = self.deliver(self.intake, date(2026, 10, 30), state="planned")
        later = self.deliver(self.intake, date(2026, 11, 2))
        moves = self.run_invoicing(self.oct_start, self.oct_end)
        self.assertEqual(len(moves), 2)
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(set(moves.mapped("move_type")), {"out_invoice"})
        science = moves.filtered(lambda m: m.partner_id == self.dept_science)
        self.assertEqual(science.invoice_date, self.oct_end)
        self.assertRecordValues(
            science.invoice_line_ids.sorted("sequence"),
            [
                {"product_id": self.intake.id, "quantity": 2.0, "price_unit": 60.0},
                {"product_id": self.coaching.id, "quantity": 1.5, "price_unit": 50.0},
            ],
        )
        self.assertEqual(science.amount_total, 195.0)
        self.assertFalse(science.invoice_line_ids.tax_ids)
        analytic = str(self.dept_science.care_analytic_account_id.id)
        for line in science.invoice_line_ids:
            self.assertEqual(line.analytic_distribution, {analytic: 100.0})
        self.assertEqual((s1 | s2 | s3 | s4).mapped("state"), ["invoiced"] * 4)
        self.assertEqual(s1.invoice_line_id, s2.invoice_line_id)
        self.assertEqual(s1.invoice_id, science)
        self.assertEqual(planned.state, "planned")
        self.assertFalse(later.invoice_line_id)
        self.assertReconciled(s1 | s2 | s3 | s4)

    def test_rerun_creates_nothing_and_late_services_go_on_the_next_run(self):
        self.deliver(self.intake, date(2026, 10, 3))
        first = self.run_invoicing(self.oct_start, self.oct_end)
        self.assertEqual(len(first), 1)
        self.assertFalse(self.run_invoicing(self.oct_start, self.oct_end))
        # Logged in November for a session in October: the October invoice stays as it was.
        late = self.deliver(self.coaching, date(2026, 10, 28), quantity=2)
        nov = self.deliver(self.intake, date(2026, 11, 4))
        self.assertEqual(len(first.invoice_line_ids), 1)
        second = self.run_invoicing(self.nov_start, self.nov_end)
        self.assertEqual(len(second), 1)
        self.assertEqual(late.invoice_id, second)
        self.assertEqual(nov.invoice_id, second)
        self.assertFalse(self.run_invoicing(self.nov_start, self.nov_end))
        services = self.env["student_care.service.delivery"].search(
            [("case_id", "=", self.case.id)]
        )
        self.assertEqual(len(services.invoice_line_id), 3)
        self.assertReconciled(services)

    def test_cancelling_an_invoiced_service_credits_it_once(self):
        keep = self.deliver(self.intake, date(2026, 10, 3))
        cancel = self.deliver(self.coaching, date(2026, 10, 4), quantity=1.5)
        invoice = self.run_invoicing(self.oct_start, self.oct_end)
        cancel.with_user(self.users["careworker"]).action_cancel()
        self.assertEqual(cancel.state, "cancelled")
        self.assertEqual(cancel.invoice_id, invoice)  # still on the invoice it was billed on
        never_billed = self.deliver(self.intake, date(2026, 11, 3))
        never_billed.action_cancel()
        moves = self.run_invoicing(self.nov_start, self.nov_end)
        self.assertEqual(moves.mapped("move_type"), ["out_refund"])
        self.assertEqual(moves.partner_id, self.dept_science)
        self.assertRecordValues(
            moves.invoice_line_ids, [{"product_id": self.coaching.id, "quantity": 1.5}]
        )
        self.assertEqual(cancel.credit_note_id, moves)
        self.assertFalse(keep.credit_line_id)
        self.assertFalse(never_billed.invoice_line_id or never_billed.credit_line_id)
        self.assertFalse(self.run_invoicing(self.nov_start, self.nov_end))

    def test_invoiced_services_are_frozen(self):
        service = self.deliver(self.intake, date(2026, 10, 3))
        self.run_invoicing(self.oct_start, self.oct_end)
        worker_service = service.with_user(self.users["careworker"])
        with self.assertRaises(UserError):
            worker_service.quantity = 3
        with self.assertRaises(UserError):
            worker_service.unlink()
        other = self.deliver(self.intake, date(2026, 11, 3))
        with self.assertRaises(UserError):
            other.state = "invoiced"

    def test_clear_error_without_accounting(self):
        bare = self.env["res.company"].create({"name": "No Books College"})
        billing = self.users["billing"]
        billing.company_ids = [Command.link(bare.id)]
        student = self.env["res.partner"].create(
            {
                "name": "Bare Student",
                "is_student": True,
                "student_number": "900001",
                "company_id": bare.id,
            }
        )
        department = self.env["res.partner"].create(
            {"name": "Bare Faculty", "is_care_department": True, "company_id": bare.id}
        )
        case = self.env["student_care.case"].create(
            {
                "student_id": student.id,
                "company_id": bare.id,
                "category_id": self.case.category_id.id,
                "team_id": False,
            }
        )
        self.env["student_care.service.delivery"].create(
            {
                "case_id": case.id,
                "product_id": self.intake.id,
                "date": date(2026, 10, 3),
                "department_id": department.id,
            }
        )
        deliveries = self.env["student_care.service.delivery"].with_user(billing)
        with self.assertRaisesRegex(UserError, "No Books College.*sales journal"):
            deliveries.with_company(bare)._invoice_period(bare, self.oct_start, self.oct_end)

    def test_internal_journal_and_menu(self):
        self.deliver(self.intake, date(2026, 10, 3))
        internal = self.run_invoicing(self.oct_start, self.oct_end)
        journal = self.env.ref(f"account.{self.school.id}_student_care_internal")
        self.assertRecordValues(
            journal, [{"type": "sale", "code": "CARE", "is_care_internal": True}]
        )
        self.assertEqual(internal.journal_id, journal)
        self.assertTrue(internal.is_care_internal)
        # Loading it again (every update of the add-on does) makes no second journal.
        self.env["account.chart.template"]._student_care_load_internal_journals()
        journals = self.env["account.journal"].search(
            [("is_care_internal", "=", True), ("company_id", "=", self.school.id)]
        )
        self.assertEqual(journals, journal)
        # A customer invoice made by hand keeps the customer invoices' journal.
        customer = self.init_invoice(
            "out_invoice", partner=self.dept_arts, post=True, products=[self.intake]
        )
        self.assertFalse(customer.journal_id.is_care_internal)
        self.assertFalse(customer.is_care_internal)
        # Internal Invoices lists the run's invoices, not the customer invoice.
        action = self.env.ref("student_care_billing.account_move_action_internal")
        menu = self.env.ref("student_care_billing.student_care_billing_invoice_menu")
        self.assertEqual(menu.action, action)
        billing = self.users["billing"]
        listed = (
            self.env["account.move"]
            .with_user(billing)
            .search(safe_eval(action.domain, {"uid": billing.id}))
        )
        self.assertIn(internal, listed)
        self.assertNotIn(customer, listed)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_only_billing_officers_invoice(self):
        self.deliver(self.intake, date(2026, 10, 3))
        for role in ("teacher", "careworker", "caremanager", "specialist"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.run_invoicing(self.oct_start, self.oct_end, user=role)
        # A billing officer of one institution cannot bill another one's services.
        other = self.env["res.company"].create({"name": "Other Institute"})
        deliveries = self.env["student_care.service.delivery"].with_user(self.users["billing"])
        with self.assertRaises(AccessError):
            deliveries._invoice_period(other, self.oct_start, self.oct_end)
        wizard_model = self.env["student_care.service.delivery.invoice"]
        with self.assertRaises(AccessError):
            wizard_model.with_user(self.users["caremanager"]).create({})

    def test_wizard_by_billing_officer(self):
        self.deliver(self.intake, date(2026, 10, 3))
        billing = self.users["billing"]
        with freeze_time("2026-11-15"):
            form = Form(self.env["student_care.service.delivery.invoice"].with_user(billing))
            self.assertEqual(form.date_from, self.oct_start)
            self.assertEqual(form.date_to, self.oct_end)
            wizard = form.save()
        action = wizard.action_invoice()
        moves = self.env["account.move"].search(action["domain"])
        self.assertEqual(moves.partner_id, self.dept_science)
        self.assertEqual(moves.create_uid, billing)
        again = wizard.action_invoice()
        self.assertEqual(again["tag"], "display_notification")

    def test_monthly_scheduled_action(self):
        self.deliver(self.intake, date(2026, 10, 3))
        self.deliver(self.intake, date(2026, 11, 3))
        cron = self.env.ref("student_care_billing.ir_cron_invoice_care_services")
        self.assertEqual(cron.interval_type, "months")
        moves = self.env["account.move"]
        existing = moves.search([("company_id", "=", self.school.id)])
        # Run the scheduled action itself (as its own user), not the method it is meant to call.
        with freeze_time("2026-11-01 02:00:00"):
            cron.method_direct_trigger()
        moves = moves.search([("company_id", "=", self.school.id)]) - existing
        self.assertEqual(len(moves), 1)
        self.assertEqual(moves.invoice_date, self.oct_end)
        self.assertEqual(moves.invoice_line_ids.quantity, 1.0)

    def test_a_case_with_billed_services_is_kept(self):
        unbilled_case = self.case.copy({"student_id": self.student.id})
        self.env["student_care.service.delivery"].create(
            {"case_id": unbilled_case.id, "product_id": self.intake.id, "date": self.oct_start}
        )
        unbilled_case.with_user(self.users["caremanager"]).unlink()
        self.deliver(self.intake, date(2026, 10, 3))
        self.run_invoicing(self.oct_start, self.oct_end)
        with self.assertRaises(UserError):
            self.case.with_user(self.users["caremanager"]).unlink()
