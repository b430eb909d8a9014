# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.student_care.tests.portal import new_portal_user
from odoo.addons.student_care.tests.tours import PhoneTourCase, RoleTourCase

from .test_ui import AttendanceTourCommon


class GuardianTourCommon(AttendanceTourCommon):
    """The absentee's father (custody) has a portal login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        guardian = cls.absentee.guardian_link_ids.guardian_id
        cls.guardian_user = new_portal_user(
            cls.env, "tour_guardian", guardian, cls.absentee.company_id, tz="UTC"
        )

    def _outreach_today(self):
        return (
            self.env["student_care.outreach"]
            .with_user(self.users["officer"])
            .search([("date", "=", self.today), ("student_id", "=", self.absentee.id)])
        )

    def _teacher_marks_absent(self):
        self.attendance.with_user(self.users["teacher"]).create(
            {"student_id": self.absentee.id, "date": self.today, "period": 1, "status": "absent"}
        )
        self.env.flush_all()


@tagged("post_install", "-at_install")
class TestGuardianExcuseTour(GuardianTourCommon, PhoneTourCase):
    def test_excused_ahead_is_not_on_outreach_today(self):
        self.start_role_tour(
            "student_care_attendance_guardian_excuse_phone", "tour_guardian", url="/my"
        )
        request = self.env["student_care.excuse.request"].search(
            [("student_id", "=", self.absentee.id)]
        )
        self.assertRecordValues(
            request,
            [
                {
                    "guardian_id": self.guardian_user.partner_id.id,
                    "date_from": self.today,
                    "date_to": self.today,
                    "state": "submitted",
                    "note": "Fever since last night",
                }
            ],
        )
        self.assertEqual(request.reason_id.name, "Illness")
        # Reported but not reviewed: on the list, with what the family said.
        self._teacher_marks_absent()
        self.assertEqual(self._outreach_today().family_reason_id, request.reason_id)
        # The officer accepts it (the desk tour below clicks the button): off the list.
        request.with_user(self.users["officer"]).action_accept()
        self.env.flush_all()
        self.assertFalse(self._outreach_today())
        absence = self.attendance.search(
            [("student_id", "=", self.absentee.id), ("date", "=", self.today)]
        )
        self.assertTrue(absence.is_excused)


@tagged("post_install", "-at_install")
class TestOfficerAcceptTour(GuardianTourCommon, RoleTourCase):
    def test_officer_accepts_at_the_desk(self):
        request = (
            self.env["student_care.excuse.request"]
            .with_user(self.guardian_user)
            .create(
                {
                    "student_id": self.absentee.id,
                    "date_from": self.today,
                    "date_to": self.today,
                    "reason_id": self.env.ref(
                        "student_care_attendance.student_care_attendance_reason_illness"
                    ).id,
                }
            )
        )
        self.start_role_tour("student_care_attendance_officer_accept_excuse", login="tour_officer")
        self.assertEqual(request.state, "accepted")
        # The teacher marks the child absent that morning: excused, not on Outreach Today.
        self._teacher_marks_absent()
        self.assertFalse(self._outreach_today())
