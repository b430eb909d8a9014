# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.student_care.tests.probes import ROLES, new_role_user
from odoo.addons.student_care.tests.tours import RoleTourCase


@tagged("post_install", "-at_install")
class TestDashboardUi(RoleTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Dashboard Tour School"})
        cls.officer = new_role_user(cls.env, "dash_officer", ROLES["attendance"], school, tz="UTC")
        cls.env.user.tz = "UTC"
        grades = {
            number: cls.env.ref(f"student_care.student_care_grade_{number}") for number in (9, 10)
        }
        cls.students = {}
        for number, grade in grades.items():
            klass = cls.env["student_care.class"].create(
                {"name": f"Dash{number}", "grade_id": grade.id, "company_id": school.id}
            )
            cls.students[number] = cls.env["res.partner"].create(
                {
                    "name": f"Tour Grade {'Ten' if number == 10 else 'Nine'}",
                    "is_student": True,
                    "student_number": f"77{number:04d}",
                    "company_id": school.id,
                    "class_id": klass.id,
                    "grade_id": grade.id,
                }
            )
        today = fields.Date.today()
        yesterday = today - timedelta(days=1)
        cls.env["student_care.attendance"].create(
            [
                {
                    "student_id": cls.students[10].id,
                    "date": today,
                    "period": 1,
                    "status": "absent",
                },
                {
                    "student_id": cls.students[10].id,
                    "date": today,
                    "period": 2,
                    "status": "absent",
                },
                {"student_id": cls.students[9].id, "date": today, "period": 1, "status": "absent"},
                {
                    "student_id": cls.students[9].id,
                    "date": yesterday,
                    "period": 1,
                    "status": "present",
                },
            ]
        )

        cls.env["student_care.outreach.call"].create(
            {
                "student_id": cls.students[9].id,
                "date": today,
                "call_time": fields.Datetime.now(),
                "outcome": "ill",
            }
        )

    def test_officer_follows_a_grade_row_to_its_absences(self):
        self.start_role_tour("student_care_attendance_dashboard", login="dash_officer")
        # The two rows the list showed are the ones in the database, and the tour changed
        # nothing on the way.
        absences = self.env["student_care.attendance"].search(
            [("student_id", "=", self.students[10].id), ("status", "=", "absent")]
        )
        self.assertEqual(len(absences), 2)
        data = (
            self.env["student_care.attendance.dashboard"]
            .with_user(self.officer)
            .get_dashboard_data("4weeks")
        )
        row = next(row for row in data["tables"][0]["rows"] if row["label"] == "Grade 10")
        self.assertEqual(
            self.env["student_care.attendance"]
            .with_user(self.officer)
            .search(row["action"]["domain"]),
            absences,
        )
