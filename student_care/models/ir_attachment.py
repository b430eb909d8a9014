# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError, ValidationError

from .access import CARE_MODELS as PRIVATE_MODELS

NOTE = "student_care.note"
# Reading these columns of a note's file is reading the file.
CONTENT_COLUMNS = ("db_datas", "index_content")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.constrains("public", "res_model")
    def _check_student_care_not_public(self):
        # A public attachment is readable by anyone with its URL: never for dossier files.
        if self.filtered(lambda a: a.public and a.res_model in PRIVATE_MODELS):
            raise ValidationError(_("Dossier attachments can never be public."))

    @api.model
    def check(self, mode, values=None):
        # Odoo lets settings administrators read files that belong to no record yet. A file
        # uploaded on a note form before the note is saved is its uploader's alone.
        if self and not self.env.su:
            self.flush_model(["res_model", "res_id", "create_uid"])
            self.env.cr.execute(
                "SELECT 1 FROM ir_attachment WHERE id IN %s AND res_model IN %s "
                "AND COALESCE(res_id, 0) = 0 AND create_uid != %s LIMIT 1",
                [tuple(self.ids), PRIVATE_MODELS, self.env.uid],
            )
            if self.env.cr.fetchone():
                raise AccessError(_("Sorry, you are not allowed to access this document."))
        return super().check(mode, values=values)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = [
                "|",
                "|",
                ("res_model", "not in", PRIVATE_MODELS),
                ("res_id", ">", 0),
                ("create_uid", "=", self.env.uid),
                *(domain or []),
            ]
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _fetch_query(self, query, fields):
        fetched = super()._fetch_query(query, fields)
        if not self.env.su and any(field.name in CONTENT_COLUMNS for field in fields):
            fetched._student_care_log_read()
        return fetched

    def _compute_raw(self):
        result = super()._compute_raw()
        # Files in the filestore are read here; files in the database through db_datas.
        self.filtered("store_fname")._student_care_log_read()
        return result

    def _to_http_stream(self):
        """Downloading a file of a confidential or sealed note is a content read: log it."""
        stream = super()._to_http_stream()
        if self.store_fname:
            self._student_care_log_read()
        return stream

    def _student_care_log_read(self):
        if self.env.su:
            return
        note_ids = {a.res_id for a in self.sudo() if a.res_model == NOTE and a.res_id}
        if note_ids:
            notes = self.env[NOTE].browse(note_ids)
            notes.check_access("read")
            notes._log_content_access()
