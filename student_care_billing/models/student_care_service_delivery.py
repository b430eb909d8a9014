# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

STATES = [
    ("planned", "Planned"),
    ("delivered", "Delivered"),
    ("cancelled", "Cancelled"),
    ("invoiced", "Invoiced"),
]
CARE_GROUPS = (
    "student_care.student_care_group_care_worker,student_care.student_care_group_specialist"
)
BILLING_GROUP = "student_care.student_care_group_billing_officer"


class StudentCareServiceDelivery(models.Model):
    """One care service delivered (or planned) on a case, billed to a paying department.

    What links a delivery to its case (and so to a student) is readable by the care team
    only (``groups=`` on ``case_id``): billing officers see the department, the service,
    the date, the quantity and the provider, and Odoo refuses to search, group or export
    on the case for them. The display name says only which service on which day.
    """

    _name = "student_care.service.delivery"
    _description = "Delivered Care Service"
    _inherit = ["student_care.institution.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    case_id = fields.Many2one(
        comodel_name="student_care.case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        groups=CARE_GROUPS,
    )
    # The institution comes from student_care.institution.mixin (the case's, see create).
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Service",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('is_care_service', '=', True)]",
    )
    care_category = fields.Selection(related="product_id.care_category", store=True)
    provider_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    quantity = fields.Float(
        default=1.0,
        digits="Product Unit of Measure",
        help="In the service's unit: sessions, or hours for services billed by the hour.",
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    department_id = fields.Many2one(
        comodel_name="res.partner",
        string="Paying Department",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('is_care_department', '=', True)]",
    )
    price_unit = fields.Float(
        string="Internal Price",
        digits="Product Price",
        help="The service's internal price when it was logged.",
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(selection=STATES, required=True, default="delivered", index=True)
    invoice_line_id = fields.Many2one(
        comodel_name="account.move.line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    invoice_id = fields.Many2one(
        related="invoice_line_id.move_id", string="Invoice", store=True, index="btree_not_null"
    )
    credit_line_id = fields.Many2one(
        comodel_name="account.move.line",
        string="Credit Note Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    credit_note_id = fields.Many2one(
        related="credit_line_id.move_id", string="Credit Note", store=True
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive."),
    ]

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for delivery in self:
            delivery.amount = delivery.quantity * delivery.price_unit

    @api.depends("product_id", "date")
    def _compute_display_name(self):
        # Neutral on purpose: display names are read through sudo (see the class docstring).
        for delivery in self:
            delivery.display_name = _(
                "%(service)s on %(date)s",
                service=delivery.product_id.name or _("Service"),
                date=delivery.date or "",
            )

    @api.constrains("product_id")
    def _check_care_service(self):
        for delivery in self:
            if not delivery.product_id.is_care_service:
                raise ValidationError(
                    _("%(name)s is not a care service.", name=delivery.product_id.name)
                )

    @api.constrains("state", "department_id")
    def _check_department(self):
        for delivery in self:
            if delivery.state in ("delivered", "invoiced") and not delivery.department_id:
                raise ValidationError(_("A delivered service needs a paying department."))

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.price_unit = self.product_id.lst_price
            if self.product_id.uom_id == self.env.ref("uom.product_uom_hour"):
                self.quantity = self.product_id.care_duration or 1.0

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        case_id = values.get("case_id") or self.env.context.get("default_case_id")
        if case_id and "department_id" in fields_list and not values.get("department_id"):
            case = self.env["student_care.case"].browse(case_id)
            values["department_id"] = case.billing_department_id.id
            values["company_id"] = case.company_id.id
        return values

    @api.model_create_multi
    def create(self, vals_list):
        cases = self.env["student_care.case"].browse(
            {vals["case_id"] for vals in vals_list if vals.get("case_id")}
        )
        if not self.env.su:
            # Only on a case one may read: the case id alone must not be a way in.
            cases.check_access("read")
        products = self.env["product.product"].browse(
            {vals["product_id"] for vals in vals_list if vals.get("product_id")}
        )
        for vals in vals_list:
            case = cases.browse(vals.get("case_id"))
            if case and not vals.get("company_id"):
                vals["company_id"] = case.company_id.id
            if case and "department_id" not in vals:
                vals["department_id"] = case.billing_department_id.id
            if "price_unit" not in vals and vals.get("product_id"):
                vals["price_unit"] = products.browse(vals["product_id"]).lst_price
        return super().create(vals_list)

    def write(self, vals):
        if self.env.context.get("student_care_billing_run"):
            return super().write(vals)
        billed = self.filtered("invoice_line_id")
        if billed:
            allowed = {"state"} if vals.get("state") == "cancelled" else set()
            if set(vals) - allowed:
                raise UserError(
                    _("An invoiced service can only be cancelled; the next run credits it.")
                )
        if vals.get("state") == "invoiced":
            raise UserError(_("Services become invoiced by the invoicing run only."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_billed(self):
        if self.filtered("invoice_line_id"):
            raise UserError(_("An invoiced service cannot be deleted; cancel it instead."))

    def action_deliver(self):
        self.filtered(lambda d: d.state == "planned").write({"state": "delivered"})
        return True

    def action_cancel(self):
        self.filtered(lambda d: d.state != "cancelled").write({"state": "cancelled"})
        return True

    # --- Internal invoicing -------------------------------------------------------------
    @api.model
    def _get_billable_domain(self, company, date_to):
        """Delivered services not invoiced yet, dated up to the period end (late ones too)."""
        return [
            ("company_id", "=", company.id),
            ("state", "=", "delivered"),
            ("invoice_line_id", "=", False),
            ("date", "<=", date_to),
        ]

    @api.model
    def _get_creditable_domain(self, company):
        """Services cancelled after they were invoiced, not credited yet."""
        return [
            ("company_id", "=", company.id),
            ("state", "=", "cancelled"),
            ("invoice_line_id", "!=", False),
            ("credit_line_id", "=", False),
        ]

    @api.model
    def _check_may_invoice(self, company):
        if self.env.su:
            return
        if not self.env.user.has_group(BILLING_GROUP):
            raise AccessError(_("Only billing officers run the internal invoicing."))
        if company not in self.env.user.company_ids:
            raise AccessError(
                _("You may not invoice the care services of %(company)s.", company=company.name)
            )

    @api.model
    def _invoice_period(self, company, date_from, date_to):
        """Bill a period: one invoice and one credit note (if needed) per department.

        Exactly once: each service records the invoice line it was billed on, and the
        credit-note line once it was reversed. The services are locked (``FOR UPDATE``)
        before they are read, so a concurrent run waits and then fails to serialize (Odoo
        retries it, and the retry finds nothing left to bill).

        The billing officer may read services but not write them: linking them to the
        invoice lines is the run's own step, done as superuser after the check above.
        Returns the invoices and credit notes created.
        """
        self._check_may_invoice(company)
        system = self.sudo().with_context(student_care_billing_run=True)
        billable = system._lock(system.search(self._get_billable_domain(company, date_to)))
        billable = billable.filtered_domain(self._get_billable_domain(company, date_to))
        creditable = system._lock(system.search(self._get_creditable_domain(company)))
        creditable = creditable.filtered_domain(self._get_creditable_domain(company))
        moves = self.env["account.move"]
        if not billable and not creditable:
            return moves
        journal, income_account = self._get_billing_accounts(company)
        moves |= self._create_moves(
            "out_invoice", billable, journal, income_account, date_from, date_to, "invoice_line_id"
        )
        moves |= self._create_moves(
            "out_refund", creditable, journal, income_account, date_from, date_to, "credit_line_id"
        )
        moves.action_post()
        billable.write({"state": "invoiced"})
        return moves

    def _lock(self, records):
        if records:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id = ANY(%s) FOR UPDATE",
                    SQL.identifier(self._table),
                    records.ids,
                )
            )
            records.invalidate_recordset()
        return records

    @api.model
    def _get_billing_accounts(self, company):
        """The internal care journal and a fallback income account, or a clear error.

        The journal comes with the chart of accounts (see account.chart.template); the run
        reads it as the system, since billing officers need not read journal settings.
        """
        journals = self.env["account.journal"].sudo()
        journal = journals.search(
            [("is_care_internal", "=", True), *journals._check_company_domain(company)],
            order="sequence, id",
            limit=1,
        )
        income = journal.default_account_id or self.env["account.account"].sudo().search(
            [
                ("company_ids", "in", company.id),
                ("account_type", "=", "income"),
                ("deprecated", "=", False),
            ],
            limit=1,
        )
        if not journal or not income:
            raise UserError(
                _(
                    "Accounting is not configured for %(company)s: internal invoices need the "
                    "internal care sales journal and an income account. Install a chart of "
                    "accounts in Invoicing ‣ Configuration ‣ Settings (Fiscal Localization), "
                    "which creates the journal, or create a sales journal marked Internal "
                    "Care Invoices with a default income account.",
                    company=company.name,
                )
            )
        return journal, income

    def _create_moves(self, move_type, services, journal, income, date_from, date_to, link):
        """One move per department, one line per (service product, price)."""
        if not services:
            return self.env["account.move"]
        empty = services.browse()  # keeps the run's (system) environment
        groups = defaultdict(lambda: defaultdict(lambda: empty))
        for service in services:
            groups[service.department_id][(service.product_id, service.price_unit)] |= service
        vals_list, keys = [], []
        for department, by_product in groups.items():
            lines = dict(sorted(by_product.items(), key=lambda i: (i[0][0].name, i[0][1])))
            vals_list.append(
                self._prepare_invoice_vals(
                    move_type, department, journal, date_from, date_to, lines, income
                )
            )
            keys.append(list(lines.values()))
        moves = (
            self.env["account.move"]
            .with_context(default_move_type=move_type, mail_create_nolog=True)
            .with_company(journal.company_id)
            .create(vals_list)
        )
        # Link the services to their line: the lines are created in the order given.
        for move, line_services in zip(moves, keys, strict=True):
            product_lines = move.invoice_line_ids.sorted("sequence")
            for line, batch in zip(product_lines, line_services, strict=True):
                batch.write({link: line.id})
        return moves

    @api.model
    def _prepare_invoice_vals(
        self, move_type, department, journal, date_from, date_to, lines, income
    ):
        period = _("%(start)s to %(end)s", start=date_from, end=date_to)
        distribution = {str(department.care_analytic_account_id.id): 100.0}
        line_vals = []
        for sequence, ((product, price), batch) in enumerate(lines.items(), start=10):
            accounts = product.product_tmpl_id.get_product_accounts()
            line_vals.append(
                Command.create(
                    {
                        "sequence": sequence,
                        "product_id": product.id,
                        "name": _("%(service)s, %(period)s", service=product.name, period=period),
                        "quantity": sum(batch.mapped("quantity")),
                        "product_uom_id": product.uom_id.id,
                        "price_unit": price,
                        "account_id": (accounts.get("income") or income).id,
                        "tax_ids": [Command.clear()],
                        "analytic_distribution": distribution
                        if department.care_analytic_account_id
                        else False,
                    }
                )
            )
        return {
            "move_type": move_type,
            "partner_id": department.id,
            "journal_id": journal.id,
            "company_id": journal.company_id.id,
            "invoice_date": date_to,
            "date": date_to,
            "ref": _("Care services %(period)s", period=period),
            "invoice_origin": _("Internal care services"),
            "invoice_line_ids": line_vals,
        }

    @api.model
    def _cron_invoice_previous_month(self):
        """Monthly scheduled action: bill last month in every institution with services."""
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - relativedelta(days=1)
        date_from = date_to.replace(day=1)
        groups = self._read_group(
            [("state", "in", ("delivered", "cancelled")), ("credit_line_id", "=", False)],
            ["company_id"],
        )
        moves = self.env["account.move"]
        for (company,) in groups:
            moves |= self.with_company(company)._invoice_period(company, date_from, date_to)
        return moves
