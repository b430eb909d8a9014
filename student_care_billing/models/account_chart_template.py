# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from odoo.addons.account.models.chart_template import template

INTERNAL_JOURNAL = "student_care_internal"


class AccountChartTemplate(models.AbstractModel):
    """The internal care journal is chart data: every company that gets a chart of accounts
    gets one (``account.<company id>_student_care_internal``), like Odoo's own journals."""

    _inherit = "account.chart.template"

    @template(model="account.journal")
    def _get_student_care_billing_account_journal(self, template_code):
        return {
            INTERNAL_JOURNAL: {
                "name": _("Internal Care Invoices"),
                "code": "CARE",
                "type": "sale",
                "is_care_internal": True,
                "show_on_dashboard": False,
                # After the customer invoices' journal, so new customer invoices keep it.
                "sequence": 50,
            },
        }

    @api.model
    def _student_care_load_internal_journals(self, companies=None):
        """Create the journal in companies whose chart was loaded before this add-on.

        Called by the add-on's data at every install and update (before its demo data,
        which invoices), so it skips companies that have the journal already.
        """
        companies = self.env["res.company"].search([]) if companies is None else companies
        for company in companies.filtered("chart_template").sorted("parent_path"):
            chart = self.with_company(company)
            if chart.ref(INTERNAL_JOURNAL, raise_if_not_found=False):
                continue
            journals = chart._get_student_care_billing_account_journal(company.chart_template)
            chart._load_data({"account.journal": journals})
