# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _student_care_landing_actions(self):
        return super()._student_care_landing_actions() + [
            (
                30,
                "student_care.student_care_group_attendance_officer",
                lambda: self._student_care_act_window(
                    "student_care_attendance.student_care_outreach_action"
                ),
            ),
            (40, "student_care.student_care_group_teacher", self._student_care_roll_call_action),
        ]

    @api.model
    def _student_care_roll_call_action(self):
        """Today's roll call as a page of its own, the class filled in for a teacher of one."""
        classes = self.env["student_care.class"].search(
            ["|", ("mentor_id", "=", self.env.uid), ("teacher_ids", "in", self.env.uid)], limit=2
        )
        action = self._student_care_act_window(
            "student_care_attendance.student_care_attendance_roll_call_action",
            **({"default_class_id": classes.id} if len(classes) == 1 else {}),
        )
        # Opened from the app there is no page behind a dialog to come back to.
        action["target"] = "current"
        action["views"] = [
            [
                self.env.ref(
                    "student_care_attendance.student_care_attendance_roll_call_view_form_page"
                ).id,
                "form",
            ]
        ]
        return action
