# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..tools import notification

# How many names a refusal lists before "and N more".
NAMES_SHOWN = 5


class StudentCarePortalInvite(models.TransientModel):
    """Invite guardians (and students from the consent age) to the family portal, from a
    selection of contacts or for a whole institution.

    Only records the invitations: the job *Portal: send invitations* creates the logins and
    sends the messages in batches. Care managers and administrators invite; attendance
    officers do not, because a login decides who sees a child, and the family data is the
    care manager's (only they edit students and their families).
    """

    _name = "student_care.portal.invite"
    _description = "Invite to the Family Portal"

    scope = fields.Selection(
        selection=[
            ("selected", "The selected contacts"),
            ("institution", "Every guardian of an institution"),
        ],
        required=True,
        default="selected",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Institution",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Contacts",
        default=lambda self: self._default_partner_ids(),
    )
    include_students = fields.Boolean(
        string="Also Students from the Consent Age",
        help="Students old enough to give consent themselves get their own login (with "
        "their own e-mail address) to see their attendance and the consents they gave.",
    )
    consent_age = fields.Integer(compute="_compute_counts")
    to_invite_count = fields.Integer(string="To Invite", compute="_compute_counts")
    by_email_count = fields.Integer(string="By E-mail", compute="_compute_counts")
    by_sms_count = fields.Integer(string="By Text Message", compute="_compute_counts")
    already_user_count = fields.Integer(string="Already Users", compute="_compute_counts")
    queued_count = fields.Integer(string="Invitation on Its Way", compute="_compute_counts")
    no_contact_count = fields.Integer(string="Without E-mail or Mobile", compute="_compute_counts")
    no_right_count = fields.Integer(string="No Legal Right", compute="_compute_counts")
    too_young_count = fields.Integer(string="Students Too Young", compute="_compute_counts")
    refusal = fields.Text(compute="_compute_counts")

    @api.model
    def _default_partner_ids(self):
        if self.env.context.get("active_model") == "res.partner":
            return [fields.Command.set(self.env.context.get("active_ids") or [])]
        return []

    @api.depends("scope", "company_id", "partner_ids", "include_students")
    def _compute_counts(self):
        for wizard in self:
            buckets = wizard._buckets()
            wizard.consent_age = buckets["consent_age"]
            wizard.by_email_count = len(buckets["email"])
            wizard.by_sms_count = len(buckets["sms"])
            wizard.to_invite_count = wizard.by_email_count + wizard.by_sms_count
            wizard.already_user_count = len(buckets["user"])
            wizard.queued_count = len(buckets["queued"])
            wizard.no_contact_count = len(buckets["no_contact"])
            wizard.no_right_count = len(buckets["no_right"])
            wizard.too_young_count = len(buckets["too_young"])
            wizard.refusal = wizard._refusal_message(buckets)

    def _candidate_domain(self):
        self.ensure_one()
        if self.scope == "selected":
            return [("id", "in", self.partner_ids.ids)]
        guardians = [
            ("is_student", "=", False),
            ("child_link_ids.company_id", "=", self.company_id.id),
        ]
        if not self.include_students:
            return guardians
        students = [
            ("is_student", "=", True),
            ("company_id", "=", self.company_id.id),
            ("enrolment_status", "=", "enrolled"),
        ]
        return expression.OR([guardians, students])

    def _buckets(self):
        """Who of the candidates gets what: sets of partner ids, computed with searches
        (a whole institution is tens of thousands of guardians)."""
        self.ensure_one()
        partners = self.env["res.partner"]
        consent_age = self.env["student_care.consent"]._consent_age()
        empty = {
            key: set()
            for key in ("user", "queued", "no_right", "too_young", "email", "sms", "no_contact")
        }
        if not self.company_id or (self.scope == "selected" and not self.partner_ids):
            return {**empty, "consent_age": consent_age}
        base = self._candidate_domain()
        ids = lambda domain: set(partners.search([*base, *domain]).ids)  # noqa: E731
        user = ids([("user_ids", "!=", False)])
        waiting = self.env["student_care.portal.invitation"]._read_group(
            [("state", "=", "queued")], ["partner_id"]
        )
        queued = ids([("user_ids", "=", False), ("id", "in", [p.id for (p,) in waiting])])
        todo = [("user_ids", "=", False), ("id", "not in", list(queued))]
        guardians = [("is_student", "=", False), *todo]
        right = [("child_link_ids", "any", [("has_portal_access", "=", True)])]
        no_right = ids([*guardians, "!", *right])
        sms = ids(
            [
                *guardians,
                *right,
                ("child_link_ids", "any", [("preferred_channel", "=", "sms")]),
                ("mobile", "!=", False),
            ]
        )
        email = ids([*guardians, *right, ("email", "!=", False)]) - sms
        no_contact = ids([*guardians, *right]) - sms - email
        students = [("is_student", "=", True), *todo]
        born_by = fields.Date.context_today(self) - relativedelta(years=consent_age)
        old_enough = [("birth_date", "!=", False), ("birth_date", "<=", born_by)]
        too_young = ids([*students, "!", "&", *old_enough])
        email |= ids([*students, *old_enough, ("email", "!=", False)])
        no_contact |= ids([*students, *old_enough, ("email", "=", False)])
        return {
            "consent_age": consent_age,
            "user": user,
            "queued": queued,
            "no_right": no_right,
            "too_young": too_young,
            "email": email,
            "sms": sms,
            "no_contact": no_contact,
        }

    def _refusal_message(self, buckets):
        if not buckets["too_young"]:
            return False
        too_young = sorted(buckets["too_young"])
        names = self.env["res.partner"].browse(too_young[:NAMES_SHOWN]).mapped("name")
        shown = ", ".join(names)
        if len(too_young) > NAMES_SHOWN:
            shown = _(
                "%(names)s and %(count)s more", names=shown, count=len(too_young) - NAMES_SHOWN
            )
        return _(
            "Not invited: %(names)s. A student gets their own portal login from the age of "
            "%(age)s (with a known date of birth); until then their guardians see them.",
            names=shown,
            age=buckets["consent_age"],
        )

    def action_confirm(self):
        """Queue one invitation per person to invite; the job sends them."""
        self.ensure_one()
        self.env["student_care.portal.invitation"].check_access("create")
        buckets = self._buckets()
        if not buckets["email"] and not buckets["sms"]:
            raise UserError(
                self._refusal_message(buckets)
                or _(
                    "Nobody to invite: everyone selected already has a login, is waiting for "
                    "an invitation, has no legal right to see a child or has no e-mail address "
                    "or mobile number."
                )
            )
        partners = self.env["res.partner"].browse(sorted(buckets["email"] | buckets["sms"]))
        invitations = self.env["student_care.portal.invitation"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": (
                        partner.company_id
                        or partner.child_link_ids.filtered("has_portal_access")[:1].company_id
                        or self.company_id
                    ).id,
                    "kind": "student" if partner.is_student else "guardian",
                    "channel": "sms" if partner.id in buckets["sms"] else "email",
                }
                for partner in partners
            ]
        )
        self.env.ref("student_care.ir_cron_portal_invitation_send")._trigger()
        return notification(
            _(
                "%(count)s invitations are queued; they are sent in the next minutes.",
                count=len(invitations),
            ),
            title=_("Portal invitations"),
            kind="success",
            close=True,
        )
