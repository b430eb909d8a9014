# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import tagged

from .pdf import RealPdfCase
from .probes import ROLES, new_role_user
from .test_dossier import StudentCareDossierCommon


@tagged("post_install", "-at_install")
class TestDisclosureRecordPdf(StudentCareDossierCommon, RealPdfCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency = cls.env["res.partner"].create(
            {"name": "Youth Mental Health Clinic", "is_company": True, "company_id": cls.school.id}
        )
        cls.agency_worker = new_role_user(
            cls.env, "sc_pdf_agency_worker", ROLES["specialist"], cls.school
        )
        cls.student.birth_date = date(2012, 1, 1)  # a minor
        consent = cls.env["student_care.consent"].create(
            {
                "student_id": cls.student.id,
                "given_by": "guardian",
                "guardian_id": cls.mother.id,
                "agency_id": cls.agency.id,
                "purpose": "Treatment of anxiety",
                "given_on": date.today() - timedelta(days=1),
            }
        )
        cls.referral = cls.env["student_care.referral"].create(
            {
                "case_id": cls.case.id,
                "referral_type": "agency",
                "agency_id": cls.agency.id,
                "agency_user_id": cls.agency_worker.id,
                "consent_id": consent.id,
                "reason": "Panic attacks at home",
            }
        )
        cls.referral.action_activate()
        cls.case.description = "<p>Father lost his job</p>"

    def test_disclosure_record_is_a_real_pdf(self):
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
