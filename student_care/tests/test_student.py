# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import StudentCareCommon


class TestStudent(StudentCareCommon):
    def test_new_student_is_enrolled_contact(self):
        self.assertRecordValues(
            self.student,
            [{"is_student": True, "enrolment_status": "enrolled", "type": "contact"}],
        )

    def test_duplicate_student_number_same_institution(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.create_student("Twin Number", "100001")

    def test_same_student_number_other_institution_allowed(self):
        # setUpClass made "100001" in both schools; a third school may reuse it too.
        third = self.env["res.company"].create({"name": "Third School"})
        student = self.env["res.partner"].create(
            {
                "name": "Third",
                "is_student": True,
                "student_number": "100001",
                "company_id": third.id,
            }
        )
        self.assertEqual(student.student_number, self.student.student_number)

    def test_student_needs_number_and_institution(self):
        with self.assertRaisesRegex(ValidationError, "needs a student number"):
            self.env["res.partner"].create(
                {"name": "No Number", "is_student": True, "company_id": self.school.id}
            )
        with self.assertRaisesRegex(ValidationError, "must belong to an institution"):
            self.env["res.partner"].create(
                {"name": "No School", "is_student": True, "student_number": "X1"}
            )

    def test_student_is_never_filed_under_a_guardian(self):
        """A contact's parent reads it on the portal: a guardian without custody would."""
        with self.assertRaisesRegex(ValidationError, "link guardians to the student"):
            self.student.parent_id = self.mother
        with self.assertRaisesRegex(ValidationError, "cannot be filed under"):
            self.create_student("Filed Child", "100099", parent_id=self.mother.id)

    def test_class_of_other_institution_refused(self):
        other_class = self.env["student_care.class"].create(
            {"name": "O1", "company_id": self.other_school.id}
        )
        with self.assertRaisesRegex(ValidationError, "belongs to Other College"):
            self.student.class_id = other_class

    @freeze_time("2026-11-23")
    def test_age(self):
        self.student.birth_date = date(2012, 11, 24)
        self.assertEqual(self.student.age, 13)
        self.student.birth_date = date(2012, 11, 23)
        self.assertEqual(self.student.age, 14)

    def test_class_fills_grade_and_mentor(self):
        form = Form(
            self.env["res.partner"].with_context(default_is_student=True),
            view="student_care.res_partner_view_form_student",
        )
        form.name = "Form Student"
        form.student_number = "100777"
        form.company_id = self.school
        form.class_id = self.klass
        self.assertEqual(form.grade_id, self.grade)
        self.assertEqual(form.mentor_id, self.users["teacher"])
        student = form.save()
        self.assertIn(student, self.klass.student_ids)
        self.assertEqual(self.klass.student_count, 2)

    @freeze_time("2026-11-23")
    def test_status_change_dates_it(self):
        with Form(self.student, view="student_care.res_partner_view_form_student") as form:
            form.enrolment_status = "on_leave"
        self.assertRecordValues(
            self.student, [{"enrolment_status": "on_leave", "status_date": date(2026, 11, 23)}]
        )

    def test_search_view_filters(self):
        self.student.mentor_id = self.users["teacher"]
        students = self.env["res.partner"].with_user(self.users["teacher"])
        mine = students.search([("mentor_id", "=", self.users["teacher"].id)])
        self.assertEqual(mine, self.student)
        groups = students._read_group(
            [("is_student", "=", True), ("company_id", "=", self.school.id)],
            ["class_id"],
            ["__count"],
        )
        self.assertEqual(groups, [(self.klass, 1)])
