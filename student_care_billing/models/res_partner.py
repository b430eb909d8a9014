# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_care_department = fields.Boolean(
        string="Is an Internal Department",
        index=True,
        help="A faculty, school or programme billed internally for care services.",
    )
    care_analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account",
        string="Department Analytic Account",
        index=True,
        help="Internal invoices to this department are distributed to this account. "
        "Created with the department when left empty.",
    )

    @api.constrains("is_care_department", "is_student")
    def _check_department_not_student(self):
        if any(p.is_care_department and p.is_student for p in self):
            raise ValidationError(_("A student cannot be an internal department."))

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("is_care_department")._ensure_department_analytic_account()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if vals.get("is_care_department") or "care_analytic_account_id" in vals:
            self.filtered("is_care_department")._ensure_department_analytic_account()
        return result

    def _ensure_department_analytic_account(self):
        """Give every department without one an analytic account in the Departments plan.

        Configuration step: whoever may set up departments (billing officers, care
        managers) may not manage analytic plans, so the account is made as superuser;
        it only carries the department's name.
        """
        missing = self.filtered(lambda p: not p.care_analytic_account_id)
        if not missing:
            return
        plan = self.env.ref("student_care_billing.account_analytic_plan_department")
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                [
                    {
                        "name": partner.name,
                        "plan_id": plan.id,
                        "company_id": partner.company_id.id,
                        "partner_id": partner.id,
                    }
                    for partner in missing
                ]
            )
        )
        for partner, account in zip(missing, accounts, strict=True):
            partner.care_analytic_account_id = account
