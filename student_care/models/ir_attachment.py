# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models, modules
from odoo.exceptions import ValidationError

PRIVATE_MODELS = ("student_care.note", "student_care.consent")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.constrains("public", "res_model")
    def _check_student_care_not_public(self):
        # A public attachment is readable by anyone with its URL: never for dossier files.
        if self.filtered(lambda a: a.public and a.res_model in PRIVATE_MODELS):
            raise ValidationError(_("Dossier attachments can never be public."))

    def _to_http_stream(self):
        """Downloading a file of a confidential or sealed note is a content read: log it."""
        stream = super()._to_http_stream()
        if self.res_model == "student_care.note" and self.res_id:
            note = self.env["student_care.note"].browse(self.res_id)
            if self.env.cr.readonly:
                # /web/content runs on a read-only cursor where a replica is configured:
                # the log goes through its own read/write transaction.
                with modules.registry.Registry(self.env.cr.dbname).cursor() as cr:
                    note.with_env(note.env(cr=cr))._log_content_access("attachment")
            else:
                note._log_content_access("attachment")
        return stream
