# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CARE_CATEGORIES = [
    ("intake", "Intake"),
    ("counselling", "Counselling"),
    ("psychology", "Psychology"),
    ("psychiatry", "Psychiatry"),
    ("social_work", "Social Work"),
    ("debt", "Debt Counselling"),
    ("addiction", "Addiction Counselling"),
    ("study_skills", "Study Skills"),
    ("group", "Group Work"),
]
PROVIDER_TYPES = [
    ("care_worker", "Care Worker"),
    ("specialist", "Specialist"),
    ("agency", "Outside Agency"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_care_service = fields.Boolean(
        string="Is a Care Service",
        index=True,
        help="Offered by the care team and billed internally to departments.",
    )
    care_category = fields.Selection(selection=CARE_CATEGORIES)
    care_duration = fields.Float(
        string="Default Duration (hours)", help="How long one session usually takes."
    )
    care_provider_type = fields.Selection(
        selection=PROVIDER_TYPES,
        string="Delivered By",
        default="care_worker",
        help="Who may deliver this service.",
    )

    @api.constrains("is_care_service", "type")
    def _check_care_service_type(self):
        for product in self:
            if product.is_care_service and product.type != "service":
                raise ValidationError(
                    _("Care service %(name)s must be a service product.", name=product.name)
                )

    @api.onchange("is_care_service")
    def _onchange_is_care_service(self):
        if self.is_care_service:
            self.type = "service"
            self.sale_ok = True
            self.purchase_ok = False
