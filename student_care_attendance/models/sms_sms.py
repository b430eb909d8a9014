# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        res = super()._send(
            unlink_failed=unlink_failed, unlink_sent=unlink_sent, raise_exception=raise_exception
        )
        # IAP answered for this batch: guardian notices learn whether it took the texts.
        self.env["student_care.attendance.notice"]._update_from_sms(self.exists())
        return res

    def _update_sms_state_and_trackers(self, new_state, failure_type=None):
        # Delivery reports that arrive later (an undeliverable number).
        res = super()._update_sms_state_and_trackers(new_state, failure_type=failure_type)
        self.env["student_care.attendance.notice"]._update_from_sms(self)
        return res
