# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .student_care_case import DEFAULT_RETENTION_DAYS
from .student_care_consent import DEFAULT_CONSENT_AGE


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    student_care_retention_days = fields.Integer(
        string="Keep Closed Cases For (days)",
        config_parameter="student_care.retention_days",
        default=DEFAULT_RETENTION_DAYS,
        help="Closed care cases older than this are anonymised by a nightly scheduled action.",
    )
    student_care_require_two_factor = fields.Boolean(
        string="Two-factor Authentication for the Dossier",
        config_parameter="student_care.require_two_factor",
        help="Care workers, care managers and specialists must enable two-factor "
        "authentication before they can read dossier notes.",
    )
    student_care_consent_age = fields.Integer(
        string="Students Consent Themselves From Age",
        config_parameter="student_care.consent_age",
        default=DEFAULT_CONSENT_AGE,
        help="Below this age a guardian with custody must give consent to share.",
    )
