# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import Form

from odoo.addons.student_care.tests.common import StudentCareCommon

SCANS = """student_number,time,device
100001,2026-11-23 08:12,North gate
100002,2026-11-23 08:15:30,North gate
100001,2026-11-23 12:40,Canteen
"""


def workbook(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class TestScanImport(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.classmate = cls.create_student("Sem Bakker", "100002")
        cls.scans = cls.env["student_care.attendance.scan"].with_user(cls.users["attendance"])
        cls.users["attendance"].tz = "Europe/Amsterdam"

    def test_import_is_idempotent_and_local_time(self):
        result = self.scans.import_scans_csv(SCANS)
        self.assertEqual((result["created"], result["unchanged"]), (3, 0))
        first = self.scans.search(
            [("device", "=", "North gate"), ("student_id", "=", self.student.id)]
        )
        # 08:12 in Amsterdam (winter time) is 07:12 UTC, on the same school day.
        self.assertEqual(first.scan_time, datetime(2026, 11, 23, 7, 12))
        self.assertEqual(first.date, date(2026, 11, 23))
        self.assertEqual(first.source, "import")
        again = self.scans.import_scans_csv(SCANS)
        self.assertEqual((again["created"], again["unchanged"]), (0, 3))
        self.assertEqual(self.scans.search_count([]), 3)

    def test_every_bad_row_reported_and_nothing_written(self):
        bad = (
            SCANS
            + "999999,2026-11-23 08:00,North gate\n100002,yesterday,\n"
            + ("100001,2026-11-23 08:12,North gate\n")
        )
        result = self.scans.import_scans_csv(bad, dry_run=True)
        self.assertEqual(
            result["errors"],
            [
                "Line 5: student number 999999 is not a student of Test Lyceum.",
                "Line 6: time yesterday is not a date and time (use 2026-11-23 08:12).",
                "Line 7: same student, time and gate as line 2.",
            ],
        )
        with self.assertRaisesRegex(UserError, "Nothing was imported"):
            self.scans.import_scans_csv(bad)
        self.assertFalse(self.scans.search([]))

    def test_missing_time_column(self):
        with self.assertRaisesRegex(UserError, "no column for: time"):
            self.scans.import_scans_csv("student_number,device\n100001,North gate\n")

    def test_xlsx_through_the_wizard(self):
        content = workbook(
            [
                ("Student Number", "Timestamp", "Gate"),
                ("100001", datetime(2026, 11, 23, 8, 5), "South gate"),
                (100002, "2026-11-23 08:07", "South gate"),
            ]
        )
        form = Form(self.env["student_care.attendance.import"].with_user(self.users["attendance"]))
        form.kind = "scan"
        form.file = base64.b64encode(content)
        wizard = form.save()
        wizard.action_check()
        self.assertEqual(wizard.state, "checked")
        self.assertIn("2 new", wizard.summary)
        wizard.action_import()
        self.assertEqual(
            set(self.scans.search([]).mapped("student_id.student_number")), {"100001", "100002"}
        )


class TestAttendanceXlsx(StudentCareCommon):
    def test_attendance_workbook_same_rules_as_csv(self):
        attendance = self.env["student_care.attendance"].with_user(self.users["attendance"])
        content = workbook(
            [
                ("student_number", "date", "period", "status", "reason"),
                (100001, datetime(2026, 11, 23), 1, "absent", "UNX"),
                (100001, "2026-11-23", 2, "late", None),
                (100009, "2026-11-23", 1, "absent", "XYZ"),
            ]
        )
        result = attendance.import_attendance_csv(content, dry_run=True)
        self.assertEqual(
            result["errors"],
            [
                "Line 4: student number 100009 is not a student of Test Lyceum; "
                "reason code XYZ is unknown."
            ],
        )
        fixed = workbook(
            [
                ("student_number", "date", "period", "status", "reason"),
                (100001, datetime(2026, 11, 23), 1, "absent", "UNX"),
                (100001, "2026-11-23", 2, "late", None),
            ]
        )
        self.assertEqual(attendance.import_attendance_csv(fixed)["created"], 2)
        self.assertEqual(
            attendance.search([("student_id", "=", self.student.id)]).mapped("status"),
            ["absent", "tardy"],
        )

    def test_damaged_workbook_is_a_clear_error(self):
        attendance = self.env["student_care.attendance"].with_user(self.users["attendance"])
        with self.assertRaisesRegex(UserError, "Excel file cannot be read"):
            attendance.import_attendance_csv(b"PK\x03\x04 not really a workbook")
