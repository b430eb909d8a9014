# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StudentCareReferral(models.Model):
    """A case referred to a specialist (internal user) or an outside agency.

    While a referral is active, its specialist (or the agency's contact user) may read the
    case and the notes meant for specialists; when it ends, that access ends.
    """

    _name = "student_care.referral"
    _description = "Referral"
    _order = "date desc, id desc"
    _inherit = ["student_care.safe.export"]
    _check_company_auto = True

    case_id = fields.Many2one(
        comodel_name="student_care.case",
        string="Case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    student_id = fields.Many2one(related="case_id.student_id", store=True, index=True)
    company_id = fields.Many2one(
        related="case_id.company_id", string="Institution", store=True, index=True
    )
    referral_type = fields.Selection(
        selection=[("specialist", "Specialist"), ("agency", "Outside agency")],
        string="Referred To",
        required=True,
        default="specialist",
    )
    specialist_id = fields.Many2one(
        comodel_name="res.users",
        string="Specialist",
        index=True,
        domain="[('share', '=', False)]",
    )
    agency_id = fields.Many2one(comodel_name="res.partner", string="Agency", index=True)
    agency_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Agency Contact (login)",
        index=True,
        help="The agency's worker who logs in to read the case, if any.",
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
        string="Consent",
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

    @api.constrains("referral_type", "specialist_id", "agency_id")
    def _check_target(self):
        for referral in self:
            if referral.referral_type == "specialist" and not referral.specialist_id:
                raise ValidationError(_("Choose the specialist this case is referred to."))
            if referral.referral_type == "agency" and not referral.agency_id:
                raise ValidationError(_("Choose the outside agency this case is referred to."))

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

    def action_accept(self):
        self.write({"state": "accepted"})
        return True

    def action_activate(self):
        self.write({"state": "active"})
        return True

    def action_decline(self):
        self.write({"state": "declined", "end_date": fields.Date.context_today(self)})
        return True

    def action_end(self):
        self.write({"state": "ended", "end_date": fields.Date.context_today(self)})
        return True
