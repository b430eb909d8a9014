# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The roll call's "Absent" checkbox is gone (the status is the one control): drop its
column from the roll call lines, which are transient rows anyway."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL("ALTER TABLE student_care_attendance_roll_call_line DROP COLUMN IF EXISTS is_absent")
    )
