# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StudentCareTeam(models.Model):
    _name = "student_care.team"
    _description = "Care Team"
    _inherit = ["student_care.institution.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    # From student_care.institution.mixin; deleted with its institution.
    company_id = fields.Many2one(ondelete="cascade")
    manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Care Manager",
        domain="[('share', '=', False)]",
        help="Receives escalations of this team's cases.",
    )
    member_ids = fields.Many2many(
        comodel_name="res.users",
        relation="student_care_team_member_rel",
        column1="team_id",
        column2="user_id",
        string="Members",
        domain="[('share', '=', False)]",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    @api.model
    def _first_of(self, company):
        """The institution's first care team: new cases go to it and to its manager."""
        return self.search([("company_id", "=", company.id)], limit=1)
