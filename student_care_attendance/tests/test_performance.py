# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query-count guards on the hot paths of attendance.

Each test checks two things: the path costs as many queries for a small batch as for a
batch several times larger (no per-record queries), and it stays within the count pinned
below (measured once; ``assertQueryCount`` fails when a change adds queries). A lower count
only logs: lower the pin then.
"""

from datetime import date, timedelta

from odoo import Command
from odoo.tests import users

from odoo.addons.student_care.tests.common import StudentCareCommon

DAY = date(2026, 11, 23)  # a Monday, in the past of no test: nothing is "today"

# Pinned query counts (see the module docstring).
IMPORT_QUERIES = 16
OUTREACH_PAGE_QUERIES = 5
# The roll call's absences look up accepted excuse requests once per save (one query).
ROLL_CALL_QUERIES = 15
ROLL_CALL_CORRECTION_QUERIES = 13
TRUANCY_ONE_STUDENT_QUERIES = 12


class TestAttendancePerformance(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        for user in cls.users.values():
            user.tz = "UTC"
        cls.unexcused = cls.env.ref(
            "student_care_attendance.student_care_attendance_reason_unexcused"
        )
        cls.small_class = cls.env["student_care.class"].create(
            {
                "name": "P5",
                "grade_id": cls.grade.id,
                "company_id": cls.school.id,
                "mentor_id": cls.users["teacher"].id,
            }
        )
        cls.large_class = cls.small_class.copy({"name": "P25"})
        cls.warm_class = cls.small_class.copy({"name": "P3"})
        cls.pupils = cls.env["res.partner"].create(
            [
                {
                    "name": f"Pupil {index:03d}",
                    "is_student": True,
                    "student_number": f"{300000 + index}",
                    "company_id": cls.school.id,
                    "class_id": (
                        cls.small_class
                        if index < 5
                        else cls.large_class
                        if index < 30
                        else cls.warm_class
                    ).id,
                    "grade_id": cls.grade.id,
                }
                for index in range(33)
            ]
        )
        # Every pupil has a guardian to call, so the outreach list has all its columns.
        guardians = cls.env["res.partner"].create(
            [
                {"name": f"Guardian {index:03d}", "company_id": cls.school.id, "mobile": "+31 6"}
                for index in range(len(cls.pupils))
            ]
        )
        cls.env["student_care.guardian.link"].create(
            [
                {"student_id": pupil.id, "guardian_id": guardian.id, "has_custody": True}
                for pupil, guardian in zip(cls.pupils, guardians, strict=True)
            ]
        )

    def setUp(self):
        super().setUp()
        # Tests never commit: forget what the attendance trigger registered.
        self.addCleanup(self.env.cr.precommit.clear)

    def _queries(self, function):
        """Queries ``function`` runs, pending writes included (as assertQueryCount counts)."""
        self.env.flush_all()
        self.env.cr.flush()
        start = self.cr.sql_log_count
        function()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - start

    # ------------------------------------------------------------------ import

    def _csv(self, day, pupils):
        lines = ["student_number,date,period,status,reason,minutes,note"]
        for index, pupil in enumerate(pupils):
            if index % 2:
                lines.append(f"{pupil.student_number},{day},1,present,,,")
            else:
                lines.append(f"{pupil.student_number},{day},1,absent,UNX,50,")
        return "\n".join(lines) + "\n"

    def _import(self, day, pupils):
        result = self.env["student_care.attendance"].import_attendance_csv(self._csv(day, pupils))
        self.assertEqual(result["created"], len(pupils))

    @users("sc_attendance")
    def test_import_queries_do_not_grow_with_the_file(self):
        small, large = self.pupils[:3], self.pupils[3:33]  # N and 10 x N rows
        self._import(DAY, small)  # warm the caches
        small_count = self._queries(lambda: self._import(DAY + timedelta(days=1), small))
        with self.assertQueryCount(IMPORT_QUERIES):
            large_count = self._queries(lambda: self._import(DAY + timedelta(days=2), large))
        self.assertEqual(large_count, small_count)
        records = self.env["student_care.attendance"].search(
            [("student_id", "in", self.pupils.ids), ("date", "=", DAY + timedelta(days=2))]
        )
        self.assertEqual(len(records), 30)
        self.assertEqual(len(records.filtered(lambda r: r.status == "absent")), 15)

    # ------------------------------------------------------------------ outreach

    def _absent(self, pupils, day):
        self.env["student_care.attendance"].sudo().create(
            [
                {
                    "student_id": pupil.id,
                    "date": day,
                    "period": 1,
                    "status": "absent",
                    "reason_id": self.unexcused.id,
                }
                for pupil in pupils
            ]
        )

    def _outreach_page(self, day):
        """The first page of the outreach list, as the web client asks for it."""
        specification = {
            name: {}
            for name in (
                "date",
                "class_id",
                "grade_id",
                "risk_score",
                "previous_absence_days",
                "open_case_count",
                "reason_id",
                "phone",
                "call_count",
                "is_recovered",
                "has_scan",
            )
        }
        specification["student_id"] = {"fields": {"display_name": {}}}
        specification["guardian_link_id"] = {"fields": {"display_name": {}}}
        specification["company_id"] = {"fields": {"display_name": {}}}
        return self.env["student_care.outreach"].web_search_read(
            [("date", "=", day)], specification, limit=80
        )

    @users("sc_attendance")
    def test_outreach_first_page_queries_do_not_grow_with_lines(self):
        self._absent(self.pupils[30:33], DAY - timedelta(days=7))
        self._absent(self.pupils[:5], DAY)
        self._absent(self.pupils[5:30], DAY + timedelta(days=1))
        pages = []
        self.env.invalidate_all()
        self._queries(lambda: self._outreach_page(DAY - timedelta(days=7)))  # warm the caches
        self.env.invalidate_all()
        small_count = self._queries(lambda: self._outreach_page(DAY))
        self.env.invalidate_all()
        with self.assertQueryCount(OUTREACH_PAGE_QUERIES):
            large_count = self._queries(
                lambda: pages.append(self._outreach_page(DAY + timedelta(days=1)))
            )
        self.assertEqual(large_count, small_count)
        page = pages[0]
        self.assertEqual(page["length"], 25)
        self.assertTrue(all(record["phone"] for record in page["records"]))

    # ------------------------------------------------------------------ roll call

    def _roll_call(self, klass, day, absent=0):
        """Save a roll call of ``klass`` with every other student absent (``absent`` = 0:
        the first, 1: the second), then run the truancy follow-up the save registered (it
        runs before the commit)."""
        roll_call = self.env["student_care.attendance.roll_call"].create(
            {
                "class_id": klass.id,
                "date": day,
                "period": 1,
                "line_ids": [
                    Command.create(
                        {
                            "student_id": student.id,
                            "status": "absent" if index % 2 == absent else "present",
                        }
                    )
                    for index, student in enumerate(klass.student_ids.sorted("name"))
                ],
            }
        )

        def save():
            roll_call.action_save()
            self.env["student_care.truancy.rule"]._run_pending()

        return save

    @users("sc_teacher")
    def test_roll_call_save_queries_do_not_grow_with_the_class(self):
        small, large = self.small_class.with_env(self.env), self.large_class.with_env(self.env)
        self._roll_call(self.warm_class.with_env(self.env), DAY)()  # warm the caches
        small_count = self._queries(self._roll_call(small, DAY))
        save = self._roll_call(large, DAY)
        with self.assertQueryCount(ROLL_CALL_QUERIES):
            large_count = self._queries(save)
        self.assertEqual(large_count, small_count)
        saved = self.env["student_care.attendance"].search(
            [("class_id", "=", large.id), ("date", "=", DAY)]
        )
        self.assertEqual(len(saved), 25)
        self.assertEqual(len(saved.filtered(lambda r: r.status == "absent")), 13)

    @users("sc_teacher")
    def test_roll_call_correction_queries_do_not_grow_with_the_class(self):
        """Saving the roll call again with every student's status changed corrects the
        records in one write per status, not one per student."""
        small, large = self.small_class.with_env(self.env), self.large_class.with_env(self.env)
        warm = self.warm_class.with_env(self.env)
        for klass in (warm, small, large):
            self._roll_call(klass, DAY)()
        self._roll_call(warm, DAY, absent=1)()  # warm the caches
        small_count = self._queries(self._roll_call(small, DAY, absent=1))
        save = self._roll_call(large, DAY, absent=1)
        with self.assertQueryCount(ROLL_CALL_CORRECTION_QUERIES):
            large_count = self._queries(save)
        self.assertEqual(large_count, small_count)
        saved = self.env["student_care.attendance"].search(
            [("class_id", "=", large.id), ("date", "=", DAY)]
        )
        self.assertEqual(len(saved), 25)
        self.assertEqual(len(saved.filtered(lambda r: r.status == "absent")), 12)

    # ------------------------------------------------------------------ truancy

    def test_truancy_evaluation_of_one_student(self):
        """Evaluating one student costs the same whatever the number of absences, and
        firing a step (a guardian notice) does not change that."""
        self.env["student_care.truancy.rule"].search([]).active = False
        rule = self.env["student_care.truancy.rule"].create(
            {
                "name": "Three days",
                "company_id": self.school.id,
                "unit": "day",
                "window_type": "school_year",
                "step_ids": [Command.create({"threshold": 3, "action": "notice"})],
            }
        )
        few, many, warm = self.pupils[0], self.pupils[1], self.pupils[2]
        attendance = self.env["student_care.attendance"]
        for pupil, days in ((few, 3), (many, 30), (warm, 3)):
            attendance.create(
                [
                    {
                        "student_id": pupil.id,
                        "date": DAY - timedelta(days=offset),
                        "period": 0,
                        "status": "absent",
                        "reason_id": self.unexcused.id,
                    }
                    for offset in range(days)
                ]
            )
        self.env.cr.precommit.clear()
        rule._evaluate(student_ids=warm.ids, today=DAY)  # warm the caches
        few_count = self._queries(lambda: rule._evaluate(student_ids=few.ids, today=DAY))
        with self.assertQueryCount(TRUANCY_ONE_STUDENT_QUERIES):
            many_count = self._queries(
                lambda: self.assertTrue(rule._evaluate(student_ids=many.ids, today=DAY))
            )
        self.assertEqual(many_count, few_count)
        events = self.env["student_care.truancy.event"].search([("rule_id", "=", rule.id)])
        self.assertEqual(events.student_id, few | many | warm)
        self.assertEqual(len(events.mapped("notice_ids")), 3)
