# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: outreach calls no longer keep what the family said.

Every attendance officer and care worker read that text on the call, whatever sensitivity
the caller had chosen for the dossier note. The field is no longer stored. Calls that wrote
a dossier note have the text in that note; the others keep it in ``legacy_reason_given``,
readable by care managers only, so that the upgrade loses nothing. The old column is then
dropped.
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
    cr.execute(
        SQL(
            """UPDATE student_care_outreach_call
                  SET legacy_reason_given = reason_given
                WHERE note_id IS NULL AND coalesce(reason_given, '') != ''"""
        )
    )
    cr.execute(SQL("ALTER TABLE student_care_outreach_call DROP COLUMN reason_given"))
    _logger.info(
        "Outreach calls: what was said is now only in the dossier note of %s calls; %s calls "
        "without a note keep it for care managers only.",
        in_notes,
        call_only,
    )
