# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StudentCareGuardianLink(models.Model):
    """The link between a student and one of their guardians (a family relation)."""

    _name = "student_care.guardian.link"
    _inherit = ["student_care.student.mixin"]
    _description = "Student-Guardian Link"
    _order = "student_id, sequence, id"
    _rec_name = "guardian_id"

    sequence = fields.Integer(
        string="Contact Order",
        default=10,
        help="Guardians are called in this order (lowest first).",
    )
    guardian_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_student', '=', False), ('is_company', '=', False)]",
    )
    # The family belongs where the student is enrolled, also after a transfer: the
    # institution follows the student instead of being fixed when the link is made.
    company_id = fields.Many2one(
        related="student_id.company_id", store=True, required=False, default=None
    )
    relationship = fields.Selection(
        selection=[
            ("mother", "Mother"),
            ("father", "Father"),
            ("legal_guardian", "Legal guardian"),
            ("foster_parent", "Foster parent"),
            ("other", "Other"),
        ],
        required=True,
        default="legal_guardian",
    )
    has_custody = fields.Boolean(default=True)
    is_access_denied = fields.Boolean(
        string="No Access",
        help="A court order or a protected address: this guardian learns nothing about "
        "this child from the school (no portal, no notices), whatever the relationship.",
    )
    # The legal right to see the child's school life on the portal: custody or legal
    # guardianship, and no "no access" flag. The family reader set of the student (and so
    # every portal rule) tests this one field.
    has_portal_access = fields.Boolean(
        string="Sees the Child on the Portal",
        compute="_compute_has_portal_access",
        store=True,
        index=True,
        help="Guardians with custody or legal guardianship see this child on the portal, "
        "unless the link is flagged No Access.",
    )
    is_living_with_student = fields.Boolean(string="Lives with the Student", default=True)
    is_emergency_contact = fields.Boolean(string="Emergency Contact")
    is_notice_recipient = fields.Boolean(
        string="Receives Attendance Notices",
        default=True,
        help="Attendance and truancy notices are sent only to guardians with this box ticked.",
    )
    preferred_channel = fields.Selection(
        selection=[
            ("phone", "Phone call"),
            ("sms", "Text message"),
            ("email", "E-mail"),
            ("portal", "Portal only"),
            ("letter", "Letter"),
        ],
        default="phone",
    )
    lang = fields.Selection(
        selection="_selection_lang",
        string="Preferred Language",
        help="Language for calls and notices; defaults to the guardian's language.",
    )
    # Handy for lists and calling: read through the guardian contact.
    phone = fields.Char(related="guardian_id.phone")
    mobile = fields.Char(related="guardian_id.mobile")
    email = fields.Char(related="guardian_id.email")

    _sql_constraints = [
        (
            "student_guardian_uniq",
            "unique(student_id, guardian_id)",
            "This person is already a guardian of this student.",
        ),
    ]

    @api.depends("has_custody", "relationship", "is_access_denied")
    def _compute_has_portal_access(self):
        for link in self:
            link.has_portal_access = not link.is_access_denied and (
                link.has_custody or link.relationship == "legal_guardian"
            )

    @api.model
    def _selection_lang(self):
        return self.env["res.lang"].get_installed()

    @api.constrains("student_id")
    def _check_student(self):
        # The institution is the student's own (related), so only a new student needs the
        # mixin's check, not a recomputed institution.
        return super()._check_student()

    @api.constrains("student_id", "guardian_id")
    def _check_student_guardian(self):
        for link in self:
            if link.student_id == link.guardian_id:
                raise ValidationError(
                    _("%(name)s cannot be their own guardian.", name=link.student_id.name)
                )
            if link.guardian_id.is_student:
                raise ValidationError(
                    _(
                        "%(name)s is a student and cannot be registered as a guardian.",
                        name=link.guardian_id.name,
                    )
                )

    @api.onchange("guardian_id")
    def _onchange_guardian_id(self):
        if self.guardian_id and not self.lang:
            self.lang = self.guardian_id.lang
