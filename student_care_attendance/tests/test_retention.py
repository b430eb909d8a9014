# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tools import SQL

from .test_outreach import DAY, OutreachCommon


class TestRetentionReachesAttendance(OutreachCommon):
    """Anonymising a case past retention also empties what attendance kept of it."""

    def setUp(self):
        super().setUp()
        self.addCleanup(self.env.cr.precommit.clear)

    def _follow_up_call(self, student, said):
        """Logged by the attendance officer; returned as the system, which reads it all."""
        return self._log_call(
            student,
            outcome="family",
            is_follow_up_needed=True,
            sensitivity="sealed",
            reason_given=said,
            guardian_link_id=self.link.id if student == self.student else False,
        ).sudo()

    def _fired_step(self, case):
        rule = self.env["student_care.truancy.rule"].create(
            {
                "name": "Retention rule",
                "company_id": self.school.id,
                "step_ids": [Command.create({"threshold": 1, "action": "case"})],
            }
        )
        return self.env["student_care.truancy.event"].create(
            {
                "rule_id": rule.id,
                "step_id": rule.step_ids.id,
                "action": "case",
                "student_id": case.student_id.id,
                "company_id": self.school.id,
                "date": DAY,
                "window_start": DAY,
                "window_end": DAY,
                "case_id": case.id,
            }
        )

    def _row(self, call):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT row_to_json(c)::text FROM student_care_outreach_call c WHERE id = %s",
                call.id,
            )
        )
        return self.env.cr.fetchone()[0]

    @freeze_time("2029-01-15")
    def test_anonymised_case_leaves_no_text_or_link_on_calls(self):
        self.env["ir.config_parameter"].set_param("student_care.retention_days", "365")
        old_call = self._follow_up_call(self.student, "Father left, mother drinks")
        old_case = old_call.case_id
        step = self._fired_step(old_case)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "voicemail.txt",
                "datas": base64.b64encode(b"Father left, mother drinks"),
                "res_model": old_call._name,
                "res_id": old_call.id,
            }
        )
        kept_call = self._follow_up_call(self.noor, "Noor cares for her brother")
        kept_case = kept_call.case_id
        closed = self.env["student_care.case.stage"].search([("is_closed", "=", True)], limit=1)
        (old_case | kept_case).write({"stage_id": closed.id, "outcome": "resolved"})
        old_case.closed_date = date(2027, 6, 30)  # past retention; the other closed today

        self.env["student_care.case"]._cron_anonymise_closed_cases()

        self.assertTrue(old_case.anonymised_on)
        self.assertFalse(kept_case.anonymised_on)
        self.assertFalse(old_case.note_ids.body, "student_care empties the notes")
        # The call stays in the outreach statistics, without words, files or the case.
        self.assertRecordValues(
            old_call,
            [
                {
                    "student_id": self.student.id,
                    "date": DAY,
                    "outcome": "family",
                    "is_follow_up_needed": True,
                    "case_id": False,
                    "note_id": False,
                }
            ],
        )
        self.assertNotIn("drinks", self._row(old_call))
        self.assertFalse(attachment.exists())
        self.assertFalse(step.case_id, "the truancy step no longer leads to the case")
        self.assertEqual(step.student_id, self.student)
        # A case still within retention keeps its calls.
        self.assertEqual(kept_call.case_id, kept_case)
        self.assertIn("brother", kept_call.note_id.body)
