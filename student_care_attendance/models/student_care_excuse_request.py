# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

STATES = [
    ("submitted", "To Review"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
]
# What a guardian fills in on the portal; everything else is the office's.
FAMILY_FIELDS = frozenset(
    {
        "student_id",
        "guardian_id",
        "date_from",
        "date_to",
        "is_whole_day",
        "period_from",
        "period_to",
        "reason_id",
        "note",
    }
)
# A request covers at most this many days: longer absences are a conversation with school.
MAX_DAYS = 31
# How far back a guardian may still excuse an absence.
MAX_DAYS_BACK = 30
OFFICER_GROUP = "student_care.student_care_group_attendance_officer"


class StudentCareExcuseRequest(models.Model):
    """A guardian reports an absence ahead or excuses one afterwards, from the portal.

    The attendance office accepts it (the reason is set on the attendance of the covered
    days and periods, also on attendance recorded later) or declines it with a message the
    guardian reads on the portal and receives by e-mail. Guardians create requests for
    the children they see on the portal and read their own; they never write one.
    """

    _name = "student_care.excuse.request"
    _description = "Excuse Request"
    _inherit = ["student_care.student.mixin", "mail.thread"]
    _order = "state_sequence, date_from desc, id desc"
    _rec_names_search = ["student_id.name", "guardian_id.name"]

    # The student and institution block comes from student_care.student.mixin.
    guardian_id = fields.Many2one(
        comodel_name="res.partner",
        string="Requested By",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.user.partner_id,
        tracking=True,
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    is_whole_day = fields.Boolean(string="Whole Days", default=True)
    period_from = fields.Integer(string="From Period", default=1)
    period_to = fields.Integer(string="To Period", default=8)
    reason_id = fields.Many2one(
        comodel_name="student_care.attendance.reason",
        string="Reason",
        required=True,
        ondelete="restrict",
        domain="[('is_family_reason', '=', True)]",
        tracking=True,
    )
    note = fields.Text(help="What the family wrote.")
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment",
        string="Document",
        ondelete="set null",
        readonly=True,
        help="A doctor's note or appointment letter the family uploaded (PDF, JPG or PNG).",
    )
    state = fields.Selection(
        selection=STATES,
        required=True,
        default="submitted",
        index=True,
        readonly=True,
        tracking=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    decline_message = fields.Text(
        help="Why the request was declined, in words for the family: it is e-mailed to the "
        "guardian and shown on the portal.",
    )
    reviewed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Reviewed By",
        readonly=True,
        ondelete="set null",
        groups="base.group_user",
    )
    reviewed_date = fields.Datetime(string="Reviewed On", readonly=True)
    attendance_count = fields.Integer(
        string="Attendance Excused",
        compute="_compute_attendance_count",
        groups="base.group_user",
    )

    _sql_constraints = [
        ("dates_order", "CHECK(date_to >= date_from)", "The last day comes after the first."),
        (
            "periods_range",
            "CHECK(period_from BETWEEN 1 AND 8 AND period_to BETWEEN period_from AND 8)",
            "Periods go from 1 to 8, the first one before the last.",
        ),
    ]

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(STATES)}
        for request in self:
            request.state_sequence = order.get(request.state, 0)

    def _compute_display_name(self):
        # Neutral (display names are read as sudo): who and when, never why.
        for request in self:
            request.display_name = _(
                "Excuse request %(student)s, %(date)s",
                student=request.student_id.name or "",
                date=request.date_from or "",
            )

    def _compute_attendance_count(self):
        # Shown on the office's form only, one request at a time.
        attendance = self.env["student_care.attendance"]
        for request in self:
            request.attendance_count = (
                attendance.search_count(request._attendance_domain())
                if request.state == "accepted"
                else 0
            )

    @api.constrains("student_id", "guardian_id")
    def _check_guardian(self):
        # Only a guardian who sees the child on the portal asks for an excuse: not the
        # child, not a guardian flagged No Access or without custody. Read as a system
        # check: the links are the school's, the answer is only yes or no.
        links = (
            self.env["student_care.guardian.link"]
            .sudo()
            .search(
                [
                    ("student_id", "in", self.student_id.ids),
                    ("guardian_id", "in", self.guardian_id.ids),
                    ("has_portal_access", "=", True),
                ]
            )
        )
        allowed = {(link.student_id.id, link.guardian_id.id) for link in links}
        for request in self:
            if (request.student_id.id, request.guardian_id.id) not in allowed:
                raise ValidationError(
                    _(
                        "%(guardian)s cannot ask the school to excuse %(student)s.",
                        guardian=request.guardian_id.name,
                        student=request.student_id.name,
                    )
                )

    @api.constrains("date_from", "date_to", "reason_id")
    def _check_family_request(self):
        if not self.env.user.share:
            return
        today = fields.Date.context_today(self)
        for request in self:
            if (request.date_to - request.date_from).days >= MAX_DAYS:
                raise ValidationError(
                    _(
                        "A request covers at most %(days)s days. For a longer absence, please "
                        "contact the school.",
                        days=MAX_DAYS,
                    )
                )
            if request.date_from < today - timedelta(days=MAX_DAYS_BACK):
                raise ValidationError(
                    _(
                        "Absences more than %(days)s days ago can no longer be excused "
                        "online. Please contact the school.",
                        days=MAX_DAYS_BACK,
                    )
                )
            if not request.reason_id.is_family_reason:
                raise ValidationError(_("Please choose one of the reasons offered."))

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.user.share and not self.env.su:
            # A family submits: the office decides. Refuse any office field, whether in
            # the values or as a default in the context.
            for vals in vals_list:
                forbidden = set(vals) - FAMILY_FIELDS
                if forbidden or vals.get("guardian_id", self.env.user.partner_id.id) != (
                    self.env.user.partner_id.id
                ):
                    raise AccessError(_("You can only submit a request in your own name."))
            self = self.with_context(
                {
                    key: value
                    for key, value in self.env.context.items()
                    if not key.startswith("default_")
                },
                mail_create_nosubscribe=True,
            )
        requests = super().create(vals_list)
        if self.env.user.share and not self.env.su:
            if requests.filtered(lambda r: r.state != "submitted" or r.decline_message):
                raise AccessError(_("You can only submit a request in your own name."))
        return requests

    # ------------------------------------------------------------------ office actions

    def _check_reviewer(self):
        """Accepting or declining changes the request and the attendance: the office's
        write right on both, checked before anything is written."""
        self.check_access("write")
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(_("Only the attendance office reviews excuse requests."))
        if self.filtered(lambda r: r.state != "submitted"):
            raise UserError(_("Only requests still to review can be accepted or declined."))

    def action_accept(self):
        self._check_reviewer()
        self.write(
            {
                "state": "accepted",
                "reviewed_by_id": self.env.uid,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        self._excuse_attendance()
        return True

    def action_decline(self):
        self._check_reviewer()
        if self.filtered(lambda r: not (r.decline_message or "").strip()):
            raise UserError(
                _("Write the message for the family first: it tells them why it was declined.")
            )
        self.write(
            {
                "state": "declined",
                "reviewed_by_id": self.env.uid,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        for request in self:
            request._notify_declined()
        return True

    def _notify_declined(self):
        """E-mail the decline message to the guardian, in their language and in the
        school's name (no staff name reaches the family)."""
        self.ensure_one()
        request = self.with_context(lang=self.guardian_id.lang or self.env.lang)
        # request.env._ translates in the guardian's language (``_`` would use the
        # officer's).
        body = Markup("<p>%s</p><p>%s</p>") % (
            request.env._(
                "The school did not accept your request to excuse %(student)s from %(start)s "
                "to %(end)s.",
                student=request.student_id.name,
                start=request.date_from,
                end=request.date_to,
            ),
            request.decline_message,
        )
        request.message_post(
            body=body,
            subject=request.env._(
                "Your excuse request for %(student)s", student=request.student_id.name
            ),
            author_id=request.company_id.partner_id.id,
            email_from=request.company_id.email_formatted or None,
            partner_ids=request.guardian_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    # ------------------------------------------------------------------ attendance

    def _attendance_domain(self):
        """Attendance (not present) of the days and periods these requests cover."""
        clauses = []
        for request in self:
            clause = [
                ("student_id", "=", request.student_id.id),
                ("date", ">=", request.date_from),
                ("date", "<=", request.date_to),
            ]
            if not request.is_whole_day:
                clause += [
                    ("period", ">=", request.period_from),
                    ("period", "<=", request.period_to),
                ]
            clauses.append(clause)
        if not clauses:
            return [(0, "=", 1)]
        domain = []
        for index, clause in enumerate(clauses):
            if index < len(clauses) - 1:
                domain.append("|")
            domain += ["&"] * (len(clause) - 1) + clause
        return [("status", "!=", "present"), *domain]

    def _excuse_attendance(self):
        """Set each accepted request's reason on the attendance it covers: one search,
        then one write per reason."""
        records = self.env["student_care.attendance"].search(self._attendance_domain())
        for reason, requests in self.grouped("reason_id").items():
            covered = records.filtered_domain(requests._attendance_domain())
            covered.filtered(lambda r, reason=reason: r.reason_id != reason).write(
                {"reason_id": reason.id}
            )

    @api.model
    def _reasons_for(self, vals_list):
        """For attendance about to be recorded (``vals_list``), the reason of an accepted
        request covering it, per index in the list: one query for the whole batch.

        Read as a system step: whoever records attendance (a teacher, an import) may not
        read excuse requests; they learn nothing but the reason the office accepted, set
        on the row they record.
        """
        wanted = [
            (index, vals)
            for index, vals in enumerate(vals_list)
            if vals.get("student_id")
            and vals.get("date")
            and vals.get("status", "present") != "present"
            and not vals.get("reason_id")
        ]
        if not wanted:
            return {}
        days = [fields.Date.to_date(vals["date"]) for _index, vals in wanted]
        requests = self.sudo().search(
            [
                ("state", "=", "accepted"),
                ("student_id", "in", list({vals["student_id"] for _index, vals in wanted})),
                ("date_from", "<=", max(days)),
                ("date_to", ">=", min(days)),
            ]
        )
        reasons = {}
        for (index, vals), day in zip(wanted, days, strict=True):
            period = vals.get("period", 0) or 0
            for request in requests:
                if (
                    request.student_id.id == vals["student_id"]
                    and request.date_from <= day <= request.date_to
                    and (
                        request.is_whole_day or request.period_from <= period <= request.period_to
                    )
                ):
                    reasons[index] = request.reason_id.id
                    break
        return reasons

    @api.model
    def _sql_covers(self, request, attendance, state="accepted"):
        """SQL: the request (alias ``request``) in ``state`` covers the attendance row
        (alias ``attendance``)."""
        return SQL(
            """%(r)s.student_id = %(a)s.student_id AND %(r)s.state = %(state)s
               AND %(a)s.date BETWEEN %(r)s.date_from AND %(r)s.date_to
               AND (%(r)s.is_whole_day OR %(a)s.period BETWEEN %(r)s.period_from
                                                        AND %(r)s.period_to)""",
            r=SQL.identifier(request),
            a=SQL.identifier(attendance),
            state=state,
        )
