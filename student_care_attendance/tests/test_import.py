# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.common import StudentCareCommon
from odoo.addons.student_care.tests.probes import ROLES, RpcProbes, new_role_user

GOOD = """student_number,date,period,status,reason,minutes,note
100001,2026-11-23,1,absent,UNX,50,
100002,2026-11-23,1,present,,,
100001,2026-11-23,2,tardy,ILL,10,doctor
100002,23-11-2026,0,present,,,
"""


class TestAttendanceImport(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.classmate = cls.create_student("Sem Bakker", "100002")
        cls.attendance = cls.env["student_care.attendance"].with_company(cls.school)

    def _records(self):
        return self.attendance.search(
            [("student_id", "in", (self.student | self.classmate).ids)], order="student_id, period"
        )

    def test_import_and_reimport_changes_nothing(self):
        result = self.attendance.import_attendance_csv(GOOD)
        self.assertEqual((result["created"], result["updated"], result["unchanged"]), (4, 0, 0))
        records = self._records()
        self.assertEqual(len(records), 4)
        absent = records.filtered(lambda r: r.status == "absent")
        self.assertRecordValues(
            absent,
            [
                {
                    "student_id": self.student.id,
                    "date": date(2026, 11, 23),
                    "period": 1,
                    "minutes_missed": 50,
                    "is_excused": False,
                    "source": "import",
                }
            ],
        )
        write_dates = records.mapped("write_date")
        again = self.attendance.import_attendance_csv(GOOD)
        self.assertEqual((again["created"], again["updated"], again["unchanged"]), (0, 0, 4))
        self.assertEqual(self._records().mapped("write_date"), write_dates)

    def test_corrected_file_updates_changed_rows_only(self):
        self.attendance.import_attendance_csv(GOOD)
        corrected = GOOD.replace(
            "100001,2026-11-23,1,absent,UNX,50,", "100001,2026-11-23,1,absent,ILL,50,"
        )
        result = self.attendance.import_attendance_csv(corrected)
        self.assertEqual((result["created"], result["updated"], result["unchanged"]), (0, 1, 3))
        self.assertTrue(
            self._records().filtered(lambda r: r.period == 1 and r.status == "absent").is_excused
        )

    def test_every_bad_row_reported_and_nothing_written(self):
        bad = GOOD + (
            "999999,2026-11-23,1,absent,,,\n"
            "100001,2026-13-45,1,absent,,,\n"
            "100001,2026-11-24,1,absent,XYZ,,\n"
            "100001,2026-11-24,1,gone,,,\n"
            "100001,2026-11-23,1,present,,,\n"
            "100001,2026-11-24,12,absent,,,\n"
        )
        dry = self.attendance.import_attendance_csv(bad, dry_run=True)
        errors = dry["errors"]
        self.assertEqual(len(errors), 6)
        self.assertIn("Line 6: student number 999999 is not a student of Test Lyceum.", errors)
        self.assertIn("Line 7", errors[1])
        self.assertIn("is not a date", errors[1])
        self.assertIn("reason code XYZ is unknown", errors[2])
        self.assertIn("status gone is unknown", errors[3])
        self.assertIn("same student, date and period as line 2", errors[4])
        self.assertIn("period 12 must be 0 (whole day) to 8", errors[5])
        with self.assertRaisesRegex(UserError, "Nothing was imported"):
            self.attendance.import_attendance_csv(bad)
        self.assertFalse(self._records(), "all or nothing")

    def test_missing_columns_are_named(self):
        with self.assertRaisesRegex(UserError, "no column for: status"):
            self.attendance.import_attendance_csv("student_number,date\n100001,2026-11-23\n")

    def test_semicolon_files_and_status_codes(self):
        text = "Student Number;Date;Status;Reason\n100001;23/11/2026;A;unx\n"
        result = self.attendance.import_attendance_csv(text)
        self.assertEqual(result["created"], 1)
        self.assertEqual(self._records().status, "absent")

    def test_wizard_checks_then_imports(self):
        officer = self.users["attendance"]
        wizard = Form(self.env["student_care.attendance.import"].with_user(officer))
        wizard.file = base64.b64encode(GOOD.encode())
        wizard = wizard.save()
        wizard.action_check()
        self.assertEqual(wizard.state, "checked")
        self.assertIn("4 new", wizard.summary)
        self.assertFalse(self._records(), "a check writes nothing")
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(len(self._records()), 4)


@tagged("post_install", "-at_install")
class TestAttendanceImportRpc(RpcProbes, HttpCase):
    def test_nightly_job_over_rpc(self):
        school = self.env["res.company"].create({"name": "RPC Import School"})
        clerk = new_role_user(self.env, "rpc_clerk", ROLES["attendance"], school)
        teacher = new_role_user(self.env, "rpc_teacher", ROLES["teacher"], school)
        self.env["res.partner"].create(
            {"name": "R", "is_student": True, "student_number": "100001", "company_id": school.id}
        )
        args = ["student_number,date,status\n100001,2026-11-23,absent\n"]
        model, method = "student_care.attendance", "import_attendance_csv"
        self.login_as(teacher)
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            self.assert_rpc_refused(model, method, args)
        self.login_as(clerk)
        result = self.rpc(model, method, args)
        self.assertEqual(result["created"], 1)
        self.assertEqual(self.rpc(model, method, args)["unchanged"], 1)
