# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools import window_action
from .student_care_note import NOTE_TYPES, SENSITIVITIES


class StudentCareNoteTimeline(models.Model):
    """The dossier's timeline: each note's date, type and author, never its content.

    Readable by everyone who may know the case exists; the notes themselves follow the
    sensitivity rules of ``student_care.note``.
    """

    _name = "student_care.note.timeline"
    _description = "Dossier Timeline"
    _auto = False
    _order = "date desc, id desc"

    case_id = fields.Many2one(comodel_name="student_care.case", string="Case", readonly=True)
    status_id = fields.Many2one(
        comodel_name="student_care.case.status", string="Case Status", readonly=True
    )
    student_id = fields.Many2one(comodel_name="res.partner", string="Student", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", string="Institution", readonly=True)
    date = fields.Datetime(readonly=True)
    note_type = fields.Selection(selection=NOTE_TYPES, string="Type", readonly=True)
    sensitivity = fields.Selection(selection=SENSITIVITIES, readonly=True)
    author_id = fields.Many2one(comodel_name="res.users", string="Author", readonly=True)

    def _compute_display_name(self):
        for line in self:
            line.display_name = line.case_id.name if line.case_id else ""

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT n.id, n.case_id, n.case_id AS status_id, n.student_id,
                           n.company_id, n.date, n.note_type, n.sensitivity, n.author_id
                      FROM student_care_note n
                )
                """,
                SQL.identifier(self._table),
            )
        )

    def action_open_note(self):
        """Open the note itself: the note's own rules decide whether its content shows."""
        self.ensure_one()
        # Only someone who may see this timeline row learns who may read its note: the
        # refusal names the author and the case owner, which the row and the case status
        # already show to its readers, and to nobody else.
        self.check_access("read")
        note = self.env["student_care.note"].browse(self.id)
        if not note.has_access("read"):
            raise AccessError(note._refusal_message())
        return note._action_open_form()

    def action_break_glass(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care.student_care_note_break_glass_action",
            context={"default_note_id": self.id},
        )
