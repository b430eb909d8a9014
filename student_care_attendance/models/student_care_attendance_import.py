# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
from collections import defaultdict
from datetime import date, datetime, time

import openpyxl

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .student_care_attendance import PRESENT_STATUSES, STATUSES

HEADERS = {
    "student_number": ("student_number", "student number", "student", "student_id", "number"),
    "date": ("date", "day"),
    "period": ("period", "lesson", "hour"),
    "status": ("status", "attendance", "code"),
    "reason": ("reason", "reason_code", "reason code", "excuse"),
    "minutes": ("minutes", "minutes_missed", "minutes missed"),
    "note": ("note", "comment", "remark"),
}
STATUS_ALIASES = {
    **{key: key for key, _label in STATUSES},
    "p": "present",
    "a": "absent",
    "t": "tardy",
    "late": "tardy",
    "l": "left_early",
    "left early": "left_early",
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%m/%d/%Y")
FIELDS = ("status", "reason_id", "minutes_missed", "note")


class StudentCareAttendance(models.Model):
    _inherit = "student_care.attendance"

    @api.model
    def import_attendance_csv(self, content, dry_run=False, source="import"):
        """Import attendance exported by a student information system (CSV text).

        Columns are found by header (student_number, date, period, status, reason, minutes,
        note). Every row is checked first; any bad row stops the import and nothing is
        written. Rows equal to what is stored change nothing, so importing the same file twice
        is harmless, and a corrected file only updates the rows that changed.
        Returns ``{"errors": [...], "created": n, "updated": n, "unchanged": n}``; callable
        over RPC for nightly jobs.
        """
        rows, errors = self._import_parse(content)
        keyed, errors = self._import_validate(rows, errors)
        result = {"errors": errors, "created": 0, "updated": 0, "unchanged": 0}
        if errors:
            if dry_run:
                return result
            self._import_refuse(errors)
        existing = self._import_existing(keyed)
        to_create, to_write = [], defaultdict(list)
        for key, values in keyed.items():
            record = existing.get(key)
            if not record:
                to_create.append(
                    {
                        "student_id": key[0],
                        "date": key[1],
                        "period": key[2],
                        "source": source,
                        **values,
                    }
                )
            elif any(record[name] != values[name] for name in FIELDS):
                to_write[tuple(sorted(values.items()))].append(record["id"])
            else:
                result["unchanged"] += 1
        result["created"] = len(to_create)
        result["updated"] = sum(len(ids) for ids in to_write.values())
        if not dry_run:
            self._import_insert(to_create)
            for values, ids in to_write.items():
                self.browse(ids).write(dict(values))
        return result

    @api.model
    def _import_insert(self, vals_list):
        """Write new rows. Attendance officers (who may record any student of their
        institution, which the validation already enforced) get one set-based INSERT; anyone
        else goes through the ORM so that their record rules apply row by row."""
        if not vals_list:
            return
        officer = self.env.su or self.env.user.has_group(
            "student_care.student_care_group_attendance_officer"
        )
        if not officer:
            for start in range(0, len(vals_list), 2000):
                self.create(vals_list[start : start + 2000])
            return
        self.check_access("create")
        students = self.env["res.partner"].search_fetch(
            [("id", "in", list({vals["student_id"] for vals in vals_list}))], ["class_id"]
        )
        class_of = {student.id: student.class_id.id or None for student in students}
        excused = {
            reason.id: reason.is_excused
            for reason in self.env["student_care.attendance.reason"].search([])
        }
        columns = {
            "student_id": "int4",
            "company_id": "int4",
            "class_id": "int4",
            "date": "date",
            "period": "int4",
            "status": "varchar",
            "reason_id": "int4",
            "is_excused": "bool",
            "minutes_missed": "int4",
            "source": "varchar",
            "recorded_by_id": "int4",
            "note": "varchar",
        }
        company_id, uid = self.env.company.id, self.env.uid
        rows = {name: [] for name in columns}
        for vals in vals_list:
            rows["student_id"].append(vals["student_id"])
            rows["company_id"].append(company_id)
            rows["class_id"].append(class_of.get(vals["student_id"]))
            rows["date"].append(vals["date"])
            rows["period"].append(vals["period"])
            rows["status"].append(vals["status"])
            rows["reason_id"].append(vals["reason_id"] or None)
            rows["is_excused"].append(excused.get(vals["reason_id"], False))
            rows["minutes_missed"].append(vals["minutes_missed"])
            rows["source"].append(vals["source"])
            rows["recorded_by_id"].append(uid)
            rows["note"].append(vals["note"] or None)
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO student_care_attendance
                       (%s, create_uid, create_date, write_uid, write_date)
                   SELECT *, %s, %s, %s, %s FROM unnest(%s)""",
                SQL(", ").join(SQL.identifier(name) for name in columns),
                uid,
                now,
                uid,
                now,
                SQL(", ").join(
                    SQL("%s::%s[]", rows[name], SQL(kind)) for name, kind in columns.items()
                ),
            )
        )
        self.invalidate_model()
        self.env["student_care.outreach.call"]._mark_recovered(
            [
                (vals["student_id"], vals["date"], now)
                for vals in vals_list
                if vals["status"] in PRESENT_STATUSES
            ]
        )

    @api.model
    def _import_parse(self, content):
        return self._import_read_table(content, HEADERS, ("student_number", "date", "status")), []

    @api.model
    def _import_read_table(self, content, headers, required):
        """Rows of a CSV or XLSX file as ``[(line_number, {column: text})]``.

        Columns are found by their header (``headers`` maps a column to accepted titles);
        ``required`` columns must be present. Empty lines are skipped; line numbers are those a
        clerk sees in a spreadsheet (the header is line 1).
        """
        if isinstance(content, str):
            content = content.encode()
        table = (
            self._import_xlsx_rows(content)
            if content[:2] == b"PK"
            else self._import_csv_rows(content)
        )
        header = next(table, None)
        if not header:
            raise UserError(_("The file is empty."))
        columns = {}
        for index, title in enumerate(header):
            title = title.strip().lower()
            for name, aliases in headers.items():
                if title in aliases:
                    columns[name] = index
        missing = [name for name in required if name not in columns]
        if missing:
            raise UserError(
                _(
                    "The file has no column for: %(missing)s. The first line must name the "
                    "columns, e.g. %(example)s.",
                    missing=", ".join(missing),
                    example=",".join(headers),
                )
            )
        rows = []
        for line_number, cells in enumerate(table, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(
                (
                    line_number,
                    {
                        name: (cells[index].strip() if index < len(cells) else "")
                        for name, index in columns.items()
                    },
                )
            )
        return rows

    @api.model
    def _import_csv_rows(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(
                _("The file is neither UTF-8 text (CSV) nor an Excel workbook (XLSX).")
            ) from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return csv.reader(io.StringIO(text), dialect)

    @api.model
    def _import_xlsx_rows(self, content):
        """The first sheet of a workbook, cells as the text a CSV export would hold."""
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise UserError(_("The Excel file cannot be read: %(error)s", error=error)) from error
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield [self._import_cell_text(value) for value in values]

    @api.model
    def _import_cell_text(self, value):
        if value is None:
            return ""
        if isinstance(value, datetime):
            if value.time() == time.min:
                return value.date().isoformat()
            return value.isoformat(sep=" ")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    @api.model
    def _import_students(self, rows):
        """Student numbers of the file -> ids, among the current institution's students."""
        numbers = list({row["student_number"] for _line, row in rows})
        return {
            student.student_number: student.id
            for student in self.env["res.partner"].search(
                [
                    ("is_student", "=", True),
                    ("company_id", "=", self.env.company.id),
                    ("student_number", "in", numbers),
                ]
            )
        }

    @api.model
    def _import_unknown_student(self, number):
        return _(
            "student number %(number)s is not a student of %(school)s",
            number=number or _("(empty)"),
            school=self.env.company.name,
        )

    @api.model
    def _import_refuse(self, errors):
        """A file with bad lines writes nothing: say which lines to fix."""
        raise UserError(
            _(
                "Nothing was imported. Fix these lines and import the file again:\n%(errors)s",
                errors="\n".join(errors[:50]),
            )
        )

    @api.model
    def _import_validate(self, rows, errors):
        students = self._import_students(rows)
        reasons = {
            reason.code.upper(): reason.id
            for reason in self.env["student_care.attendance.reason"].search([])
        }
        keyed, seen, days = {}, {}, {}
        for line, row in rows:
            problems = []
            student_id = students.get(row["student_number"])
            if not student_id:
                problems.append(self._import_unknown_student(row["student_number"]))
            if row["date"] not in days:  # a file holds few distinct dates
                days[row["date"]] = self._import_date(row["date"])
            day = days[row["date"]]
            if not day:
                problems.append(
                    _(
                        "date %(date)s is not a date (use 2026-11-23)",
                        date=row["date"] or _("(empty)"),
                    )
                )
            period_text = row.get("period") or "0"
            period = int(period_text) if period_text.isdigit() else -1
            if not 0 <= period <= 8:
                problems.append(
                    _("period %(period)s must be 0 (whole day) to 8", period=period_text)
                )
            status = STATUS_ALIASES.get(row["status"].lower())
            if not status:
                problems.append(
                    _(
                        "status %(status)s is unknown (use present, absent, tardy or left_early)",
                        status=row["status"] or _("(empty)"),
                    )
                )
            reason_code = (row.get("reason") or "").upper()
            reason_id = reasons.get(reason_code) if reason_code else False
            if reason_code and not reason_id:
                problems.append(_("reason code %(code)s is unknown", code=row["reason"]))
            minutes_text = row.get("minutes") or "0"
            if not minutes_text.isdigit():
                problems.append(
                    _("minutes %(minutes)s is not a whole number", minutes=minutes_text)
                )
            key = (student_id, day, period)
            if not problems and key in seen:
                problems.append(
                    _("same student, date and period as line %(line)s", line=seen[key])
                )
            if problems:
                errors.append(
                    _("Line %(line)s: %(problems)s.", line=line, problems="; ".join(problems))
                )
                continue
            seen[key] = line
            keyed[key] = {
                "status": status,
                "reason_id": reason_id,
                "minutes_missed": int(minutes_text),
                "note": row.get("note") or False,
            }
        return keyed, errors

    @api.model
    def _import_existing(self, keyed):
        if not keyed:
            return {}
        student_ids = list({key[0] for key in keyed})
        dates = list({key[1] for key in keyed})
        records = self.search_fetch(
            [("student_id", "in", student_ids), ("date", "in", dates)],
            ["student_id", "date", "period", *FIELDS],
        )
        return {
            (r.student_id.id, r.date, r.period): {
                "id": r.id,
                "status": r.status,
                "reason_id": r.reason_id.id,
                "minutes_missed": r.minutes_missed,
                "note": r.note or False,
            }
            for r in records
        }

    @api.model
    def _import_date(self, text):
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return False
