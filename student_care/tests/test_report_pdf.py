# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .pdf import RealPdfCase
from .test_referral import StudentCareReferralCommon


@tagged("post_install", "-at_install")
class TestDisclosureRecordPdf(StudentCareReferralCommon, RealPdfCase):
    def test_disclosure_record_is_a_real_pdf(self):
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "referral_type": "agency",
                "agency_id": self.agency.id,
                "agency_user_id": self.agency_worker.id,
                "consent_id": self._consent().id,
                "reason": "Panic attacks at home",
            }
        )
        referral.action_activate()
        self.case.description = "<p>Father lost his job</p>"
        text = self.pdf_text(
            "student_care.student_care_disclosure_report",
            self.student,
            user=self.users["caremanager"],
        )
        for expected in (
            "Disclosure record",
            "Lotte Visser",
            "100001",
            "Youth Mental Health Clinic",
            "Treatment of anxiety",
            self.school.name,  # the letterhead, printed in the page on any wkhtmltopdf
        ):
            self.assertIn(expected, text)
        # It lists who received what and on which basis; never the dossier itself.
        for secret in ("Secret words", "Panic attacks", "lost his job", self.case.name):
            self.assertNotIn(secret, text)
