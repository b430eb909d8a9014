# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import StudentCareBillingCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule", "odoo.models")
TEXT_TYPES = ("char", "text", "html", "selection")


@tagged("post_install", "-at_install")
class TestBillingPrivacy(StudentCareBillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.deliver(cls.intake, date(2026, 10, 3))
        cls.deliver(cls.coaching, date(2026, 10, 9), quantity=1.5)
        cls.own_specialist = cls.deliver(
            cls.intake, date(2026, 10, 10), provider_id=cls.users["specialist"].id
        )
        cls.needles = ("Lotte", "Visser", "100001", cls.case.name)

    def _texts(self, records):
        """Every text value of the records, as the superuser reads them."""
        texts = []
        for record in records.sudo():
            for name, field in record._fields.items():
                if field.type in TEXT_TYPES and record[name]:
                    texts.append(f"{record._name}.{name}: {record[name]}")
            texts.append(f"{record._name}.display_name: {record.display_name}")
        return texts

    def assertNoStudent(self, texts):
        for text in texts:
            for needle in self.needles:
                self.assertNotIn(needle, str(text))

    def test_invoices_reveal_no_student(self):
        invoices = self.run_invoicing(self.oct_start, self.oct_end)
        self.service.with_user(self.users["careworker"]).action_cancel()
        invoices |= self.run_invoicing(self.nov_start, self.nov_end)
        self.assertEqual(set(invoices.mapped("move_type")), {"out_invoice", "out_refund"})
        lines = invoices.line_ids
        messages = self.env["mail.message"].search(
            [("model", "=", "account.move"), ("res_id", "in", invoices.ids)]
        )
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "in", invoices.ids)]
        )
        texts = self._texts(invoices) + self._texts(lines) + self._texts(messages)
        texts += self._texts(attachments)
        texts += self._texts(messages.sudo().tracking_value_ids)
        self.assertTrue(any("Intake interview" in t for t in texts))
        self.assertNoStudent(texts)
        report = self.env["ir.actions.report"]
        html = report._render_qweb_html("account.account_invoices", invoices.ids)[0]
        pdf_source = report._render_qweb_pdf("account.account_invoices", invoices.ids)[0]
        self.assertIn(b"Intake interview", html)
        for needle in self.needles:
            self.assertNotIn(needle.encode(), html)
            self.assertNotIn(needle.encode(), pdf_source)

    @mute_logger(*MUTED)
    def test_billing_officer_never_reaches_the_case(self):
        billing = self.users["billing"]
        services = self.env["student_care.service.delivery"].with_user(billing)
        found = services.search([])
        self.assertIn(self.service, found)
        values = self.service.with_user(billing).read(
            ["product_id", "department_id", "date", "quantity", "provider_id", "amount"]
        )[0]
        self.assertEqual(values["department_id"][0], self.dept_science.id)
        self.assertNotIn("case_id", services.fields_get())
        self.assertNotIn("case_id", self.service.with_user(billing).read()[0])
        probes = {
            "read": lambda: self.service.with_user(billing).read(["case_id"]),
            "search": lambda: services.search([("case_id", "=", self.case.id)]),
            "search_student": lambda: services.search(
                [("case_id.student_id.name", "ilike", "Lotte")]
            ),
            "read_group": lambda: services.read_group([], ["amount:sum"], ["case_id"]),
            "_read_group": lambda: services._read_group([], ["case_id"], ["__count"]),
            "order": lambda: services.search([], order="case_id"),
            "export": lambda: self.service.with_user(billing).export_data(["case_id/name"]),
            "case": lambda: self.case.with_user(billing).read(["name"]),
        }
        for name, probe in probes.items():
            with self.subTest(probe=name), self.assertRaises(AccessError):
                self.env.invalidate_all()
                probe()
        names = [r["display_name"] for r in found.read(["display_name"])]
        self.assertIn("Intake interview", names[0] + names[-1])
        self.assertNoStudent(names)
        self.assertNoStudent([name for _id, name in services.name_search("")])
        groups = services.read_group(
            [], ["amount:sum"], ["department_id", "product_id"], lazy=False
        )
        self.assertNoStudent([g["department_id"][1] for g in groups])

    @mute_logger(*MUTED)
    def test_who_sees_which_services(self):
        deliveries = self.env["student_care.service.delivery"]
        everything = deliveries.search([("company_id", "=", self.school.id)])
        self.assertEqual(len(everything), 3)
        for role, expected in (
            ("careworker", everything),
            ("caremanager", everything),
            ("billing", everything),
            ("specialist", self.own_specialist),
        ):
            with self.subTest(role=role):
                seen = deliveries.with_user(self.users[role]).search([])
                self.assertEqual(seen & everything, expected)
        for role in ("teacher", "attendance"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                deliveries.with_user(self.users[role]).search([])
        with self.assertRaises(AccessError):
            self.service.with_user(self.users["specialist"]).read(["quantity"])
        with self.assertRaises(AccessError):
            self.service.with_user(self.users["billing"]).write({"quantity": 5})
        # A specialist cannot log a service on a case they were not referred to.
        with self.assertRaises(AccessError):
            deliveries.with_user(self.users["specialist"]).create(
                {"case_id": self.case.id, "product_id": self.intake.id}
            )

    def test_cost_per_case_for_care_managers(self):
        manager = self.users["caremanager"]
        groups = (
            self.env["student_care.service.delivery"]
            .with_user(manager)
            ._read_group([("state", "!=", "cancelled")], ["case_id"], ["amount:sum"])
        )
        self.assertEqual(dict(groups)[self.case], 60.0 + 75.0 + 60.0)
