# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import _, api, fields, models
from odoo.tools import email_normalize

_logger = logging.getLogger(__name__)

# Users created and invitations sent per transaction of the sending job.
BATCH_SIZE = 500


class StudentCarePortalInvitation(models.Model):
    """One family member invited to the portal: a guardian with a legal right to see a
    child, or a student from the consent age.

    The invitation wizard only records these (state *queued*); the job *Portal: send
    invitations* creates the portal logins in batches and queues the sign-up e-mail or
    text message in the person's language.
    """

    _name = "student_care.portal.invitation"
    _description = "Portal Invitation"
    _order = "id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Invited Contact",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Institution",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    kind = fields.Selection(
        selection=[("guardian", "Guardian"), ("student", "Student")],
        required=True,
        readonly=True,
    )
    channel = fields.Selection(
        selection=[("email", "E-mail"), ("sms", "Text message")],
        required=True,
        readonly=True,
    )
    state = fields.Selection(
        selection=[("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
        default="queued",
        required=True,
        index=True,
        readonly=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Portal User",
        readonly=True,
        ondelete="set null",
    )
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    failure_reason = fields.Char(readonly=True)

    def _compute_display_name(self):
        for invitation in self:
            invitation.display_name = _(
                "Invitation of %(name)s", name=invitation.partner_id.display_name
            )

    @api.model
    def _cron_send(self, batch_size=BATCH_SIZE):
        """Send the queued invitations, ``batch_size`` at a time, reporting progress to the
        scheduler (which runs the job again while work remains)."""
        queued = self.search([("state", "=", "queued")], order="id")
        batch = queued[:batch_size]
        if not batch:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        batch._send()
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=len(queued) - len(batch))

    def _login_for(self, partner):
        return email_normalize(partner.email) or (
            partner._phone_format(number=partner.mobile, force_format="E164") or partner.mobile
        )

    def _send(self):
        """Create the portal users of these invitations (one ``create`` for the batch) and
        queue their sign-up messages."""
        invitations = self.filtered(lambda i: i.state == "queued")
        if not invitations:
            return
        partners = invitations.partner_id
        # Who already has a login (invited twice, or a user created since): nothing to do.
        existing = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )
        has_user = existing.partner_id
        logins = {invitation: self._login_for(invitation.partner_id) for invitation in invitations}
        taken = set(
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("login", "in", [login for login in logins.values() if login])])
            .mapped("login")
        )
        failed = {}
        to_create = self.browse()
        seen = set()
        for invitation in invitations:
            login = logins[invitation]
            if invitation.partner_id in has_user:
                failed[invitation] = _("This person already has a login.")
            elif not login:
                failed[invitation] = _("No e-mail address or mobile number.")
            elif login in taken or login in seen:
                failed[invitation] = _("Another user already logs in with %(login)s.", login=login)
            else:
                seen.add(login)
                to_create |= invitation
        for invitation, reason in failed.items():
            invitation.write({"state": "failed", "failure_reason": reason})
        if not to_create:
            return
        portal = self.env.ref("base.group_portal")
        users = (
            self.env["res.users"]
            .with_context(
                no_reset_password=True, mail_create_nosubscribe=True, mail_create_nolog=True
            )
            .create(
                [
                    {
                        "login": logins[invitation],
                        "partner_id": invitation.partner_id.id,
                        "company_id": invitation.company_id.id,
                        "company_ids": [fields.Command.set(invitation._family_companies().ids)],
                        "groups_id": [fields.Command.set(portal.ids)],
                    }
                    for invitation in to_create
                ]
            )
        )
        for invitation, user in zip(to_create, users, strict=True):
            invitation.user_id = user
        to_create.partner_id.signup_prepare()
        urls = to_create.partner_id.with_context(
            signup_force_type_in_url="signup"
        )._get_signup_url_for_action(url="/my")
        signup_urls = {invitation.id: urls[invitation.partner_id.id] for invitation in to_create}
        by_mail = to_create.filtered(lambda i: i.channel == "email")
        by_sms = to_create - by_mail
        if by_mail:
            template = self.env.ref("student_care.mail_template_portal_invitation")
            template.with_context(signup_urls=signup_urls).send_mail_batch(
                by_mail.ids, force_send=False
            )
        if by_sms:
            by_sms._queue_sms(signup_urls)
        to_create.write({"state": "sent", "sent_date": fields.Datetime.now()})
        _logger.info("Portal invitations: %s sent, %s failed", len(to_create), len(failed))

    def _family_companies(self):
        """The institutions whose students this person sees: a guardian of children at two
        schools reads both."""
        self.ensure_one()
        partner = self.partner_id
        if self.kind == "student":
            return partner.company_id
        links = partner.child_link_ids.filtered("has_portal_access")
        return self.company_id | links.student_id.company_id

    def _queue_sms(self, signup_urls):
        template = self.env.ref("student_care.sms_template_portal_invitation")
        bodies = template.with_context(signup_urls=signup_urls)._render_field(
            "body", self.ids, compute_lang=True
        )
        self.env["sms.sms"].create(
            [
                {
                    "number": invitation.partner_id._phone_format(
                        number=invitation.partner_id.mobile, force_format="E164"
                    )
                    or invitation.partner_id.mobile,
                    "body": bodies[invitation.id],
                    "partner_id": invitation.partner_id.id,
                    "state": "outgoing",
                }
                for invitation in self
            ]
        )
