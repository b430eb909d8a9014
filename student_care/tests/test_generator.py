# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.base.tests.common import BaseCommon


class TestGenerator(BaseCommon):
    def _generate(self, name, count, seed=7):
        company = self.env["res.company"].create({"name": name})
        stats = self.env["student_care.generator"]._generate_institution(company, count, seed=seed)
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        return company, stats, students

    def test_institution_with_families(self):
        company, stats, students = self._generate("Gen School", 120)
        self.assertEqual(stats["students"], 120)
        self.assertEqual(len(students), 120)
        self.assertEqual(len(set(students.mapped("student_number"))), 120)
        # Six grades of 20 students: one class each, every student placed.
        self.assertEqual(stats["classes"], 6)
        self.assertEqual(set(students.mapped("grade_id.level")), set(range(7, 13)))
        self.assertFalse(students.filtered(lambda s: not s.class_id))
        # Every student has a guardian with custody; siblings share guardians.
        links = self.env["student_care.guardian.link"].search([("company_id", "=", company.id)])
        self.assertEqual(set(links.student_id.ids), set(students.ids))
        self.assertEqual(stats["links"], len(links))
        for student in students:
            self.assertTrue(student.guardian_link_ids.filtered("has_custody"), student.name)
        shared = self.env["student_care.guardian.link"]._read_group(
            [("company_id", "=", company.id)],
            ["guardian_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        self.assertTrue(shared, "no sibling shares a guardian")
        self.assertTrue(all(student.age in range(12, 19) for student in students))

    def test_same_seed_same_school(self):
        _company_a, _stats, students_a = self._generate("School A", 30, seed=3)
        _company_b, _stats, students_b = self._generate("School B", 30, seed=3)
        self.assertEqual(sorted(students_a.mapped("name")), sorted(students_b.mapped("name")))

    def test_second_run_adds_new_numbers(self):
        company, _stats, students = self._generate("Twice School", 12)
        self.env["student_care.generator"]._generate_institution(company, 12, seed=8)
        all_students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        self.assertEqual(len(all_students), 24)
        self.assertEqual(len(set(all_students.mapped("student_number"))), 24)
        self.assertEqual(
            len(
                set(
                    self.env["student_care.class"]
                    .search([("company_id", "=", company.id)])
                    .mapped("name")
                )
            ),
            self.env["student_care.class"].search_count([("company_id", "=", company.id)]),
        )
