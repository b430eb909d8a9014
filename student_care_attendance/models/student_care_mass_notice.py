# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class StudentCareMassNotice(models.Model):
    """A message to every guardian of a part of the school (snow day, closure).

    "Send" only queues one notice per guardian (one INSERT); the notices scheduled action
    sends them in batches and updates the counts, so the web client returns at once even
    for tens of thousands of guardians.
    """

    _name = "student_care.mass.notice"
    _description = "Mass Notice"
    _inherit = ["student_care.institution.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "subject"

    subject = fields.Char(required=True)
    body = fields.Html(required=True, sanitize_style=True)
    # From student_care.institution.mixin: the institution that sends the notice.
    company_id = fields.Many2one(string="Sender")
    company_ids = fields.Many2many(
        comodel_name="res.company",
        string="Institutions",
        required=True,
        default=lambda self: self.env.company,
    )
    grade_ids = fields.Many2many(
        comodel_name="student_care.grade",
        string="Grades",
        help="Empty: every grade.",
    )
    class_ids = fields.Many2many(
        comodel_name="student_care.class",
        string="Classes",
        domain="[('company_id', 'in', company_ids)]",
        help="Empty: every class.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("sending", "Sending"), ("done", "Sent")],
        required=True,
        default="draft",
        index=True,
    )
    recipient_count = fields.Integer(string="Recipients", readonly=True)
    sent_count = fields.Integer(string="Delivered", readonly=True, help="E-mails handed over.")
    no_email_count = fields.Integer(string="Without E-mail", readonly=True)
    progress = fields.Float(compute="_compute_progress")
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Sent By", readonly=True, ondelete="set null"
    )
    notice_ids = fields.One2many(
        comodel_name="student_care.attendance.notice",
        inverse_name="mass_notice_id",
        string="Notices",
    )

    @api.depends("recipient_count", "sent_count", "no_email_count")
    def _compute_progress(self):
        for notice in self:
            done = notice.sent_count + notice.no_email_count
            notice.progress = (
                100.0 * done / notice.recipient_count if notice.recipient_count else 0
            )

    def action_send(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("This notice was sent already."))
        self.check_access("write")
        # Compared by id: the sender may not read the other institutions at all.
        chosen = set(self.sudo().company_ids.ids)
        if chosen - set(self.env.user.company_ids.ids) and not self.env.su:
            raise AccessError(
                _("You may only send notices to the families of your own institutions.")
            )
        # The guardians are queued by the system: the sender may not read every guardian
        # link of every institution chosen, and needs to reach them, not to see them.
        count = self.env["student_care.attendance.notice"].sudo()._queue_mass(self)
        if not count:
            raise UserError(_("No guardian receives attendance notices in this selection."))
        self.write(
            {
                "state": "sending",
                "recipient_count": count,
                "sent_date": fields.Datetime.now(),
                "user_id": self.env.uid,
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "%(count)s guardians queued; e-mails go out in batches.", count=count
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "student_care_attendance.student_care_attendance_notice_action"
        )
        action["domain"] = [("mass_notice_id", "=", self.id)]
        action["context"] = {}
        return action

    def _update_progress(self):
        """Recount delivered notices (set-based) after a sending batch."""
        Notice = self.env["student_care.attendance.notice"].sudo()
        counts = {
            (mass, state): count
            for mass, state, count in Notice._read_group(
                [("mass_notice_id", "in", self.ids)], ["mass_notice_id", "state"], ["__count"]
            )
        }
        for notice in self.sudo():
            sent = counts.get((notice, "sent"), 0)
            no_email = counts.get((notice, "no_email"), 0)
            notice.write(
                {
                    "sent_count": sent,
                    "no_email_count": no_email,
                    "state": "done" if not counts.get((notice, "queued")) else "sending",
                }
            )
