# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models, tools
from odoo.exceptions import AccessError

# Roles that read dossier content.
DOSSIER_GROUPS = (
    "student_care.student_care_group_care_worker",
    "student_care.student_care_group_specialist",
)
TWO_FACTOR_PARAM = "student_care.require_two_factor"


class ResUsers(models.Model):
    _inherit = "res.users"

    def _student_care_check_two_factor(self):
        """Refuse dossier content to a care role without two-factor authentication, when the
        institution requires it (Settings > Student Care > Privacy)."""
        self.ensure_one()
        if self._student_care_two_factor_missing():
            raise AccessError(
                _(
                    "The care dossier needs two-factor authentication. Open your profile "
                    "(your picture, top right) > My Preferences > Account Security, click "
                    "'Enable two-factor authentication', then open the note again."
                )
            )

    def _student_care_two_factor_missing(self):
        self.ensure_one()
        if not self.env["res.users"]._student_care_two_factor_required():
            return False
        user = self.sudo()
        if not any(user.has_group(group) for group in DOSSIER_GROUPS):
            return False
        return not user.totp_enabled

    @api.model
    @tools.ormcache()
    def _student_care_two_factor_required(self):
        value = self.env["ir.config_parameter"].sudo().get_param(TWO_FACTOR_PARAM)
        return str(value).lower() in ("1", "true", "yes")

    @api.model
    def _student_care_init_two_factor(self):
        """On by default in a new database without demo data; off where demo logins are."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(TWO_FACTOR_PARAM) is None:
            module = self.env["ir.module.module"].sudo().search([("name", "=", "base")])
            params.set_param(TWO_FACTOR_PARAM, str(not module.demo))
