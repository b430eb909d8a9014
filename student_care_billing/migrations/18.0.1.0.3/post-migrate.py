# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Record rules now test the reader sets (own teachers, care team readers, active
referrals) instead of spelling them out; reload them, as rules are noupdate data."""

from odoo import SUPERUSER_ID, api

from odoo.addons.student_care.models.access import reload_record_rules


def migrate(cr, version):
    reload_record_rules(api.Environment(cr, SUPERUSER_ID, {}), "student_care_billing")
