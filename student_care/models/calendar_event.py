# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .access import CARE_GROUP


class CalendarEvent(models.Model):
    """Interviews and meetings of a care case, planned as Odoo calendar events.

    Every user of Odoo Calendar may read every event, so a care event carries nothing of
    the case: a neutral title (the case's reference), care-team attendees only, always
    private. The case link and who is met are care-only fields (``groups=``), and an event
    linked to a case the user may not read (or seen by anyone outside the care roles) is
    left out of every search (``_search``), and so cannot be read either (``fetch`` reads
    through ``_search``): not even as "Busy". Whoever may read the case sees the event in
    full, attendee or not (``_check_private_event_conditions``).

    The student and guardians met are recorded, never invited: no invitation, reminder or
    mail goes to a family or a student from here.
    """

    _inherit = "calendar.event"

    student_care_case_id = fields.Many2one(
        comodel_name="student_care.case",
        string="Care Case",
        index="btree_not_null",
        ondelete="cascade",
        groups=CARE_GROUP,
        copy=False,
    )
    student_care_met_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="calendar_event_student_care_met_rel",
        column1="event_id",
        column2="partner_id",
        string="Who Is Met",
        groups=CARE_GROUP,
        copy=False,
        help="The student or guardians met: recorded for the care team, never invited.",
    )
    student_care_attendee_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Possible Attendees",
        compute="_compute_student_care_choices",
        groups=CARE_GROUP,
        help="The case's owner, care team and team manager.",
    )
    student_care_family_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Student and Guardians",
        compute="_compute_student_care_choices",
        groups=CARE_GROUP,
    )
    student_care_is_reader = fields.Boolean(
        string="Reads the Care Case",
        compute="_compute_student_care_is_reader",
        compute_sudo=False,
    )

    @api.depends("student_care_case_id")
    def _compute_student_care_choices(self):
        for event in self:
            case = event.student_care_case_id
            event.student_care_attendee_partner_ids = case._interview_attendee_partners()
            event.student_care_family_partner_ids = case._interview_family_partners()

    @api.depends("student_care_case_id")
    @api.depends_context("uid")
    def _compute_student_care_is_reader(self):
        # With the user's own record rules, never through sudo: Odoo computes display names
        # in sudo, and this decides whether a display name says "Busy".
        case_of = self._student_care_case_of()
        cases = self.env(su=False)["student_care.case"].with_context(active_test=False)
        readable = set()
        if case_of and self._student_care_may_see_interviews():
            readable = set(cases.search([("id", "in", list(set(case_of.values())))]).ids)
        for event in self:
            event.student_care_is_reader = case_of.get(event.id) in readable

    @api.constrains(
        "student_care_case_id", "partner_ids", "privacy", "student_care_met_partner_ids"
    )
    def _check_student_care_case(self):
        case_of = self._student_care_case_of()
        # Deliberate sudo: the rule checks who the case's care team and family are, whoever
        # edits the event (an attendee rescheduling may no longer read the case); it returns
        # nothing to the user.
        events = self.sudo()
        cases = events.env["student_care.case"]
        for event in events:
            case = cases.browse(case_of.get(event.id))
            if not case:
                if event.student_care_met_partner_ids:
                    raise ValidationError(_("Who Is Met is recorded for care interviews only."))
                continue
            if event.privacy != "private":
                raise ValidationError(_("A care interview is always private."))
            others = event.partner_ids - case._interview_attendee_partners()
            if others:
                raise ValidationError(
                    _(
                        "Only the care team of case %(case)s may attend its interviews, not "
                        "%(names)s. Record the student or guardians under Who Is Met: they "
                        "are not invited.",
                        case=case.name,
                        names=", ".join(others.mapped("name")),
                    )
                )
            if event.student_care_met_partner_ids - case._interview_family_partners():
                raise ValidationError(
                    _(
                        "Who Is Met lists only the student of case %(case)s and their guardians.",
                        case=case.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_student_care_link(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if "student_care_case_id" in vals:
            self._check_student_care_link([vals])
        return super().write(vals)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if self.env.su or query.is_empty():
            return query
        column = SQL.identifier(self._table, "student_care_case_id")
        cases = self.env["student_care.case"].with_context(active_test=False)
        if self._student_care_may_see_interviews():
            query.add_where(
                SQL("(%s IS NULL OR %s IN %s)", column, column, cases._search([]).subselect())
            )
        else:
            query.add_where(SQL("%s IS NULL", column))
        return query

    def _check_private_event_conditions(self):
        # A private event is "Busy" to everyone but its organizer and attendees; a care
        # interview is also open to whoever may read its case (the rest of the care team).
        return super()._check_private_event_conditions() and not self.student_care_is_reader

    @api.model
    def _student_care_may_see_interviews(self):
        """Interviews are the care team's: a specialist reads a referred case, not the
        team's agenda, and no other role reads care cases at all."""
        user_env = self.env(su=False)
        return user_env.user.has_group(CARE_GROUP) and user_env["student_care.case"].has_access(
            "read"
        )

    def _student_care_case_of(self):
        """{event id: case id} of these events, read in SQL: the case link must not reach
        the cache through sudo, where a user's later read would find it without the
        privacy check of calendar.event's _fetch_query."""
        if not self.ids:
            return {}
        self.flush_recordset(["student_care_case_id"])
        rows = self.env.execute_query(
            SQL(
                "SELECT id, student_care_case_id FROM calendar_event"
                " WHERE id IN %s AND student_care_case_id IS NOT NULL",
                tuple(self.ids),
            )
        )
        return dict(rows)

    def _check_student_care_link(self, vals_list):
        """Only whoever may write a case plans its interviews."""
        if self.env.su:
            return
        case_ids = {
            vals["student_care_case_id"] for vals in vals_list if vals.get("student_care_case_id")
        }
        if case_ids:
            self.env["student_care.case"].browse(case_ids).check_access("write")

    def action_open_student_care_case(self):
        self.ensure_one()
        return self.student_care_case_id._get_records_action(name=_("Care Case"))
