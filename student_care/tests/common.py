# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

ROLES = {
    "teacher": "student_care.student_care_group_teacher",
    "attendance": "student_care.student_care_group_attendance_officer",
    "careworker": "student_care.student_care_group_care_worker",
    "specialist": "student_care.student_care_group_specialist",
    "caremanager": "student_care.student_care_group_care_manager",
    "billing": "student_care.student_care_group_billing_officer",
}


class StudentCareCommon(BaseCommon):
    """Two institutions, one user per role in the first, a student with a family in each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create(
            {"name": "Test Lyceum", "country_id": cls.env.ref("base.nl").id}
        )
        cls.other_school = cls.env["res.company"].create({"name": "Other College"})
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"sc_{role}",
                groups=f"base.group_user,base.group_allow_export,{group}",
                company_id=cls.school.id,
                company_ids=[cls.school.id],
                name=f"SC {role}",
            )
            for role, group in ROLES.items()
        }
        cls.admin_no_care = new_test_user(
            cls.env,
            login="sc_settings_admin",
            groups="base.group_user,base.group_system,base.group_partner_manager,"
            "base.group_allow_export",
            company_id=cls.school.id,
            company_ids=[cls.school.id],
        )
        cls.other_teacher = new_test_user(
            cls.env,
            login="sc_other_teacher",
            groups="base.group_user,student_care.student_care_group_teacher",
            company_id=cls.other_school.id,
            company_ids=[cls.other_school.id],
        )
        cls.grade = cls.env.ref("student_care.student_care_grade_9")
        cls.klass = cls.env["student_care.class"].create(
            {
                "name": "T9A",
                "grade_id": cls.grade.id,
                "company_id": cls.school.id,
                "mentor_id": cls.users["teacher"].id,
            }
        )
        cls.student = cls.create_student("Lotte Visser", "100001", national_id="111222333")
        cls.mother = cls.env["res.partner"].create(
            {"name": "Anja Visser", "company_id": cls.school.id, "phone": "+31 6 1234 5678"}
        )
        cls.link = cls.env["student_care.guardian"].create(
            {
                "student_id": cls.student.id,
                "guardian_id": cls.mother.id,
                "relationship": "mother",
            }
        )
        cls.other_student = cls.env["res.partner"].create(
            {
                "name": "Other Student",
                "is_student": True,
                "student_number": "100001",
                "company_id": cls.other_school.id,
            }
        )

    @classmethod
    def create_student(cls, name, number, **vals):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_student": True,
                "student_number": number,
                "company_id": cls.school.id,
                "country_id": cls.env.ref("base.nl").id,
                "class_id": cls.klass.id,
                "grade_id": cls.grade.id,
                **vals,
            }
        )
