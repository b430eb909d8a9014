# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.common import StudentCareCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
DAY = date(2026, 11, 23)


class TestAttendance(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.klass.teacher_ids = cls.users["teacher"]
        cls.klass.mentor_id = False
        cls.classmate = cls.create_student("Sem Bakker", "100002")
        cls.other_class = cls.env["student_care.class"].create(
            {"name": "T9B", "company_id": cls.school.id}
        )
        cls.stranger = cls.create_student("Noor Kaya", "100003", class_id=cls.other_class.id)
        cls.illness = cls.env.ref("student_care_attendance.student_care_attendance_reason_illness")
        cls.unexcused = cls.env.ref(
            "student_care_attendance.student_care_attendance_reason_unexcused"
        )
        cls.attendance = cls.env["student_care.attendance"]

    def _roll_call(self, user, statuses, period=1):
        form = Form(self.env["student_care.attendance.roll_call"].with_user(user))
        form.class_id = self.klass
        form.date = DAY
        form.period = period
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                name = line.student_id.name
                if name in statuses:
                    line.status, line.reason_id = statuses[name]
        return form.save().action_save()

    def test_roll_call_defaults_to_present_and_saves_in_one_go(self):
        result = self._roll_call(self.users["teacher"], {"Sem Bakker": ("absent", self.unexcused)})
        self.assertIn("1 absent of 2", result["params"]["message"])
        records = self.attendance.search(
            [("company_id", "=", self.school.id), ("date", "=", DAY), ("period", "=", 1)]
        )
        self.assertEqual(
            {(r.student_id.name, r.status) for r in records},
            {("Lotte Visser", "present"), ("Sem Bakker", "absent")},
        )
        absent = records.filtered(lambda r: r.status == "absent")
        self.assertRecordValues(
            absent,
            [
                {
                    "reason_id": self.unexcused.id,
                    "is_excused": False,
                    "source": "teacher",
                    "recorded_by_id": self.users["teacher"].id,
                    "class_id": self.klass.id,
                    "company_id": self.school.id,
                }
            ],
        )

    def test_second_roll_call_corrects_instead_of_duplicating(self):
        teacher = self.users["teacher"]
        self._roll_call(teacher, {"Sem Bakker": ("absent", self.unexcused)})
        form = Form(self.env["student_care.attendance.roll_call"].with_user(teacher))
        form.class_id, form.date, form.period = self.klass, DAY, 1
        shown = {}
        for index in range(len(form.line_ids)):
            line = form.line_ids.edit(index)
            with line as values:
                shown[values.student_id.name] = values.status
        self.assertEqual(shown["Sem Bakker"], "absent", "the roll call shows what was saved")
        self._roll_call(teacher, {"Sem Bakker": ("tardy", self.illness)})
        records = self.attendance.search(
            [("company_id", "=", self.school.id), ("date", "=", DAY), ("period", "=", 1)]
        )
        self.assertEqual(len(records), 2)
        sem = records.filtered(lambda r: r.student_id == self.classmate)
        self.assertRecordValues(sem, [{"status": "tardy", "is_excused": True}])

    def test_one_record_per_student_date_period(self):
        values = {"student_id": self.student.id, "date": DAY, "period": 2}
        self.attendance.create(values)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.attendance.create(values)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.attendance.create({**values, "period": 9})
        with self.assertRaisesRegex(ValidationError, "is not a student"):
            self.attendance.create({"student_id": self.mother.id, "date": DAY})

    @mute_logger(*MUTED)
    def test_teacher_only_own_classes(self):
        teacher = self.users["teacher"]
        own = self.attendance.create({"student_id": self.student.id, "date": DAY})
        other = self.attendance.create({"student_id": self.stranger.id, "date": DAY})
        visible = self.attendance.with_user(teacher).search([])
        self.assertIn(own, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(teacher).write({"status": "absent"})
        with self.assertRaises(AccessError):
            self.attendance.with_user(teacher).create(
                {"student_id": self.stranger.id, "date": DAY, "period": 3}
            )
        own.with_user(teacher).write({"status": "absent", "reason_id": self.illness.id})
        self.assertTrue(own.is_excused)

    @mute_logger(*MUTED)
    def test_other_roles(self):
        record = self.attendance.create({"student_id": self.stranger.id, "date": DAY})
        for role in ("attendance", "careworker", "caremanager"):
            with self.subTest(role=role):
                self.assertIn(record, self.attendance.with_user(self.users[role]).search([]))
        with self.assertRaises(AccessError):
            record.with_user(self.users["careworker"]).write({"status": "absent"})
        self.assertFalse(self.attendance.with_user(self.users["specialist"]).search([]))
        case = self.env["student_care.case"].create(
            {
                "student_id": self.stranger.id,
                "category_id": self.env.ref("student_care.student_care_case_category_truancy").id,
                "team_id": False,
            }
        )
        referral = self.env["student_care.referral"].create(
            {"case_id": case.id, "specialist_id": self.users["specialist"].id, "reason": "r"}
        )
        referral.action_activate()
        self.assertEqual(self.attendance.with_user(self.users["specialist"]).search([]), record)
        referral.action_end()
        self.assertFalse(self.attendance.with_user(self.users["specialist"]).search([]))
        with self.assertRaises(AccessError):
            self.attendance.with_user(self.users["billing"]).search([])

    def test_corrections_are_tracked_creation_is_silent(self):
        teacher = self.users["teacher"]
        self._roll_call(teacher, {"Sem Bakker": ("absent", self.unexcused)})
        record = self.attendance.search(
            [("student_id", "=", self.classmate.id), ("date", "=", DAY)]
        )
        self.assertFalse(record.message_ids, "recording logs nothing")
        self.assertFalse(record.message_follower_ids, "and subscribes nobody")
        self.env.cr.flush()  # end of the roll call's transaction, as in real life
        # (the test base class switches tracking off; a user's edit has it on)
        record.with_user(teacher).with_context(tracking_disable=False, mail_notrack=False).write(
            {"status": "tardy", "minutes_missed": 15}
        )
        self.env.cr.flush()
        changes = {
            (value.field_id.name, value.old_value_char, value.new_value_char)
            for value in record.message_ids.sudo().tracking_value_ids
        }
        self.assertIn(("status", "Absent", "Tardy"), changes)
        self.assertIn("minutes_missed", {change[0] for change in changes})
        self.assertEqual(record.message_ids.author_id, teacher.partner_id)
