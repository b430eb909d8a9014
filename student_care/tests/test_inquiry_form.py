# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .inquiry_common import InquiryCommon
from .probes import MUTED, RpcProbes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# A CSRF token (in forms and in the page's session script) differs from one request to
# the next; nothing else may.
CSRF = re.compile(rb'name="csrf_token" value="[^"]*"|[0-9a-f]{40}o[0-9]+')


@tagged("post_install", "-at_install")
class TestInquiryForm(InquiryCommon, HttpCase, RpcProbes):
    def setUp(self):
        super().setUp()
        self.Inquiry = self.env["student_care.inquiry"].sudo().with_context(active_test=False)
        self.authenticate(None, None)  # a visitor's session

    def csrf_token(self):
        return http.Request.csrf_token(self)

    def form_values(self, **values):
        return {
            "csrf_token": self.csrf_token(),
            "name": "A Parent",
            "email": "someone@example.com",
            "topic_id": str(self.topic.id),
            "subject": "Bus times",
            "description": "When does the bus leave on Wednesdays?",
            **values,
        }

    def post(self, files=None, **values):
        return self.url_open(
            "/school/ask", data=self.form_values(**values), files=files, allow_redirects=False
        )

    def test_anonymous_question(self):
        response = self.post(email="new.parent@example.com")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/school/ask/thanks"))
        inquiry = self.Inquiry.search([("email_from", "=", "new.parent@example.com")])
        self.assertEqual(len(inquiry), 1)
        self.assertEqual(inquiry.channel, "form")
        self.assertEqual(inquiry.department_id, self.department)
        self.assertFalse(inquiry.student_id)
        self.assertFalse(inquiry.partner_id.is_guardian)

    def test_known_and_unknown_address_answer_the_same(self):
        """The form cannot tell whether an address belongs to a guardian."""
        known = self.post(email=self.mother.email)
        unknown = self.post(email="nobody.known@example.com")
        self.assertEqual(
            (known.status_code, known.headers.get("Location")),
            (unknown.status_code, unknown.headers.get("Location")),
        )
        pages = [self.url_open("/school/ask/thanks") for _ in range(2)]
        self.assertEqual(CSRF.sub(b"", pages[0].content), CSRF.sub(b"", pages[1].content))
        # Errors too: a bad question reads the same for both addresses.
        bad = [
            self.post(email=email, description="short")
            for email in (self.mother.email, "x@example.com")
        ]
        self.assertEqual(bad[0].status_code, bad[1].status_code)
        body = [
            CSRF.sub(b"", r.content)
            .replace(self.mother.email.encode(), b"E")
            .replace(b"x@example.com", b"E")
            for r in bad
        ]
        self.assertEqual(body[0], body[1])
        for response in (known, unknown, *pages, *bad):
            self.assertNotIn(self.student.name.encode(), response.content)

    @mute_logger(*MUTED)
    def test_bad_input_is_refused_in_words(self):
        cases = {
            "oversized": (
                {"attachments": ("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")},
                b"larger than 5 MB",
            ),
            "wrong type": (
                {"attachments": ("run.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")},
                b"Only PDF, PNG and JPEG",
            ),
            "html file": (
                {"attachments": ("x.png", b"<html><script>alert(1)</script>", "image/png")},
                b"Only PDF, PNG and JPEG",
            ),
        }
        for label, (files, message) in cases.items():
            with self.subTest(label):
                response = self.post(files=files, email=f"{label.replace(' ', '')}@example.com")
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.content)
        too_many = [("attachments", (f"f{i}.png", PNG, "image/png")) for i in range(4)]
        response = self.post(files=too_many, email="many@example.com")
        self.assertEqual(response.status_code, 400)
        self.assertIn(b"at most 3 files", response.content)
        for values in (
            {"email": "not-an-address"},
            {"topic_id": "999999"},
            {"subject": ""},
            {"description": "x" * 5001},
            {"topic_id": "abc"},
        ):
            with self.subTest(values=values):
                self.assertEqual(self.post(**values).status_code, 400)
        self.assertFalse(
            self.Inquiry.search([("email_from", "like", "example.com"), ("channel", "=", "form")])
        )

    def test_files_attached_to_inquiry(self):
        files = [
            ("attachments", ("note.pdf", PDF, "application/pdf")),
            ("attachments", ("p.png", PNG, "image/png")),
        ]
        self.assertEqual(self.post(files=files, email="files@example.com").status_code, 303)
        inquiry = self.Inquiry.search([("email_from", "=", "files@example.com")])
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", inquiry._name), ("res_id", "=", inquiry.id)])
        )
        self.assertEqual(sorted(attachments.mapped("mimetype")), ["application/pdf", "image/png"])
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", inquiry._name), ("res_id", "=", 0)])
        )

    def test_honeypot_and_injection(self):
        response = self.post(email="robot@example.com", website_url="http://spam.example.com")
        self.assertEqual(response.status_code, 303)
        self.assertFalse(self.Inquiry.search([("email_from", "=", "robot@example.com")]))
        self.post(
            email="inject@example.com",
            description="<script>alert(1)</script><b>Hi there</b>",
            subject="<img src=x onerror=alert(1)>",
        )
        inquiry = self.Inquiry.search([("email_from", "=", "inject@example.com")])
        self.assertNotIn("<script", inquiry.description)
        self.assertIn("&lt;script&gt;", inquiry.description)
        page = self.url_open(inquiry.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(b"<img src=x", page.content)
        self.assertNotIn(b"<script>alert", page.content)

    def test_rate_limit_per_address(self):
        for i in range(5):
            self.assertEqual(self.post(email="busy@example.com", subject=f"Q{i}").status_code, 303)
        response = self.post(email="busy@example.com", subject="Q6")
        self.assertEqual(response.status_code, 429)
        self.assertIn(b"try again in an hour", response.content)
        # The same network address with other e-mail addresses is limited too.
        self.assertEqual(self.post(email="busy2@example.com").status_code, 429)
        self.assertEqual(self.Inquiry.search_count([("email_from", "like", "busy")]), 5)

    @mute_logger(*MUTED)
    def test_portal_pages(self):
        inquiry = self.create_inquiry()
        other = self.create_inquiry(
            partner_id=self.stranger.id, student_id=False, name="Stranger Q"
        )
        # The e-mailed link, without logging in: the question, never the child.
        page = self.url_open(inquiry.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(b"When does the bus leave?", page.content)
        self.assertNotIn(self.student.name.encode(), page.content)
        wrong = self.url_open(
            f"/my/inquiries/{inquiry.id}?access_token=wrong", allow_redirects=False
        )
        self.assertEqual(wrong.status_code, 303)
        self.assertEqual(
            self.url_open("/my/inquiries/999999", allow_redirects=False).status_code, 303
        )
        # The family logged in: its own questions, with the child's name.
        self.authenticate("sc_family", "sc_family")
        listing = self.url_open("/my/inquiries")
        self.assertIn(b"When does the bus leave?", listing.content)
        self.assertNotIn(b"Stranger Q", listing.content)
        own = self.url_open(f"/my/inquiries/{inquiry.id}")
        self.assertIn(self.student.name.encode(), own.content)
        self.assertEqual(
            self.url_open(f"/my/inquiries/{other.id}", allow_redirects=False).status_code, 303
        )
        # The family says it is answered.
        inquiry.with_user(self.desk_manager).message_post(
            body="Answer", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        response = self.url_open(
            f"/my/inquiries/{inquiry.id}/answered",
            data={"csrf_token": self.csrf_token()},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(inquiry.stage_id.kind, "answered")
        response = self.url_open(
            f"/my/inquiries/{other.id}/answered",
            data={"csrf_token": self.csrf_token()},
            allow_redirects=False,
        )
        self.assertEqual(other.stage_id.kind, "new")

    def test_portal_form_links_own_child_only(self):
        self.authenticate("sc_family", "sc_family")
        form = self.url_open("/school/ask")
        self.assertIn(self.student.name.encode(), form.content)
        self.assertNotIn(self.other_student.name.encode(), form.content)
        values = self.form_values(student_id=str(self.other_student.id), subject="Other child")
        self.assertEqual(
            self.url_open("/school/ask", data=values, allow_redirects=False).status_code, 400
        )
        values = self.form_values(student_id=str(self.student.id), subject="My child")
        self.assertEqual(
            self.url_open("/school/ask", data=values, allow_redirects=False).status_code, 303
        )
        inquiry = self.Inquiry.search([("name", "=", "My child")])
        self.assertEqual(
            (inquiry.partner_id, inquiry.student_id, inquiry.channel),
            (self.mother, self.student, "portal"),
        )

    @mute_logger(*MUTED)
    def test_rpc_liaison_and_family(self):
        inquiry = self.create_inquiry(topic_id=self.wellbeing.id)
        other = self.create_inquiry(topic_id=self.topic_other_dept.id, partner_id=self.stranger.id)
        inquiry.with_user(self.liaison).action_pass_to_care()
        case = self.env["student_care.case"].search([("student_id", "=", self.student.id)])
        self.assertTrue(case)
        self.login_as(self.liaison)
        self.assertTrue(
            self.rpc_allowed(
                lambda: self.rpc("student_care.inquiry", "read", [inquiry.ids, ["name"]])
            )
        )
        self.assertFalse(
            self.rpc_allowed(
                lambda: self.rpc("student_care.inquiry", "read", [other.ids, ["name"]])
            )
        )
        self.assertFalse(
            self.rpc_allowed(lambda: self.rpc("student_care.case", "read", [case.ids, ["name"]]))
        )
        self.assertFalse(
            self.rpc_allowed(
                lambda: self.rpc("student_care.case", "search_read", [[]], {"fields": ["name"]})
            )
        )
        self.assertFalse(
            self.rpc_allowed(
                lambda: self.rpc(
                    "student_care.inquiry", "write", [inquiry.ids, {"passed_on_date": False}]
                )
            )
        )
        groups = self.rpc(
            "student_care.inquiry", "read_group", [[], ["name:count"], ["department_id"]]
        )
        self.assertEqual(sum(g["department_id_count"] for g in groups), 1)
        self.authenticate("sc_family", "sc_family")
        self.assertTrue(
            self.rpc_allowed(
                lambda: self.rpc("student_care.inquiry", "read", [inquiry.ids, ["name"]])
            )
        )
        self.assertFalse(
            self.rpc_allowed(
                lambda: self.rpc("student_care.inquiry", "read", [other.ids, ["name"]])
            )
        )
        self.assertFalse(
            self.rpc_allowed(
                lambda: self.rpc("student_care.inquiry", "write", [inquiry.ids, {"name": "x"}])
            )
        )
        self.assertFalse(
            self.rpc_allowed(
                lambda: self.rpc("student_care.inquiry", "action_close", [inquiry.ids])
            )
        )
