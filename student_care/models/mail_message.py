# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .access import CARE_MODELS


class MailMessage(models.Model):
    _inherit = "mail.message"

    def export_data(self, fields_to_export):
        # Odoo lets administrators export any message. Chatter of the care dossier is only
        # for those who may read the case: a settings administrator is not a care reader.
        for model in CARE_MODELS:
            res_ids = {m.res_id for m in self.sudo() if m.model == model and m.res_id}
            if res_ids:
                self.env[model].browse(res_ids).check_access("read")
        return super().export_data(fields_to_export)
