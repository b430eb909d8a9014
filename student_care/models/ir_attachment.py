# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import ValidationError

PRIVATE_MODELS = ("student_care.note", "student_care.consent")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.constrains("public", "res_model")
    def _check_student_care_not_public(self):
        # A public attachment is readable by anyone with its URL: never for dossier files.
        if self.filtered(lambda a: a.public and a.res_model in PRIVATE_MODELS):
            raise ValidationError(_("Dossier attachments can never be public."))
