# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import StudentCareCommon


class StudentCareCaseCommon(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_new = cls.env.ref("student_care.student_care_case_stage_new")
        cls.stage_intake_done = cls.env.ref("student_care.student_care_case_stage_intake_done")
        cls.stage_closed = cls.env.ref("student_care.student_care_case_stage_closed")
        cls.truancy = cls.env.ref("student_care.student_care_case_category_truancy")
        cls.wellbeing = cls.env.ref("student_care.student_care_case_category_wellbeing")
        cls.team = cls.env["student_care.team"].create(
            {
                "name": "Test Care Team",
                "company_id": cls.school.id,
                "manager_id": cls.users["caremanager"].id,
                "member_ids": [cls.users["careworker"].id],
            }
        )
        cls.other_team = cls.env["student_care.team"].create(
            {"name": "Other Team", "company_id": cls.school.id, "sequence": 20}
        )
        # The teacher mentors Lotte (self.student) but not Sem.
        cls.student.mentor_id = cls.users["teacher"]
        cls.klass.mentor_id = False
        cls.other_class = cls.env["student_care.class"].create(
            {"name": "T10B", "company_id": cls.school.id}
        )
        cls.not_my_student = cls.create_student(
            "Sem Jansen", "100009", class_id=cls.other_class.id
        )

    @classmethod
    def create_case(cls, student=None, **vals):
        return cls.env["student_care.case"].create(
            {
                "student_id": (student or cls.student).id,
                "category_id": cls.wellbeing.id,
                "team_id": cls.team.id,
                "user_id": cls.users["careworker"].id,
                **vals,
            }
        )


class TestCase(StudentCareCaseCommon):
    def test_new_case_is_a_neutral_signal(self):
        case = self.create_case()
        self.assertRegex(case.name, r"^CASE/\d{4}/\d{5}$")
        self.assertEqual(case.display_name, case.name)
        self.assertNotIn("Lotte", case.display_name)
        self.assertRecordValues(
            case,
            [{"stage_id": self.stage_new.id, "company_id": self.school.id, "is_closed": False}],
        )

    def test_first_contact_due_counts_school_days(self):
        # Friday afternoon signal, 2 school days: Monday and Tuesday.
        case = self.create_case(signal_date=datetime(2026, 11, 20, 15, 0))
        self.assertEqual(case.first_contact_due, date(2026, 11, 24))
        # Truancy allows 3 school days: Wednesday.
        case.category_id = self.truancy
        self.assertEqual(case.first_contact_due, date(2026, 11, 25))

    def test_first_contact_due_skips_school_holidays(self):
        calendar = self.school.resource_calendar_id
        self.assertTrue(calendar, "new institutions get a working-time calendar")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Autumn break day",
                "calendar_id": calendar.id,
                "date_from": datetime(2026, 11, 23, 0, 0),
                "date_to": datetime(2026, 11, 23, 23, 59),
            }
        )
        case = self.create_case(signal_date=datetime(2026, 11, 20, 15, 0))
        self.assertEqual(case.first_contact_due, date(2026, 11, 25))

    def test_category_sla_is_configuration(self):
        self.wellbeing.first_contact_days = 5
        case = self.create_case(signal_date=datetime(2026, 11, 16, 9, 0))
        self.assertEqual(case.first_contact_due, date(2026, 11, 23))

    @freeze_time("2026-11-26 10:00:00")
    def test_overdue_first_contact_filter(self):
        late = self.create_case(signal_date=datetime(2026, 11, 20, 9, 0))
        on_time = self.create_case(student=self.not_my_student, signal_date=datetime(2026, 11, 25))
        cases = self.env["student_care.case"]
        overdue = cases.search([("is_first_contact_overdue", "=", True)])
        self.assertIn(late, overdue)
        self.assertNotIn(on_time, overdue)
        self.assertIn(on_time, cases.search([("is_first_contact_overdue", "=", False)]))
        late.action_log_first_contact()
        self.assertEqual(late.first_contact_date, date(2026, 11, 26))
        self.assertFalse(late.is_first_contact_overdue)
        self.assertNotIn(late, cases.search([("is_first_contact_overdue", "=", True)]))

    @freeze_time("2026-11-26 10:00:00")
    def test_close_needs_outcome_and_dates_it(self):
        case = self.create_case()
        with self.assertRaisesRegex(ValidationError, "Choose an outcome"):
            case.stage_id = self.stage_closed
        case.write({"stage_id": self.stage_closed.id, "outcome": "resolved"})
        self.assertRecordValues(case, [{"is_closed": True, "closed_date": date(2026, 11, 26)}])
        case.stage_id = self.stage_intake_done
        self.assertFalse(case.closed_date)

    def test_case_is_about_a_student_of_its_institution(self):
        with self.assertRaisesRegex(ValidationError, "Anja Visser is not a student"):
            self.create_case(student=self.mother)
        with self.assertRaisesRegex(ValidationError, "enrolled at Test Lyceum, not at Other"):
            self.create_case(company_id=self.other_school.id, team_id=False)

    def test_pipeline_shows_every_stage(self):
        self.create_case()
        groups = self.env["student_care.case"].read_group(
            [("id", "=", 0)], ["stage_id"], ["stage_id"]
        )
        stage_ids = [group["stage_id"][0] for group in groups]
        self.assertIn(self.stage_new.id, stage_ids)
        self.assertIn(self.stage_closed.id, stage_ids)
