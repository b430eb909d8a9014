# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.student_care.tests.pdf import RealPdfCase

from .test_truancy import DAY, TruancyCommon


@tagged("post_install", "-at_install")
class TestTruancyPdf(TruancyCommon, RealPdfCase):
    def test_formal_letter_is_a_real_pdf(self):
        rule = self._rule([(1, "notice")], unit="day")
        rule.step_ids.mail_template_id = self.env.ref(
            "student_care_attendance.mail_template_truancy_letter"
        )
        self._absent(self.classmate, DAY)
        notice = rule._evaluate(today=DAY).notice_ids
        self.assertEqual(notice.kind, "letter")
        case = self.env["student_care.case"].create(
            {
                "student_id": self.classmate.id,
                "category_id": self.truancy.id,
                "team_id": False,
                "description": "<p>Father lost his job</p>",
            }
        )
        text = self.pdf_text(
            "student_care_attendance.student_care_attendance_notice_report_letter",
            notice,
            user=self.users["attendance"],
        )
        for expected in (
            "Formal notice about school attendance",
            "Dear Kees Bakker",
            "Sem Bakker",
            "without a valid reason",
            self.school.name,
        ):
            self.assertIn(expected, text)
        # A letter to the family says how much school was missed, nothing of the care file.
        for secret in ("lost his job", case.name, "Ida Bakker", "Leerplicht"):
            self.assertNotIn(secret, text)
