# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, html2plaintext

KINDS = [
    ("first_absence", "First absence of the day"),
    ("truancy", "Truancy step"),
    ("letter", "Formal letter"),
    ("mass", "Mass notice"),
]
CHANNELS = [
    ("email", "E-mail"),
    ("sms", "Text message"),
    ("portal", "Portal only"),
    ("none", "No channel"),
]
CHANNEL_REASONS = [
    ("preferred", "Preferred channel"),
    ("no_mobile", "Prefers text messages, has no mobile number"),
    ("no_portal", "Prefers the portal, has no portal access"),
    ("no_email", "Prefers e-mail, has no e-mail address"),
    ("call_or_letter", "Prefers a call or a letter"),
    ("formal_letter", "A formal letter goes by e-mail or the portal"),
    ("unreachable", "No e-mail address, mobile number or portal access"),
    ("office", "Chosen by the office"),
]
STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("published", "On the portal"),
    ("failed", "Failed"),
    ("bounced", "Bounced"),
]
# What a family has received and reads on the portal: handed to the gateway, accepted by
# it, or published on the portal.
FAMILY_STATES = ("sent", "delivered", "published")
# What the office may do something about: retry, or send by another channel.
RETRY_STATES = ("failed", "bounced")
# Where the gateway said yes (mail.mail "sent"; sms.sms "pending"/"sent" once IAP took it).
SMS_ACCEPTED = ("pending", "sent", "process")
# Who may retry a notice or send it by another channel.
OFFICE_GROUPS = (
    "student_care.student_care_group_attendance_officer",
    "student_care.student_care_group_care_manager",
)
BATCH = 500


