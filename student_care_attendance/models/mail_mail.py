# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailMail(models.Model):
    _inherit = "mail.mail"

    def _postprocess_sent_message(self, success_pids, failure_reason=False, failure_type=None):
        # Read the SMTP answer onto guardian notices before ``auto_delete`` removes the mail
        # (notice e-mails are linked to their notice: no query for the other e-mails).
        notice_mails = self.filtered(lambda mail: mail.model == "student_care.attendance.notice")
        if notice_mails:
            self.env["student_care.attendance.notice"]._update_from_mails(
                notice_mails, failure_reason=failure_reason, failure_type=failure_type
            )
        return super()._postprocess_sent_message(
            success_pids, failure_reason=failure_reason, failure_type=failure_type
        )
