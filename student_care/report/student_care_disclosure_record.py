# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..tools import report_values


class ReportStudentCareDisclosureRecord(models.AbstractModel):
    """The record of disclosures is about a student. It is offered in the Print menu of
    every contact, so for a guardian or an agency it would print an empty record that
    reads as "nothing was shared": it is refused instead."""

    _name = "report.student_care.report_disclosure_record"
    _description = "Disclosure Record"

    @api.model
    def _get_report_values(self, docids, data=None):
        return report_values(
            self.env["res.partner"].browse(docids),
            lambda partner: not partner.is_student,
            # Built on refusal only, in the user's language (env._ needs no calling frame).
            lambda names: self.env._(
                "A disclosure record is kept for students only; %(names)s is not a student.",
                names=names,
            ),
        )
