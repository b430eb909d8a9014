# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re
from datetime import timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import MUTED, RpcProbes

from .excuse_common import DAY, TOMORROW, FamilyPortalCommon

# The smallest valid PDF and PNG headers guess_mimetype recognises.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
# What the portal never shows a family: the dossier's words and staff names.
STAFF_WORDS = ("care case", "referral", "truancy step", "Seen at the station", "SC attendance")


@tagged("post_install", "-at_install")
class TestPortalPages(FamilyPortalCommon, HttpCase, RpcProbes):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.absence = cls.record(
            cls.student, DAY, 1, note="Seen at the station", reason_id=cls.illness.id
        )
        cls.absence.recorded_by_id = cls.officer
        cls.record(cls.sem, DAY, 1)

    def login(self, user):
        self.authenticate(user.login, user.login)

    def form_token(self, url):
        """The CSRF token of the form at ``url``, as the browser would post it."""
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def get(self, url):
        return self.url_open(url, allow_redirects=False)

    @mute_logger(*MUTED)
    def test_pages_by_role(self):
        child = self.student.id
        pages = (
            f"/my/children/{child}/attendance",
            f"/my/children/{child}/attendance?month=2026-13&day=x",
            f"/my/children/{child}/notices",
            f"/my/children/{child}/excuse",
        )
        for role, user in self.portal_users.items():
            self.login(user)
            for url in pages:
                with self.subTest(role=role, url=url):
                    response = self.get(url)
                    if role == "mother" or (role == "student" and "excuse" not in url):
                        self.assertEqual(response.status_code, 200)
                        for word in STAFF_WORDS:
                            self.assertNotIn(word.lower(), response.text.lower())
                    else:
                        self.assertEqual(response.status_code, 404)
        # Staff use the back office: an internal user reads no child as family.
        self.login(self.officer)
        self.assertEqual(self.get(pages[0]).status_code, 404)
        # Not logged in: the login page.
        self.logout()
        response = self.get(pages[0])
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_calendar_shows_the_day(self):
        self.login(self.mother_user)
        month = DAY.strftime("%Y-%m")
        response = self.get(
            f"/my/children/{self.student.id}/attendance?month={month}&day={DAY.isoformat()}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_day_excused", response.text)
        self.assertIn("Period 1", response.text)
        self.assertIn("Illness", response.text)
        self.assertIn("Lotte Visser missed 0 of 1 school days this year (0 %)", response.text)

    def test_excuse_form_creates_a_request_with_its_document(self):
        self.login(self.mother_user)
        url = f"/my/children/{self.student.id}/excuse"
        form = {
            "csrf_token": self.form_token(url),
            "date_from": TOMORROW.isoformat(),
            "date_to": TOMORROW.isoformat(),
            "reason_id": str(self.medical.id),
            "note": "Hospital appointment",
        }
        response = self.url_open(url, data=form, files={"attachment": ("note.pdf", PDF)})
        self.assertEqual(response.status_code, 200)
        self.assertIn("the school has received your request", response.text)
        request = self.env["student_care.excuse.request"].search(
            [("student_id", "=", self.student.id)]
        )
        self.assertRecordValues(
            request,
            [
                {
                    "guardian_id": self.mother.id,
                    "date_from": TOMORROW,
                    "reason_id": self.medical.id,
                    "state": "submitted",
                    "note": "Hospital appointment",
                }
            ],
        )
        self.assertEqual(request.attachment_id.res_model, request._name)
        self.assertEqual(request.attachment_id.res_id, request.id)
        self.assertEqual(request.attachment_id.raw, PDF)
        # The guardian reads it back on /my/excuses.
        self.assertIn("Medical appointment", self.get("/my/excuses").text)

    @mute_logger(*MUTED)
    def test_excuse_form_refuses_bad_input_in_words(self):
        self.login(self.mother_user)
        url = f"/my/children/{self.student.id}/excuse"
        base = {
            "csrf_token": self.form_token(url),
            "date_from": DAY.isoformat(),
            "reason_id": str(self.illness.id),
        }
        cases = {
            "not a date": ({"date_from": "tomorrow"}, None, "Please give the first day as a date"),
            "order": ({"date_to": "2000-01-01"}, None, "The last day cannot be before"),
            "periods": (
                {"part_of_day": "1", "period_from": "5", "period_to": "2"},
                None,
                "Please choose the periods",
            ),
            "reason": ({"reason_id": str(self.unexcused.id)}, None, "Please choose a reason"),
            "reason junk": ({"reason_id": "abc"}, None, "Please choose a reason"),
            "file type": (
                {},
                ("virus.pdf", b"MZ\x90\x00 not a pdf"),
                "Only PDF, PNG and JPEG files",
            ),
            "file size": ({}, ("big.png", PNG + b"0" * (5 * 1024 * 1024)), "larger than 5 MB"),
            "too long": ({"date_to": "2099-01-01"}, None, "at most 31 days"),
        }
        for name, (vals, upload, message) in cases.items():
            with self.subTest(case=name):
                files = {"attachment": upload} if upload else None
                response = self.url_open(url, data={**base, **vals}, files=files)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        self.assertFalse(
            self.env["student_care.excuse.request"].search([("student_id", "=", self.student.id)])
        )

    @mute_logger(*MUTED)
    def test_excuses_page_shows_the_answer_not_who_gave_it(self):
        request = self.submit()
        request.with_user(self.officer).decline_message = "Please call the office."
        request.with_user(self.officer).with_context(mail_notify_force_send=False).action_decline()
        self.login(self.mother_user)
        page = self.get("/my/excuses").text
        self.assertIn("Please call the office.", page)
        self.assertIn("Declined", page)
        self.assertNotIn(self.officer.name, page)
        self.login(self.father_user)
        self.assertNotIn("Please call the office.", self.get("/my/excuses").text)

    @mute_logger(*MUTED)
    def test_letter_pdf_only_for_its_guardian(self):
        step = self.env.ref("student_care_attendance.student_care_truancy_rule_nl_step_notice")
        event = self.env["student_care.truancy.event"].create(
            {
                "student_id": self.student.id,
                "rule_id": step.rule_id.id,
                "step_id": step.id,
                "action": step.action,
                "date": DAY,
                "window_start": DAY - timedelta(days=28),
                "window_end": DAY,
                "amount": 3,
            }
        )
        mine, fathers = self.env["student_care.attendance.notice"].create(
            [
                {
                    "student_id": self.student.id,
                    "guardian_id": guardian.id,
                    "kind": "letter",
                    "state": "sent",
                    "event_id": event.id,
                }
                for guardian in (self.mother, self.father)
            ]
        )
        self.login(self.mother_user)
        self.assertIn(
            f"/my/notices/{mine.id}/letter",
            self.get(f"/my/children/{self.student.id}/notices").text,
        )
        letter = self.get(f"/my/notices/{mine.id}/letter")
        self.assertEqual(letter.status_code, 200)
        # Test mode renders the report as HTML: the letter quotes the step's facts.
        self.assertIn("Lotte Visser", letter.text)
        self.assertEqual(self.get(f"/my/notices/{fathers.id}/letter").status_code, 404)
        self.login(self.other_user)
        self.assertEqual(self.get(f"/my/notices/{mine.id}/letter").status_code, 404)

    @mute_logger(*MUTED, "odoo.http")
    def test_portal_only_notice_is_read_on_the_portal(self):
        """A guardian who chose "Portal only" reads the notice there, as the school wrote
        it; a notice still queued, or another guardian's, is not found."""
        Notice = self.env["student_care.attendance.notice"]
        published, queued = Notice.create(
            [
                {
                    "student_id": self.student.id,
                    "guardian_id": self.mother.id,
                    "kind": "first_absence",
                    "channel": "portal",
                    "state": state,
                    "subject": f"Lotte was not at school ({state})",
                    "body_html": "<p>Please call the office about this morning.</p>",
                }
                for state in ("published", "queued")
            ]
        )
        self.login(self.mother_user)
        listing = self.get(f"/my/children/{self.student.id}/notices").text
        self.assertIn("Lotte was not at school (published)", listing)
        self.assertNotIn("(queued)", listing)
        page = self.get(f"/my/notices/{published.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Please call the office about this morning.", page.text)
        self.assertEqual(self.get(f"/my/notices/{queued.id}").status_code, 404)
        for user in (self.father_user, self.other_user, self.denied_user):
            self.login(user)
            with self.subTest(user=user.login):
                self.assertEqual(self.get(f"/my/notices/{published.id}").status_code, 404)

    @mute_logger(*MUTED, "odoo.http")
    def test_json_rpc_as_the_mother(self):
        request = self.submit()
        self.login(self.mother_user)
        rows = self.rpc(
            "student_care.attendance", "search_read", [[]], {"fields": ["status", "reason_id"]}
        )
        self.assertEqual([row["id"] for row in rows], [self.absence.id])
        for fields in (["note"], ["recorded_by_id"]):
            with self.subTest(fields=fields):
                self.assert_rpc_refused(
                    "student_care.attendance", "read", [self.absence.ids, fields]
                )
        self.assert_rpc_refused(
            "student_care.attendance", "search", [[("note", "ilike", "station")]]
        )
        self.assert_rpc_refused(
            "student_care.attendance",
            "read_group",
            [[], ["note:array_agg"], []],
        )
        self.assert_rpc_refused("student_care.excuse.request", "action_accept", [request.ids])
        self.assert_rpc_refused(
            "student_care.excuse.request", "write", [request.ids, {"state": "accepted"}]
        )
        self.assert_rpc_refused(
            "student_care.excuse.request",
            "create",
            [
                {
                    "student_id": self.sem.id,
                    "date_from": str(DAY),
                    "date_to": str(DAY),
                    "reason_id": self.illness.id,
                }
            ],
        )
        self.assert_rpc_refused(
            "student_care.excuse.request", "read", [request.ids, ["reviewed_by_id"]]
        )
        groups = self.rpc("student_care.excuse.request", "read_group", [[], ["state"], ["state"]])
        self.assertEqual([(g["state"], g["state_count"]) for g in groups], [("submitted", 1)])
        self.assertEqual(request.state, "submitted")

    @mute_logger(*MUTED, "odoo.http")
    def test_json_rpc_other_family_and_officer(self):
        request = self.submit(reason_id=self.medical.id)
        self.login(self.other_user)
        self.assertEqual(
            self.rpc("student_care.excuse.request", "search_read", [[]], {"fields": ["state"]}),
            [],
        )
        self.assert_rpc_refused("student_care.excuse.request", "read", [request.ids, ["state"]])
        self.login(self.teacher)
        self.assert_rpc_refused("student_care.excuse.request", "search_read", [[]])
        self.login(self.officer)
        self.rpc("student_care.excuse.request", "action_accept", [request.ids])
        self.assertEqual(request.state, "accepted")
        self.assertEqual(self.absence.reason_id, self.medical)
