# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from markupsafe import Markup

from odoo import SUPERUSER_ID, Command, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import notification, window_action
from .access import CARE_GROUP, MANAGER_GROUP, reader_set, user_ids

# Closed cases are kept seven years unless Settings say otherwise.
DEFAULT_RETENTION_DAYS = 7 * 365

ORIGINS = [
    ("teacher", "Teacher concern"),
    ("truancy_rule", "Truancy rule"),
    ("self_referral", "Self-referral"),
    ("guardian", "Guardian"),
    ("outside_agency", "Outside agency"),
]
OUTCOMES = [
    ("resolved", "Resolved"),
    ("referred_out", "Referred out"),
    ("transferred", "Transferred"),
    ("dropped_out", "Dropped out"),
    ("graduated", "Graduated"),
    ("no_action", "No action needed"),
]


class StudentCareCase(models.Model):
    """A care case: the care team's follow-up of one student for one concern.

    Its display name is a neutral reference (``CASE/2026/00012``): Odoo shows display names
    through sudo in many places (many2one values, activities, group-by labels), so it must
    never carry a name, a category or anything else that says what the case is about.
    """

    _name = "student_care.case"
    _description = "Care Case"
    _inherit = [
        "student_care.student.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "student_care.access.guard",
    ]
    _order = "priority desc, signal_date desc, id desc"
    _check_company_auto = True
    _mail_post_access = "write"
    # Who owns a case and which team follows it decide who reads it: see action_reassign.
    _guarded_fields = ("user_id", "team_id", "company_id", "student_id")

    def _default_stage_id(self):
        return self.env["student_care.case.stage"].search([("is_closed", "=", False)], limit=1)

    def _default_team_id(self):
        return self.env["student_care.team"]._first_of(self.env.company)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    # The student and institution block comes from student_care.student.mixin.
    student_id = fields.Many2one(
        required=False,
        ondelete="restrict",
        tracking=True,
        help="Required while the case is kept; removed when the case is anonymised.",
        domain="[('is_student', '=', True), ('company_id', '=', company_id)]",
    )
    category_id = fields.Many2one(
        comodel_name="student_care.case.category",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    origin = fields.Selection(selection=ORIGINS, required=True, default="teacher", tracking=True)
    stage_id = fields.Many2one(
        comodel_name="student_care.case.stage",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=_default_stage_id,
        group_expand="_read_group_stage_ids",
        copy=False,
    )
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True, index=True)
    priority = fields.Selection(
        selection=[("0", "Normal"), ("1", "Important"), ("2", "Urgent"), ("3", "Critical")],
        default="0",
        index=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Owner",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The care worker who follows this case.",
    )
    team_id = fields.Many2one(
        comodel_name="student_care.team",
        string="Care Team",
        index=True,
        tracking=True,
        check_company=True,
        default=_default_team_id,
    )
    team_manager_id = fields.Many2one(related="team_id.manager_id", string="Team Manager")
    tag_ids = fields.Many2many(comodel_name="student_care.case.tag", string="Tags")
    description = fields.Html(
        string="What Was Noticed",
        help="The signal as it was reported. Keep details of interviews in dossier notes.",
    )
    signal_date = fields.Datetime(
        string="Signalled On", required=True, default=fields.Datetime.now, index=True
    )
    first_contact_due = fields.Date(
        compute="_compute_first_contact_due",
        store=True,
        index=True,
        help="The signal date plus the category's number of school days.",
    )
    first_contact_date = fields.Date(string="First Contact On", tracking=True, copy=False)
    is_first_contact_overdue = fields.Boolean(
        string="First Contact Overdue",
        compute="_compute_is_first_contact_overdue",
        search="_search_is_first_contact_overdue",
    )
    closed_date = fields.Date(string="Closed On", readonly=True, copy=False)
    note_ids = fields.One2many(
        comodel_name="student_care.note", inverse_name="case_id", string="Dossier Notes"
    )
    timeline_ids = fields.One2many(
        comodel_name="student_care.note.timeline", inverse_name="case_id", string="Timeline"
    )
    referral_ids = fields.One2many(
        comodel_name="student_care.referral", inverse_name="case_id", string="Referrals"
    )
    interview_count = fields.Integer(
        compute="_compute_interview_count",
        groups=CARE_GROUP,
        help="Interviews and meetings planned.",
    )
    anonymised_on = fields.Date(readonly=True, copy=False)
    outcome = fields.Selection(selection=OUTCOMES, tracking=True, copy=False)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    # Reader sets: who reads the case by their place in it. Every record rule about a case,
    # its notes, referrals, consents and services tests these instead of spelling it out.
    care_user_ids = reader_set(
        "_compute_care_user_ids",
        "_search_care_user_ids",
        string="Care Team Readers",
        help="The case's owner and the members of its care team.",
    )
    specialist_user_ids = reader_set(
        "_compute_specialist_user_ids",
        "_search_specialist_user_ids",
        string="Referred To",
        help="Specialists and agency contacts reading the case through an active referral.",
        groups=CARE_GROUP,
    )

    @api.depends("user_id", "team_id.member_ids")
    def _compute_care_user_ids(self):
        for case in self:
            case.care_user_ids = case.user_id | case.team_id.member_ids

    def _search_care_user_ids(self, operator, value):
        users = user_ids(self, "care_user_ids", operator, value)
        return ["|", ("user_id", "in", users), ("team_id.member_ids", "in", users)]

    @api.depends("referral_ids.reader_id", "referral_ids.state")
    def _compute_specialist_user_ids(self):
        for case in self:
            case.specialist_user_ids = case.referral_ids._active_readers()

    def _search_specialist_user_ids(self, operator, value):
        active = self.env["student_care.referral"]._domain_active_for(
            user_ids(self, "specialist_user_ids", operator, value)
        )
        return [("referral_ids", "any", active)]

    def _compute_interview_count(self):
        counts = dict(
            self.env["calendar.event"]._read_group(
                [("student_care_case_id", "in", self.ids)],
                ["student_care_case_id"],
                ["__count"],
            )
        )
        for case in self:
            case.interview_count = counts.get(case, 0)

    @api.depends("signal_date", "category_id.first_contact_days", "company_id")
    def _compute_first_contact_due(self):
        for case in self:
            if not case.signal_date or not case.category_id:
                case.first_contact_due = False
                continue
            case.first_contact_due = case._school_days_after(
                case.signal_date.date(), case.category_id.first_contact_days
            )

    @api.depends("first_contact_due", "first_contact_date", "is_closed")
    def _compute_is_first_contact_overdue(self):
        today = fields.Date.context_today(self)
        for case in self:
            case.is_first_contact_overdue = bool(
                not case.is_closed
                and not case.first_contact_date
                and case.first_contact_due
                and case.first_contact_due < today
            )

    def _search_is_first_contact_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(_("Unsupported search on first contact overdue."))
        domain = [
            ("is_closed", "=", False),
            ("first_contact_date", "=", False),
            ("first_contact_due", "<", fields.Date.context_today(self)),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", "&", *domain]

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([], order=stages._order)

    @api.constrains("stage_id", "outcome")
    def _check_outcome_on_close(self):
        for case in self:
            if case.stage_id.is_closed and not case.outcome:
                raise ValidationError(
                    _("Choose an outcome before closing case %(case)s.", case=case.name)
                )

    @api.constrains("student_id", "company_id")
    def _check_student(self):
        if any(not case.anonymised_on and not case.student_id for case in self):
            raise ValidationError(_("A care case is always about a student."))
        return super()._check_student()

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("student_care.case") or "/"
        cases = super().create(vals_list)
        cases._sync_closed_date()
        return cases

    @api.model
    def _open_or_join(self, signals):
        """Open a case in the first stage for each signal, or add it to the open case of the
        same student and category. Returns the cases, one per signal, in order.

        ``signals``: dicts with ``student`` (res.partner), ``category``
        (student_care.case.category), ``description`` (HTML or text), and optionally
        ``urgent`` (bool), ``origin`` (default ``teacher``) and ``reporter`` (res.users; the
        name the care team reads, none for an automatic rule).

        The reporter usually may not read cases, so this runs as the superuser *user*, not
        as the reporter in sudo: Odoo lets the author and the creator of a message read it,
        and a message written in the reporter's name would tell them that a case exists and
        its reference. The reporter's name is in the message text, for the care team. The
        cases returned are superuser records: for server-side callers only.
        """
        cases = (
            self.env["student_care.case"]
            .with_user(SUPERUSER_ID)
            .sudo()
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
        )
        if not signals:
            return cases
        students = cases.env["res.partner"].concat(*(s["student"] for s in signals))
        categories = cases.env["student_care.case.category"].concat(
            *(s["category"] for s in signals)
        )
        open_cases = {}
        for case in cases.search(
            [
                ("student_id", "in", students.ids),
                ("category_id", "in", categories.ids),
                ("is_closed", "=", False),
            ],
            order="id",
        ):
            open_cases.setdefault((case.student_id.id, case.category_id.id), case)
        result = []
        for signal in signals:
            key = (signal["student"].id, signal["category"].id)
            case = open_cases.get(key)
            if case:
                case._join_signal(signal)
            else:
                case = open_cases[key] = cases.create(cases._open_signal_vals(signal))
            result.append(case.id)
        return cases.browse(result)

    def _status_known_to(self, user):
        """What ``user``, who passed a signal on (a concern, a call), may be told of the
        cases it went into: the case-status rows they read, i.e. the existence and neutral
        reference the case-status list shows them anyway. Whoever reads none of them learns
        only that the care team received it: a reference tells that a case exists."""
        statuses = self.env["student_care.case.status"].with_user(user).browse(self.ids)
        return statuses._filtered_access("read")

    def _signal_receipt(self, user, title, known, unknown):
        """The notification (then the dialog closes) telling ``user`` where their signal
        went, by ``_status_known_to``: ``known(references)`` where they may know the case,
        else ``unknown``."""
        statuses = self._status_known_to(user)
        return notification(
            known(", ".join(statuses.mapped("name"))) if statuses else unknown,
            title=title,
            kind="success",
            close=True,
        )

    @api.model
    def _open_signal_vals(self, signal):
        company = signal["student"].company_id
        team = self.env["student_care.team"]._first_of(company)
        return {
            "student_id": signal["student"].id,
            "company_id": company.id,
            "category_id": signal["category"].id,
            "origin": signal.get("origin") or "teacher",
            "description": signal["description"],
            "priority": "2" if signal.get("urgent") else "0",
            "team_id": team.id,
            "user_id": team.manager_id.id,
        }

    def _join_signal(self, signal):
        self.ensure_one()
        reporter = signal.get("reporter")
        if reporter:
            heading = _("Concern reported by %(name)s:", name=reporter.name)
        else:
            origins = dict(self._fields["origin"]._description_selection(self.env))
            heading = _(
                "New signal (%(origin)s):", origin=origins[signal.get("origin") or "teacher"]
            )
        self.message_post(
            body=Markup("<p>%s</p>%s") % (heading, signal["description"] or ""),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        if signal.get("urgent") and self.priority < "2":
            self.priority = "2"

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals:
            self._sync_closed_date()
        return result

    def _check_guarded_create(self, vals_list):
        if self.env.user.has_group(MANAGER_GROUP):
            return
        for vals in vals_list:
            owner = self.env["res.users"].browse(vals.get("user_id"))
            team = self.env["student_care.team"].browse(vals.get("team_id"))
            if owner and owner != self.env.user and owner not in team.member_ids:
                raise AccessError(_("A new case is owned by you or by a member of its care team."))

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Outside agencies never follow a case, whoever tries to add them.
        if partner_ids:
            outside = self._outside_partner_ids()
            partner_ids = [pid for pid in partner_ids if pid not in outside]
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_post(self, **kwargs):
        if kwargs.get("partner_ids"):
            outside = self._outside_partner_ids()
            kwargs["partner_ids"] = [pid for pid in kwargs["partner_ids"] if pid not in outside]
        return super().message_post(**kwargs)

    def action_log_first_contact(self):
        today = fields.Date.context_today(self)
        self.filtered(lambda c: not c.first_contact_date).write({"first_contact_date": today})
        return True

    def action_reassign(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care.student_care_case_assign_action",
            context={
                "default_case_id": self.id,
                "default_user_id": self.user_id.id,
                "default_team_id": self.team_id.id,
            },
        )

    def _reassign(self, user, team, reason):
        """Give the case a new owner and/or care team: a guarded action.

        A care manager may hand any case of their institutions to any care worker there;
        the owner may hand their case over to a member of the same care team. Both the old
        and the new owner are written to the access log, with the reason given.
        """
        self.ensure_one()
        if not (reason or "").strip():
            raise ValidationError(_("Say why the case changes hands."))
        me = self.env.user
        if user and (not user.has_group(CARE_GROUP) or self.company_id not in user.company_ids):
            raise ValidationError(
                _(
                    "%(user)s is not a care worker at %(institution)s.",
                    user=user.name,
                    institution=self.company_id.name,
                )
            )
        if team and team.company_id != self.company_id:
            raise ValidationError(_("That care team belongs to another institution."))
        if not me.has_group(MANAGER_GROUP):
            in_team = user in self.team_id.member_ids | self.team_id.manager_id
            if self.user_id != me or team != self.team_id or not in_team:
                raise AccessError(
                    _(
                        "Only a care manager may reassign this case. As its owner you may "
                        "hand it over to a member of its care team."
                    )
                )
        previous = self.user_id
        self._guarded().write({"user_id": user.id, "team_id": team.id})
        log = self.env["student_care.access.log"]
        if user != previous:
            if user:
                log._log(case=self, event="granted", subject=user, reason=reason)
            if previous:
                log._log(case=self, event="revoked", subject=previous, reason=reason)
        return True

    def action_plan_interview(self):
        """A new interview of this case: neutral title, care team only, private; the student
        is recorded as who is met, never invited."""
        self.ensure_one()
        self.check_access("write")
        attendees = (self.user_id | self.env.user).partner_id & self._interview_attendee_partners()
        return {
            "type": "ir.actions.act_window",
            "name": _("Plan Interview"),
            "res_model": "calendar.event",
            "view_mode": "form",
            "views": [
                (self.env.ref("student_care.calendar_event_view_form_interview").id, "form")
            ],
            "target": "new",
            "context": {
                "default_name": _("Care interview %(case)s", case=self.name),
                "default_student_care_case_id": self.id,
                "default_privacy": "private",
                "default_partner_ids": attendees.ids,
                "default_student_care_met_partner_ids": self.student_id.ids,
            },
        }

    def action_view_interviews(self):
        self.ensure_one()
        self.check_access("read")
        return window_action(
            self.env,
            "student_care.calendar_event_action_interview",
            domain=[("student_care_case_id", "=", self.id)],
        )

    def _interview_attendee_partners(self):
        """Who may attend the interviews of these cases: owner, care team and team manager."""
        return (self.care_user_ids | self.team_manager_id).partner_id

    def _interview_family_partners(self):
        """Who may be met at these cases' interviews: the students and their guardians."""
        return self.student_id | self.student_id.guardian_link_ids.guardian_id

    def action_open_student(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care.res_partner_action_student",
            res_id=self.student_id.id,
            view_mode="form",
            views=[(False, "form")],
        )

    def _outside_partner_ids(self):
        """Partners of the outside agencies these cases were referred to (and their staff)."""
        referrals = (
            self.env["student_care.referral"]
            .sudo()
            .search([("case_id", "in", self.ids), ("referral_type", "=", "agency")])
        )
        agencies = referrals.agency_id
        partners = agencies | agencies.child_ids | referrals.agency_user_id.partner_id
        return set(partners.ids)

    @api.model
    def _retention_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param("student_care.retention_days")
        return int(value) if value and value.isdigit() else DEFAULT_RETENTION_DAYS

    @api.model
    def _retention_domain(self):
        limit = fields.Date.context_today(self) - timedelta(days=self._retention_days())
        return [
            ("is_closed", "=", True),
            ("closed_date", "<", limit),
            ("anonymised_on", "=", False),
            ("active", "in", (True, False)),
        ]

    @api.model
    def action_retention_preview(self):
        """List the closed cases the next retention run will anonymise."""
        return window_action(
            self.env,
            "student_care.student_care_case_action_retention",
            domain=self._retention_domain(),
        )

    @api.model
    def _cron_anonymise_closed_cases(self):
        cases = self.with_context(active_test=False).search(self._retention_domain())
        cases._anonymise()
        # Files uploaded on a note form that was never saved belong to nobody.
        self.env["ir.attachment"].sudo().search(
            [
                ("res_model", "=", "student_care.note"),
                ("res_id", "in", (0, False)),
                ("create_date", "<", fields.Datetime.now() - timedelta(days=1)),
            ]
        ).unlink()
        return len(cases)

    def _anonymise(self):
        """Remove names and free text, keep what statistics need (category, dates, outcome).

        Runs as the scheduler: it must reach notes no single role may read.
        """
        cases = self.sudo().with_context(tracking_disable=True, active_test=False)
        notes = cases.note_ids
        attachments = self.env["ir.attachment"].sudo()
        attachments.search(
            [
                "|",
                "&",
                ("res_model", "=", "student_care.note"),
                ("res_id", "in", notes.ids),
                "&",
                ("res_model", "=", "student_care.case"),
                ("res_id", "in", cases.ids),
            ]
        ).unlink()
        # Consents that served only these cases' referrals go with them.
        consents = cases.referral_ids.consent_id
        still_used = (
            self.env["student_care.referral"]
            .sudo()
            .search([("consent_id", "in", consents.ids), ("case_id", "not in", cases.ids)])
            .consent_id
        )
        (consents - still_used).write({"purpose": _("[removed]"), "document": False})
        notes.write(
            {
                "body": False,
                "granted_user_ids": [Command.clear()],
                "emergency_user_ids": [Command.clear()],
                "is_anonymised": True,
            }
        )
        cases.referral_ids.write({"reason": _("[removed]"), "agency_user_id": False})
        # Interviews keep their date (statistics), not who was met or what was noted.
        self.env["calendar.event"].sudo().with_context(active_test=False).search(
            [("student_care_case_id", "in", cases.ids)]
        ).write({"student_care_met_partner_ids": [Command.clear()], "description": False})
        cases.message_ids.unlink()
        cases.activity_ids.unlink()
        cases.message_unsubscribe(partner_ids=cases.message_partner_ids.ids)
        cases.write(
            {
                "student_id": False,
                "description": False,
                "tag_ids": [Command.clear()],
                "anonymised_on": fields.Date.context_today(self),
            }
        )

    def _sync_closed_date(self):
        today = fields.Date.context_today(self)
        self.filtered(lambda c: c.is_closed and not c.closed_date).write({"closed_date": today})
        self.filtered(lambda c: not c.is_closed and c.closed_date).write({"closed_date": False})

    def _school_days_after(self, start, days):
        """The date ``days`` school days after ``start`` (the start day itself not counted).

        School days are the working days of the institution's calendar, public holidays and
        school breaks (calendar leaves) included; without a calendar, Monday to Friday.
        """
        self.ensure_one()
        if days <= 0:
            return start
        calendar = self.company_id.resource_calendar_id
        next_day = datetime.combine(start + timedelta(days=1), time.min)
        if calendar:
            planned = calendar.plan_days(days, next_day, compute_leaves=True)
            if planned:
                return planned.date()
        current, counted = start, 0
        while counted < days:
            current += timedelta(days=1)
            if current.weekday() < 5:
                counted += 1
        return current

    @api.model
    def _cron_nudge_idle_cases(self, idle_days=2):
        """Plan a "next step" activity on open cases that have none and are not brand new."""
        cutoff = fields.Datetime.now() - timedelta(days=idle_days)
        idle = self.search(
            [
                ("is_closed", "=", False),
                ("activity_ids", "=", False),
                ("signal_date", "<", cutoff),
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        deadline = fields.Date.context_today(self)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": case.id,
                    "activity_type_id": todo.id,
                    "summary": _("Plan the next step"),
                    "date_deadline": deadline,
                    "user_id": (case.user_id or case.team_manager_id or self.env.user).id,
                }
                for case in idle
            ]
        )
        return len(idle)
