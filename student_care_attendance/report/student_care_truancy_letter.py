# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.student_care.tools import report_values


class ReportStudentCareTruancyLetter(models.AbstractModel):
    """The formal letter quotes the truancy step that fired (how much was missed, over which
    days). A notice without one (a first-absence message) would print a letter with blanks
    where the facts go, which nobody should send: it is refused instead."""

    _name = "report.student_care_attendance.report_truancy_letter"
    _description = "Formal Truancy Letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        return report_values(
            self.env["student_care.attendance.notice"].browse(docids),
            lambda notice: not notice.event_id,
            # Built on refusal only, in the user's language (env._ needs no calling frame).
            lambda names: self.env._(
                "The formal letter is for notices sent by a truancy rule step. "
                "%(notices)s came from no step: print the step's notice instead.",
                notices=names,
            ),
        )
