# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from .access import reader_set, user_ids

CHANNELS = [
    ("form", "Public form"),
    ("portal", "Portal"),
    ("email", "E-mail"),
    ("staff", "Entered by staff"),
]
LIAISON_GROUP = "student_care.student_care_group_family_liaison"
# Inquiries from the public form per sender (e-mail address or network address) per hour.
RATE_LIMIT_PARAM = "student_care.inquiry_rate_limit"
DEFAULT_RATE_LIMIT = 5


class StudentCareInquiry(models.Model):
    """A family's question to the school, from the public form, the portal or e-mail.

    The family follows it as the only non-staff follower: staff replies from the chatter
    (a message, not a note) reach it by e-mail and on the portal page; notes never do.
    """

    _name = "student_care.inquiry"
    _description = "Inquiry"
    _inherit = [
        "portal.mixin",
        "mail.activity.mixin",
        # rating.mixin is a mail.thread.
        "rating.mixin",
        "student_care.institution.mixin",
        "student_care.access.guard",
    ]
    _order = "priority desc, id desc"
    _check_company_auto = True
    _primary_email = "email_from"
    # Families post on the inquiries they read (portal); staff on those their rules give them.
    _mail_post_access = "read"
    # Who the family is decides who reads the inquiry on the portal; the passed-on trail is
    # written by action_pass_to_care only.
    _guarded_fields = ("partner_id", "passed_on_date", "passed_on_user_id", "company_id")

    def _default_stage_id(self):
        return self.env["student_care.inquiry.stage"]._first_of_kind("new")

    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html(string="Question", sanitize=True, sanitize_attributes=True)
    topic_id = fields.Many2one(
        comodel_name="student_care.inquiry.topic",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env["student_care.inquiry.topic"]._other(),
    )
    department_id = fields.Many2one(
        comodel_name="student_care.inquiry.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assigned To",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    stage_id = fields.Many2one(
        comodel_name="student_care.inquiry.stage",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        copy=False,
        default=_default_stage_id,
        group_expand="_read_group_stage_ids",
    )
    stage_kind = fields.Selection(related="stage_id.kind", store=True, index=True)
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Family Contact",
        index=True,
        ondelete="set null",
        help="Who asked: a guardian when the sender is known, else a contact made from the "
        "e-mail address. Receives the replies.",
    )
    email_from = fields.Char(string="E-mail", index=True)
    student_id = fields.Many2one(
        comodel_name="res.partner",
        string="About Student",
        index=True,
        ondelete="set null",
        domain="[('is_student', '=', True)]",
        check_company=True,
    )
    channel = fields.Selection(selection=CHANNELS, required=True, default="staff", readonly=True)
    priority = fields.Selection(
        selection=[("0", "Normal"), ("1", "High")], default="0", index=True
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)
    # Response time, in the working hours of the department.
    date_received = fields.Datetime(
        string="Received", required=True, readonly=True, index=True, default=fields.Datetime.now
    )
    date_deadline = fields.Datetime(
        string="Answer Due",
        compute="_compute_date_deadline",
        store=True,
        readonly=True,
        index=True,
        help="The topic's response target counted in the department's working hours.",
    )
    first_response_date = fields.Datetime(readonly=True, copy=False)
    response_hours = fields.Float(
        string="Response Time (working hours)",
        compute="_compute_response_hours",
        store=True,
        aggregator="avg",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    is_late = fields.Boolean(
        string="Answered Late",
        compute="_compute_is_late",
        store=True,
        help="The first answer came after the deadline (or has not come and it is past).",
    )
    late_count = fields.Integer(compute="_compute_is_late", store=True, aggregator="sum")
    closed_date = fields.Datetime(readonly=True, copy=False)
    # The concern path: the desk knows *that* it passed the question on, never the case.
    passed_on_date = fields.Datetime(string="Passed to Care Team", readonly=True, copy=False)
    passed_on_user_id = fields.Many2one(
        comodel_name="res.users", string="Passed On By", readonly=True, copy=False
    )
    is_wellbeing = fields.Boolean(related="topic_id.is_wellbeing")
    # Who works the inquiry: its assignee and its department's members and manager. The
    # liaison's record rule tests this one set.
    desk_user_ids = reader_set(
        "_compute_desk_user_ids",
        "_search_desk_user_ids",
        string="Desk",
        help="The assignee, and the members and manager of the inquiry's department.",
        groups="base.group_user",
    )
    # The public form's rate limit: a one-way fingerprint of the sender's network address.
    sender_fingerprint = fields.Char(
        readonly=True, copy=False, index=True, groups="base.group_system"
    )

    @api.depends("topic_id")
    def _compute_department_id(self):
        for inquiry in self:
            if inquiry.topic_id.department_id:
                inquiry.department_id = inquiry.topic_id.department_id

    @api.depends("topic_id", "department_id")
    def _compute_user_id(self):
        for inquiry in self:
            inquiry.user_id = (
                inquiry.topic_id.user_id
                if inquiry.topic_id.department_id == inquiry.department_id
                and inquiry.topic_id.user_id
                else inquiry.department_id.manager_id or inquiry.user_id
            )

    @api.depends("user_id", "department_id.member_ids", "department_id.manager_id")
    def _compute_desk_user_ids(self):
        for inquiry in self:
            department = inquiry.department_id
            inquiry.desk_user_ids = inquiry.user_id | department.member_ids | department.manager_id

    def _search_desk_user_ids(self, operator, value):
        users = user_ids(self, "desk_user_ids", operator, value)
        return [
            "|",
            "|",
            ("user_id", "in", users),
            ("department_id.member_ids", "in", users),
            ("department_id.manager_id", "in", users),
        ]

    @api.depends("date_received", "topic_id.response_hours", "department_id.resource_calendar_id")
    def _compute_date_deadline(self):
        for inquiry in self:
            start = inquiry.date_received or fields.Datetime.now()
            hours = inquiry.topic_id.response_hours
            calendar = (
                inquiry.department_id._calendar()
                if inquiry.department_id
                else inquiry.company_id.resource_calendar_id
            )
            if not hours:
                inquiry.date_deadline = False
                continue
            deadline = calendar and calendar.plan_hours(hours, start, compute_leaves=True)
            inquiry.date_deadline = (
                deadline.astimezone(tz=None).replace(tzinfo=None)
                if deadline and deadline.tzinfo
                else deadline or start + timedelta(hours=hours)
            )

    @api.depends("date_received", "first_response_date", "department_id.resource_calendar_id")
    def _compute_response_hours(self):
        for inquiry in self:
            calendar = (
                inquiry.department_id._calendar()
                if inquiry.department_id
                else (inquiry.company_id.resource_calendar_id)
            )
            if not (inquiry.first_response_date and inquiry.date_received and calendar):
                inquiry.response_hours = 0.0
                continue
            inquiry.response_hours = calendar.get_work_duration_data(
                inquiry.date_received, inquiry.first_response_date, compute_leaves=True
            )["hours"]

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for inquiry in self:
            inquiry.is_overdue = bool(
                inquiry.date_deadline
                and not inquiry.first_response_date
                and not inquiry.is_closed
                and inquiry.date_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search on overdue inquiries with = or != and a yes/no value."))
        domain = [
            ("date_deadline", "<", fields.Datetime.now()),
            ("first_response_date", "=", False),
            ("is_closed", "=", False),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.depends("date_deadline", "first_response_date")
    def _compute_is_late(self):
        for inquiry in self:
            inquiry.is_late = bool(
                inquiry.date_deadline
                and inquiry.first_response_date
                and inquiry.first_response_date > inquiry.date_deadline
            )
            inquiry.late_count = int(inquiry.is_late)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([], order=stages._order)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for inquiry in self:
            inquiry.access_url = f"/my/inquiries/{inquiry.id}"
        return result

    # --- CRUD -----------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        inquiries = super(
            StudentCareInquiry, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        for inquiry in inquiries.filtered("partner_id"):
            inquiry.message_subscribe(partner_ids=inquiry.partner_id.ids)
        inquiries._send_acknowledgment()
        return inquiries.with_env(self.env)

    def write(self, vals):
        if "stage_id" in vals:
            stage = self.env["student_care.inquiry.stage"].browse(vals["stage_id"])
            vals = {**vals, "closed_date": fields.Datetime.now() if stage.is_closed else False}
            closing = (
                self.filtered(lambda inquiry: not inquiry.is_closed)
                if stage.is_closed
                else self.browse()
            )
        else:
            closing = self.browse()
        result = super().write(vals)
        closing._request_rating()
        return result

    # --- Family, mail gateway -------------------------------------------------------------

    @api.model
    def _match_family(self, email):
        """The guardian an e-mail address belongs to: exactly one guardian contact with that
        address, else none (several would mean guessing whose question it is)."""
        normalized = tools.email_normalize(email or "")
        if not normalized:
            return self.env["res.partner"]
        guardians = (
            self.env["res.partner"]
            .sudo()
            .search([("email_normalized", "=", normalized), ("is_guardian", "=", True)], limit=2)
        )
        return guardians if len(guardians) == 1 else self.env["res.partner"]

    @api.model
    def _family_contact(self, email, name=None):
        """The contact replies go to: the matching guardian, else a plain contact (no
        student, no guardian link) made from the address."""
        guardian = self._match_family(email)
        if guardian:
            return guardian
        normalized = tools.email_normalize(email or "")
        if not normalized:
            return self.env["res.partner"]
        Partner = self.env["res.partner"].sudo()
        contact = Partner.search(
            [
                ("email_normalized", "=", normalized),
                ("is_student", "=", False),
                ("is_guardian", "=", False),
            ],
            limit=1,
        )
        return contact or Partner.create({"name": name or normalized, "email": normalized})

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to a department's alias: the sender is matched to a guardian by
        address (exactly one match), else gets a plain contact; topic from the alias
        defaults, else "Other"."""
        values = dict(custom_values or {})
        name, email = tools.parse_contact_from_email(msg_dict.get("email_from") or "")
        contact = self._family_contact(email, name)
        values.setdefault(
            "name", (msg_dict.get("subject") or "").strip()[:200] or _("(no subject)")
        )
        values.update(
            {
                "channel": "email",
                "email_from": email,
                "partner_id": contact.id,
                "description": msg_dict.get("body"),
            }
        )
        department = self.env["student_care.inquiry.department"].browse(
            values.get("department_id")
        )
        if department:
            values.setdefault("company_id", department.company_id.id)
        msg_dict = dict(msg_dict, author_id=contact.id or msg_dict.get("author_id"))
        return super(StudentCareInquiry, self._guarded()).message_new(msg_dict, values)

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        if self.env.context.get("student_care_desk_auto") or len(self) != 1:
            return result
        author = message.author_id
        comment = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        if message.message_type not in ("comment", "email") or message.subtype_id.id != comment:
            return result
        staff = author.user_ids.filtered(lambda user: not user.share)
        if staff:
            self._on_staff_reply(message)
        elif author == self.partner_id or message.message_type == "email":
            self._on_family_reply()
        return result

    def _on_staff_reply(self, message):
        vals = {}
        if not self.first_response_date:
            vals["first_response_date"] = message.date or fields.Datetime.now()
        if self.stage_kind in ("new", "progress"):
            stage = self.env["student_care.inquiry.stage"]._first_of_kind("waiting")
            if stage:
                vals["stage_id"] = stage.id
        if vals:
            # The reply is the staff member's own action on a record they may post on; the
            # response time and stage follow from it, whatever the author's write right.
            self.sudo().write(vals)

    def _on_family_reply(self):
        if self.stage_kind in ("waiting", "answered", "closed"):
            stage = self.env["student_care.inquiry.stage"]._first_of_kind("progress")
            if stage:
                # A family reply reopens its inquiry: the family may post, not write.
                self.sudo().write({"stage_id": stage.id})

    def _send_acknowledgment(self):
        """The acknowledgment, with the topic's first answer when it has one. Says nothing
        of students: it may go to an address nobody has verified yet."""
        template = self.env.ref("student_care.mail_template_inquiry_ack", raise_if_not_found=False)
        if not template:
            return
        for inquiry in self.filtered("partner_id"):
            inquiry.with_context(student_care_desk_auto=True).message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                author_id=inquiry.company_id.partner_id.id,
                email_from=inquiry._desk_email_from(),
            )

    def _desk_email_from(self):
        """The school writes to the family: its institution's address, else the user's
        (the mail server's default sender when neither has one)."""
        return self.company_id.email_formatted or self.env.user.email_formatted or None

    def _request_rating(self):
        template = self.env.ref(
            "student_care.mail_template_inquiry_rating", raise_if_not_found=False
        )
        for inquiry in self.filtered("partner_id"):
            inquiry.with_context(student_care_desk_auto=True).rating_send_request(
                template, lang=inquiry.partner_id.lang, force_send=False
            )

    def _rating_get_parent_field_name(self):
        return "department_id"

    def _portal_rating_token(self):
        """The family's rating token of this closed inquiry (after the caller checked the
        family's access to the inquiry)."""
        self.ensure_one()
        rating = self.sudo().rating_ids.filtered(lambda r: not r.consumed)[:1]
        return rating.access_token

    # --- Buttons --------------------------------------------------------------------------

    def action_close(self):
        stage = self.env["student_care.inquiry.stage"]._first_of_kind("closed")
        if not stage:
            raise UserError(_("Add a closed stage to the inquiry pipeline first."))
        self.filtered(lambda inquiry: not inquiry.is_closed).write({"stage_id": stage.id})
        return True

    def action_assign_to_me(self):
        self.write({"user_id": self.env.user.id})
        return True

    def action_mark_answered(self):
        """The family says its question is answered (portal), or staff record it."""
        stage = self.env["student_care.inquiry.stage"]._first_of_kind("answered")
        if not stage:
            raise UserError(_("Add an 'Answered' stage to the inquiry pipeline first."))
        self.filtered(lambda inquiry: not inquiry.is_closed).write({"stage_id": stage.id})
        return True

    def action_pass_to_care(self):
        """Pass a wellbeing or safety question to the care team: opens a care case for the
        student or joins their open one (student_care.case._open_or_join). The desk learns
        only that the care team received it; the inquiry records when and by whom, with no
        link to the case; the family sees nothing (an internal note)."""
        self.ensure_one()
        self.check_access("write")
        if not self.is_wellbeing:
            raise UserError(_("Only wellbeing or safety questions go to the care team."))
        if not self.student_id:
            raise UserError(_("Choose the student the question is about first."))
        self.student_id.check_access("read")
        category = self.topic_id.case_category_id or self.env.ref(
            "student_care.student_care_case_category_wellbeing"
        )
        cases = self.env["student_care.case"]._open_or_join(
            [
                {
                    "student": self.student_id,
                    "category": category,
                    "description": Markup("<p>%s</p>%s")
                    % (
                        _("Passed on from family inquiry %(ref)s:", ref=self._desk_reference()),
                        self.description or "",
                    ),
                    "origin": "guardian",
                    "reporter": self.env.user,
                }
            ]
        )
        self._guarded().write(
            {"passed_on_date": fields.Datetime.now(), "passed_on_user_id": self.env.user.id}
        )
        self.with_context(student_care_desk_auto=True).message_post(
            body=_("Passed to the care team."),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return cases._signal_receipt(
            self.env.user,
            _("Passed to the care team"),
            known=lambda reference: _("Added to case %(case)s.", case=reference),
            unknown=_("The care team received the question. Thank you."),
        )

    def _desk_reference(self):
        self.ensure_one()
        return f"#{self.id}"

    # --- Public form ----------------------------------------------------------------------

    @api.model
    def _rate_limit(self):
        value = self.env["ir.config_parameter"].sudo().get_param(RATE_LIMIT_PARAM)
        try:
            return max(int(value), 1) if value else DEFAULT_RATE_LIMIT
        except ValueError:
            return DEFAULT_RATE_LIMIT

    @api.model
    def _fingerprint(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hashlib.sha256(f"{secret}:{address or ''}".encode()).hexdigest()[:32]

    @api.model
    def _is_rate_limited(self, email, address):
        """More inquiries than the limit from this address or network address in the last
        hour. Counted over every inquiry, whoever may read them (the public user reads none)."""
        since = fields.Datetime.now() - timedelta(hours=1)
        Inquiry = self.sudo().with_context(active_test=False)
        domain = [("date_received", ">=", since), ("channel", "in", ("form", "portal"))]
        normalized = tools.email_normalize(email or "") or email
        limit = self._rate_limit()
        return (
            Inquiry.search_count([*domain, ("email_from", "=ilike", normalized)], limit=limit)
            >= limit
            or Inquiry.search_count(
                [*domain, ("sender_fingerprint", "=", self._fingerprint(address))], limit=limit
            )
            >= limit
        )

    @api.model
    def _create_from_form(self, values, files, address, user=None):
        """Create an inquiry from the public or portal form (values already checked by the
        controller), then its attachments, linked to it. Returns the inquiry (sudo)."""
        user = user or self.env.user
        Inquiry = self.sudo()._guarded()
        if user.share and not user._is_public():
            contact = user.partner_id
            channel = "portal"
        else:
            contact = Inquiry._family_contact(values["email"], values.get("name"))
            channel = "form"
        topic = values["topic"]
        inquiry = Inquiry.create(
            {
                "name": values["subject"],
                "description": values["description"],
                "topic_id": topic.id,
                "email_from": tools.email_normalize(values["email"]) or contact.email,
                "partner_id": contact.id,
                "student_id": values.get("student") and values["student"].id,
                "company_id": (
                    values["student"].company_id.id
                    if values.get("student")
                    else (topic.department_id.company_id or self.env.company).id
                ),
                "channel": channel,
                "sender_fingerprint": self._fingerprint(address),
            }
        )
        if files:
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "raw": content,
                            "mimetype": mimetype,
                            "res_model": inquiry._name,
                            "res_id": inquiry.id,
                        }
                        for name, content, mimetype in files
                    ]
                )
            )
            inquiry.with_context(student_care_desk_auto=True).message_post(
                body=_("Files sent with the question."),
                attachment_ids=attachments.ids,
                author_id=contact.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return inquiry

    def _portal_student(self):
        """The student shown to the family on the portal page: only one the logged-in
        family member reads (never to a visitor holding a link)."""
        self.ensure_one()
        user = self.env.user
        student = self.sudo().student_id
        if user._is_public() or not student:
            return self.env["res.partner"]
        return student.with_user(user)._filtered_access("read")

    def _check_guarded_create(self, vals_list):
        if any(vals.get("passed_on_date") or vals.get("passed_on_user_id") for vals in vals_list):
            raise UserError(_("Only 'Pass to Care Team' records that a question was passed on."))

    # --- Response-time follow-up (automation rules) ---------------------------------------

    def _desk_remind(self):
        """Two hours before the answer is due: a to-do for the assignee."""
        for inquiry in self.filtered(lambda i: i.user_id and not i.first_response_date):
            inquiry.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(inquiry),
                summary=_("Answer due soon"),
                user_id=inquiry.user_id.id,
            )

    def _desk_escalate(self):
        """The answer is overdue: high priority and a to-do for the department's manager."""
        for inquiry in self.filtered(lambda i: not i.first_response_date):
            inquiry.priority = "1"
            manager = inquiry.department_id.manager_id or inquiry.user_id
            if manager:
                inquiry.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(inquiry),
                    summary=_("Answer overdue"),
                    user_id=manager.id,
                )
