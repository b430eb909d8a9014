# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class StudentCareTruancyReport(models.Model):
    """An official truancy report for the compulsory-education officer.

    Prepared as a draft by a truancy rule; it leaves the school only when an attendance
    officer marks it sent, which puts it on the student's disclosure record.
    """

    _name = "student_care.truancy.report"
    _description = "Official Truancy Report"
    _inherit = ["student_care.student.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    # The student and institution block comes from student_care.student.mixin; a report
    # sent to an officer keeps its student.
    student_id = fields.Many2one(
        ondelete="restrict",
        domain="[('is_student', '=', True), ('company_id', '=', company_id)]",
    )
    student_number = fields.Char(related="student_id.student_number")
    rule_id = fields.Many2one(
        comodel_name="student_care.truancy.rule", string="Rule", ondelete="set null"
    )
    event_id = fields.Many2one(
        comodel_name="student_care.truancy.event", string="Fired Step", ondelete="set null"
    )
    window_start = fields.Date(string="Absences From")
    window_end = fields.Date(string="Absences Until")
    amount = fields.Float(string="Counted")
    unit = fields.Selection(related="rule_id.unit")
    recipient_id = fields.Many2one(
        comodel_name="res.partner",
        string="Compulsory-Education Officer",
        help="The outside party the report is sent to.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("sent", "Sent"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        index=True,
    )
    sent_date = fields.Date(string="Sent On", readonly=True, copy=False)
    sent_by_id = fields.Many2one(
        comodel_name="res.users", string="Sent By", readonly=True, copy=False
    )
    note = fields.Text(help="What the school did so far (calls, meetings), for the officer.")

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("student_care.truancy.report") or "/"
        return super().create(vals_list)

    def action_send(self):
        """Mark the report as sent to the compulsory-education officer (a disclosure)."""
        for report in self:
            if report.state != "draft":
                raise UserError(_("Report %(name)s is not a draft.", name=report.name))
            if not report.recipient_id:
                raise UserError(
                    _(
                        "Choose the compulsory-education officer of report %(name)s.",
                        name=report.name,
                    )
                )
        self.write(
            {
                "state": "sent",
                "sent_date": fields.Date.context_today(self),
                "sent_by_id": self.env.uid,
            }
        )
        return True

    def action_cancel(self):
        self.filtered(lambda r: r.state == "draft").write({"state": "cancelled"})
        return True

    def action_print(self):
        return self.env.ref(
            "student_care_attendance.student_care_truancy_report_report"
        ).report_action(self)
