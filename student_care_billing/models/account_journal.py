# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    is_care_internal = fields.Boolean(
        string="Internal Care Invoices",
        help="The care services' invoicing run bills departments in this journal; its "
        "invoices print as internal charges, without payment instructions.",
    )
