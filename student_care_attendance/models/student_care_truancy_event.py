# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models

from .student_care_truancy_rule import ACTIONS


class StudentCareTruancyEvent(models.Model):
    """One step of a truancy rule that fired for one student in one window.

    The unique key (step, student, window start) is what makes "once per student per
    window" hold for re-runs and concurrent runs. Call tasks are activities on this record:
    its display name is the student and the rule, never more (activities show it to their
    assignee through sudo).
    """

    _name = "student_care.truancy.event"
    _description = "Truancy Step Fired"
    _inherit = ["student_care.student.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["student_id.name", "rule_id.name"]

    rule_id = fields.Many2one(
        comodel_name="student_care.truancy.rule",
        required=True,
        index=True,
        ondelete="cascade",
    )
    step_id = fields.Many2one(
        comodel_name="student_care.truancy.rule.step",
        required=True,
        index=True,
        ondelete="cascade",
    )
    action = fields.Selection(selection=ACTIONS, required=True)
    # The student and institution block comes from student_care.student.mixin.
    date = fields.Date(string="Fired On", required=True, index=True)
    window_start = fields.Date(required=True)
    window_end = fields.Date(required=True, index=True)
    amount = fields.Float(string="Counted", help="Amount in the rule's unit when the step fired.")
    unit = fields.Selection(related="rule_id.unit")
    case_id = fields.Many2one(
        comodel_name="student_care.case", string="Care Case", index=True, ondelete="set null"
    )
    report_id = fields.Many2one(
        comodel_name="student_care.truancy.report",
        string="Official Report",
        index=True,
        ondelete="set null",
    )
    notice_ids = fields.One2many(
        comodel_name="student_care.attendance.notice", inverse_name="event_id", string="Notices"
    )

    _sql_constraints = [
        (
            "step_student_window_uniq",
            "unique(step_id, student_id, window_start)",
            "A truancy step fires once per student per window.",
        ),
    ]

    def _compute_display_name(self):
        for event in self:
            event.display_name = f"{event.student_id.name} · {event.rule_id.name}"

    def _act(self):
        """Carry out the step's action for these new events (all of one step)."""
        for action in set(self.mapped("action")):
            events = self.filtered(lambda e, action=action: e.action == action)
            getattr(events, f"_act_{action}")()

    def _act_notice(self):
        self.env["student_care.attendance.notice"]._queue_for_events(self)

    def _act_call(self):
        officers = self.env["res.users"].search(
            [
                (
                    "groups_id",
                    "in",
                    self.env.ref("student_care.student_care_group_attendance_officer").id,
                ),
                ("share", "=", False),
            ],
            order="id",
        )
        todo = self.env.ref(
            "mail.mail_activity_data_call", raise_if_not_found=False
        ) or self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        values = []
        for event in self:
            user = (
                event.rule_id.user_id
                or officers.filtered(lambda u, company=event.company_id: company in u.company_ids)[
                    :1
                ]
            )
            if not user:
                continue
            values.append(
                {
                    "res_model_id": model_id,
                    "res_id": event.id,
                    "activity_type_id": todo.id,
                    # Neutral: the assignee reads it even without access to the event.
                    "summary": _("Call the family about attendance"),
                    "date_deadline": event.date,
                    "user_id": user.id,
                }
            )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(values)

    def _act_case(self):
        truancy = self.env.ref("student_care.student_care_case_category_truancy")
        units = dict(self._fields["unit"]._description_selection(self.env))
        cases = self.env["student_care.case"]._open_or_join(
            [
                {
                    "student": event.student_id,
                    "category": truancy,
                    "origin": "truancy_rule",
                    # Neutral: the rule and the figure, nothing about why.
                    "description": self.env._(
                        "Truancy rule %(rule)s: %(amount)s %(unit)s counted from %(start)s "
                        "to %(end)s.",
                        rule=event.rule_id.name,
                        amount=round(event.amount, 1),
                        unit=units.get(event.unit),
                        start=event.window_start,
                        end=event.window_end,
                    ),
                }
                for event in self
            ]
        )
        for event, case in zip(self, cases, strict=True):
            event.case_id = case.id

    def _act_report(self):
        reports = self.env["student_care.truancy.report"].create(
            [
                {
                    "student_id": event.student_id.id,
                    "company_id": event.company_id.id,
                    "rule_id": event.rule_id.id,
                    "event_id": event.id,
                    "window_start": event.window_start,
                    "window_end": event.window_end,
                    "amount": event.amount,
                    "recipient_id": event.rule_id.authority_id.id,
                }
                for event in self
            ]
        )
        for event, report in zip(self, reports, strict=True):
            event.report_id = report
