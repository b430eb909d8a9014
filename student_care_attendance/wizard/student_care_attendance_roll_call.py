# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.student_care.tools import notification

from ..models.student_care_attendance import STATUSES


class StudentCareAttendanceRollCall(models.TransientModel):
    """A teacher's roll call: one class, one period, everyone present unless clicked."""

    _name = "student_care.attendance.roll_call"
    _description = "Roll Call"

    class_id = fields.Many2one(
        comodel_name="student_care.class",
        required=True,
        domain="['|', ('mentor_id', '=', uid), ('teacher_ids', 'in', uid)]",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    period = fields.Integer(default=1, required=True)
    line_ids = fields.One2many(
        comodel_name="student_care.attendance.roll_call.line",
        inverse_name="roll_call_id",
        string="Students",
    )

    @api.onchange("class_id", "date", "period")
    def _onchange_class_id(self):
        students = self.class_id.student_ids.filtered(
            lambda s: s.is_student and s.enrolment_status == "enrolled"
        ).sorted("name")
        existing = {
            record.student_id.id: record
            for record in self.env["student_care.attendance"].search(
                [
                    ("student_id", "in", students.ids),
                    ("date", "=", self.date),
                    ("period", "=", self.period),
                ]
            )
        }
        self.line_ids = [Command.clear()] + [
            Command.create(
                {
                    "student_id": student.id,
                    "status": existing[student.id].status if student.id in existing else "present",
                    "reason_id": existing[student.id].reason_id.id
                    if student.id in existing
                    else False,
                }
            )
            for student in students
        ]

    def action_save(self):
        """Write the whole roll call in one go: create what is new, correct what changed."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("This class has no enrolled students to call."))
        attendance = self.env["student_care.attendance"]
        existing = {
            record.student_id.id: record
            for record in attendance.search(
                [
                    ("student_id", "in", self.line_ids.student_id.ids),
                    ("date", "=", self.date),
                    ("period", "=", self.period),
                ]
            )
        }
        to_create, to_write = [], defaultdict(lambda: attendance)
        for line in self.line_ids:
            values = {"status": line.status, "reason_id": line.reason_id.id}
            record = existing.get(line.student_id.id)
            if record:
                if record.status != line.status or record.reason_id != line.reason_id:
                    to_write[(line.status, line.reason_id.id)] |= record
            else:
                to_create.append(
                    {
                        **values,
                        "student_id": line.student_id.id,
                        "date": self.date,
                        "period": self.period,
                        "source": "teacher",
                    }
                )
        for (status, reason_id), records in to_write.items():
            records.write({"status": status, "reason_id": reason_id})
        attendance.create(to_create)
        return notification(
            _(
                "%(class)s, period %(period)s: %(absent)s absent of %(total)s.",
                **{
                    "class": self.class_id.name,
                    "period": self.period,
                    "absent": len(self.line_ids.filtered(lambda line: line.status == "absent")),
                    "total": len(self.line_ids),
                },
            ),
            title=_("Roll call saved"),
            kind="success",
            close=True,
        )


class StudentCareAttendanceRollCallLine(models.TransientModel):
    _name = "student_care.attendance.roll_call.line"
    _description = "Roll Call Line"

    roll_call_id = fields.Many2one(
        comodel_name="student_care.attendance.roll_call", required=True, ondelete="cascade"
    )
    student_id = fields.Many2one(comodel_name="res.partner", string="Student", required=True)
    # The status is the one control: one click (or tap, or arrow key) on "Absent".
    status = fields.Selection(selection=STATUSES, required=True, default="present")
    reason_id = fields.Many2one(comodel_name="student_care.attendance.reason", string="Reason")
