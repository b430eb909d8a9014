# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ReportStudentCareDisclosureRecord(models.AbstractModel):
    """The record of disclosures is about a student. It is offered in the Print menu of
    every contact, so for a guardian or an agency it would print an empty record that
    reads as "nothing was shared": it is refused instead."""

    _name = "report.student_care.report_disclosure_record"
    _description = "Disclosure Record"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        if others := partners.filtered(lambda partner: not partner.is_student):
            raise UserError(
                _(
                    "A disclosure record is kept for students only; %(names)s is not a "
                    "student.",
                    names=", ".join(others.mapped("display_name")),
                )
            )
        return {"doc_ids": docids, "doc_model": partners._name, "docs": partners}
