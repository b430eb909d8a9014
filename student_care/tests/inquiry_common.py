# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the inquiry desk tests: a department with its working hours, a liaison of
it and one of another department, topics, and a family with a portal login."""

from odoo import Command
from odoo.tests import new_test_user

from .common import StudentCareCommon
from .probes import new_role_user

LIAISON = "student_care.student_care_group_family_liaison,base.group_allow_export"


class InquiryCommon(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.email = "office@lyceum.example.com"
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Office 8-17", "tz": "UTC", "company_id": cls.school.id}
        )
        cls.liaison = new_role_user(cls.env, "sc_liaison", LIAISON, cls.school, name="Lena L")
        cls.other_liaison = new_role_user(cls.env, "sc_liaison2", LIAISON, cls.school)
        cls.desk_manager = new_role_user(cls.env, "sc_desk_manager", LIAISON, cls.school)
        cls.department = cls.env["student_care.inquiry.department"].create(
            {
                "name": "Test Office",
                "company_id": cls.school.id,
                "manager_id": cls.desk_manager.id,
                "member_ids": [Command.set(cls.liaison.ids)],
                "resource_calendar_id": cls.calendar.id,
                "alias_name": "test-office",
            }
        )
        cls.other_department = cls.env["student_care.inquiry.department"].create(
            {
                "name": "Other Office",
                "company_id": cls.school.id,
                "member_ids": [Command.set(cls.other_liaison.ids)],
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.topic = cls.env["student_care.inquiry.topic"].create(
            {
                "name": "Test Transport",
                "department_id": cls.department.id,
                "response_hours": 4,
                "first_answer": "<p>Buses leave at 16:00 from the main gate.</p>",
            }
        )
        cls.topic_other_dept = cls.env["student_care.inquiry.topic"].create(
            {"name": "Test Fees", "department_id": cls.other_department.id, "response_hours": 8}
        )
        cls.wellbeing = cls.env["student_care.inquiry.topic"].create(
            {
                "name": "Test Wellbeing",
                "department_id": cls.department.id,
                "response_hours": 8,
                "is_wellbeing": True,
            }
        )
        cls.mother.email = "anja.visser@example.com"
        cls.link.has_custody = True
        cls.family_user = new_test_user(
            cls.env,
            login="sc_family",
            password="sc_family",
            groups="base.group_portal",
            partner_id=cls.mother.id,
            email=cls.mother.email,
            company_id=cls.school.id,
            company_ids=[cls.school.id],
        )
        cls.stranger = cls.env["res.partner"].create(
            {"name": "Other Parent", "email": "other.parent@example.com"}
        )
        cls.stranger_user = new_test_user(
            cls.env,
            login="sc_stranger",
            password="sc_stranger",
            groups="base.group_portal",
            partner_id=cls.stranger.id,
            email=cls.stranger.email,
            company_id=cls.school.id,
            company_ids=[cls.school.id],
        )

    @classmethod
    def create_inquiry(cls, **vals):
        return (
            cls.env["student_care.inquiry"]
            .with_context(mail_notrack=False, tracking_disable=False)
            .create(
                {
                    "name": "When does the bus leave?",
                    "description": "<p>Our son missed the bus.</p>",
                    "topic_id": cls.topic.id,
                    "partner_id": cls.mother.id,
                    "email_from": cls.mother.email,
                    "company_id": cls.school.id,
                    "student_id": cls.student.id,
                    **vals,
                }
            )
        )
