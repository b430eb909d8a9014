# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.student_care.tests.probes import role_users


class StudentCareBillingCommon(AccountTestInvoicingCommon):
    """A school with a chart of accounts, one user per role, two departments, a student of a
    programme billed to the first, a care case on her, and two catalogue services."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The accounting fixtures run as an accountant; ours are set up as the system.
        cls.env = cls.env(
            su=True, context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True)
        )
        cls.school = cls.env.company
        cls.users = role_users(cls.env, cls.school, "scb", name="SCB {role}")
        partners = cls.env["res.partner"]
        cls.dept_science = partners.create(
            {"name": "Faculty of Science", "is_care_department": True, "company_id": cls.school.id}
        )
        cls.dept_arts = partners.create(
            {"name": "Faculty of Arts", "is_care_department": True, "company_id": cls.school.id}
        )
        cls.programme = cls.env["student_care.programme"].create(
            {
                "name": "Science",
                "code": "SCI",
                "company_id": cls.school.id,
                "department_id": cls.dept_science.id,
            }
        )
        cls.student = partners.create(
            {
                "name": "Lotte Visser",
                "is_student": True,
                "student_number": "100001",
                "company_id": cls.school.id,
                "programme_id": cls.programme.id,
            }
        )
        cls.team = cls.env["student_care.team"].create(
            {
                "name": "Care team",
                "company_id": cls.school.id,
                "member_ids": [Command.link(cls.users["careworker"].id)],
            }
        )
        cls.case = cls.env["student_care.case"].create(
            {
                "student_id": cls.student.id,
                "category_id": cls.env.ref("student_care.student_care_case_category_wellbeing").id,
                "team_id": cls.team.id,
                "user_id": cls.users["careworker"].id,
                "company_id": cls.school.id,
            }
        )
        products = cls.env["product.product"]
        cls.intake = products.create(
            {
                "name": "Intake interview",
                "type": "service",
                "is_care_service": True,
                "care_category": "intake",
                "care_duration": 1.0,
                "uom_id": cls.env.ref("student_care_billing.uom_session").id,
                "uom_po_id": cls.env.ref("student_care_billing.uom_session").id,
                "list_price": 60.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.coaching = products.create(
            {
                "name": "Study-skills coaching",
                "type": "service",
                "is_care_service": True,
                "care_category": "study_skills",
                "care_duration": 1.5,
                "uom_id": cls.env.ref("uom.product_uom_hour").id,
                "uom_po_id": cls.env.ref("uom.product_uom_hour").id,
                "list_price": 50.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.oct_start, cls.oct_end = date(2026, 10, 1), date(2026, 10, 31)
        cls.nov_start, cls.nov_end = date(2026, 11, 1), date(2026, 11, 30)

    @classmethod
    def use_tour_names(cls):
        """Names the billing tours look for (and, for the student, must never see)."""
        cls.dept_science.name = "Tour Faculty"
        cls.student.name = "Tour Pupil"
        cls.intake.name = "Tour intake"

    @classmethod
    def deliver(cls, product, day, quantity=1.0, **vals):
        return cls.env["student_care.service.delivery"].create(
            {
                "case_id": cls.case.id,
                "product_id": product.id,
                "date": day,
                "quantity": quantity,
                "provider_id": cls.users["careworker"].id,
                **vals,
            }
        )

    def run_invoicing(self, date_from, date_to, user="billing"):
        deliveries = self.env["student_care.service.delivery"].with_user(self.users[user])
        return deliveries._invoice_period(self.school, date_from, date_to).sudo()
