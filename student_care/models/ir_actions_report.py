# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models
from odoo.exceptions import AccessError


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # Odoo's /report/<type>/<name>/<ids> routes do not check the report's own groups;
        # our reports are for the roles named on them, whatever the route.
        if (
            not self.env.su
            and report.report_name.startswith("student_care")
            and report.groups_id
            and not (report.groups_id & self.env.user.groups_id)
        ):
            raise AccessError(_("This report is not available to you."))
        return super()._get_rendering_context(report, docids, data)
