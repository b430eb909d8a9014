# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo import _, api, fields, models
from odoo.tools import SQL

SCAN_HEADERS = {
    "student_number": ("student_number", "student number", "student", "badge", "number"),
    "time": ("time", "timestamp", "datetime", "scanned_at", "scan time"),
    "device": ("device", "gate", "door", "reader", "location"),
}
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)


class StudentCareAttendanceScan(models.Model):
    """A building-entry scan (badge or gate): the student was in the building at that time.

    Scans only prove presence; they never change attendance records. The morning outreach
    list leaves out students who scanned in, and a scan later on the day of an outreach
    call counts that call as recovered.
    """

    _name = "student_care.attendance.scan"
    _description = "Entry Scan"
    _order = "scan_time desc, id desc"
    _inherit = ["student_care.student.mixin"]
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
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (student_id, date)",
                SQL.identifier(f"{self._table}_student_date_idx"),
                SQL.identifier(self._table),
            )
        )

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
        changes nothing. Returns ``{"errors": [...], "created": n, "unchanged": n}``;
        callable over RPC.
        """
        self.check_access("create")
        rows = self.env["student_care.attendance"]._import_read_table(
            content, SCAN_HEADERS, ("student_number", "time")
        )
        attendance = self.env["student_care.attendance"]
        company = self.env.company
        students = attendance._import_students(rows)
        tz = self._school_tz()
        errors, keyed = [], {}
        for line, row in rows:
            problems = []
            student_id = students.get(row["student_number"])
            if not student_id:
                problems.append(attendance._import_unknown_student(row["student_number"]))
            moment = self._parse_time(row["time"], tz)
            if not moment:
                problems.append(
                    _(
                        "time %(time)s is not a date and time (use 2026-11-23 08:12)",
                        time=row["time"] or _("(empty)"),
                    )
                )
            key = (student_id, moment, row.get("device") or False)
            if not problems and key in keyed:
                problems.append(_("same student, time and gate as line %(line)s", line=keyed[key]))
            if problems:
                errors.append(
                    _("Line %(line)s: %(problems)s.", line=line, problems="; ".join(problems))
                )
                continue
            keyed[key] = line
        result = {"errors": errors, "created": 0, "unchanged": 0}
        if errors:
            if dry_run:
                return result
            attendance._import_refuse(errors)
        existing = set()
        if keyed:
            times = [key[1] for key in keyed]
            for scan in self.search_fetch(
                [
                    ("student_id", "in", list({key[0] for key in keyed})),
                    ("scan_time", ">=", min(times)),
                    ("scan_time", "<=", max(times)),
                ],
                ["student_id", "scan_time", "device"],
            ):
                existing.add((scan.student_id.id, scan.scan_time, scan.device or False))
        new = [key for key in keyed if key not in existing]
        result["created"], result["unchanged"] = len(new), len(keyed) - len(new)
        if not dry_run and new:
            self.create(
                [
                    {
                        "student_id": student_id,
                        "company_id": company.id,
                        "scan_time": moment,
                        "device": device,
                        "source": "import",
                    }
                    for student_id, moment, device in new
                ]
            )
        return result

    @api.model
    def _parse_time(self, text, tz):
        """Local date and time as written in the file -> naive UTC, as Odoo stores it."""
        for fmt in TIME_FORMATS:
            try:
                local = datetime.strptime(text, fmt)
            except ValueError:
                continue
            return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        return False
