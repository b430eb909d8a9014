# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import date
from pathlib import Path

from odoo.addons.base.tests.common import BaseCommon

SEED_PATH = Path(__file__).resolve().parents[2] / "setup" / "seed.py"


def load_seed():
    """setup/seed.py is no add-on module: the benchmarks and setup/generate run it."""
    spec = importlib.util.spec_from_file_location("student_care_setup_seed", SEED_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestSeed(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seed = load_seed()

    def _institution(self, name, count, seed=7):
        company = self.env["res.company"].create({"name": name})
        stats = self.seed.seed_institution(self.env, company, count, seed=seed)
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        return company, stats, students

    def test_institution_with_families(self):
        company, stats, students = self._institution("Seed School", 120)
        self.assertEqual(stats["students"], 120)
        self.assertEqual(len(students), 120)
        self.assertEqual(len(set(students.mapped("student_number"))), 120)
        # Six grades of 20 students: one class each, every student placed.
        self.assertEqual(stats["classes"], 6)
        self.assertEqual(set(students.mapped("grade_id.level")), set(range(7, 13)))
        self.assertFalse(students.filtered(lambda s: not s.class_id))
        # Every student has a guardian with custody; siblings share guardians.
        links = students.guardian_link_ids
        self.assertEqual(links.student_id, students)
        self.assertEqual(stats["links"], len(links))
        self.assertFalse(
            students.filtered(lambda s: not s.guardian_link_ids.filtered("has_custody"))
        )
        self.assertLess(len(links.guardian_id), len(links), "no sibling shares a guardian")
        self.assertTrue(all(student.age in range(12, 19) for student in students))

    def test_same_seed_same_school(self):
        _company_a, _stats, students_a = self._institution("School A", 30, seed=3)
        _company_b, _stats, students_b = self._institution("School B", 30, seed=3)
        self.assertEqual(sorted(students_a.mapped("name")), sorted(students_b.mapped("name")))

    def test_second_run_adds_new_numbers(self):
        company, _stats, _students = self._institution("Twice School", 12)
        self.seed.seed_institution(self.env, company, 12, seed=8)
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        self.assertEqual(len(students), 24)
        self.assertEqual(len(set(students.mapped("student_number"))), 24)
        classes = self.env["student_care.class"].search([("company_id", "=", company.id)])
        self.assertEqual(len(set(classes.mapped("name"))), len(classes))

    def test_attendance_absence_model(self):
        company, _stats, students = self._institution("Attendance School", 200)
        # 2026-09-01 is a Tuesday: 65 weekdays up to 2026-11-30.
        first, last = date(2026, 9, 1), date(2026, 11, 30)
        rows = self.seed.seed_attendance(self.env, company, first, last)
        days = len(self.seed.school_days(first, last))
        self.assertEqual(days, 65)
        self.assertEqual(rows, 200 * days * 6)
        attendance = self.env["student_care.attendance"]
        domain = [("company_id", "=", company.id)]
        self.assertEqual(attendance.search_count(domain), rows)
        self.assertFalse(
            attendance.search_count(
                domain + [("date", "in", [date(2026, 9, 5), date(2026, 9, 6)])]
            ),
            "no attendance on a weekend",
        )
        # One absence model: most students are fine, a few are chronically absent, and
        # unexcused absence is concentrated on a few truants.
        self.env["res.partner"]._update_chronic_absence(today=last)
        tiers = dict(
            self.env["res.partner"]._read_group(
                [("id", "in", students.ids)], ["absence_tier"], ["__count"]
            )
        )
        self.assertGreater(tiers.get("satisfactory", 0), 100)
        chronic = tiers.get("moderate", 0) + tiers.get("severe", 0)
        self.assertTrue(5 <= chronic <= 50, tiers)
        unexcused = attendance._read_group(
            domain + [("status", "=", "absent"), ("is_excused", "=", False)],
            ["student_id"],
            ["__count"],
        )
        truants = [student for student, count in unexcused if count >= 3 * 6]
        self.assertTrue(truants, "no truant")
        self.assertLess(len(truants), 40)
        # Idempotent: the days already there are left as they are.
        self.assertEqual(self.seed.seed_attendance(self.env, company, first, last), 0)
        self.assertEqual(attendance.search_count(domain), rows)

    def test_first_period_and_scans(self):
        company, _stats, students = self._institution("Morning School", 150)
        day = date(2026, 11, 23)
        rows = self.seed.seed_attendance(
            self.env, company, day, day, periods=[1], source="teacher"
        )
        self.assertEqual(rows, 150)
        absent = self.env["student_care.attendance"].search(
            [("company_id", "=", company.id), ("status", "=", "absent")]
        )
        self.assertTrue(absent)
        self.assertEqual(set(absent.mapped("period")), {1})
        scans = self.seed.seed_scans(self.env, company, day, share=1.0)
        self.assertEqual(scans.student_id, absent.student_id)
        self.assertEqual(set(scans.mapped("date")), {day})
