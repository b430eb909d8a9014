# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.base.tests.common import BaseCommon

from .probes import ROLES, new_role_user, role_users

__all__ = ["ROLES", "StudentCareCommon"]


class StudentCareCommon(BaseCommon):
    """Two institutions, one user per role in the first, a student with a family in each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create(
            {"name": "Test Lyceum", "country_id": cls.env.ref("base.nl").id}
        )
        cls.other_school = cls.env["res.company"].create({"name": "Other College"})
        cls.users = role_users(cls.env, cls.school, "sc", name="SC {role}")
        cls.admin_no_care = new_role_user(
            cls.env,
            "sc_settings_admin",
            "base.group_system,base.group_partner_manager,base.group_allow_export",
            cls.school,
        )
        cls.other_teacher = new_role_user(
            cls.env, "sc_other_teacher", ROLES["teacher"], cls.other_school
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
        cls.link = cls.env["student_care.guardian.link"].create(
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
