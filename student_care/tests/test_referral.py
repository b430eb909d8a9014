# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .probes import ROLES, new_role_user
from .test_dossier import StudentCareDossierCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


class StudentCareReferralCommon(StudentCareDossierCommon):
    """The dossier, an outside agency with one worker, and a student who is a minor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency = cls.env["res.partner"].create(
            {"name": "Youth Mental Health Clinic", "is_company": True, "company_id": cls.school.id}
        )
        cls.agency_worker = new_role_user(
            cls.env, "sc_agency_worker", ROLES["specialist"], cls.school
        )
        cls.student.birth_date = date(2012, 1, 1)  # a minor

    def _consent(self, **vals):
        return self.env["student_care.consent"].create(
            {
                "student_id": self.student.id,
                "given_by": "guardian",
                "guardian_id": self.mother.id,
                "agency_id": self.agency.id,
                "purpose": "Treatment of anxiety",
                "given_on": date.today() - timedelta(days=1),
                **vals,
            }
        )


class TestReferralAndConsent(StudentCareReferralCommon):
    def _refer_specialist(self, **vals):
        return self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "referral_type": "specialist",
                "specialist_id": self.users["specialist"].id,
                "reason": "Assessment of anxiety",
                **vals,
            }
        )

    @mute_logger(*MUTED)
    def test_specialist_sees_case_only_while_referral_active(self):
        specialist = self.users["specialist"]
        cases = self.env["student_care.case"].with_user(specialist)
        referral = self._refer_specialist()
        self.assertFalse(cases.search([]), "requested is not yet active")
        referral.action_accept()
        self.assertFalse(cases.search([]))
        referral.action_activate()
        self.assertEqual(cases.search([]), self.case)
        # The grant is logged, neutrally: the referral's text is content, the log is forever.
        granted = self.env["student_care.access.log"].search(
            [("case_ref", "=", self.case.id), ("event", "=", "granted")]
        )
        self.assertEqual(granted.subject_user_id, specialist)
        self.assertEqual(granted.reason, f"Referral {referral.id}")
        notes = self.env["student_care.note"].with_user(specialist).search([])
        self.assertEqual(set(notes.mapped("sensitivity")), {"shared", "care_team", "confidential"})
        self.assertEqual(
            len(self.env["student_care.note.timeline"].with_user(specialist).search([])), 4
        )
        # Another case of the same student stays closed to them.
        other = self.create_case(category_id=self.truancy.id)
        with self.assertRaises(AccessError):
            other.with_user(specialist).read(["stage_id"])
        referral.action_end()
        self.assertEqual(referral.end_date, fields.Date.context_today(referral))
        self.assertFalse(cases.search([]))
        with self.assertRaises(AccessError):
            self.notes["care_team"].with_user(specialist).read(["body"])

    def test_agency_referral_needs_valid_consent(self):
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "referral_type": "agency",
                "agency_id": self.agency.id,
                "agency_user_id": self.agency_worker.id,
                "reason": "Therapy",
            }
        )
        with self.assertRaisesRegex(ValidationError, "valid, unexpired consent"):
            with self.cr.savepoint():
                referral.action_activate()
        expired = self._consent(
            given_on=date.today() - timedelta(days=30), expires_on=date.today() - timedelta(days=1)
        )
        self.assertEqual(expired.state, "expired")
        referral.consent_id = expired
        with self.assertRaisesRegex(ValidationError, "valid, unexpired consent"):
            with self.cr.savepoint():
                referral.action_activate()
        other_agency = self.env["res.partner"].create({"name": "Debt Help", "is_company": True})
        wrong_scope = self._consent(agency_id=other_agency.id)
        referral.consent_id = wrong_scope
        with self.assertRaisesRegex(ValidationError, "valid, unexpired consent"):
            with self.cr.savepoint():
                referral.action_activate()
        referral.consent_id = self._consent()
        referral.action_activate()
        self.assertEqual(referral.state, "active")
        self.assertEqual(
            self.env["student_care.case"].with_user(self.agency_worker).search([]), self.case
        )

    @mute_logger(*MUTED)
    def test_withdrawing_consent_ends_access(self):
        consent = self._consent()
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "referral_type": "agency",
                "agency_id": self.agency.id,
                "agency_user_id": self.agency_worker.id,
                "consent_id": consent.id,
                "reason": "Therapy",
            }
        )
        referral.action_activate()
        consent.with_user(self.users["careworker"]).action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(referral.state, "ended")
        with self.assertRaises(AccessError):
            self.case.with_user(self.agency_worker).read(["stage_id"])

    def test_who_may_consent(self):
        with self.assertRaisesRegex(ValidationError, "guardian with custody must give consent"):
            self._consent(given_by="student", guardian_id=False)
        stepfather = self.env["res.partner"].create({"name": "Step Father"})
        self.env["student_care.guardian.link"].create(
            {"student_id": self.student.id, "guardian_id": stepfather.id, "has_custody": False}
        )
        with self.assertRaisesRegex(ValidationError, "guardian with custody"):
            self._consent(guardian_id=stepfather.id)
        # Old enough: the student consents themself (age limit is a setting).
        self.env["ir.config_parameter"].set_param("student_care.consent_age", "12")
        self.assertEqual(self._consent(given_by="student", guardian_id=False).state, "valid")
        with self.assertRaisesRegex(ValidationError, "expire before"):
            self._consent(expires_on=date.today() - timedelta(days=5))

    def test_agencies_never_follow_the_case(self):
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "referral_type": "agency",
                "agency_id": self.agency.id,
                "agency_user_id": self.agency_worker.id,
                "reason": "Therapy",
            }
        )
        self.assertTrue(referral)
        self.case.message_subscribe(
            partner_ids=[self.agency.id, self.agency_worker.partner_id.id, self.mother.id]
        )
        followers = self.case.message_partner_ids
        self.assertNotIn(self.agency, followers)
        self.assertNotIn(self.agency_worker.partner_id, followers)
        # Nobody follows a care case without being able to read it: not a guardian either.
        self.assertNotIn(self.mother, followers)
        self.case.message_subscribe(partner_ids=[self.users["caremanager"].partner_id.id])
        self.assertIn(self.users["caremanager"].partner_id, self.case.message_partner_ids)
        message = self.case.message_post(
            body="Update", partner_ids=[self.agency.id], subtype_xmlid="mail.mt_note"
        )
        self.assertNotIn(self.agency, message.partner_ids)

    def test_disclosure_record(self):
        consent = self._consent()
        referral = self.env["student_care.referral"].create(
            {
                "case_id": self.case.id,
                "referral_type": "agency",
                "agency_id": self.agency.id,
                "consent_id": consent.id,
                "reason": "Therapy",
            }
        )
        referral.action_activate()
        report = self.env.ref("student_care.student_care_disclosure_report")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["caremanager"])
            ._render_qweb_html(report.report_name, self.student.ids)[0]
            .decode()
        )
        for text in ("Disclosure record", "Youth Mental Health Clinic", "Treatment of anxiety"):
            self.assertIn(text, html)
        self.assertNotIn("Secret words", html, "a disclosure record lists parties, not content")
        self.assertIn(
            self.env.ref("student_care.student_care_group_care_manager"), report.groups_id
        )


class TestRetention(StudentCareDossierCommon):
    @freeze_time("2026-11-23")
    def test_anonymise_closed_cases_after_retention(self):
        self.env["ir.config_parameter"].set_param("student_care.retention_days", "365")
        self.case.message_post(body="Met the family", subtype_xmlid="mail.mt_note")
        self.case.write(
            {"stage_id": self.stage_closed.id, "outcome": "resolved", "description": "<p>x</p>"}
        )
        self.case.closed_date = date(2025, 11, 1)
        recent = self.create_case(student=self.not_my_student)
        recent.write({"stage_id": self.stage_closed.id, "outcome": "no_action"})
        cases = self.env["student_care.case"]
        preview = cases.search(cases.action_retention_preview()["domain"])
        self.assertEqual(preview, self.case)
        self.assertEqual(cases._cron_anonymise_closed_cases(), 1)
        self.assertRecordValues(
            self.case,
            [
                {
                    "student_id": False,
                    "description": False,
                    "anonymised_on": date(2026, 11, 23),
                    # statistics stay
                    "category_id": self.wellbeing.id,
                    "outcome": "resolved",
                    "closed_date": date(2025, 11, 1),
                }
            ],
        )
        self.assertFalse(self.case.message_ids.filtered(lambda m: "family" in (m.body or "")))
        notes = self.case.note_ids
        self.assertEqual(len(notes), 4)
        self.assertFalse(any(notes.mapped("body")))
        self.assertEqual(set(notes.mapped("note_type")), {"interview"})
        self.assertTrue(recent.student_id, "recently closed cases are kept")
        self.assertFalse(cases.search(cases.action_retention_preview()["domain"]))

    def test_retention_and_consent_age_are_settings(self):
        self.env["res.config.settings"].create(
            {"student_care_retention_days": 30, "student_care_consent_age": 18}
        ).execute()
        self.assertEqual(self.env["student_care.case"]._retention_days(), 30)
        self.assertEqual(self.env["student_care.consent"]._consent_age(), 18)

    def test_settings_show_the_defaults_the_model_applies(self):
        """Until Settings store a value, the form shows what the cases and consents use."""
        self.env["ir.config_parameter"].search(
            [("key", "in", ("student_care.retention_days", "student_care.consent_age"))]
        ).unlink()
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            settings.student_care_retention_days, self.env["student_care.case"]._retention_days()
        )
        self.assertEqual(
            settings.student_care_consent_age, self.env["student_care.consent"]._consent_age()
        )
        settings.execute()  # saving the untouched form changes nothing
        self.assertEqual(
            self.env["student_care.case"]._retention_days(), settings.student_care_retention_days
        )
