# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _student_care_landing_actions(self):
        return super()._student_care_landing_actions() + [
            (
                50,
                "student_care.student_care_group_billing_officer",
                lambda: self._student_care_act_window(
                    "student_care_billing.student_care_service_delivery_action",
                    search_default_to_invoice=1,
                ),
            ),
        ]
