# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ReportStudentCareTruancyLetter(models.AbstractModel):
    """The formal letter quotes the truancy step that fired (how much was missed, over which
    days). A notice without one (a first-absence message) would print a letter with blanks
    where the facts go, which nobody should send: it is refused instead."""

    _name = "report.student_care_attendance.report_truancy_letter"
    _description = "Formal Truancy Letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        notices = self.env["student_care.attendance.notice"].browse(docids)
        if without := notices.filtered(lambda notice: not notice.event_id):
            raise UserError(
                _(
                    "The formal letter is for notices sent by a truancy rule step. "
                    "%(notices)s came from no step: print the step's notice instead.",
                    notices=", ".join(without.mapped("display_name")),
                )
            )
        return {"doc_ids": docids, "doc_model": notices._name, "docs": notices}
