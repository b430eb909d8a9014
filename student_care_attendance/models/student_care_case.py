# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StudentCareCase(models.Model):
    _inherit = "student_care.case"

    def _anonymise(self):
        """Retention also reaches what attendance keeps of these cases.

        Outreach calls stay in the outreach statistics (date, outcome, recovery) but lose
        their free text and files and their link to the case and its note; truancy steps
        lose their link to the case. Both name the student: left linked, they would lead
        from the student straight back to the anonymised case. Runs as the scheduler, like
        the rest of the anonymisation.
        """
        calls = self.env["student_care.outreach.call"].sudo().search([("case_id", "in", self.ids)])
        calls._anonymise()
        self.env["student_care.truancy.event"].sudo().with_context(tracking_disable=True).search(
            [("case_id", "in", self.ids)]
        ).write({"case_id": False})
        return super()._anonymise()
