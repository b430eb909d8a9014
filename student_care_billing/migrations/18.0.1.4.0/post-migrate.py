# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Internal invoices get their own journal (data/account_journal_data.xml creates it in
every company with a chart of accounts). Flag the invoices and credit notes earlier runs
posted in the customer invoices' journal as internal, so they stay in Internal Invoices and
print as such."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        SQL(
            """
            UPDATE account_move SET is_care_internal = TRUE
             WHERE id IN (SELECT invoice_id FROM student_care_service_delivery
                           WHERE invoice_id IS NOT NULL
                           UNION
                          SELECT credit_note_id FROM student_care_service_delivery
                           WHERE credit_note_id IS NOT NULL)
            """
        )
    )
    env["account.move"].invalidate_model(["is_care_internal"])
