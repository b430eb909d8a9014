# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.student_care.models import ir_actions_report

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

    def test_disclosure_record_is_refused_for_a_contact_who_is_no_student(self):
        # Print > Disclosure Record is on every contact's form: for an agency it would
        # print an empty record that reads as "nothing was shared".
        report = self.env.ref("student_care.student_care_disclosure_report")
        manager = self.users["caremanager"]
        with self.assertRaisesRegex(UserError, "Youth Mental Health Clinic is not a student"):
            self.env["ir.actions.report"].with_user(manager)._render_qweb_html(
                report, self.agency.ids
            )
        # The student's record still prints.
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(manager)
            ._render_qweb_html(report, self.student.ids)
        )
        self.assertIn("Lotte Visser", html.decode())

    def test_paper_options_follow_the_wkhtmltopdf_build(self):
        reports = self.env["ir.actions.report"]
        paperformat = self.env.ref("base.paperformat_euro")
        paperformat.header_line = True
        spacing = {"data-report-header-spacing": "30"}
        for patched_qt in (True, False):
            with patch.object(
                ir_actions_report, "wkhtmltopdf_has_patched_qt", return_value=patched_qt
            ):
                args = reports._build_wkhtmltopdf_args(paperformat, False, spacing)
            options = dict(zip(args, args[1:], strict=False))
            if patched_qt:  # Odoo's options, untouched
                self.assertEqual(options["--header-spacing"], "30")
                self.assertIn("--header-line", args)
                self.assertEqual(options["--margin-top"], str(paperformat.margin_top))
            else:  # nothing that Qt would ignore with a warning, no room for a header
                self.assertNotIn("--header-spacing", args)
                self.assertNotIn("--header-line", args)
                self.assertEqual(options["--margin-top"], "10")
                self.assertEqual(options["--margin-bottom"], "10")
            self.assertEqual(options["--page-size"], "A4")
