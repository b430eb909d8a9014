# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_dossier import StudentCareDossierCommon
from .tours import RoleTourCase


@tagged("post_install", "-at_install")
class TestDossierRoleTours(RoleTourCase, StudentCareDossierCommon):
    """The specialist's and the care manager's paths, from the home page."""

    # Reading a confidential or sealed note writes the access log, in the request's
    # transaction during tests: a read-only cursor cannot (see test_dossier_forms).
    readonly_enabled = False

    def _read_logs(self, user, note):
        return self.env["student_care.access.log"].search(
            [("user_id", "=", user.id), ("note_ref", "=", note.id), ("event", "=", "read")]
        )

    def test_specialist_opens_the_referred_case_and_its_notes(self):
        specialist = self.users["specialist"]
        referral = self.env["student_care.referral"].create(
            {"case_id": self.case.id, "specialist_id": specialist.id, "reason": "Assessment"}
        )
        referral.with_user(self.users["careworker"]).action_activate()
        self.start_role_tour("student_care_specialist_role_path", login=specialist.login)
        self.assertEqual(referral.state, "active")
        log = self._read_logs(specialist, self.notes["confidential"])
        self.assertTrue(log, "reading the confidential note is logged")
        self.assertEqual(log.mapped("case_ref"), [self.case.id])
        self.assertFalse(self._read_logs(specialist, self.notes["sealed"]))

    def test_care_manager_checks_the_log_and_breaks_the_glass(self):
        # One read in the log, so there is a chain to check.
        self.notes["confidential"].with_user(self.users["careworker"]).read(["body"])
        manager = self.users["caremanager"]
        self.start_role_tour("student_care_care_manager_role_path", login=manager.login)
        logs = self.env["student_care.access.log"].search(
            [("user_id", "=", manager.id), ("note_ref", "=", self.notes["sealed"].id)]
        )
        # The broken glass (with its reason), then the read of the note it opened.
        self.assertEqual(sorted(logs.mapped("event")), ["granted", "read"])
        self.assertRecordValues(
            logs.filtered(lambda log: log.event == "granted"),
            [
                {
                    "case_ref": self.case.id,
                    "reason": "Student at acute risk",
                    "subject_user_id": manager.id,
                }
            ],
        )
        self.assertEqual(logs.mapped("case_ref"), [self.case.id] * 2)
        self.assertFalse(self.env["student_care.access.log"]._verify_chain(), "the log is intact")
