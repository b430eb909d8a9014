# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .access import readable_care_documents


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Settings administrators may read tracking values; not those of care records they
        # may not read.
        if not self.env.su:
            domain = [
                *readable_care_documents(
                    self.env, "mail_message_id.model", "mail_message_id.res_id"
                ),
                *(domain or []),
            ]
        return super()._search(domain, offset=offset, limit=limit, order=order)
