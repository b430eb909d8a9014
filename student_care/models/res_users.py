# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models, tools
from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from .access import DOSSIER_GROUPS

TWO_FACTOR_PARAM = "student_care.require_two_factor"
ROLE_CATEGORY = "student_care.module_category_student_care"


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        if not self.env.su:
            users._student_care_log_roles({user.id: self.env["res.groups"] for user in users})
        return users

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        before = {user.id: user._student_care_roles() for user in self}
        result = super().write(vals)
        if self.env.user in self and self.env.user._student_care_roles() != before.get(
            self.env.uid
        ):
            # Nobody gives themself a Student Care role, settings administrators included:
            # another administrator or a care manager must, and it is logged.
            raise AccessError(_("You cannot change your own Student Care roles."))
        self._student_care_log_roles(before)
        return result

    def _student_care_roles(self):
        self.ensure_one()
        category = self.env.ref(ROLE_CATEGORY)
        return self.sudo().groups_id.filtered(lambda g: g.category_id == category)

    def _student_care_log_roles(self, before):
        """Granting or removing a Student Care role is an access change: log it."""
        log = self.env["student_care.access.log"]
        for user in self:
            roles = user._student_care_roles()
            previous = before.get(user.id, self.env["res.groups"])
            for group, event in [(g, "granted") for g in roles - previous] + [
                (g, "revoked") for g in previous - roles
            ]:
                log._log(event=event, subject=user, reason=group.name)

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

    # --- The app's landing page -------------------------------------------------------------

    def _student_care_landing_actions(self):
        """The landing pages of the roles: ``(sequence, group xml id, action)`` where
        ``action`` returns an action dict. The app opens the first one (lowest sequence) whose
        group the user has. student_care knows the care roles; each add-on adds its own."""
        return [
            (
                10,
                "student_care.student_care_group_care_worker",
                self._student_care_pipeline_action,
            ),
            (
                20,
                "student_care.student_care_group_specialist",
                lambda: self._student_care_act_window(
                    "student_care.student_care_referral_action_mine"
                ),
            ),
            (
                30,
                "student_care.student_care_group_family_liaison",
                lambda: self._student_care_act_window(
                    "student_care.student_care_inquiry_action",
                    search_default_my_departments=1,
                    search_default_open=1,
                ),
            ),
        ]

    @api.model
    def _student_care_act_window(self, xmlid, **context):
        """The window action ``xmlid`` as a dict, ``context`` added to its own context."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["context"] = {
            **safe_eval(action.get("context") or "{}", {"uid": self.env.uid}),
            **context,
        }
        return action

    @api.model
    def _student_care_pipeline_action(self):
        """The case pipeline: a care worker's own cases and those of their care teams; a
        specialist has no team, record rules already limit them to the cases referred to them."""
        if self.env.user.has_group("student_care.student_care_group_care_worker"):
            return self._student_care_act_window(
                "student_care.student_care_case_action",
                search_default_my_cases=1,
                search_default_my_teams=1,
            )
        action = self._student_care_act_window("student_care.student_care_case_action")
        action["context"].pop("search_default_my_teams", None)
        return action

    @api.model
    def action_student_care_landing(self):
        """The Student Care app's landing page for the current user's role."""
        user = self.env.user
        for _sequence, group, action in sorted(
            user._student_care_landing_actions(), key=lambda entry: entry[0]
        ):
            if user.has_group(group):
                return action()
        return self._student_care_act_window("student_care.res_partner_action_student")

    @api.model
    def _student_care_init_two_factor(self):
        """On by default in a new database without demo data; off where demo logins are."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(TWO_FACTOR_PARAM) is None:
            module = self.env["ir.module.module"].sudo().search([("name", "=", "base")])
            params.set_param(TWO_FACTOR_PARAM, str(not module.demo))
