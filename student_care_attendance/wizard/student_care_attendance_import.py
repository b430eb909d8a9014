# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import _, fields, models
from odoo.exceptions import UserError


class StudentCareAttendanceImport(models.TransientModel):
    """Upload an attendance file: check it (every bad line listed), then import it whole."""

    _name = "student_care.attendance.import"
    _description = "Import Attendance"

    kind = fields.Selection(
        selection=[("attendance", "Attendance"), ("scan", "Entry scans")],
        string="File Contains",
        required=True,
        default="attendance",
    )
    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection(
        selection=[("draft", "To check"), ("checked", "Checked"), ("done", "Imported")],
        default="draft",
    )
    summary = fields.Text(readonly=True)

    def _content(self):
        if not self.file:
            raise UserError(_("Choose a CSV or Excel (XLSX) file first."))
        return base64.b64decode(self.file)

    def action_check(self):
        self.ensure_one()
        result = self._run(dry_run=True)
        if result["errors"]:
            summary = _(
                "%(count)s line(s) need fixing; nothing is imported until they are:\n"
                "%(errors)s",
                count=len(result["errors"]),
                errors="\n".join(result["errors"]),
            )
            state = "draft"
        else:
            summary = _(
                "The file is correct: %(created)s new, %(updated)s changed, "
                "%(unchanged)s already up to date.",
                **{k: result.get(k, 0) for k in ("created", "updated", "unchanged")},
            )
            state = "checked"
        self.write({"summary": summary, "state": state})
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        result = self._run(dry_run=False)
        self.write(
            {
                "state": "done",
                "summary": _(
                    "Imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.",
                    **{k: result.get(k, 0) for k in ("created", "updated", "unchanged")},
                ),
            }
        )
        return self._reopen()

    def _run(self, dry_run):
        if self.kind == "scan":
            return self.env["student_care.attendance.scan"].import_scans_csv(
                self._content(), dry_run=dry_run
            )
        return self.env["student_care.attendance"].import_attendance_csv(
            self._content(), dry_run=dry_run
        )

    def _reopen(self):
        # The dialog opened again after Check or Import: without a name its title is "Odoo".
        return {
            "type": "ir.actions.act_window",
            "name": _("Import Attendance"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
