# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import StudentCareBillingCommon


class TestServiceDeliveryInstitution(StudentCareBillingCommon):
    """A delivered service belongs to its case's institution, else to the current one
    (``student_care.institution.mixin``)."""

    def test_institution(self):
        Delivery = self.env["student_care.service.delivery"]
        defaults = Delivery.with_company(self.school).default_get(["company_id"])
        self.assertEqual(defaults["company_id"], self.school.id)
        delivery = self.deliver(self.intake, self.oct_start)
        self.assertEqual(delivery.company_id, self.case.company_id)
