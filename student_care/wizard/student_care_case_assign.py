# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.access import CARE_GROUP


class StudentCareCaseAssign(models.TransientModel):
    """Hand a case to another owner or care team, with the reason (access log)."""

    _name = "student_care.case.assign"
    _description = "Reassign a Care Case"

    case_id = fields.Many2one(
        comodel_name="student_care.case", string="Case", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="case_id.company_id")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="New Owner",
        domain=lambda self: self._domain_user_id(),
    )
    team_id = fields.Many2one(
        comodel_name="student_care.team",
        string="Care Team",
        domain="[('company_id', '=', company_id)]",
    )
    reason = fields.Char(
        string="Why",
        required=True,
        help="Written to the access log with both owners' names.",
    )

    def _domain_user_id(self):
        group = self.env.ref(CARE_GROUP)
        return (
            f"[('share', '=', False), ('groups_id', 'in', {group.id}), "
            "('company_ids', 'in', company_id)]"
        )

    def action_confirm(self):
        self.ensure_one()
        self.case_id._reassign(self.user_id, self.team_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
