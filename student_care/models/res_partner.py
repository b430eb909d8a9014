# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from stdnum import exceptions as stdnum_exceptions
from stdnum.be import nn as be_nn
from stdnum.de import idnr as de_idnr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.it import codicefiscale as it_cf
from stdnum.nl import bsn as nl_bsn
from stdnum.us import ssn as us_ssn

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import window_action
from .access import CARE_GROUP as CARE_ID_GROUPS
from .access import reader_set, user_ids

# Country code -> ((label, stdnum module), ...): a number is valid if any scheme accepts it.
NATIONAL_ID_SCHEMES = {
    "NL": (("BSN (burgerservicenummer)", nl_bsn),),
    "BE": (("national register number (rijksregisternummer)", be_nn),),
    "US": (("Social Security Number", us_ssn),),
    "FR": (("NIR (numéro de sécurité sociale)", fr_nir),),
    "DE": (("tax identification number (Steuer-IdNr)", de_idnr),),
    "ES": (("DNI", es_dni), ("NIE", es_nie)),
    "IT": (("codice fiscale", it_cf),),
    "GB": (("NHS number", gb_nhs),),
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_student = fields.Boolean(string="Is a Student", index=True, tracking=True)
    student_number = fields.Char(index=True, copy=False, tracking=True)
    birth_date = fields.Date(string="Date of Birth")
    age = fields.Integer(compute="_compute_age", help="Age in whole years, today.")
    grade_id = fields.Many2one(
        comodel_name="student_care.grade",
        index=True,
        tracking=True,
    )
    class_id = fields.Many2one(
        comodel_name="student_care.class",
        index=True,
        tracking=True,
    )
    # Staff names are for staff: the family portal shows the child, not who teaches them.
    mentor_id = fields.Many2one(
        comodel_name="res.users",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        groups="base.group_user",
    )
    programme_id = fields.Many2one(
        comodel_name="student_care.programme",
        index=True,
        tracking=True,
    )
    enrolment_status = fields.Selection(
        selection=[
            ("enrolled", "Enrolled"),
            ("on_leave", "On leave"),
            ("withdrawn", "Withdrawn"),
            ("graduated", "Graduated"),
            ("dropped_out", "Dropped out"),
        ],
        index=True,
        tracking=True,
    )
    enrolment_date = fields.Date(string="Enrolled On", tracking=True)
    status_date = fields.Date(
        string="Status Since",
        tracking=True,
        help="Date from which the current enrolment status applies (start of leave, "
        "date of withdrawal, graduation or drop-out).",
    )
    national_id = fields.Char(
        string="National ID Number",
        groups=CARE_ID_GROUPS,
        copy=False,
        help="Validated for the student's country where a rule is known "
        "(NL, BE, US, FR, DE, ES, IT, GB). Visible to the care team only.",
    )
    guardian_link_ids = fields.One2many(
        comodel_name="student_care.guardian.link",
        inverse_name="student_id",
        string="Guardians",
    )
    child_link_ids = fields.One2many(
        comodel_name="student_care.guardian.link",
        inverse_name="guardian_id",
        string="Children",
    )
    is_guardian = fields.Boolean(
        compute="_compute_is_guardian", store=True, index=True, string="Is a Guardian"
    )
    guardian_count = fields.Integer(compute="_compute_guardian_count")
    child_count = fields.Integer(compute="_compute_guardian_count")
    care_referral_ids = fields.One2many(
        comodel_name="student_care.referral",
        inverse_name="student_id",
        string="Care Referrals",
        groups="student_care.student_care_group_care_worker,"
        "student_care.student_care_group_specialist",
        help="For record rules: which specialists currently follow this student.",
    )
    care_case_ids = fields.One2many(
        comodel_name="student_care.case",
        inverse_name="student_id",
        string="Care Cases",
        groups="student_care.student_care_group_care_worker",
        help="For record rules: the cases about this student.",
    )
    # Reader sets: who reads a student's records by their place in the school. Record
    # rules of every model about a student test these, so each idea is written once here.
    teacher_user_ids = reader_set(
        "_compute_teacher_user_ids",
        "_search_teacher_user_ids",
        string="Own Teachers",
        help="The student's mentor, and the mentor and teachers of the student's class.",
        groups="base.group_user",
    )
    specialist_user_ids = reader_set(
        "_compute_specialist_user_ids",
        "_search_specialist_user_ids",
        string="Referred To",
        help="Specialists and agency contacts following this student through an active "
        "referral.",
        groups=CARE_ID_GROUPS,
    )
    family_user_ids = reader_set(
        "_compute_family_user_ids",
        "_search_family_user_ids",
        string="Family Portal Users",
        help="Portal users who see this student: guardians with custody or legal "
        "guardianship and no 'no access' flag, and the student's own login.",
        groups="base.group_user",
    )
    portal_updated_date = fields.Datetime(
        string="Updated on the Portal",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="base.group_user",
        help="When this guardian last changed their own contact details on the portal "
        "(the chatter lists what changed).",
    )
    open_case_count = fields.Integer(
        string="Open Care Cases",
        compute="_compute_open_case_count",
        compute_sudo=False,
        groups="base.group_user",
        help="Open care cases of this student that you may know about.",
    )

    _sql_constraints = [
        (
            "student_number_company_uniq",
            "unique(student_number, company_id)",
            "This student number is already used by another student of this institution.",
        ),
    ]

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.age = (
                relativedelta(today, partner.birth_date).years if partner.birth_date else 0
            )

    @api.depends("child_link_ids")
    def _compute_is_guardian(self):
        for partner in self:
            partner.is_guardian = bool(partner.child_link_ids)

    @api.depends("guardian_link_ids", "child_link_ids")
    def _compute_guardian_count(self):
        for partner in self:
            partner.guardian_count = len(partner.guardian_link_ids)
            partner.child_count = len(partner.child_link_ids)

    @api.depends("mentor_id", "class_id.mentor_id", "class_id.teacher_ids")
    def _compute_teacher_user_ids(self):
        for partner in self:
            partner.teacher_user_ids = (
                partner.mentor_id | partner.class_id.mentor_id | partner.class_id.teacher_ids
            )

    def _search_teacher_user_ids(self, operator, value):
        users = user_ids(self, "teacher_user_ids", operator, value)
        return [
            "|",
            "|",
            ("mentor_id", "in", users),
            ("class_id.mentor_id", "in", users),
            ("class_id.teacher_ids", "in", users),
        ]

    @api.depends("care_referral_ids.reader_id", "care_referral_ids.state")
    def _compute_specialist_user_ids(self):
        for partner in self:
            partner.specialist_user_ids = partner.care_referral_ids._active_readers()

    def _search_specialist_user_ids(self, operator, value):
        active = self.env["student_care.referral"]._domain_active_for(
            user_ids(self, "specialist_user_ids", operator, value)
        )
        return [("care_referral_ids", "any", active)]

    @api.depends(
        "is_student",
        "user_ids.share",
        "guardian_link_ids.has_portal_access",
        "guardian_link_ids.guardian_id.user_ids.share",
    )
    def _compute_family_user_ids(self):
        for partner in self:
            users = partner.guardian_link_ids.filtered("has_portal_access").guardian_id.user_ids
            if partner.is_student:
                users |= partner.user_ids
            partner.family_user_ids = users.filtered("share") if partner.is_student else False

    def _search_family_user_ids(self, operator, value):
        # Portal logins only: an internal user never reads a student as family.
        portal_users = [
            ("id", "in", user_ids(self, "family_user_ids", operator, value)),
            ("share", "=", True),
        ]
        return [
            ("is_student", "=", True),
            "|",
            (
                "guardian_link_ids",
                "any",
                [
                    ("has_portal_access", "=", True),
                    ("guardian_id.user_ids", "any", portal_users),
                ],
            ),
            ("user_ids", "any", portal_users),
        ]

    def _compute_open_case_count(self):
        # Counted through the case status view with the user's own rights: a teacher counts
        # only their own students' cases, a role without access counts nothing.
        status = self.env["student_care.case.status"]
        counts = {}
        if status.has_access("read"):
            counts = dict(
                status._read_group(
                    [("student_id", "in", self._origin.ids), ("is_closed", "=", False)],
                    ["student_id"],
                    ["__count"],
                )
            )
        for partner in self:
            partner.open_case_count = counts.get(partner._origin, 0)

    @api.constrains("is_student", "student_number", "company_id", "parent_id")
    def _check_student_identity(self):
        for partner in self.filtered("is_student"):
            if partner.parent_id:
                # Odoo's portal lets a contact's parent read it ("my commercial partner"),
                # whatever custody says: a family is made of guardian links only.
                raise ValidationError(
                    _(
                        "Student %(name)s cannot be filed under another contact "
                        "(%(parent)s): link guardians to the student instead.",
                        name=partner.name,
                        parent=partner.parent_id.name,
                    )
                )
            if not partner.company_id:
                raise ValidationError(
                    _("Student %(name)s must belong to an institution.", name=partner.name)
                )
            if not partner.student_number:
                raise ValidationError(
                    _("Student %(name)s needs a student number.", name=partner.name)
                )

    @api.constrains("class_id", "grade_id", "programme_id", "company_id")
    def _check_student_institution(self):
        for partner in self.filtered("is_student"):
            for record in (partner.class_id, partner.grade_id, partner.programme_id):
                if record.company_id and record.company_id != partner.company_id:
                    raise ValidationError(
                        _(
                            "%(record)s belongs to %(other)s, but student %(name)s is "
                            "enrolled at %(institution)s.",
                            record=record.display_name,
                            other=record.company_id.name,
                            name=partner.name,
                            institution=partner.company_id.name,
                        )
                    )

    @api.constrains("national_id", "country_id")
    def _check_national_id(self):
        for partner in self:
            error = partner._national_id_error()
            if error:
                raise ValidationError(error)

    @api.onchange("class_id")
    def _onchange_class_id(self):
        if self.class_id:
            self.grade_id = self.class_id.grade_id or self.grade_id
            self.mentor_id = self.mentor_id or self.class_id.mentor_id

    @api.onchange("enrolment_status")
    def _onchange_enrolment_status(self):
        self.status_date = fields.Date.context_today(self)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_student"):
                vals.setdefault("enrolment_status", "enrolled")
                vals.setdefault("type", "contact")
        return super().create(vals_list)

    def action_view_guardians(self):
        self.ensure_one()
        return self._action_family(
            _("Guardians of %(name)s", name=self.name), [("student_id", "=", self.id)]
        )

    def action_view_children(self):
        self.ensure_one()
        return self._action_family(
            _("Children of %(name)s", name=self.name), [("guardian_id", "=", self.id)]
        )

    def action_report_concern(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care.student_care_case_signal_action",
            context={"default_student_id": self.id},
        )

    def action_view_case_status(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care.student_care_case_status_action",
            domain=[("student_id", "=", self.id)],
            context={},
        )

    @api.model
    def _portal_family_students(self, domain=None):
        """The students the current portal user sees on the portal: their children with a
        legal right (custody or legal guardianship, no "No Access" flag) and, for a
        student's own login, themself.

        The family reader set is staff-only (a portal user may not search on it), so the
        set is evaluated as superuser for exactly the current user; the students are then
        searched with the user's own rights, so only what the family record rule grants
        comes back (also never a contact the user merely reads as their own company).
        """
        if not self.env.user.share or self.env.user._is_public():
            return self.browse()
        family = self.sudo()._search([("family_user_ids", "in", [self.env.uid])])
        return self.search([("id", "in", family), *(domain or [])], order="name, id")

    def _portal_card_values(self):
        """What the portal shows about a student: name, class, grade and institution only
        (display names as Odoo's ``read`` gives them), never staff or care data."""
        values = {}
        for row in self.read(["name", "class_id", "grade_id", "company_id"]):
            values[row["id"]] = {
                "name": row["name"],
                "class": row["class_id"] and row["class_id"][1],
                "grade": row["grade_id"] and row["grade_id"][1],
                "institution": row["company_id"] and row["company_id"][1],
                "is_self": row["id"] == self.env.user.partner_id.id,
            }
        return values

    def _portal_update_family_details(self, values, links):
        """Write what a guardian changed on the portal (``values``: phone, mobile, email,
        lang and preferred_channel, already validated; ``links``: their own guardian
        links) and tell the office: an internal note listing old -> new, and the date the
        guardians list filters on. Called by the portal controller on the user's own
        contact only."""
        self.ensure_one()
        link_model = self.env["student_care.guardian.link"]
        labels = {
            "phone": self._fields["phone"]._description_string(self.env),
            "mobile": self._fields["mobile"]._description_string(self.env),
            "email": self._fields["email"]._description_string(self.env),
            "lang": self._fields["lang"]._description_string(self.env),
            "preferred_channel": link_model._fields["preferred_channel"]._description_string(
                self.env
            ),
        }
        langs = dict(self.env["res.lang"].get_installed())
        channels = dict(link_model._fields["preferred_channel"]._description_selection(self.env))
        partner_vals = {
            name: values[name] or False
            for name in ("phone", "mobile", "email", "lang")
            if (values[name] or False) != (self[name] or False)
        }
        changes = [
            (
                labels[name],
                langs.get(self[name], self[name]) if name == "lang" else self[name],
                langs.get(new, new) if name == "lang" else new,
            )
            for name, new in partner_vals.items()
        ]
        link_vals = {}
        channel = values.get("preferred_channel")
        if channel and channel != "keep":
            changed = links.filtered(lambda link: link.preferred_channel != channel)
            if changed:
                link_vals["preferred_channel"] = channel
                old = ", ".join(sorted({channels[c] for c in changed.mapped("preferred_channel")}))
                changes.append((labels["preferred_channel"], old, channels[channel]))
        if "lang" in partner_vals:
            link_vals["lang"] = partner_vals["lang"]
        if not changes:
            return False
        self.write(partner_vals)
        if link_vals:
            links.write(link_vals)
        self._portal_note_changes(changes)
        return True

    def _portal_account_changes(self, values):
        """(label, old, new) of what Odoo's /my/account form is about to write."""
        self.ensure_one()
        changes = []
        for name, new in values.items():
            field = self._fields.get(name)
            if not field:
                continue
            old = self[name]
            if field.type == "many2one":
                new_record = self.env[field.comodel_name].browse(new or [])
                if new_record == old:
                    continue
                old, new = old.display_name, new_record.display_name
            elif (old or False) == (new or False):
                continue
            changes.append((field._description_string(self.env), old, new))
        return changes

    def _portal_note_changes(self, changes):
        """Tell the office what a family member changed on the portal: an internal note
        listing old -> new, and the date the guardians list filters on."""
        self.ensure_one()
        if not changes:
            return
        self.write({"portal_updated_date": fields.Datetime.now()})
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            _("Contact details updated on the portal:"),
            Markup().join(
                Markup("<li>%s: %s &#8594; %s</li>") % (label, old or "–", new or "–")
                for label, old, new in changes
            ),
        )
        self.message_post(
            body=body,
            subtype_xmlid="mail.mt_note",
            message_type="comment",
            author_id=self.id,
        )

    def _action_family(self, title, domain):
        return window_action(
            self.env,
            "student_care.student_care_guardian_link_action",
            name=title,
            domain=domain,
            context={},
        )

    def _check_student_of(self, company):
        """Raise unless this partner is a student enrolled at ``company`` (for records that
        belong to a student: cases, attendance...)."""
        self.ensure_one()
        if not self.is_student:
            raise ValidationError(_("%(name)s is not a student.", name=self.display_name))
        if self.company_id != company:
            raise ValidationError(
                _(
                    "%(name)s is enrolled at %(school)s, not at %(institution)s.",
                    name=self.display_name,
                    school=self.company_id.name,
                    institution=company.name,
                )
            )

    def _national_id_reason(self, error):
        """Say in plain words which rule a number failed."""
        if isinstance(error, stdnum_exceptions.InvalidChecksum):
            return _("its check digit does not match (probably a typing error)")
        if isinstance(error, stdnum_exceptions.InvalidLength):
            return _("it has the wrong number of characters")
        if isinstance(error, stdnum_exceptions.InvalidFormat):
            return _("it contains characters that are not allowed or are in the wrong place")
        if isinstance(error, stdnum_exceptions.InvalidComponent):
            return _("a part of it (such as a date of birth or a region code) is not valid")
        return _("it is not a valid number")

    def _national_id_error(self):
        """Return a translated message if this partner's national id is invalid."""
        self.ensure_one()
        number = self.national_id
        if not number:
            return False
        country = self.country_id or self.company_id.country_id
        schemes = NATIONAL_ID_SCHEMES.get(country.code or "")
        if not schemes:
            return False  # no known rule for this country: accepted as given
        failures = []
        for label, module in schemes:
            try:
                module.validate(number)
                return False
            except stdnum_exceptions.ValidationError as error:
                failures.append((label, error))
        label, error = failures[0]
        return _(
            "The national ID number %(number)s of %(name)s is not a valid %(label)s for "
            "%(country)s: %(reason)s.",
            number=number,
            name=self.name,
            label=" / ".join(scheme[0] for scheme in schemes) if len(schemes) > 1 else label,
            country=country.name,
            reason=self._national_id_reason(error),
        )
