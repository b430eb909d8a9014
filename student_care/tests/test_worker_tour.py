# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from .probes import role_users
from .tours import RoleTourCase


@tagged("post_install", "-at_install")
class TestCareWorkerTour(RoleTourCase):
    """The care worker's path through the web client, from the home page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Role Tour School"})
        cls.users = role_users(
            cls.env,
            school,
            "cwt",
            roles={
                "careworker": "student_care.student_care_group_care_worker",
                "specialist": "student_care.student_care_group_specialist",
            },
            name="SC role {role}",
        )
        cls.worker = cls.users["careworker"]
        cls.student = cls.env["res.partner"].create(
            {
                "name": "Role Pupil",
                "is_student": True,
                "student_number": "RT-1",
                "company_id": school.id,
            }
        )
        team = cls.env["student_care.team"].create(
            {
                "name": "Role team",
                "company_id": school.id,
                "member_ids": [Command.link(cls.worker.id)],
            }
        )
        cls.case = cls.env["student_care.case"].create(
            {
                "student_id": cls.student.id,
                "category_id": cls.env.ref("student_care.student_care_case_category_family").id,
                "team_id": team.id,
                "user_id": cls.worker.id,
            }
        )
        # The deadline falls today, so this month's calendar shows it whatever the date.
        cls.case.first_contact_due = fields.Date.context_today(cls.case)

    def test_care_worker_intake_note_interview_referral(self):
        # Reopening the case reads its confidential note on a read-only cursor: Odoo replays
        # the request on a read/write one to write the access log, and says so (odoo.http).
        with mute_logger("odoo.http"):
            self.start_role_tour("student_care_worker_role", login=self.worker.login)
        case = self.case
        self.assertEqual(
            case.stage_id, self.env.ref("student_care.student_care_case_stage_intake_done")
        )
        self.assertRecordValues(
            case.note_ids, [{"sensitivity": "confidential", "author_id": self.worker.id}]
        )
        self.assertIn("Confidential tour words", case.note_ids.body)
        event = self.env["calendar.event"].search([("student_care_case_id", "=", case.id)])
        self.assertRecordValues(
            event,
            [
                {
                    "name": f"Care interview {case.name}",
                    "privacy": "private",
                    "user_id": self.worker.id,
                    "partner_ids": self.worker.partner_id.ids,
                    "student_care_met_partner_ids": self.student.ids,
                    "description": False,
                }
            ],
        )
        self.assertNotIn(self.student.name, event.name)
        self.assertNotIn(self.student, event.attendee_ids.partner_id)
        rows = self.env["student_care.case.calendar"].search([("case_id", "=", case.id)])
        self.assertEqual(sorted(rows.mapped("kind")), ["deadline", "interview"])
        self.assertRecordValues(
            case.referral_ids,
            [{"specialist_id": self.users["specialist"].id, "reason": "Assessment of anxiety"}],
        )
