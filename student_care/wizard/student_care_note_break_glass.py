# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareNoteBreakGlass(models.TransientModel):
    """Open a sealed note in an emergency: only with a reason, which is logged."""

    _name = "student_care.note.break_glass"
    _description = "Open a Sealed Note in an Emergency"

    note_id = fields.Many2one(
        comodel_name="student_care.note", string="Note", required=True, ondelete="cascade"
    )
    reason = fields.Char(
        string="Why Must You Read It Now",
        required=True,
        help="Written to the access log; the author is told.",
    )

    def action_confirm(self):
        self.ensure_one()
        note = self.note_id
        note._break_glass(self.reason)
        return note._action_open_form()
