# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Excuse requests on the family portal: the reasons of the shipped data offered to families
are flagged in existing databases too (the reason data is noupdate)."""

from odoo import SUPERUSER_ID, api

FAMILY_REASONS = ("illness", "medical", "family", "religious")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in FAMILY_REASONS:
        reason = env.ref(
            f"student_care_attendance.student_care_attendance_reason_{name}",
            raise_if_not_found=False,
        )
        if reason:
            reason.is_family_reason = True
