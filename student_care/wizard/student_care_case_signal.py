# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import SUPERUSER_ID, _, api, fields, models


class StudentCareCaseSignal(models.TransientModel):
    """Report a concern about a student: any staff member may, without reading any case."""

    _name = "student_care.case.signal"
    _description = "Report a Concern"

    student_id = fields.Many2one(
        comodel_name="res.partner",
        string="Student",
        required=True,
        domain="[('is_student', '=', True)]",
    )
    category_id = fields.Many2one(
        comodel_name="student_care.case.category",
        string="What Is It About",
        required=True,
    )
    description = fields.Html(
        string="What Did You Notice",
        required=True,
        help="Facts you observed: dates, behaviour, what was said. The care team reads this.",
    )
    is_urgent = fields.Boolean(
        string="Urgent", help="Tick when the student may be in danger today."
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner" and "student_id" in fields_list:
            values.setdefault("student_id", self.env.context.get("active_id"))
        return values

    def action_submit(self):
        self.ensure_one()
        self.student_id.check_access("read")
        self._open_or_join_case()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Concern passed on"),
                "message": _(
                    "The care team received your concern about %(student)s. Thank you.",
                    student=self.student_id.name,
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _open_or_join_case(self):
        """Open a case in the first stage, or add the concern to the open case of that kind.

        The reporter usually may not read cases, so this runs as the superuser *user*, not
        as the reporter in sudo: Odoo lets the author and the creator of a message read it,
        and a message written in the reporter's name would tell them that a case exists and
        its reference. The reporter's name is in the message text, for the care team. The
        case returned is a superuser record: for server-side callers only.
        """
        cases = (
            self.env["student_care.case"]
            .with_user(SUPERUSER_ID)
            .sudo()
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
        )
        case = cases.search(
            [
                ("student_id", "=", self.student_id.id),
                ("category_id", "=", self.category_id.id),
                ("is_closed", "=", False),
            ],
            limit=1,
        )
        if case:
            case.message_post(
                body=Markup("<p>%s</p>%s")
                % (
                    _("Concern reported by %(name)s:", name=self.env.user.name),
                    self.description or "",
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            if self.is_urgent and case.priority < "2":
                case.priority = "2"
            return case
        company = self.student_id.company_id
        # Teams are readable by every employee of the institution: no sudo needed here.
        team = self.env["student_care.team"].search([("company_id", "=", company.id)], limit=1)
        return cases.create(
            {
                "student_id": self.student_id.id,
                "company_id": company.id,
                "category_id": self.category_id.id,
                "origin": "teacher",
                "description": self.description,
                "priority": "2" if self.is_urgent else "0",
                "team_id": team.id,
                "user_id": team.manager_id.id,
            }
        )
