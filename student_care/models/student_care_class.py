# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import window_action


class StudentCareClass(models.Model):
    _name = "student_care.class"
    _description = "Class / Homeroom"
    _inherit = ["student_care.institution.mixin"]
    _order = "grade_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    # From student_care.institution.mixin; deleted with its institution.
    company_id = fields.Many2one(ondelete="cascade")
    grade_id = fields.Many2one(
        comodel_name="student_care.grade",
        index=True,
        check_company=True,
    )
    mentor_id = fields.Many2one(
        comodel_name="res.users",
        string="Homeroom Teacher",
        index=True,
        domain="[('share', '=', False)]",
    )
    teacher_ids = fields.Many2many(
        comodel_name="res.users",
        relation="student_care_class_teacher_rel",
        column1="class_id",
        column2="user_id",
        string="Teachers",
        domain="[('share', '=', False)]",
        help="Teachers who take the roll call for this class.",
    )
    student_ids = fields.One2many(
        comodel_name="res.partner", inverse_name="class_id", string="Students"
    )
    student_count = fields.Integer(compute="_compute_student_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A class name must be unique per institution.",
        ),
    ]

    @api.depends("student_ids")
    def _compute_student_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("class_id", "in", self.ids), ("is_student", "=", True)],
                ["class_id"],
                ["__count"],
            )
        )
        for rec in self:
            rec.student_count = counts.get(rec, 0)

    def action_view_students(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care.res_partner_action_student",
            domain=[("class_id", "=", self.id)],
            context={"default_class_id": self.id, "default_is_student": True},
        )
