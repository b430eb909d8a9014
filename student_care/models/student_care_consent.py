# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_CONSENT_AGE = 16


class StudentCareConsent(models.Model):
    """Consent to share information about a student with an outside agency.

    What it allows (student, agency, purpose, dates, who gave it) is fixed once recorded: an
    agency referral becomes active on it, so changing it would widen that agency's access.
    A new scope is a new consent; an end is a withdrawal (``action_withdraw``).
    """

    _name = "student_care.consent"
    _description = "Consent to Share"
    _order = "given_on desc, id desc"
    _inherit = ["student_care.access.guard"]
    _check_company_auto = True
    _guarded_fields = (
        "student_id",
        "given_by",
        "guardian_id",
        "agency_id",
        "purpose",
        "given_on",
        "expires_on",
        "withdrawn_on",
    )

    student_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_student', '=', True)]",
    )
    company_id = fields.Many2one(
        related="student_id.company_id", string="Institution", store=True, index=True
    )
    given_by = fields.Selection(
        selection=[("student", "The student"), ("guardian", "A guardian with custody")],
        required=True,
        default="student",
    )
    guardian_id = fields.Many2one(
        comodel_name="res.partner",
        index=True,
        ondelete="restrict",
        domain="[('child_link_ids.student_id', '=', student_id)]",
    )
    agency_id = fields.Many2one(
        comodel_name="res.partner",
        string="Outside Agency",
        required=True,
        index=True,
        ondelete="restrict",
        help="Who may receive information about the student.",
    )
    purpose = fields.Char(required=True, help="What may be shared, and why.")
    given_on = fields.Date(required=True, default=fields.Date.context_today)
    expires_on = fields.Date()
    withdrawn_on = fields.Date(copy=False)
    document = fields.Binary(string="Signed Form", attachment=True, copy=False)
    document_name = fields.Char()
    state = fields.Selection(
        selection=[("valid", "Valid"), ("expired", "Expired"), ("withdrawn", "Withdrawn")],
        compute="_compute_state",
    )

    def _compute_display_name(self):
        for consent in self:
            consent.display_name = _("Consent %(id)s", id=consent.id or "")

    @api.depends("expires_on", "withdrawn_on", "given_on")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for consent in self:
            consent.state = (
                "withdrawn"
                if consent.withdrawn_on and consent.withdrawn_on <= today
                else "expired"
                if consent.expires_on and consent.expires_on < today
                else "valid"
            )

    @api.constrains("given_by", "guardian_id", "student_id", "given_on")
    def _check_giver(self):
        age_limit = self._consent_age()
        for consent in self:
            student = consent.student_id
            minor = bool(
                student.birth_date
                and student.birth_date + relativedelta(years=age_limit) > consent.given_on
            )
            if consent.given_by == "student" and minor:
                raise ValidationError(
                    _(
                        "%(name)s is under %(age)s: a guardian with custody must give consent.",
                        name=student.name,
                        age=age_limit,
                    )
                )
            if consent.given_by == "guardian":
                custodians = student.guardian_link_ids.filtered("has_custody").guardian_id
                if consent.guardian_id not in custodians:
                    raise ValidationError(
                        _("Consent for a student can only be given by a guardian with custody.")
                    )

    @api.constrains("given_on", "expires_on", "withdrawn_on")
    def _check_dates(self):
        for consent in self:
            if consent.expires_on and consent.expires_on < consent.given_on:
                raise ValidationError(_("A consent cannot expire before it was given."))
            if consent.withdrawn_on and consent.withdrawn_on < consent.given_on:
                raise ValidationError(_("A consent cannot be withdrawn before it was given."))

    def write(self, vals):
        result = super().write(vals)
        if vals.get("withdrawn_on"):
            self._end_referrals_on_withdrawal()
        return result

    def action_withdraw(self):
        self.check_access("write")
        self.filtered(lambda c: not c.withdrawn_on)._guarded().write(
            {"withdrawn_on": fields.Date.context_today(self)}
        )
        return True

    def _is_valid_on(self, day):
        self.ensure_one()
        return (
            self.given_on <= day
            and (not self.expires_on or self.expires_on >= day)
            and (not self.withdrawn_on or self.withdrawn_on > day)
        )

    def _end_referrals_on_withdrawal(self):
        # Every referral built on the consent ends, also those the withdrawer cannot see.
        referrals = (
            self.env["student_care.referral"]
            .sudo()
            .search([("consent_id", "in", self.ids), ("state", "in", ("accepted", "active"))])
        )
        referrals._end()

    @api.model
    def _consent_age(self):
        value = self.env["ir.config_parameter"].sudo().get_param("student_care.consent_age")
        return int(value) if value and value.isdigit() else DEFAULT_CONSENT_AGE
