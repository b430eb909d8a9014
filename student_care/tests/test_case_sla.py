# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from .test_case import StudentCareCaseCommon


class TestCaseServiceLevels(StudentCareCaseCommon):
    """Reminder, escalation and nudge fire at the right moment (time frozen, no sleeps)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reminder = cls.env.ref(
            "student_care.student_care_case_automation_first_contact_reminder"
        )
        cls.escalation = cls.env.ref(
            "student_care.student_care_case_automation_first_contact_escalation"
        )
        # Monday signal, wellbeing: first contact due Wednesday 2026-11-18.
        cls.case = cls.create_case(signal_date=datetime(2026, 11, 16, 9, 0))
        cls.env.flush_all()

    def _run_time_rules(self, now):
        (self.reminder | self.escalation).write({"last_run": datetime(2026, 11, 16, 0, 0)})
        with freeze_time(now):
            self.env["base.automation"]._check()

    def _summaries(self):
        return sorted(self.case.activity_ids.mapped("summary"))

    def test_due_date(self):
        self.assertEqual(self.case.first_contact_due, date(2026, 11, 18))

    def test_nothing_before_the_reminder_day(self):
        self._run_time_rules("2026-11-16 18:00:00")
        self.assertEqual(self._summaries(), [])

    def test_reminder_to_owner_the_day_before(self):
        self._run_time_rules("2026-11-17 08:00:00")
        self.assertEqual(self._summaries(), ["First contact due"])
        activity = self.case.activity_ids
        self.assertEqual(activity.user_id, self.users["careworker"])
        # Neutral: the assignee sees summary and record name without case access.
        self.assertNotIn("Lotte", activity.res_name)

    def test_escalation_to_manager_after_the_deadline(self):
        self._run_time_rules("2026-11-19 08:00:00")
        self.assertIn("Escalation: first contact overdue", self._summaries())
        escalation = self.case.activity_ids.filtered(lambda a: "Escalation" in a.summary)
        self.assertEqual(escalation.user_id, self.users["caremanager"])

    def test_no_reminder_once_contacted_or_closed(self):
        self.case.first_contact_date = date(2026, 11, 16)
        other = self.create_case(
            student=self.not_my_student, signal_date=datetime(2026, 11, 16, 9, 0)
        )
        other.write(
            {
                "stage_id": self.stage_closed.id,
                "outcome": "no_action",
            }
        )
        self._run_time_rules("2026-11-19 08:00:00")
        self.assertEqual(self._summaries(), [])
        self.assertFalse(other.activity_ids)

    def test_nudge_idle_open_cases(self):
        busy = self.create_case(student=self.not_my_student, signal_date=datetime(2026, 11, 16))
        busy.activity_schedule("mail.mail_activity_data_todo", summary="Call", user_id=self.uid)
        new = self.create_case(category_id=self.truancy.id, signal_date=datetime(2026, 11, 19, 8))
        with freeze_time("2026-11-19 10:00:00"):
            nudged = self.env["student_care.case"]._cron_nudge_idle_cases()
        self.assertGreaterEqual(nudged, 1)
        self.assertEqual(self._summaries(), ["Plan the next step"])
        self.assertEqual(busy.activity_ids.mapped("summary"), ["Call"])
        self.assertFalse(new.activity_ids, "a case signalled today is not idle yet")
