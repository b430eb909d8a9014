# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A family on the portal: Lotte's mother (custody, portal login), her father (no custody),
a guardian flagged No Access, Lotte's own login, and another family's mother."""

from datetime import date, timedelta

from odoo.addons.student_care.tests.common import StudentCareCommon
from odoo.addons.student_care.tests.portal import new_portal_user

# Requests are for days around today: a family cannot excuse a day long past.
DAY = date.today()
TOMORROW = DAY + timedelta(days=1)


class FamilyPortalCommon(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.env.user.tz = "UTC"
        cls.officer = cls.users["attendance"]
        cls.teacher = cls.users["teacher"]
        cls.illness = env.ref("student_care_attendance.student_care_attendance_reason_illness")
        cls.medical = env.ref("student_care_attendance.student_care_attendance_reason_medical")
        cls.unexcused = env.ref("student_care_attendance.student_care_attendance_reason_unexcused")
        cls.mother.email = "anja@example.com"
        cls.school.email = "office@lyceum.example.com"
        cls.mother_user = cls.portal_user(cls.mother, "fp_mother")
        cls.father = env["res.partner"].create(
            {"name": "Kees Visser", "company_id": cls.school.id}
        )
        env["student_care.guardian.link"].create(
            {
                "student_id": cls.student.id,
                "guardian_id": cls.father.id,
                "relationship": "father",
                "has_custody": False,
            }
        )
        cls.father_user = cls.portal_user(cls.father, "fp_father")
        cls.denied = env["res.partner"].create({"name": "Ria Denied", "company_id": cls.school.id})
        env["student_care.guardian.link"].create(
            {
                "student_id": cls.student.id,
                "guardian_id": cls.denied.id,
                "relationship": "mother",
                "is_access_denied": True,
                "sequence": 0,
            }
        )
        cls.denied_user = cls.portal_user(cls.denied, "fp_denied")
        cls.student_user = cls.portal_user(cls.student, "fp_student")
        cls.sem = cls.create_student("Sem Bakker", "100002")
        cls.other_mother = env["res.partner"].create(
            {"name": "Eva Bakker", "company_id": cls.school.id}
        )
        env["student_care.guardian.link"].create(
            {
                "student_id": cls.sem.id,
                "guardian_id": cls.other_mother.id,
                "relationship": "mother",
            }
        )
        cls.other_user = cls.portal_user(cls.other_mother, "fp_other")
        cls.portal_users = {
            "mother": cls.mother_user,
            "father_no_custody": cls.father_user,
            "no_access": cls.denied_user,
            "student": cls.student_user,
            "other_family": cls.other_user,
        }

    @classmethod
    def portal_user(cls, partner, login):
        return new_portal_user(cls.env, login, partner, cls.school, tz="UTC")

    @classmethod
    def record(cls, student, day, period, status="absent", **vals):
        return cls.env["student_care.attendance"].create(
            {"student_id": student.id, "date": day, "period": period, "status": status, **vals}
        )

    def submit(self, user=None, **vals):
        """A request submitted on the portal by ``user`` (the mother)."""
        user = user or self.mother_user
        return (
            self.env["student_care.excuse.request"]
            .with_user(user)
            .create(
                {
                    "student_id": self.student.id,
                    "guardian_id": user.partner_id.id,
                    "date_from": DAY,
                    "date_to": DAY,
                    "reason_id": self.illness.id,
                    **vals,
                }
            )
            .sudo(False)
            .with_user(self.env.user)
        )
