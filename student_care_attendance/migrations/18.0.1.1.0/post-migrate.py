# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: outreach calls no longer keep what the family said.

Every attendance officer and care worker read that text on the call, whatever sensitivity
the caller had chosen for the dossier note. The field is no longer stored; Odoo leaves the
column behind, so it is dropped here. Calls that wrote a dossier note have the text in that
note; the others kept it in the call log only, against the sensitivity chosen, and lose it.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute(
        SQL(
            """SELECT 1 FROM information_schema.columns
                WHERE table_name = 'student_care_outreach_call'
                  AND column_name = 'reason_given'"""
        )
    )
    if not cr.fetchone():
        return
    cr.execute(
        SQL(
            """SELECT count(*) FILTER (WHERE note_id IS NOT NULL),
                      count(*) FILTER (WHERE note_id IS NULL)
                 FROM student_care_outreach_call
                WHERE coalesce(reason_given, '') != ''"""
        )
    )
    in_notes, call_only = cr.fetchone()
    cr.execute(SQL("ALTER TABLE student_care_outreach_call DROP COLUMN reason_given"))
    _logger.info(
        "Outreach calls: removed what was said from %s calls (kept in their dossier note) "
        "and %s calls without a note.",
        in_notes,
        call_only,
    )
