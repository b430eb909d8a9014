# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        res = super()._routing_handle_bounce(email_message, message_dict)
        # A bounce of a guardian notice's e-mail: show it on the notice.
        self.env["student_care.attendance.notice"]._record_bounce(message_dict)
        return res