class StudentCareAttendanceNotice(models.Model):
    """One notice to one guardian about one student: the log of what families were told.

    Kept here rather than in the student's chatter, which every staff member (teachers
    included) can read: notices are readable by attendance officers and the care team, and
    by teachers for their own students only. Notices are queued and sent in batches by the
    "Send guardian notices" scheduled action, so no user waits for thousands of e-mails.
    """

    _name = "student_care.attendance.notice"
    _description = "Guardian Notice"
    _inherit = ["student_care.student.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["student_id.name", "guardian_id.name"]

    # The student and institution block comes from student_care.student.mixin.
    guardian_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        ondelete="cascade",
    )
    kind = fields.Selection(selection=KINDS, required=True, index=True)
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    lang = fields.Char(string="Language", help="The guardian's language for this notice.")
    # Staff only: a guardian reads the notices sent to them on the portal, and prints the
    # letter itself, but not the truancy step, the campaign or the e-mail behind them.
    template_id = fields.Many2one(
        comodel_name="mail.template",
        string="E-mail Template",
        ondelete="set null",
        groups="base.group_user",
    )
    event_id = fields.Many2one(
        comodel_name="student_care.truancy.event",
        string="Truancy Step",
        index=True,
        ondelete="set null",
        groups="base.group_user",
    )
    mass_notice_id = fields.Many2one(
        comodel_name="student_care.mass.notice",
        index=True,
        ondelete="cascade",
        groups="base.group_user",
    )
    channel = fields.Selection(
        selection=CHANNELS,
        required=True,
        default="email",
        readonly=True,
        help="How the guardian gets this notice: their preferred channel when their contact "
        "data allows it, otherwise e-mail, then the portal, then a text message.",
    )
    channel_reason = fields.Selection(
        selection=CHANNEL_REASONS,
        string="Why This Channel",
        default="preferred",
        readonly=True,
        groups="base.group_user",
    )
    mail_id = fields.Many2one(
        comodel_name="mail.mail",
        string="E-mail",
        ondelete="set null",
        readonly=True,
        groups="base.group_user",
    )
    # The delivery log is the office's: a family reads the notice itself on the portal.
    sms_id = fields.Many2one(
        comodel_name="sms.sms",
        string="Text Message",
        ondelete="set null",
        readonly=True,
        groups="base.group_user",
    )
    message_id = fields.Char(
        string="Message-Id",
        index="btree_not_null",
        readonly=True,
        groups="base.group_user",
        help="Of the e-mail: a bounce names it, also after the e-mail was deleted.",
    )
    email_from = fields.Char(string="Sender", readonly=True, groups="base.group_user")
    subject = fields.Char(readonly=True)
    # Rendered by the system from a mail template (editable by template editors only) or
    # copied from a mass notice's body (sanitised there); nobody else writes a notice (see
    # ``write``), so it is not sanitised again for each of thousands of notices.
    body_html = fields.Html(string="Message", readonly=True, sanitize=False)
    state = fields.Selection(
        selection=STATES,
        required=True,
        default="queued",
        index=True,
        readonly=True,
    )
    failure_reason = fields.Char(readonly=True, groups="base.group_user")
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    delivered_date = fields.Datetime(string="Delivered On", readonly=True)

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for notice in self:
            notice.display_name = f"{kinds.get(notice.kind)} · {notice.guardian_id.name}"

    # --- CRUD -----------------------------------------------------------------------

    def write(self, vals):
        # A notice is the log of what a family was told: only the system records its
        # delivery (the scheduler, the gateways' reports and the guarded actions below run
        # as superuser). Staff with write access would otherwise redirect a notice about a
        # child to another partner, or mark a failed notice as delivered.
        if not self.env.su:
            raise AccessError(
                _(
                    "A guardian notice cannot be edited: use Retry or send it by another "
                    "channel."
                )
            )
        return super().write(vals)

    # --- Actions: retry and fall back ---------------------------------------------------

    def _check_office_action(self):
        """Only officers and care managers, on failed or bounced notices they may write."""
        if not self.env.su and not any(self.env.user.has_group(g) for g in OFFICE_GROUPS):
            raise AccessError(
                _("Only attendance officers and care managers may send a notice again.")
            )
        self.check_access("write")
        if not self:
            raise UserError(_("Select the notices to send again."))
        if any(notice.state not in RETRY_STATES for notice in self):
            raise UserError(_("Only failed or bounced notices can be sent again."))

    def _requeue(self, channel=None):
        """Queue the notices again, with ``channel`` (the office's choice) or the same one.

        Access was checked by ``_check_office_action``; the write goes through the system
        (see ``write``) and only sets the delivery fields, nothing that says who is told.
        """
        values = {
            "state": "queued",
            "failure_reason": False,
            "mail_id": False,
            "sms_id": False,
            "message_id": False,
            "sent_date": False,
            "delivered_date": False,
        }
        if channel:
            values.update(channel=channel, channel_reason="office")
        self.sudo().write(values)
        # The delivery counts of the mass notice are the system's (readonly for everyone).
        self.mass_notice_id.sudo()._update_progress()
        self._trigger_sending()
        return True

    def action_retry(self):
        self._check_office_action()
        if any(notice.channel == "none" for notice in self):
            raise UserError(
                _(
                    "A notice without a channel cannot be retried: send it by e-mail, text "
                    "message or the portal once the guardian's contact data is known."
                )
            )
        return self._requeue()

    def _action_send_by(self, channel):
        self._check_office_action()
        reachable = self._reachable(channel)
        missing = self - reachable
        if missing:
            labels = dict(self._fields["channel"]._description_selection(self.env))
            raise UserError(
                _(
                    "These guardians cannot be reached by %(channel)s: %(names)s.",
                    channel=labels[channel],
                    names=", ".join(missing.guardian_id.mapped("name")),
                )
            )
        return self._requeue(channel)

    def action_send_by_email(self):
        return self._action_send_by("email")

    def action_send_by_sms(self):
        return self._action_send_by("sms")

    def action_send_by_portal(self):
        return self._action_send_by("portal")

    # --- Channel resolution --------------------------------------------------------------

    @api.model
    def _sql_has_portal(self):
        """Whether guardian ``g.guardian_id`` sees student ``g.student_id`` on the portal."""
        return SQL(
            """(g.has_portal_access AND EXISTS (
                    SELECT 1 FROM res_users u
                     WHERE u.partner_id = g.guardian_id AND u.share AND u.active))"""
        )

    @api.model
    def _sql_channel(self, kind):
        """The channel of a notice of ``kind`` to the guardian ``gp`` of link ``g``.

        The preferred channel when the contact data allows it (a text message needs a
        mobile number, the portal a portal user who sees the child, e-mail an address);
        otherwise, in this order: e-mail, the portal, a text message; 'none' when nothing
        reaches the guardian. A call or a letter as preference means e-mail first. A formal
        letter never goes by text message: its PDF needs e-mail (or the portal).
        """
        email = SQL("coalesce(gp.email, '') != ''")
        portal = self._sql_has_portal()
        sms = SQL("FALSE") if kind == "letter" else SQL("coalesce(gp.mobile, '') != ''")
        return SQL(
            """CASE WHEN g.preferred_channel = 'sms' AND %(sms)s THEN 'sms'
                    WHEN g.preferred_channel = 'portal' AND %(portal)s THEN 'portal'
                    WHEN %(email)s THEN 'email'
                    WHEN %(portal)s THEN 'portal'
                    WHEN %(sms)s THEN 'sms'
                    ELSE 'none' END""",
            email=email,
            portal=portal,
            sms=sms,
        )

    @api.model
    def _sql_channel_reason(self, kind, channel, preferred):
        """Why ``channel`` (an SQL expression of ``_sql_channel``) was chosen."""
        return SQL(
            """CASE WHEN %(channel)s = 'none' THEN 'unreachable'
                    WHEN %(channel)s = coalesce(%(preferred)s, 'phone') THEN 'preferred'
                    WHEN %(preferred)s = 'sms' AND %(letter)s THEN 'formal_letter'
                    WHEN %(preferred)s = 'sms' THEN 'no_mobile'
                    WHEN %(preferred)s = 'portal' THEN 'no_portal'
                    WHEN %(preferred)s = 'email' THEN 'no_email'
                    ELSE 'call_or_letter' END""",
            channel=channel,
            preferred=preferred,
            letter=SQL("TRUE") if kind == "letter" else SQL("FALSE"),
        )

    @api.model
    def _flush_contact_data(self):
        self.env["student_care.guardian.link"].flush_model()
        self.env["res.partner"].flush_model()
        self.env["res.users"].flush_model(["partner_id", "share", "active"])

    @api.model
    def _link_channels(self, links, kind):
        """{link id: (channel, reason)} for guardian links, in one query."""
        if not links:
            return {}
        self._flush_contact_data()
        channel = self._sql_channel(kind)
        self.env.cr.execute(
            SQL(
                """SELECT g.id, %s, %s
                     FROM student_care_guardian_link g
                     JOIN res_partner gp ON gp.id = g.guardian_id
                    WHERE g.id = ANY(%s)""",
                channel,
                self._sql_channel_reason(kind, channel, SQL("g.preferred_channel")),
                links.ids,
            )
        )
        return {link_id: (ch, reason) for link_id, ch, reason in self.env.cr.fetchall()}

    def _portal_notice_ids(self):
        """Notices whose guardian sees the student on the portal: one query."""
        if not self:
            return set()
        self.flush_recordset(["student_id", "guardian_id"])
        self._flush_contact_data()
        self.env.cr.execute(
            SQL(
                """SELECT n.id FROM student_care_attendance_notice n
                     JOIN student_care_guardian_link g
                       ON g.student_id = n.student_id AND g.guardian_id = n.guardian_id
                    WHERE n.id = ANY(%s) AND %s""",
                self.ids,
                self._sql_has_portal(),
            )
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _reachable(self, channel):
        """The notices whose guardian can be reached by ``channel`` now.

        Called after ``_check_office_action`` (write access on these notices): the system
        only tells whether an address, mobile number or portal access exists; no contact
        value is returned to the caller.
        """
        notices = self.sudo()
        if channel == "email":
            return self.filtered(lambda n: n.sudo().guardian_id.email)
        if channel == "sms":
            return self.filtered(lambda n: n.kind != "letter" and n.sudo().guardian_id.mobile)
        portal = notices._portal_notice_ids()
        return self.filtered(lambda n: n.id in portal)

    # --- Queueing --------------------------------------------------------------------

    @api.model
    def _recipient_links(self, student_ids):
        """Guardian links of these students that receive attendance notices."""
        return self.env["student_care.guardian.link"].search(
            [
                ("student_id", "in", list(student_ids)),
                ("is_notice_recipient", "=", True),
                ("is_access_denied", "=", False),
            ]
        )

    @api.model
    def _queue(self, kind, template, students_events):
        """Queue a notice to every notice recipient of each student; ``students_events`` is
        a list of (student id, event or False). Each notice gets its guardian's channel."""
        links = self._recipient_links({sid for sid, _event in students_events})
        channels = self._link_channels(links, kind)
        by_student = defaultdict(list)
        for link in links:
            by_student[link.student_id.id].append(link)
        today = fields.Date.context_today(self)
        notices = self.create(
            [
                {
                    "student_id": sid,
                    "guardian_id": link.guardian_id.id,
                    "company_id": link.student_id.company_id.id,
                    "kind": kind,
                    "date": today,
                    "lang": link.lang or link.guardian_id.lang,
                    "template_id": template.id,
                    "event_id": event.id if event else False,
                    "channel": channels[link.id][0],
                    "channel_reason": channels[link.id][1],
                }
                for sid, event in students_events
                for link in by_student[sid]
            ]
        )
        if notices:
            self._trigger_sending()
        return notices

    @api.model
    def _queue_for_events(self, events):
        default = self.env.ref("student_care_attendance.mail_template_truancy_notice")
        by_template = defaultdict(list)
        for event in events:
            by_template[event.step_id.mail_template_id or default].append(
                (event.student_id.id, event)
            )
        notices = self
        for template, pairs in by_template.items():
            kind = "letter" if template.report_template_ids else "truancy"
            notices |= self._queue(kind, template, pairs)
        return notices

    @api.model
    def _queue_first_absence(self, student_ids):
        """First unexcused absence of the day: one notice per student per day."""
        today = fields.Date.context_today(self)
        absent = set(
            self.env["student_care.attendance"]
            .sudo()
            .search(
                [
                    ("student_id", "in", list(student_ids)),
                    ("date", "=", today),
                    ("status", "=", "absent"),
                    ("is_excused", "=", False),
                ]
            )
            .student_id.ids
        )
        told = set(
            self.search(
                [
                    ("student_id", "in", list(absent)),
                    ("kind", "=", "first_absence"),
                    ("date", "=", today),
                ]
            ).student_id.ids
        )
        template = self.env.ref("student_care_attendance.mail_template_first_absence")
        return self._queue("first_absence", template, [(sid, False) for sid in absent - told])

    @api.model
    def _trigger_sending(self):
        self.env.ref("student_care_attendance.ir_cron_send_attendance_notices").sudo()._trigger()

    # --- Sending ---------------------------------------------------------------------

    @api.model
    def _cron_send(self, batch_size=BATCH):
        """Send one batch of queued notices and report progress; the scheduler runs the
        job again while notices remain (``_notify_progress``), and re-triggers it."""
        queued = self.search([("state", "=", "queued")], order="id", limit=batch_size)
        queued._send()
        remaining = self.search_count([("state", "=", "queued")])
        self.env["ir.cron"]._notify_progress(done=len(queued), remaining=remaining)
        if remaining:
            self._trigger_sending()
        queued.mass_notice_id._update_progress()
        return len(queued)

    def _fail(self, reason):
        if self:
            self.write({"state": "failed", "failure_reason": reason, "sent_date": self._now()})

    @api.model
    def _now(self):
        return fields.Datetime.now()

    def _send(self):
        """Hand a batch of queued notices to their channel: e-mails to mail.mail, text
        messages to sms.sms (both "sent" until the gateway accepts them: see the hooks in
        mail_mail.py and sms_sms.py), portal-only notices published at once. Every notice
        stores the subject and message its guardian got, rendered in their language."""
        # The scheduler (superuser) sends; the notice log is written by the system only.
        notices = self.sudo()
        now = notices._now()
        none = notices.filtered(lambda n: n.channel == "none")
        none._fail(_("No e-mail address, mobile number or portal access."))
        by_email = notices.filtered(lambda n: n.channel == "email")
        no_address = by_email.filtered(lambda n: not n.guardian_id.email)
        no_address._fail(_("The guardian has no e-mail address."))
        by_email -= no_address
        by_sms = notices.filtered(lambda n: n.channel == "sms")
        no_mobile = by_sms.filtered(lambda n: not n.guardian_id.mobile)
        no_mobile._fail(_("The guardian has no mobile number."))
        by_sms -= no_mobile
        by_portal = notices.filtered(lambda n: n.channel == "portal")
        portal_ids = (by_portal | by_sms)._portal_notice_ids()
        no_portal = by_portal.filtered(lambda n: n.id not in portal_ids)
        no_portal._fail(_("The guardian has no portal access to this child."))
        by_portal -= no_portal
        # A text message only points to the notice: the portal when the guardian has it,
        # else the e-mail that goes with it, else the school office.
        companions = by_sms.filtered(
            lambda n: not n.mass_notice_id and n.id not in portal_ids and n.guardian_id.email
        )
        senders = (by_email | companions)._senders()
        no_sender = by_email.filtered(lambda n: not senders[n.id])
        no_sender._fail(
            _(
                "No sender address configured: set the institution's e-mail address or a "
                "default sender in the Student Care settings."
            )
        )
        by_email -= no_sender
        companions = companions.filtered(lambda n: senders[n.id])
        for notice in by_email | companions:
            notice.email_from = senders[notice.id]
        (by_email | companions)._send_mails()
        (by_portal | (by_sms - companions))._render_contents()
        by_sms._send_sms(portal_ids)
        by_portal.write({"state": "published", "sent_date": now, "delivered_date": now})
        (by_email | by_sms).write({"state": "sent", "sent_date": now})
        if by_email | companions:
            notices.env.ref("mail.ir_cron_mail_scheduler_action")._trigger()
        if by_sms:
            notices.env.ref("sms.ir_cron_sms_scheduler_action")._trigger()

    def _senders(self):
        """{notice id: From address or False}: a mass notice's sender institution, else
        the notice's institution; its e-mail, else the configured default."""
        companies = self.mass_notice_id.company_id | self.company_id
        from_of = companies._notice_email_from()
        return {
            notice.id: from_of.get((notice.mass_notice_id.company_id or notice.company_id).id)
            for notice in self
        }

    def _send_mails(self):
        """Create the e-mails: one template render per template and language (Odoo groups
        the records by ``object.lang``), one shared body per mass notice."""
        for template, notices in self.filtered("template_id").grouped("template_id").items():
            mails = template.send_mail_batch(notices.ids)
            for notice, mail in zip(notices, mails, strict=True):
                notice.update(
                    {
                        "mail_id": mail.id,
                        "message_id": mail.message_id,
                        "subject": mail.subject,
                        "body_html": mail.body_html,
                    }
                )
        mass = self.filtered(lambda n: not n.template_id and n.mass_notice_id)
        for mass_notice, notices in mass.grouped("mass_notice_id").items():
            values = mass_notice._prepare_mail_values()
            mails = self.env["mail.mail"].create(
                [
                    {
                        **values,
                        "email_from": notice.email_from,
                        "model": self._name,
                        "res_id": notice.id,
                        "recipient_ids": [Command.link(notice.guardian_id.id)],
                    }
                    for notice in notices
                ]
            )
            for notice, mail in zip(notices, mails, strict=True):
                notice.update(
                    {
                        "mail_id": mail.id,
                        "message_id": mail.message_id,
                        "subject": values["subject"],
                        "body_html": values["body_html"],
                    }
                )

    def _render_contents(self):
        """Subject and message of notices that are not e-mailed (portal, text message), for
        the guardian's portal: rendered from the template in the guardian's language."""
        for template, notices in self.filtered("template_id").grouped("template_id").items():
            rendered = template._generate_template(notices.ids, ("subject", "body_html"))
            for notice in notices:
                values = rendered[notice.id]
                notice.update({"subject": values["subject"], "body_html": values["body_html"]})
        for mass_notice, notices in (
            self.filtered("mass_notice_id").grouped("mass_notice_id").items()
        ):
            notices.write({"subject": mass_notice.subject, "body_html": mass_notice.body})

    def _sms_text(self, portal_ids):
        """The short, neutral text of one notice (no reason, no absence, no health), in the
        guardian's language: the notice itself is on the portal or in the e-mail."""
        self.ensure_one()
        if self.mass_notice_id:
            return self.mass_notice_id._sms_body()
        # ``_`` translates into the language of ``self``'s context.
        return self.with_context(lang=self.lang or "en_US")._sms_words(portal_ids)

    def _sms_words(self, portal_ids):
        school = self.company_id.name
        first_name = (self.student_id.name or "").split(" ")[0]
        if self.id in portal_ids:
            # Babel cannot read an f-string inside a translated call: built beforehand.
            url = self.get_base_url() + "/my"
            return _(
                "%(school)s: a message about %(name)s is waiting for you on the portal: "
                "%(url)s",
                school=school,
                name=first_name,
                url=url,
            )
        if self.mail_id:
            return _(
                "%(school)s: a message about %(name)s was sent to your e-mail address.",
                school=school,
                name=first_name,
            )
        return _(
            "%(school)s: please contact the school office about %(name)s.",
            school=school,
            name=first_name,
        )

    def _send_sms(self, portal_ids):
        if not self:
            return
        texts = self.env["sms.sms"].create(
            [
                {
                    "number": notice.guardian_id.mobile,
                    "partner_id": notice.guardian_id.id,
                    "body": notice._sms_text(portal_ids),
                }
                for notice in self
            ]
        )
        for notice, text in zip(self, texts, strict=True):
            notice.sms_id = text

    # --- Gateway reports -------------------------------------------------------------

    @api.model
    def _update_from_mails(self, mails, failure_reason=False, failure_type=None):
        """After the SMTP gateway answered for ``mails`` (before an auto-delete): delivered
        when it accepted the e-mail, failed with its reason otherwise."""
        notices = self.sudo().search(
            [("mail_id", "in", mails.ids), ("channel", "=", "email"), ("state", "=", "sent")]
        )
        if not notices:
            return
        types = dict(mails._fields["failure_type"]._description_selection(self.env))
        now = self._now()
        for notice in notices:
            mail = notice.mail_id
            if mail.state == "sent":
                notice.update(
                    {"state": "delivered", "delivered_date": now, "message_id": mail.message_id}
                )
            else:
                notice.update(
                    {
                        "state": "failed",
                        "failure_reason": mail.failure_reason
                        or failure_reason
                        or types.get(mail.failure_type or failure_type)
                        or _("The mail server refused the e-mail."),
                    }
                )
        notices.mass_notice_id._update_progress_at_commit()

    @api.model
    def _update_from_sms(self, texts):
        """After IAP answered for ``texts``: delivered when accepted, failed otherwise."""
        notices = self.sudo().search(
            [("sms_id", "in", texts.ids), ("state", "in", ("sent", "delivered"))]
        )
        if not notices:
            return
        types = dict(texts._fields["failure_type"]._description_selection(self.env))
        now = self._now()
        for notice in notices:
            text = notice.sms_id
            if text.state in SMS_ACCEPTED and notice.state == "sent":
                notice.update({"state": "delivered", "delivered_date": now})
            elif text.state == "error":
                notice.update(
                    {
                        "state": "failed",
                        "failure_reason": types.get(text.failure_type)
                        or _("The text message was not delivered."),
                    }
                )
        notices.mass_notice_id._update_progress_at_commit()

    @api.model
    def _record_bounce(self, message_dict):
        """A bounce of one of our e-mails (matched by its Message-Id, kept on the notice
        because the e-mail itself may be deleted once sent)."""
        msg_ids = message_dict.get("bounced_msg_ids") or []
        if not msg_ids:
            return
        notices = self.sudo().search(
            [("message_id", "in", msg_ids), ("state", "in", ("sent", "delivered"))]
        )
        if not notices:
            return
        detail = html2plaintext(message_dict.get("body") or "").strip()
        reason = _("The e-mail to %(email)s bounced.", email=message_dict.get("bounced_email"))
        if detail:
            reason = f"{reason} {detail[:200]}"
        notices.write({"state": "bounced", "failure_reason": reason})
        notices.mass_notice_id._update_progress_at_commit()

    # --- Mass notices ----------------------------------------------------------------

    @api.model
    def _mass_audience_sql(self, mass_notice, company_ids, columns):
        """SELECT ``columns`` of one guardian link per guardian reached by ``mass_notice``
        in ``company_ids``: each guardian once, however many of their children are in the
        audience (``g`` is the link, ``p`` the student, ``gp`` the guardian)."""
        conditions = [
            SQL("g.is_notice_recipient"),
            # A link made before the flag existed, or without it, holds NULL: not denied.
            SQL("g.is_access_denied IS NOT TRUE"),
            SQL("p.is_student"),
            SQL("p.active"),
            SQL("p.enrolment_status IN ('enrolled', 'on_leave')"),
            SQL("p.company_id = ANY(%s)", list(company_ids)),
        ]
        if mass_notice.grade_ids:
            conditions.append(SQL("p.grade_id = ANY(%s)", mass_notice.grade_ids.ids))
        if mass_notice.class_ids:
            conditions.append(SQL("p.class_id = ANY(%s)", mass_notice.class_ids.ids))
        return SQL(
            """SELECT DISTINCT ON (g.guardian_id) %s
                 FROM student_care_guardian_link g
                 JOIN res_partner p ON p.id = g.student_id
                 JOIN res_partner gp ON gp.id = g.guardian_id AND gp.active
                WHERE %s
                ORDER BY g.guardian_id, g.student_id""",
            columns,
            SQL(" AND ").join(conditions),
        )

    @api.model
    def _mass_channels_sql(self, mass_notice, company_ids):
        """The audience with its channel: columns student_id, guardian_id, company_id, lang,
        preferred, channel."""
        return self._mass_audience_sql(
            mass_notice,
            company_ids,
            SQL(
                """g.student_id, g.guardian_id, p.company_id, coalesce(g.lang, gp.lang) AS lang,
                   g.preferred_channel AS preferred, %s AS channel""",
                self._sql_channel("mass"),
            ),
        )

    @api.model
    def _queue_mass(self, mass_notice):
        """Queue one notice per guardian reached by a mass notice, in one INSERT."""
        now = fields.Datetime.now()
        self.flush_model()
        self._flush_contact_data()
        self.env.cr.execute(
            SQL(
                """INSERT INTO student_care_attendance_notice
                       (student_id, guardian_id, company_id, kind, date, lang, mass_notice_id,
                        channel, channel_reason, state,
                        create_uid, create_date, write_uid, write_date)
                   SELECT a.student_id, a.guardian_id, a.company_id, 'mass', %s, a.lang, %s,
                          a.channel, %s, 'queued', %s, %s, %s, %s
                     FROM (%s) a""",
                fields.Date.context_today(self),
                mass_notice.id,
                self._sql_channel_reason("mass", SQL("a.channel"), SQL("a.preferred")),
                self.env.uid,
                now,
                self.env.uid,
                now,
                self._mass_channels_sql(mass_notice, mass_notice.company_ids.ids),
            )
        )
        count = self.env.cr.rowcount
        self.invalidate_model()
        if count:
            self._trigger_sending()
        return count
