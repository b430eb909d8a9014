# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# What a stage means to the desk: the code moves inquiries by kind, never by name, so
# stages can be renamed, reordered or added in Configuration.
STAGE_KINDS = [
    ("new", "New"),
    ("progress", "In progress"),
    ("waiting", "Waiting for family"),
    ("answered", "Answered"),
    ("closed", "Closed"),
]


class StudentCareInquiryStage(models.Model):
    _name = "student_care.inquiry.stage"
    _description = "Inquiry Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=STAGE_KINDS,
        required=True,
        default="progress",
        help="What the stage means: a staff reply moves an inquiry to the first 'Waiting for "
        "family' stage, a family reply back to 'In progress', the family's 'my question is "
        "answered' to 'Answered'; a 'Closed' stage asks the family for a rating.",
    )
    fold = fields.Boolean(string="Folded in Pipeline")
    is_closed = fields.Boolean(compute="_compute_is_closed", store=True)
    description = fields.Text(translate=True)

    @api.depends("kind")
    def _compute_is_closed(self):
        for stage in self:
            stage.is_closed = stage.kind == "closed"

    @api.model
    def _first_of_kind(self, kind):
        return self.search([("kind", "=", kind)], limit=1)
