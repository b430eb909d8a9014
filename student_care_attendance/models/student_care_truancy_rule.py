# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.student_care.tools import notification, window_action

_logger = logging.getLogger(__name__)

UNITS = [("day", "Days"), ("period", "Periods"), ("hour", "Hours")]
ACTIONS = [
    ("notice", "Guardian notice (e-mail)"),
    ("call", "Call task for the attendance officer"),
    ("case", "Open a truancy care case"),
    ("report", "Official report for the compulsory-education officer"),
]
PENDING_KEY = "student_care_attendance.truancy_pending"


class StudentCareTruancyRule(models.Model):
    """A jurisdiction's definition of truancy and what the school does about it.

    What counts: absences (``status = 'absent'``), unexcused only or all, measured in
    - days: a day counts when the student is absent the whole day (period 0) or for at least
      half of the institution's periods per day;
    - periods: each absent period counts 1, a whole-day absence counts the periods per day;
    - hours: the minutes missed of each absence, or when none were recorded the period length
      (a whole day: periods per day x period length), summed and divided by 60.
    The window ends on the evaluation day:
    - rolling: the last ``window_days`` calendar days, the evaluation day included;
    - school year: from the first day of the institution's school year.
    Each step of the ladder fires when the amount in the window reaches the step's threshold,
    once per student per window: a school-year step at most once a school year; a rolling step
    not again while its previous window overlaps the current one (so the same absences never
    fire a step twice). ``student_care.truancy.event`` stores every firing under a unique key.
    """

    _name = "student_care.truancy.rule"
    _description = "Truancy Rule"
    _inherit = ["student_care.institution.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        required=False, default=False, help="Leave empty to apply the rule to every institution."
    )
    count_mode = fields.Selection(
        selection=[("unexcused", "Unexcused absences only"), ("all", "All absences")],
        string="Counts",
        required=True,
        default="unexcused",
    )
    unit = fields.Selection(selection=UNITS, required=True, default="day")
    threshold = fields.Float(
        required=True,
        default=3,
        help="Amount (in the rule's unit) from which a student counts as truant under this "
        "rule. Each step has its own threshold, by default this one.",
    )
    window_type = fields.Selection(
        selection=[("rolling", "Rolling window"), ("school_year", "School year")],
        string="Window",
        required=True,
        default="rolling",
    )
    window_days = fields.Integer(
        string="Window Length (days)",
        default=28,
        help="Rolling windows only: calendar days counted back from the evaluation day.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Attendance Officer",
        domain="[('share', '=', False)]",
        help="Gets the call tasks. Empty: the first attendance officer of the institution.",
    )
    authority_id = fields.Many2one(
        comodel_name="res.partner",
        string="Compulsory-Education Officer",
        help="Default recipient of the official reports this rule prepares.",
    )
    step_ids = fields.One2many(
        comodel_name="student_care.truancy.rule.step",
        inverse_name="rule_id",
        string="Escalation Ladder",
        copy=True,
    )
    event_count = fields.Integer(compute="_compute_event_count", string="Fired Steps")

    _sql_constraints = [
        ("threshold_positive", "CHECK(threshold > 0)", "The threshold must be positive."),
    ]

    def _compute_event_count(self):
        counts = dict(
            self.env["student_care.truancy.event"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.event_count = counts.get(rule, 0)

    @api.constrains("window_type", "window_days")
    def _check_window(self):
        for rule in self:
            if rule.window_type == "rolling" and rule.window_days < 1:
                raise ValidationError(
                    _("Rule %(rule)s needs a window of at least one day.", rule=rule.name)
                )

    def action_evaluate(self):
        """Evaluate these rules now over their whole institutions. The run acts as the
        system, so only those who may change the rules may start it."""
        self.check_access("write")
        events = self._evaluate()
        return notification(_("%(count)s step(s) fired.", count=len(events)), close=True)

    def action_view_events(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care_attendance.student_care_truancy_event_action",
            domain=[("rule_id", "=", self.id)],
        )

    # ------------------------------------------------------------------ evaluation

    @api.model
    def _cron_evaluate(self):
        """Nightly: every active rule over every institution, then chronic absence."""
        events = self.search([])._evaluate()
        self.env["res.partner"]._update_chronic_absence()
        return len(events)

    def _evaluate(self, student_ids=None, today=None):
        """Fire the ladder steps these rules reach. Set-based: one query per rule and
        institution (``student_ids`` narrows it to students whose attendance changed).

        Runs as the system (rules, events and their actions are institution-wide system
        output, also when a teacher's roll call triggered it); the caller's rights were
        checked when the attendance itself was written.
        """
        today = today or fields.Date.context_today(self)
        events = self.env["student_care.truancy.event"]
        for rule in self.sudo().filtered("step_ids"):
            companies = rule.company_id or self.env["res.company"].sudo().search([])
            for company in companies:
                events |= rule._evaluate_company(company, student_ids, today)
        return events

    def _window(self, company, today):
        self.ensure_one()
        if self.window_type == "school_year":
            return company._school_year_start(today), today
        return today - timedelta(days=self.window_days - 1), today

    def _amounts(self, company, start, end, student_ids=None, minimum=0.0):
        """{student_id: amount in the window} for the students at or above ``minimum``."""
        self.ensure_one()
        attendance = self.env["student_care.attendance"]
        conditions = [
            SQL("a.company_id = %s", company.id),
            SQL("a.date BETWEEN %s AND %s", start, end),
        ]
        if self.count_mode == "unexcused":
            conditions.append(attendance._sql_unexcused("a"))
        if student_ids is not None:
            conditions.append(SQL("a.student_id = ANY(%s)", list(student_ids)))
        where = SQL(" AND ").join(conditions)
        periods = company.attendance_periods_per_day
        if self.unit == "day":
            query = SQL(
                """SELECT student_id, count(*) FROM (%s) days
                    GROUP BY student_id HAVING count(*) >= %s""",
                attendance._sql_missed_days(company, where),
                minimum,
            )
        else:
            if self.unit == "period":
                measure = SQL("sum(CASE WHEN a.period = 0 THEN %s ELSE 1 END)", periods)
            else:
                minutes = company.attendance_period_minutes
                measure = SQL(
                    """sum(CASE WHEN a.minutes_missed > 0 THEN a.minutes_missed
                                WHEN a.period = 0 THEN %s ELSE %s END) / 60.0""",
                    periods * minutes,
                    minutes,
                )
            query = SQL(
                """SELECT a.student_id, %s FROM student_care_attendance a WHERE %s AND %s
                   GROUP BY a.student_id HAVING %s >= %s""",
                measure,
                attendance._sql_absent("a"),
                where,
                measure,
                minimum,
            )
        attendance.flush_model()
        self.env.cr.execute(query)
        return {student_id: float(amount) for student_id, amount in self.env.cr.fetchall()}

    def _evaluate_company(self, company, student_ids, today):
        self.ensure_one()
        start, end = self._window(company, today)
        steps = self.step_ids.sorted(lambda s: (s.threshold, s.sequence, s.id))
        amounts = self._amounts(company, start, end, student_ids, min(steps.mapped("threshold")))
        if not amounts:
            return self.env["student_care.truancy.event"]
        # Only students still enrolled at this institution.
        enrolled = set(
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("id", "in", list(amounts)),
                    ("company_id", "=", company.id),
                    ("is_student", "=", True),
                    ("enrolment_status", "=", "enrolled"),
                ]
            )
            .ids
        )
        events = self.env["student_care.truancy.event"].sudo()
        for step in steps:
            reached = [sid for sid, amount in amounts.items() if amount >= step.threshold]
            reached = [sid for sid in reached if sid in enrolled]
            if reached:
                events |= step._fire(company, reached, amounts, start, end)
        return events

    @api.model
    def _register_pending(self, student_ids, absent_today_ids=()):
        """Remember students whose attendance changed in this transaction; they are
        evaluated once, set-based, just before the transaction commits."""
        data = self.env.cr.precommit.data
        pending = data.get(PENDING_KEY)
        if pending is None:
            pending = data[PENDING_KEY] = {"students": set(), "absent_today": set()}
            self.env.cr.precommit.add(self._run_pending)
        pending["students"].update(student_ids)
        pending["absent_today"].update(absent_today_ids)

    @api.model
    def _run_pending(self):
        pending = self.env.cr.precommit.data.pop(PENDING_KEY, None)
        if not pending or not pending["students"]:
            return self.env["student_care.truancy.event"]
        # System step (see _evaluate): runs after the user's own writes were checked.
        rules = self.sudo().search([])
        events = rules._evaluate(student_ids=pending["students"])
        self.env["res.partner"].sudo()._update_chronic_absence(
            student_ids=pending["students"], touch=False
        )
        if pending["absent_today"]:
            self.env["student_care.attendance.notice"].sudo()._queue_first_absence(
                pending["absent_today"]
            )
        return events


