# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.student_care.tools import window_action


class StudentCareCase(models.Model):
    _inherit = "student_care.case"

    department_override_id = fields.Many2one(
        comodel_name="res.partner",
        string="Paying Department (Override)",
        index=True,
        domain="[('is_care_department', '=', True), ('company_id', 'in', [company_id, False])]",
        help="Bill this case's services to this department instead of the one of the "
        "student's programme.",
    )
    billing_department_id = fields.Many2one(
        comodel_name="res.partner",
        string="Paying Department",
        compute="_compute_billing_department_id",
        help="The override if set, otherwise the department of the student's programme.",
    )
    service_delivery_ids = fields.One2many(
        comodel_name="student_care.service.delivery",
        inverse_name="case_id",
        string="Care Services",
    )
    service_delivery_count = fields.Integer(
        string="Services", compute="_compute_service_delivery_count"
    )

    @api.depends("department_override_id", "student_id.programme_id.department_id")
    def _compute_billing_department_id(self):
        for case in self:
            case.billing_department_id = (
                case.department_override_id or case.student_id.programme_id.department_id
            )

    @api.depends("service_delivery_ids")
    def _compute_service_delivery_count(self):
        groups = self.env["student_care.service.delivery"]._read_group(
            [("case_id", "in", self.ids)], ["case_id"], ["__count"]
        )
        counts = {case.id: count for case, count in groups}
        for case in self:
            case.service_delivery_count = counts.get(case.id, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_billed_services(self):
        # Unbilled services go with their case; billed ones keep it. Sudo: whoever may
        # delete the case must be stopped even by services they cannot see.
        billed = (
            self.env["student_care.service.delivery"]
            .sudo()
            .search_count([("case_id", "in", self.ids), ("invoice_line_id", "!=", False)], limit=1)
        )
        if billed:
            raise UserError(
                _("This case has invoiced care services: archive it instead of deleting it.")
            )

    def action_log_service(self):
        """Log a delivered service in two clicks: this button, then Save. The service
        defaults to the one this provider logged last (else the first care service)."""
        self.ensure_one()
        services = self.env["student_care.service.delivery"]
        last = services.search([("provider_id", "=", self.env.uid)], order="id desc", limit=1)
        product = last.product_id or self.env["product.product"].search(
            [("is_care_service", "=", True)], limit=1
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Log a Care Service"),
            "res_model": services._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_case_id": self.id, "default_product_id": product.id},
        }

    def action_view_service_deliveries(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care_billing.student_care_service_delivery_action",
            domain=[("case_id", "=", self.id)],
            context={"default_case_id": self.id},
        )
