# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

INTERNAL_REPORT = "student_care_billing.report_internal_invoice_document"


class AccountMove(models.Model):
    """Internal care invoices: one department charges another, nobody pays by bank.

    They are the moves of the internal care journal. They print with their own layout and
    offer no QR code, bank account or online payment.
    """

    _inherit = "account.move"

    # Stored, so the Internal Invoices menu filters on an indexed column, and so invoices
    # billed before the journal existed can be flagged by the migration.
    is_care_internal = fields.Boolean(
        string="Internal Care Invoice",
        compute="_compute_is_care_internal",
        store=True,
        index=True,
    )

    @api.depends("journal_id.is_care_internal")
    def _compute_is_care_internal(self):
        for move in self:
            move.is_care_internal = move.journal_id.is_care_internal

    @api.depends("is_care_internal")
    def _compute_partner_bank_id(self):
        internal = self.filtered("is_care_internal")
        internal.partner_bank_id = False
        return super(AccountMove, self - internal)._compute_partner_bank_id()

    @api.depends("is_care_internal")
    def _compute_display_qr_code(self):
        internal = self.filtered("is_care_internal")
        internal.display_qr_code = False
        return super(AccountMove, self - internal)._compute_display_qr_code()

    def _get_name_invoice_report(self):
        self.ensure_one()
        if self.is_care_internal:
            return INTERNAL_REPORT
        return super()._get_name_invoice_report()

    def _has_to_be_paid(self):
        # account_payment's "Pay Now" on the portal and the preview page.
        self.ensure_one()
        if self.is_care_internal:
            return False
        return super()._has_to_be_paid()
