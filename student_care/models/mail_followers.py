# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .access import CARE_MODELS, readable_care_documents


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
