# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Records of the care dossier: who follows them, what changed on them and the mails they
# send are known only to those who may read them.
CARE_MODELS = (
    "student_care.case",
    "student_care.note",
    "student_care.referral",
    "student_care.consent",
)


def readable_care_documents(env, model_field, res_id_field):
    """A domain keeping rows about care records only when the user may read that record.

    Rows about other models pass untouched. The readable records are a subquery with the
    user's own record rules, so nothing is read through sudo.
    """
    domain = [(model_field, "not in", CARE_MODELS)]
    for model in CARE_MODELS:
        if model in env and env[model].has_access("read"):
            readable = env[model].with_context(active_test=False)._search([])
            domain = ["|", *domain, "&", (model_field, "=", model), (res_id_field, "in", readable)]
    return domain


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model_create_multi
    def create(self, vals_list):
        # Following a care record means receiving its messages: only for people who may
        # read it. This also stops an activity from subscribing an assignee without access.
        vals_list = [vals for vals in vals_list if self._student_care_may_follow(vals)]
        return super().create(vals_list)

    def _student_care_may_follow(self, vals):
        if vals.get("res_model") not in CARE_MODELS:
            return True
        partner = self.env["res.partner"].sudo().browse(vals.get("partner_id"))
        record = self.env[vals["res_model"]].browse(vals.get("res_id"))
        return any(
            record.with_user(user).has_access("read")
            for user in partner.with_context(active_test=False).user_ids
            if not user.share
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = [*readable_care_documents(self.env, "res_model", "res_id"), *(domain or [])]
        return super()._search(domain, offset=offset, limit=limit, order=order)
