# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, html2plaintext

from odoo.addons.student_care.tools import notification, window_action

# Who may send mass notices, and so see the preview: the ACL gives write access to these.
SENDERS = (
    "student_care.student_care_group_attendance_officer,"
    "student_care.student_care_group_care_manager"
)


def _preview_count(string, help_text):
    """One count of the preview: computed on demand, for senders only."""
    return fields.Integer(
        string=string, compute="_compute_preview", groups=SENDERS, help=help_text
    )


class StudentCareMassNotice(models.Model):
    """A message to every guardian of a part of the school (snow day, closure).

    "Send" only queues one notice per guardian (one INSERT); the notices scheduled action
    sends them in batches and updates the counts, so the web client returns at once even
    for tens of thousands of guardians.
    """

    _name = "student_care.mass.notice"
    _description = "Mass Notice"
    _inherit = ["student_care.institution.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "subject"

    subject = fields.Char(required=True)
    body = fields.Html(required=True, sanitize_style=True)
    # From student_care.institution.mixin: the institution that sends the notice.
    company_id = fields.Many2one(string="Sender")
    company_ids = fields.Many2many(
        comodel_name="res.company",
        string="Institutions",
        required=True,
        default=lambda self: self.env.company,
    )
    grade_ids = fields.Many2many(
        comodel_name="student_care.grade",
        string="Grades",
        help="Empty: every grade.",
    )
    class_ids = fields.Many2many(
        comodel_name="student_care.class",
        string="Classes",
        domain="[('company_id', 'in', company_ids)]",
        help="Empty: every class.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("sending", "Sending"), ("done", "Sent")],
        required=True,
        default="draft",
        index=True,
    )
    recipient_count = fields.Integer(string="Recipients", readonly=True)
    sent_count = fields.Integer(
        string="Delivered",
        readonly=True,
        help="E-mails and text messages the mail or text gateway accepted, and notices "
        "published on the portal.",
    )
    failed_count = fields.Integer(
        string="Failed",
        readonly=True,
        help="Notices that could not be delivered (no address, refused, bounced): see the "
        "reason on each notice, retry or send it by another channel.",
    )
    progress = fields.Float(compute="_compute_progress")
    # The preview before sending: counted for the audience as chosen now, in one query.
    # Only senders see it; the counts cover the sender's own institutions only.
    preview_email_count = _preview_count(
        "By E-mail", "Guardians who receive this notice by e-mail."
    )
    preview_sms_count = _preview_count(
        "By Text Message",
        "Guardians who prefer a text message and have a mobile number, or can be reached "
        "only by one: they receive this notice as one.",
    )
    preview_portal_count = _preview_count(
        "On the Portal Only",
        "Guardians who prefer the portal (or have no e-mail address) and see their child "
        "there: the notice is published on their portal.",
    )
    preview_other_channel_count = _preview_count(
        "Prefer a Call or Letter",
        "Guardians who receive this notice by e-mail, the portal or a text message although "
        "they prefer a call or a letter.",
    )
    preview_phone_count = _preview_count(
        "Phone Only",
        "Guardians with only a landline number: this notice does not reach them; call them.",
    )
    preview_unreachable_count = _preview_count(
        "No Way to Reach",
        "Guardians with no e-mail address, mobile or phone number and no portal access.",
    )
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Sent By", readonly=True, ondelete="set null"
    )
    notice_ids = fields.One2many(
        comodel_name="student_care.attendance.notice",
        inverse_name="mass_notice_id",
        string="Notices",
    )

    @api.depends("recipient_count", "sent_count", "failed_count")
    def _compute_progress(self):
        for notice in self:
            done = notice.sent_count + notice.failed_count
            notice.progress = (
                100.0 * done / notice.recipient_count if notice.recipient_count else 0
            )

    @api.depends("company_ids", "grade_ids", "class_ids", "state")
    def _compute_preview(self):
        counts = dict.fromkeys(
            ("email", "sms", "portal", "other_channel", "phone", "unreachable"), 0
        )
        # Only a sender gets numbers: the ACL gives them write access.
        may_send = self.env.su or self.browse().has_access("write")
        for notice in self:
            values = counts
            if may_send and notice.state == "draft":
                values = notice._preview_counts()
            notice.update({f"preview_{key}_count": value for key, value in values.items()})

    def action_send(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("This notice was sent already."))
        self.check_access("write")
        # Compared by id: the sender may not read the other institutions at all.
        chosen = set(self.sudo().company_ids.ids)
        if chosen - set(self.env.user.company_ids.ids) and not self.env.su:
            raise AccessError(
                _("You may only send notices to the families of your own institutions.")
            )
        # The guardians are queued by the system: the sender may not read every guardian
        # link of every institution chosen, and needs to reach them, not to see them.
        count = self.env["student_care.attendance.notice"].sudo()._queue_mass(self)
        if not count:
            raise UserError(_("No guardian receives attendance notices in this selection."))
        self.write(
            {
                "state": "sending",
                "recipient_count": count,
                "sent_date": fields.Datetime.now(),
                "user_id": self.env.uid,
            }
        )
        return notification(
            _(
                "%(count)s guardians queued; e-mails and text messages go out in batches.",
                count=count,
            ),
            kind="success",
            close=True,
        )

    def action_send_test(self):
        """Send the notice as a guardian gets it, to the current user only: nothing is
        queued or counted for families."""
        self.ensure_one()
        self.check_access("write")
        user = self.env.user
        values = self._prepare_mail_values()
        if not values["email_from"]:
            raise UserError(
                _(
                    "No sender address configured: set the institution's e-mail address or "
                    "a default sender in the Student Care settings."
                )
            )
        if not user.email:
            raise UserError(
                _(
                    "Your user has no e-mail address: add one in your preferences to "
                    "receive a test of this notice."
                )
            )
        # mail.mail is the system's outgoing queue, closed to staff: the system writes the
        # one e-mail, and its only recipient is the sender.
        self.env["mail.mail"].sudo().create({**values, "email_to": user.email_formatted})
        self.env.ref("mail.ir_cron_mail_scheduler_action").sudo()._trigger()
        return notification(
            _(
                "A test of this notice is on its way to %(email)s; no family was "
                "sent anything.",
                email=user.email,
            )
        )

    def action_view_notices(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care_attendance.student_care_attendance_notice_action",
            domain=[("mass_notice_id", "=", self.id)],
            context={},
        )

    def _sms_body(self):
        """The text message a guardian gets: the subject, then the notice as plain text."""
        self.ensure_one()
        return f"{self.subject}\n{html2plaintext(self.body or '')}"

    def _prepare_mail_values(self):
        """The e-mail every guardian gets (the recipient is added by the caller)."""
        self.ensure_one()
        return {
            "subject": self.subject,
            "body_html": self.body,
            "email_from": self._email_from(),
            "auto_delete": True,
        }

    def _email_from(self):
        """The sender of this notice's e-mails (see res.company._notice_email_from)."""
        company = self.sudo().company_id or self.env.company
        return company._notice_email_from()[company.id]

    def _preview_counts(self):
        """Guardians this notice reaches, by channel, counted in one query: each guardian
        once (by the same link the queue picks), in the sender's own institutions only."""
        self.ensure_one()
        companies = self.sudo().company_ids.ids
        if not self.env.su:
            companies = list(set(companies) & set(self.env.user.company_ids.ids))
        Notice = self.env["student_care.attendance.notice"]
        Notice._flush_contact_data()
        self.env.cr.execute(
            SQL(
                """SELECT count(*) FILTER (WHERE a.channel = 'email'),
                          count(*) FILTER (WHERE a.channel = 'sms'),
                          count(*) FILTER (WHERE a.channel = 'portal'),
                          count(*) FILTER (WHERE a.channel != 'none'
                                            AND coalesce(a.preferred, 'phone')
                                                IN ('phone', 'letter')),
                          count(*) FILTER (WHERE a.channel = 'none'
                                            AND coalesce(gp.phone, '') != ''),
                          count(*) FILTER (WHERE a.channel = 'none'
                                            AND coalesce(gp.phone, '') = '')
                     FROM (%s) a
                     JOIN res_partner gp ON gp.id = a.guardian_id""",
                Notice._mass_channels_sql(self, companies),
            )
        )
        email, sms, portal, other, phone, unreachable = self.env.cr.fetchone()
        return {
            "email": email,
            "sms": sms,
            "portal": portal,
            "other_channel": other,
            "phone": phone,
            "unreachable": unreachable,
        }

    def _update_progress_at_commit(self):
        """Recount once when the transaction commits: the gateways report mail by mail,
        and the mail queue commits per batch, so a mass notice to 60,000 guardians is not
        recounted 60,000 times."""
        if not self:
            return
        pending = self.env.cr.precommit.data.setdefault("student_care.mass_notice_progress", set())
        if not pending:

            @self.env.cr.precommit.add
            def _recount():
                ids = self.env.cr.precommit.data.pop("student_care.mass_notice_progress", set())
                self.env["student_care.mass.notice"].sudo().browse(ids).exists()._update_progress()

        pending.update(self.ids)

    def _update_progress(self):
        """Recount delivered and failed notices (set-based) after a sending batch or a
        gateway report."""
        Notice = self.env["student_care.attendance.notice"].sudo()
        counts = {
            (mass, state): count
            for mass, state, count in Notice._read_group(
                [("mass_notice_id", "in", self.ids)], ["mass_notice_id", "state"], ["__count"]
            )
        }

        def total(notice, *states):
            return sum(counts.get((notice, state), 0) for state in states)

        for notice in self.sudo():
            notice.write(
                {
                    "sent_count": total(notice, "delivered", "published"),
                    "failed_count": total(notice, "failed", "bounced"),
                    "state": "sending" if total(notice, "queued") else "done",
                }
            )
