# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class StudentCareCaseCalendar(models.Model):
    """The case calendar: first-contact deadlines and planned interviews, side by side.

    A read-only SQL view, so the deadlines are never copied into calendar events that
    would have to follow every change of a case (a category's school days, a reassigned
    owner, a closed case): a row is always what the case and the event say now. Its record
    rules are the case's, so each care user sees the rows of the cases they read; an
    entry opens its case (the view's ``student_care_case_calendar`` js_class).
    """

    _name = "student_care.case.calendar"
    _description = "Care Case Calendar"
    _auto = False
    _order = "start, id"

    name = fields.Char(readonly=True)
    kind = fields.Selection(
        selection=[("deadline", "First contact due"), ("interview", "Interview")],
        readonly=True,
    )
    case_id = fields.Many2one(comodel_name="student_care.case", readonly=True)
    event_id = fields.Many2one(comodel_name="calendar.event", string="Interview", readonly=True)
    student_id = fields.Many2one(comodel_name="res.partner", string="Student", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Care Worker",
        readonly=True,
        help="The case's owner for a deadline, the organizer for an interview.",
    )
    team_id = fields.Many2one(comodel_name="student_care.team", string="Care Team", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", string="Institution", readonly=True)
    start = fields.Datetime(readonly=True)
    stop = fields.Datetime(readonly=True)
    allday = fields.Boolean(string="All Day", readonly=True)

    @api.depends("kind", "name")
    def _compute_display_name(self):
        # An interview keeps its own neutral title; a deadline says what it is.
        for entry in self:
            if entry.kind == "deadline":
                entry.display_name = self.env._("First contact due: %(case)s", case=entry.name)
            else:
                entry.display_name = entry.name

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Ids: even for interviews (event id * 2), odd for deadlines (case id * 2 + 1).
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT c.id * 2 + 1 AS id, c.name, 'deadline' AS kind, c.id AS case_id,
                           NULL::integer AS event_id, c.student_id, c.user_id, c.team_id,
                           c.company_id, c.first_contact_due::timestamp AS start,
                           c.first_contact_due::timestamp AS stop, TRUE AS allday
                      FROM student_care_case c
                     WHERE c.active AND c.first_contact_due IS NOT NULL
                    UNION ALL
                    SELECT e.id * 2, e.name, 'interview', c.id, e.id, c.student_id, e.user_id,
                           c.team_id, c.company_id, e.start, e.stop, COALESCE(e.allday, FALSE)
                      FROM calendar_event e
                      JOIN student_care_case c ON c.id = e.student_care_case_id
                     WHERE e.active AND c.active
                )
                """,
                SQL.identifier(self._table),
            )
        )

    def action_open_case(self):
        """What clicking an entry does: open its case."""
        self.ensure_one()
        return self.case_id._get_records_action(name=self.env._("Care Case"))
