# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""End to end: a teacher's signal becomes a case, an intake, a referral and a closed case."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import role_users


@tagged("post_install", "-at_install")
class TestCareFlow(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Flow School"})
        users = role_users(cls.env, school, "flow", export=False)
        cls.teacher, cls.worker = users["teacher"], users["careworker"]
        cls.manager, cls.agency_user = users["caremanager"], users["specialist"]
        cls.env["student_care.team"].create(
            {
                "name": "Flow team",
                "company_id": school.id,
                "manager_id": cls.manager.id,
                "member_ids": [cls.worker.id, cls.manager.id],
            }
        )
        cls.student = cls.env["res.partner"].create(
            {
                "name": "Flow Student",
                "is_student": True,
                "student_number": "F-1",
                "company_id": school.id,
                "mentor_id": cls.teacher.id,
                "birth_date": date(2008, 5, 1),
            }
        )
        cls.agency = cls.env["res.partner"].create(
            {"name": "Addiction Care Centre", "is_company": True}
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_signal_to_closure(self):
        # 1. Signal: the teacher reports a concern (a Monday).
        with freeze_time("2026-11-16 09:00:00"):
            self.env["student_care.case.signal"].with_user(self.teacher).create(
                {
                    "student_id": self.student.id,
                    "category_id": self.env.ref(
                        "student_care.student_care_case_category_substance"
                    ).id,
                    "description": "<p>Smelled of cannabis twice this week</p>",
                }
            ).action_submit()
        case = self.env["student_care.case"].search([("student_id", "=", self.student.id)])
        self.assertEqual(case.stage_id.name, "New signal")
        self.assertEqual(case.first_contact_due, date(2026, 11, 18))
        status = self.env["student_care.case.status"].with_user(self.teacher).search([])
        self.assertEqual(status.stage_id.name, "New signal")

        # 2. Intake: the manager assigns a care worker, who meets the student.
        self.env["student_care.case.assign"].with_user(self.manager).create(
            {"case_id": case.id, "user_id": self.worker.id, "reason": "Intake"}
        ).action_confirm()
        self.assertEqual(case.user_id, self.worker)
        as_worker = case.with_user(self.worker)
        with freeze_time("2026-11-17 10:00:00"):
            as_worker.action_log_first_contact()
            as_worker.stage_id = self.env.ref("student_care.student_care_case_stage_intake_done")
            self.env["student_care.note"].with_user(self.worker).create(
                {
                    "case_id": case.id,
                    "note_type": "interview",
                    "sensitivity": "confidential",
                    "body": "<p>Uses daily; wants help</p>",
                }
            )
        self.assertFalse(case.is_first_contact_overdue)
        self.env.invalidate_all()  # the status is a database view over the case
        self.assertEqual(status.with_user(self.teacher).stage_id.name, "Intake done")
        with self.assertRaises(AccessError):
            case.note_ids.with_user(self.teacher).read(["body"])

        # 3. Referral to an outside agency: refused without consent, active with it.
        referral = (
            self.env["student_care.referral"]
            .with_user(self.worker)
            .create(
                {
                    "case_id": case.id,
                    "referral_type": "agency",
                    "agency_id": self.agency.id,
                    "agency_user_id": self.agency_user.id,
                    "reason": "Addiction counselling",
                }
            )
        )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            referral.action_activate()
        consent = (
            self.env["student_care.consent"]
            .with_user(self.worker)
            .create(
                {
                    "student_id": self.student.id,
                    "given_by": "student",
                    "agency_id": self.agency.id,
                    "purpose": "Addiction counselling",
                }
            )
        )
        referral.consent_id = consent
        referral.action_activate()
        agency_view = case.with_user(self.agency_user)
        self.assertEqual(agency_view.read(["stage_id"])[0]["id"], case.id)
        self.assertIn(
            "Uses daily", case.note_ids.with_user(self.agency_user).read(["body"])[0]["body"]
        )
        self.assertNotIn(self.agency, case.message_partner_ids)

        # 4. Close with an outcome; the agency's access ends with the referral.
        referral.action_end()
        as_worker.write(
            {
                "stage_id": self.env.ref("student_care.student_care_case_stage_closed").id,
                "outcome": "referred_out",
            }
        )
        self.assertTrue(case.is_closed)
        self.assertTrue(case.closed_date)
        with self.assertRaises(AccessError):
            agency_view.read(["stage_id"])
        self.assertFalse(
            self.env["student_care.case.status"]
            .with_user(self.teacher)
            .search([("is_closed", "=", False)])
        )
