# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The import framework of student_care (student_care.import.mixin), through both of its
plug-ins: attendance and entry scans."""

import base64
import random
from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.common import StudentCareCommon
from odoo.addons.student_care.tests.probes import ROLES, RpcProbes, new_role_user

from .test_scan import workbook

ATTENDANCE = """student_number,date,period,status,reason,minutes,note
100001,2026-11-23,1,absent,UNX,50,
100002,2026-11-23,1,present,,,
100001,2026-11-23,2,tardy,ILL,10,doctor
"""
SCANS = """student_number,time,device
100001,2026-11-23 08:12,North gate
100002,2026-11-23 08:15,North gate
"""
NOISE = random.Random(7).randbytes(2048)
# Inputs that are no table of ours at all. Each must end as a UserError, never a crash.
GARBAGE = {
    "empty": b"",
    "blank lines": "\n \n\t\n",
    "random bytes": NOISE,
    "nul bytes": b"\x00" * 64,
    "fake workbook": b"PK\x03\x04" + NOISE[:256],
    "wrong headers": "name,when,what\nLotte,today,away\n",
    "huge field": "student_number,date,status\n" + "9" * 200_000 + ",2026-11-23,absent\n",
}


class TestImportFramework(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.classmate = cls.create_student("Sem Bakker", "100002")
        officer = cls.users["attendance"]
        officer.tz = "Europe/Amsterdam"
        cls.attendance = cls.env["student_care.attendance"].with_user(officer)
        cls.scans = cls.env["student_care.attendance.scan"].with_user(officer)
        cls.students = cls.student | cls.classmate

    def _attendance(self):
        return self.attendance.search([("student_id", "in", self.students.ids)])

    def _scans(self):
        return self.scans.search([("student_id", "in", self.students.ids)])

    # ------------------------------------------------------------------ line numbers

    def test_line_numbers_are_the_spreadsheets(self):
        """The header is line 1; blank lines are skipped but still counted."""
        text = (
            "student_number,date,status\n"
            "100001,2026-11-23,absent\n"
            "\n"
            ",,\n"
            "100009,2026-11-23,absent\n"
        )
        result = self.attendance.import_attendance_csv(text, dry_run=True)
        self.assertEqual(
            result["errors"], ["Line 5: student number 100009 is not a student of Test Lyceum."]
        )
        scans = "student_number,time\n\n100001,2026-11-23 08:00\n100001,noon\n"
        result = self.scans.import_scans_csv(scans, dry_run=True)
        self.assertEqual(
            result["errors"],
            ["Line 4: time noon is not a date and time (use 2026-11-23 08:12)."],
        )

    def test_line_numbers_in_a_workbook(self):
        content = workbook(
            [
                ("student_number", "time", "device"),
                (100001, datetime(2026, 11, 23, 8, 0), "Gate"),
                (None, None, None),
                (100001, "23/11/2026 08:01", "Gate"),
                (100001, datetime(2026, 11, 23, 8, 0), "Gate"),
            ]
        )
        result = self.scans.import_scans_csv(content, dry_run=True)
        self.assertEqual(result["errors"], ["Line 5: same student, time and gate as line 2."])

    # ------------------------------------------------------------------ all or nothing

    def test_one_bad_line_writes_nothing(self):
        with self.assertRaisesRegex(UserError, r"Nothing was imported(.|\n)*Line 5"):
            self.attendance.import_attendance_csv(ATTENDANCE + "100001,2026-11-31,1,absent,,,\n")
        with self.assertRaisesRegex(UserError, r"Nothing was imported(.|\n)*Line 4"):
            self.scans.import_scans_csv(SCANS + "100001,2026-11-23 25:00,\n")
        self.assertFalse(self._attendance())
        self.assertFalse(self._scans())

    def test_a_failed_write_is_undone(self):
        """A write that fails half-way leaves nothing behind, even for a caller that catches
        the error and carries on in the same transaction."""
        Scan = type(self.env["student_care.attendance.scan"])
        original = Scan._import_create

        def create_then_fail(model, vals_list):
            original(model, vals_list)
            raise RuntimeError("the disk is full")

        with (
            patch.object(Scan, "_import_create", create_then_fail),
            self.assertRaisesRegex(RuntimeError, "the disk is full"),
        ):
            self.scans.import_scans_csv(SCANS)
        self.assertFalse(self._scans())

    def test_refusal_lists_the_first_errors_and_counts_the_rest(self):
        text = "student_number,date,status\n" + "999999,2026-11-23,absent\n" * 60
        with self.assertRaises(UserError) as caught:
            self.attendance.import_attendance_csv(text)
        message = str(caught.exception)
        self.assertIn("Line 51:", message)
        self.assertNotIn("Line 52:", message)
        self.assertIn("... and 10 more.", message)
        self.assertEqual(len(self.attendance.import_attendance_csv(text, True)["errors"]), 60)

    # ------------------------------------------------------------------ diff and dry run

    def test_reimport_is_unchanged_in_any_format(self):
        """The same data as CSV, then as a workbook: the second import changes nothing."""
        self.assertEqual(self.scans.import_scans_csv(SCANS)["created"], 2)
        content = workbook(
            [
                ("Badge", "Timestamp", "Gate"),
                (100001, datetime(2026, 11, 23, 8, 12), "North gate"),
                ("100002", "2026-11-23 08:15", "North gate"),
            ]
        )
        self.assertEqual(
            self.scans.import_scans_csv(content),
            {"errors": [], "created": 0, "updated": 0, "unchanged": 2},
        )
        self.assertEqual(len(self._scans()), 2)

    def test_dry_run_counts_without_writing(self):
        self.attendance.import_attendance_csv(ATTENDANCE)
        stamps = self._attendance().mapped("write_date")
        changed = ATTENDANCE.replace("tardy,ILL,10,doctor", "tardy,ILL,15,doctor")
        extra = changed + "100002,2026-11-24,0,absent,,,\n"
        dry = self.attendance.import_attendance_csv(extra, dry_run=True)
        self.assertEqual(dry, {"errors": [], "created": 1, "updated": 1, "unchanged": 2})
        self.assertEqual(len(self._attendance()), 3)
        self.assertEqual(self._attendance().mapped("write_date"), stamps)
        self.assertEqual(
            self.scans.import_scans_csv(SCANS, dry_run=True),
            {"errors": [], "created": 2, "updated": 0, "unchanged": 0},
        )
        self.assertFalse(self._scans())
        # The real run does what the dry run announced.
        self.assertEqual(self.attendance.import_attendance_csv(extra), dry)
        self.assertEqual(
            self._attendance().filtered(lambda r: r.status == "tardy").minutes_missed, 15
        )

    # ------------------------------------------------------------------ reading

    def test_encodings_and_delimiters(self):
        for name, content in {
            "utf-8 with BOM": "\ufeffstudent_number;date;status;note\n"
            "100001;2026-11-23;absent;réveil\n".encode(),
            "windows-1252": b"student_number\tdate\tstatus\tnote\n"
            b"100001\t2026-11-23\tabsent\tr\xe9veil\n",
            "utf-16": "student_number|date|status|note\n"
            "100001|2026-11-23|absent|réveil\n".encode("utf-16"),
        }.items():
            with self.subTest(encoding=name):
                result = self.attendance.import_attendance_csv(content, dry_run=True)
                self.assertEqual(result["created"], 1, result)
        latin = b"student_number,date,status,note\n100001,2026-11-23,absent,r\xe9veil\n"
        self.attendance.import_attendance_csv(latin)
        self.assertEqual(self._attendance().note, "réveil")

    def test_garbage_is_a_clear_error(self):
        for name, content in GARBAGE.items():
            for plug_in, method in (
                (self.attendance, "import_attendance_csv"),
                (self.scans, "import_scans_csv"),
            ):
                with self.subTest(input=name, model=plug_in._name), self.assertRaises(UserError):
                    getattr(plug_in, method)(content)
        with self.assertRaises(UserError):
            self.attendance.import_attendance_csv(12345)
        self.assertFalse(self._attendance() or self._scans())

    def test_out_of_range_values_are_line_errors(self):
        huge = "9" * 5000
        text = (
            "student_number,date,period,status,minutes\n"
            f"100001,2026-11-23,{huge},absent,\n"
            f"100001,2026-11-23,1,absent,{huge}\n"
            "100001,2026-11-23,²,absent,\n"
            "100001,2026-02-30,1,absent,\n"
            "100001,0000-01-01,1,absent,\n"
            "100001,2026-11-23,1,absent,99999\n"
        )
        errors = self.attendance.import_attendance_csv(text, dry_run=True)["errors"]
        self.assertEqual(len(errors), 6, errors)
        self.assertIn("must be 0 (whole day) to 8", errors[0])
        self.assertIn("is not a whole number from 0 to 1440", errors[1])
        self.assertIn("period ² must be 0 (whole day) to 8", errors[2])
        self.assertIn("is not a date", errors[3])
        self.assertIn("is not a date", errors[4])
        self.assertIn("is not a whole number from 0 to 1440", errors[5])
        scans = "student_number,time\n100001,0001-01-01 00:00\n100001,2026-13-01 08:00\n"
        errors = self.scans.import_scans_csv(scans, dry_run=True)["errors"]
        self.assertEqual(len(errors), 2, errors)

    def test_text_a_database_cannot_store_is_cleaned(self):
        text = "student_number,date,status,note\n100001,2026-11-23,absent,late\x00 bus \ud800\n"
        self.attendance.import_attendance_csv(text)
        self.assertEqual(self._attendance().note, "late bus ?")

    def test_bulk_insert_fills_class_and_excused(self):
        ill = self.env.ref("student_care_attendance.student_care_attendance_reason_illness")
        self.attendance._bulk_insert(
            [
                {"student_id": self.student.id, "date": date(2026, 11, 23), "status": "absent"},
                {
                    "student_id": self.classmate.id,
                    "date": date(2026, 11, 23),
                    "status": "absent",
                    "reason_id": ill.id,
                    "period": 2,
                },
            ]
        )
        self.assertRecordValues(
            self._attendance().sorted("period"),
            [
                {"period": 0, "class_id": self.klass.id, "is_excused": False, "source": "import"},
                {"period": 2, "class_id": self.klass.id, "is_excused": True, "source": "import"},
            ],
        )


@tagged("post_install", "-at_install")
class TestImportFrameworkRpc(RpcProbes, HttpCase):
    """Over HTTP JSON-RPC with a real login, bad input is a UserError, never a crash."""

    def _assert_user_error(self, model, method, args):
        with self.assertRaises(JsonRpcException) as caught:
            self.rpc(model, method, args)
        self.assertIn("odoo.exceptions.UserError", str(caught.exception))

    # A damaged workbook upload also makes the attachment's type guess complain.
    @mute_logger("odoo.http", "odoo.tools.mimetypes.guess_mimetype")
    def test_garbage_over_rpc(self):
        school = self.env["res.company"].create({"name": "RPC Garbage School"})
        clerk = new_role_user(self.env, "rpc_garbage_clerk", ROLES["attendance"], school)
        self.env["res.partner"].create(
            {"name": "R", "is_student": True, "student_number": "100001", "company_id": school.id}
        )
        self.login_as(clerk)
        texts = {
            "empty": "",
            "wrong headers": "name,when\nR,today\n",
            "binary as text": NOISE[:512].decode("latin-1"),
            "huge field": GARBAGE["huge field"],
        }
        for name, text in texts.items():
            for model, method in (
                ("student_care.attendance", "import_attendance_csv"),
                ("student_care.attendance.scan", "import_scans_csv"),
            ):
                with self.subTest(input=name, model=model):
                    self._assert_user_error(model, method, [text])
        with self.subTest(input="not text"):
            self._assert_user_error("student_care.attendance", "import_attendance_csv", [[1, 2]])
        bad_lines = "student_number,date,period,status\n100001,2026-11-23,99999999999999,absent\n"
        self._assert_user_error("student_care.attendance", "import_attendance_csv", [bad_lines])
        result = self.rpc(
            "student_care.attendance", "import_attendance_csv", [bad_lines], {"dry_run": True}
        )
        self.assertEqual(len(result["errors"]), 1)
        # The wizard with a file that is no spreadsheet at all.
        model = "student_care.attendance.import"
        for name in ("random bytes", "fake workbook", "nul bytes"):
            with self.subTest(wizard=name):
                wizard_id = self.rpc(
                    model,
                    "create",
                    [{"file": base64.b64encode(GARBAGE[name]).decode(), "filename": "x.csv"}],
                )
                self._assert_user_error(model, "action_check", [[wizard_id]])
        self.assertFalse(
            self.env["student_care.attendance"].search([("company_id", "=", school.id)])
        )
