# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .access import MANAGER_GROUP, SPECIALIST_GROUP


class StudentCareReferral(models.Model):
    """A case referred to a specialist (internal user) or an outside agency.

    While a referral is active, its specialist (or the agency's contact user) may read the
    case and the notes meant for specialists; when it ends, that access ends. Everything that
    decides who reads (case, target, consent, state) changes only through the actions below,
    each of which checks who may do it and logs the grant or revocation.
    """

    _name = "student_care.referral"
    _description = "Referral"
    _order = "date desc, id desc"
    _inherit = ["student_care.case.mixin", "student_care.access.guard"]
    _check_company_auto = True
    _guarded_fields = (
        "case_id",
        "referral_type",
        "specialist_id",
        "agency_id",
        "agency_user_id",
        "state",
        "end_date",
    )

    # The case, its student and its institution come from student_care.case.mixin.
    referral_type = fields.Selection(
        selection=[("specialist", "Specialist"), ("agency", "Outside agency")],
        string="Referred To",
        required=True,
        default="specialist",
    )
    specialist_id = fields.Many2one(
        comodel_name="res.users",
        index=True,
        domain=lambda self: self._domain_reader(),
        help="Users with the Specialist role at the case's institution.",
    )
    agency_id = fields.Many2one(comodel_name="res.partner", string="Agency", index=True)
    agency_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Agency Contact (login)",
        index=True,
        domain=lambda self: self._domain_reader(),
        help="The agency's worker who logs in to read the case, if any (Specialist role).",
    )
    reader_id = fields.Many2one(
        comodel_name="res.users",
        compute="_compute_reader_id",
        store=True,
        index=True,
        help="Who reads the case through this referral.",
    )
    consent_id = fields.Many2one(
        comodel_name="student_care.consent",
        index=True,
        domain="[('student_id', '=', student_id), ('agency_id', '=', agency_id)]",
    )
    reason = fields.Text(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    end_date = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        selection=[
            ("requested", "Requested"),
            ("accepted", "Accepted"),
            ("active", "Active"),
            ("ended", "Ended"),
            ("declined", "Declined"),
        ],
        required=True,
        default="requested",
        index=True,
    )
    # For the form's buttons only: the actions check who may take each step themselves.
    is_case_lead = fields.Boolean(
        compute="_compute_user_roles",
        help="You own the case or are a care manager: you may activate this referral.",
    )
    is_referred_user = fields.Boolean(
        compute="_compute_user_roles",
        help="The case is referred to you: you may accept or decline it.",
    )

    def _domain_reader(self):
        group = self.env.ref(SPECIALIST_GROUP, raise_if_not_found=False)
        return (
            f"[('share', '=', False), ('groups_id', 'in', {group.id if group else 0}), "
            "('company_ids', 'in', company_id), ('id', '!=', uid)]"
        )

    def _compute_display_name(self):
        for referral in self:
            referral.display_name = _("Referral %(id)s", id=referral.id or "")

    @api.depends("referral_type", "specialist_id", "agency_user_id")
    def _compute_reader_id(self):
        for referral in self:
            referral.reader_id = (
                referral.specialist_id
                if referral.referral_type == "specialist"
                else referral.agency_user_id
            )

    @api.depends("case_id.user_id", "reader_id")
    @api.depends_context("uid")
    def _compute_user_roles(self):
        # The buttons follow the same checks as the actions behind them.
        for referral in self:
            referral.is_case_lead = referral._is_case_lead()
            referral.is_referred_user = referral._is_reader()

    @api.constrains("referral_type", "specialist_id", "agency_id")
    def _check_target(self):
        for referral in self:
            if referral.referral_type == "specialist" and not referral.specialist_id:
                raise ValidationError(_("Choose the specialist this case is referred to."))
            if referral.referral_type == "agency" and not referral.agency_id:
                raise ValidationError(_("Choose the outside agency this case is referred to."))

    @api.constrains("specialist_id", "agency_user_id", "company_id")
    def _check_reader(self):
        for referral in self:
            reader = referral.specialist_id | referral.agency_user_id
            for user in reader:
                if not user.has_group(SPECIALIST_GROUP) or user.share:
                    raise ValidationError(
                        _(
                            "%(user)s does not have the Specialist role: a case can only be "
                            "referred to a specialist.",
                            user=user.name,
                        )
                    )
                if referral.company_id not in user.company_ids:
                    raise ValidationError(
                        _(
                            "%(user)s does not work at %(institution)s.",
                            user=user.name,
                            institution=referral.company_id.name,
                        )
                    )

    @api.constrains("state", "consent_id", "agency_id")
    def _check_consent(self):
        today = fields.Date.context_today(self)
        for referral in self.filtered(
            lambda r: r.referral_type == "agency" and r.state == "active"
        ):
            consent = referral.consent_id
            if (
                not consent
                or consent.agency_id != referral.agency_id
                or consent.student_id != referral.student_id
                or not consent._is_valid_on(today)
            ):
                raise ValidationError(
                    _(
                        "A referral to an outside agency can only become active with a valid, "
                        "unexpired consent of the student (or a guardian with custody) naming "
                        "that agency."
                    )
                )

    def write(self, vals):
        # The consent is chosen before activation; the basis of an active referral stays.
        if (
            "consent_id" in vals
            and not self.env.su
            and self.filtered(lambda r: r.state == "active")
        ):
            raise UserError(_("End this referral and make a new one to rely on another consent."))
        return super().write(vals)

    def _check_guarded_create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "requested") != "requested" or vals.get("end_date"):
                raise AccessError(
                    _("A new referral starts as requested: activate it once it is accepted.")
                )
            reader_ids = {vals.get("specialist_id"), vals.get("agency_user_id")}
            if self.env.uid in reader_ids:
                raise AccessError(_("You cannot refer a case to yourself."))

    def _is_case_lead(self):
        """The case's owner or a care manager: who may give a specialist access."""
        self.ensure_one()
        user = self.env.user
        return user.has_group(MANAGER_GROUP) or self.sudo().case_id.user_id == user

    @api.model
    def _domain_active_for(self, users):
        """Referrals through which ``users`` (ids) currently read a case: the one place
        where "actively referred" is defined for every record rule."""
        return [("reader_id", "in", users), ("state", "=", "active")]

    def _active_readers(self):
        return self.filtered(lambda r: r.state == "active").reader_id

    def _is_reader(self):
        self.ensure_one()
        return self.sudo().reader_id == self.env.user

    def _check_transition(self, allowed_states, may):
        for referral in self:
            if referral.state not in allowed_states:
                raise UserError(
                    _(
                        "This referral is %(state)s: that step is no longer possible.",
                        state=dict(referral._fields["state"]._description_selection(self.env))[
                            referral.state
                        ],
                    )
                )
            if not self.env.su and not may(referral):
                raise AccessError(_("You may not take this step on this referral."))

    def action_accept(self):
        self._check_transition(("requested",), lambda r: r._is_reader() or r._is_case_lead())
        self._guarded().write({"state": "accepted"})
        return True

    def action_activate(self):
        self._check_transition(("requested", "accepted"), lambda r: r._is_case_lead())
        self._guarded().write({"state": "active"})
        for referral in self:
            referral._log_access("granted")
        return True

    def action_decline(self):
        self._check_transition(
            ("requested", "accepted"), lambda r: r._is_reader() or r._is_case_lead()
        )
        self._guarded().write({"state": "declined", "end_date": fields.Date.context_today(self)})
        return True

    def action_end(self):
        self._check_transition(
            ("accepted", "active"),
            lambda r: r._is_reader() or r._is_case_lead() or r.case_id.has_access("write"),
        )
        self._end()
        return True

    def _end(self):
        """End these referrals (their reader loses access). For server callers that checked."""
        active = self.filtered(lambda r: r.state == "active")
        self._guarded().write({"state": "ended", "end_date": fields.Date.context_today(self)})
        for referral in active:
            referral._log_access("revoked")

    def _log_access(self, event):
        self.ensure_one()
        referral = self.sudo()
        self.env["student_care.access.log"]._log(
            case=referral.case_id,
            event=event,
            subject=referral.reader_id,
            # Neutral: the referral's own text is content, and log rows outlive retention.
            reason=referral.display_name,
        )
