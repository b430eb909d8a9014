# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.student_care.tools import notification, window_action


def _previous_month(today):
    start = today.replace(day=1) - relativedelta(months=1)
    return start, start + relativedelta(months=1, days=-1)


class StudentCareServiceDeliveryInvoice(models.TransientModel):
    """Bill the delivered care services of a period to the paying departments."""

    _name = "student_care.service.delivery.invoice"
    _description = "Invoice Care Services"

    def _default_date_from(self):
        return _previous_month(fields.Date.context_today(self))[0]

    def _default_date_to(self):
        return _previous_month(fields.Date.context_today(self))[1]

    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Institution",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    date_from = fields.Date(string="From", required=True, default=_default_date_from)
    date_to = fields.Date(
        string="To",
        required=True,
        default=_default_date_to,
        help="Delivered services dated up to this day and not invoiced yet are billed, "
        "late ones from earlier periods included. Services cancelled after they were "
        "invoiced are credited.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(_("The period must end after it starts."))

    def action_invoice(self):
        self.ensure_one()
        moves = self.env["student_care.service.delivery"]._invoice_period(
            self.company_id, self.date_from, self.date_to
        )
        if not moves:
            return notification(
                _("Every delivered service up to this period is invoiced."),
                title=_("Nothing to invoice"),
                close=True,
            )
        return window_action(
            self.env,
            "student_care_billing.account_move_action_internal",
            domain=[("id", "in", moves.ids)],
            context={"create": False},
        )
