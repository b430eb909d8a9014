# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import shutil
import subprocess
import tempfile

from odoo.tests import HttpCase

REPORT_LOGGER = "odoo.addons.base.models.ir_actions_report"


class RealPdfCase(HttpCase):
    """Render reports as real PDFs and read their text back.

    Odoo renders HTML in test mode; ``force_report_rendering`` runs wkhtmltopdf, which loads
    the report's styles from this test's HTTP server (hence an HttpCase).
    """

    def pdf_text(self, report_ref, records, user=None):
        """The text of the PDF the report prints for the records, as ``pdftotext`` reads it.

        Fails when wkhtmltopdf has anything to say (Odoo logs it as a warning).
        """
        pdftotext = shutil.which("pdftotext")
        self.assertTrue(pdftotext, "pdftotext is missing (Debian: apt-get install poppler-utils)")
        reports = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            reports = reports.with_user(user)
        with self.assertNoLogs(REPORT_LOGGER, "WARNING"):
            pdf, kind = reports._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"), "wkhtmltopdf made no PDF")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(
                [pdftotext, "-layout", handle.name, "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        # Collapse the layout's spacing: a phrase may be split over columns or lines.
        return " ".join(text.split())
