# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import _, api, fields, models
from odoo.tools.sql import create_index

from odoo.addons.student_care.models.student_care_import_mixin import parse_datetime

SCAN_HEADERS = {
    "student_number": ("student_number", "student number", "student", "badge", "number"),
    "time": ("time", "timestamp", "datetime", "scanned_at", "scan time"),
    "device": ("device", "gate", "door", "reader", "location"),
}


class StudentCareAttendanceScan(models.Model):
    """A building-entry scan (badge or gate): the student was in the building at that time.

    Scans only prove presence; they never change attendance records. The morning outreach
    list leaves out students who scanned in, and a scan later on the day of an outreach
    call counts that call as recovered.
    """

    _name = "student_care.attendance.scan"
    _description = "Entry Scan"
    _order = "scan_time desc, id desc"
    _inherit = ["student_care.student.mixin", "student_care.import.mixin"]
    _rec_name = "scan_time"

    scan_time = fields.Datetime(string="Scanned At", required=True, default=fields.Datetime.now)
    date = fields.Date(
        compute="_compute_date",
        store=True,
        index=True,
        help="The school day of the scan, in the institution's time zone.",
    )
    device = fields.Char(string="Gate", help="The gate, door or reader that scanned the badge.")
    source = fields.Selection(
        selection=[("import", "Import"), ("manual", "Entered by hand")],
        required=True,
        default="manual",
    )

    _sql_constraints = [
        (
            "scan_uniq",
            "unique(student_id, scan_time, device)",
            "This scan is already recorded.",
        ),
    ]

    def init(self):
        index = f"{self._table}_student_date_idx"
        create_index(self.env.cr, index, self._table, ["student_id", "date"])

    @api.depends("scan_time")
    def _compute_date(self):
        tz = self._school_tz()
        for scan in self:
            moment = scan.scan_time and pytz.utc.localize(scan.scan_time).astimezone(tz)
            scan.date = moment and moment.date()

    @api.model_create_multi
    def create(self, vals_list):
        scans = super().create(vals_list)
        self.env["student_care.outreach.call"]._mark_recovered(
            [(scan.student_id.id, scan.date, scan.scan_time) for scan in scans]
        )
        return scans

    @api.model
    def _school_tz(self):
        return pytz.timezone(self.env.user.tz or self.env.company.partner_id.tz or "UTC")

    @api.model
    def import_scans_csv(self, content, dry_run=False):
        """Import building-entry scans from a badge or gate system (CSV or XLSX).

        Columns by header: student_number, time (local time, e.g. 2026-11-23 08:12) and
        optionally device. Same guarantees as the attendance import: every bad line is
        reported, a file with any bad line writes nothing, and importing the same file again
        changes nothing. Returns ``{"errors": [...], "created": n, "updated": 0,
        "unchanged": n}``; callable over RPC.
        """
        return self._import_file(
            content,
            dry_run=dry_run,
            defaults={"company_id": self.env.company.id, "source": "import"},
        )

    @api.model
    def _import_headers(self):
        return SCAN_HEADERS

    @api.model
    def _import_required(self):
        return ("student_number", "time")

    @api.model
    def _import_key_fields(self):
        # A scan is a fact: the same scan again is unchanged, never an update.
        return ("student_id", "scan_time", "device")

    @api.model
    def _import_key_label(self):
        return _("student, time and gate")

    @api.model
    def _import_example_row(self):
        today = fields.Date.context_today(self).isoformat()
        return {
            "student_number": self._import_example_student_number(),
            "time": f"{today} 08:05",
            "device": _("Main entrance"),
        }

    @api.model
    def _import_prepare(self, rows):
        return {"students": self._import_students(rows), "tz": self._school_tz()}

    @api.model
    def _import_convert(self, row, lookups):
        problems = []
        student_id = self._import_student_id(row, lookups["students"], problems)
        moment = parse_datetime(row["time"], lookups["tz"])
        if not moment:
            problems.append(
                _(
                    "time %(time)s is not a date and time (use 2026-11-23 08:12)",
                    time=row["time"] or _("(empty)"),
                )
            )
        return {
            "student_id": student_id,
            "scan_time": moment,
            "device": row.get("device") or False,
        }, problems
