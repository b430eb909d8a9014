# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StudentCareCaseStage(models.Model):
    _name = "student_care.case.stage"
    _description = "Care Case Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(
        string="Folded in Pipeline", help="Folded stages are collapsed in the kanban view."
    )
    is_closed = fields.Boolean(
        string="Closing Stage", help="Cases in this stage are closed and need an outcome."
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
