# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class StudentCareCaseStatus(models.Model):
    """What staff outside the care team may know of a case: that it exists, its stage and owner.

    A read-only SQL view over care cases. Teachers read this, never the case itself: in Odoo
    whoever reads a record reads its whole chatter, and a case's chatter is the care team's.
    It carries no category, description or message: nothing that says what the case is about.
    """

    _name = "student_care.case.status"
    _description = "Care Case Status"
    _auto = False
    _order = "signal_date desc, id desc"
    _rec_name = "name"

    name = fields.Char(string="Reference", readonly=True)
    student_id = fields.Many2one(comodel_name="res.partner", string="Student", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", string="Institution", readonly=True)
    stage_id = fields.Many2one(
        comodel_name="student_care.case.stage", string="Stage", readonly=True
    )
    user_id = fields.Many2one(comodel_name="res.users", string="Owner", readonly=True)
    team_id = fields.Many2one(comodel_name="student_care.team", string="Care Team", readonly=True)
    signal_date = fields.Datetime(string="Signalled On", readonly=True)
    is_closed = fields.Boolean(readonly=True)
    timeline_ids = fields.One2many(
        comodel_name="student_care.note.timeline",
        inverse_name="status_id",
        readonly=True,
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT c.id, c.name, c.student_id, c.company_id, c.stage_id, c.user_id,
                           c.team_id, c.signal_date, COALESCE(c.is_closed, FALSE) AS is_closed
                      FROM student_care_case c
                     WHERE c.active
                )
                """,
                SQL.identifier(self._table),
            )
        )
