# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import HttpCase, tagged

from odoo.addons.student_care.tests.common import StudentCareCommon

DAY = date(2026, 11, 23)
# What a spreadsheet would run as a formula (CSV and XLSX), "@" included.
FORMULAS = ('=HYPERLINK("http://x","y")', "@SUM(A1)", "+1", "-2+3")


@tagged("post_install", "-at_install")
class TestAttendanceExportIsFormulaSafe(HttpCase, StudentCareCommon):
    """Text typed into attendance records comes out of an export as text: every cell that a
    spreadsheet would take for a formula starts with a quote. (Relies on the formula-safe
    export of every model, student_care's override of ``base.export_data``.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        students = [cls.student] + [
            cls.create_student(f"Export Student {n}", f"10010{n}") for n in range(1, 4)
        ]
        cls.attendances = cls.env["student_care.attendance"].create(
            [
                {"student_id": student.id, "date": DAY, "status": "absent", "note": text}
                for student, text in zip(students, FORMULAS, strict=True)
            ]
        )
        cls.scans = cls.env["student_care.attendance.scan"].create(
            [
                {
                    "student_id": cls.student.id,
                    "scan_time": datetime(2026, 11, 23, 8, minute),
                    "device": text,
                }
                for minute, text in enumerate(FORMULAS)
            ]
        )
        cls.reports = cls.env["student_care.truancy.report"].create(
            [
                {"student_id": cls.student.id, "company_id": cls.school.id, "note": text}
                for text in FORMULAS
            ]
        )

    def setUp(self):
        super().setUp()
        self.addCleanup(self.env.cr.precommit.clear)

    def _export(self, records, field):
        result = self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{records._name}/export_data",
            {
                "model": records._name,
                "method": "export_data",
                "args": [records.ids, [field]],
                "kwargs": {},
            },
        )
        return sorted(row[0] for row in result["datas"])

    def test_attendance_officer_exports_quoted_cells(self):
        officer = self.users["attendance"]
        self.authenticate(officer.login, officer.login)
        expected = sorted(f"'{text}" for text in FORMULAS)
        for records, field in (
            (self.attendances, "note"),
            (self.scans, "device"),
            (self.reports, "note"),
        ):
            with self.subTest(model=records._name, field=field):
                self.assertEqual(self._export(records, field), expected)