class StudentCareTruancyRuleStep(models.Model):
    _name = "student_care.truancy.rule.step"
    _description = "Truancy Rule Step"
    _order = "rule_id, threshold, sequence, id"

    rule_id = fields.Many2one(
        comodel_name="student_care.truancy.rule",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    threshold = fields.Float(
        required=True, help="Fires when the amount in the window reaches this."
    )
    unit = fields.Selection(related="rule_id.unit")
    action = fields.Selection(selection=ACTIONS, required=True, default="notice")
    mail_template_id = fields.Many2one(
        comodel_name="mail.template",
        string="E-mail Template",
        domain="[('model', '=', 'student_care.attendance.notice')]",
        help="Guardian notices only. Empty: the standard truancy notice.",
    )

    _sql_constraints = [
        ("threshold_positive", "CHECK(threshold > 0)", "A step's threshold must be positive."),
    ]

    @api.depends("rule_id", "action", "threshold")
    def _compute_display_name(self):
        labels = dict(self._fields["action"]._description_selection(self.env))
        for step in self:
            step.display_name = _(
                "%(action)s at %(threshold)s",
                action=labels.get(step.action),
                threshold=step.threshold,
            )

    def _fire(self, company, student_ids, amounts, start, end):
        """Record the step for the students that have not had it in this window, then act.

        The INSERT skips (student, step, window start) keys that exist already, so a re-run
        or a concurrent run of the same day cannot fire the step twice; the overlap check
        before it keeps a rolling step quiet until its previous window has passed.
        """
        self.ensure_one()
        Event = self.env["student_care.truancy.event"].sudo()
        Event.flush_model()
        already = set(
            Event._read_group(
                [
                    ("step_id", "=", self.id),
                    ("student_id", "in", student_ids),
                    ("window_end", ">=", start),
                ],
                ["student_id"],
            )
        )
        already_ids = {student.id for (student,) in already}
        todo = [sid for sid in student_ids if sid not in already_ids]
        if not todo:
            return Event
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO student_care_truancy_event
                       (rule_id, step_id, action, student_id, company_id, date, window_start,
                        window_end, amount, create_uid, create_date, write_uid, write_date)
                   SELECT %s, %s, %s, sid, %s, %s, %s, %s, amount, %s, %s, %s, %s
                     FROM unnest(%s::int[], %s::float8[]) AS t(sid, amount)
                   ON CONFLICT (step_id, student_id, window_start) DO NOTHING
                   RETURNING id""",
                self.rule_id.id,
                self.id,
                self.action,
                company.id,
                end,
                start,
                end,
                self.env.uid,
                now,
                self.env.uid,
                now,
                todo,
                [amounts[sid] for sid in todo],
            )
        )
        events = Event.browse([row[0] for row in self.env.cr.fetchall()])
        if events:
            events._act()
        return events
