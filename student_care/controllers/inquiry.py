# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The inquiry desk's front doors on the web: the public "Ask the school" form (also used
by logged-in families) and the family's portal pages of its questions."""

from odoo import _, http, tools
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..tools import family_file

MAX_FILES = 3
SUBJECT_MAX = 200
QUESTION_MIN = 10
QUESTION_MAX = 5000
# A field people never see; robots fill it in.
HONEYPOT = "website_url"


class StudentCareInquiryForm(http.Controller):
    def _form_topics(self):
        # The public user reads no configuration; the topic names and ids are public
        # information (what the form offers), nothing else is read.
        return request.env["student_care.inquiry.topic"].sudo().search([])

    def _form_children(self):
        """The children a logged-in family member may ask about: the students they read,
        which the family rule on res.partner limits to their own children (custody or legal
        right, no "No Access"); none for a visitor."""
        user = request.env.user
        if user._is_public() or not user.share:
            return request.env["res.partner"]
        return request.env["res.partner"].search([("is_student", "=", True)])

    def _render_form(self, values=None, errors=None, status=200):
        return request.render(
            "student_care.inquiry_form",
            {
                "topics": self._form_topics(),
                "children": self._form_children(),
                "values": values or {},
                "errors": errors or [],
                "honeypot": HONEYPOT,
                # Everyone but a logged-in family member gives a name and an address.
                "is_public": not (request.env.user.share and not request.env.user._is_public()),
            },
            status=status,
        )

    @http.route(
        "/school/ask", type="http", auth="public", methods=["GET"], sitemap=False, website=True
    )
    def inquiry_form(self, **kwargs):
        return self._render_form({"topic_id": kwargs.get("topic")})

    @http.route(
        "/school/ask/thanks",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        website=True,
    )
    def inquiry_thanks(self, **kwargs):
        return request.render("student_care.inquiry_thanks", {})

    def _check_files(self, uploads, errors):
        files = [upload for upload in uploads if upload and upload.filename]
        if len(files) > MAX_FILES:
            errors.append(_("Please send at most %(count)s files.", count=MAX_FILES))
            return []
        try:
            return [family_file(request.env, upload) for upload in files]
        except UserError as error:
            errors.append(error.args[0])
            return []

    @http.route(
        "/school/ask", type="http", auth="public", methods=["POST"], sitemap=False, website=True
    )
    def inquiry_submit(self, **post):
        """Every answer is the same whoever the sender is: the thanks page, or the form with
        what is wrong with the input itself. Nothing tells whether the address belongs to a
        guardian, and nothing about a student is shown to a visitor."""
        user = request.env.user
        is_family = user.share and not user._is_public()
        if post.get(HONEYPOT):
            return request.redirect("/school/ask/thanks", code=303)
        values = {
            "subject": (post.get("subject") or "").strip(),
            "description": (post.get("description") or "").strip(),
            "email": user.partner_id.email if is_family else (post.get("email") or "").strip(),
            "name": (post.get("name") or "").strip()[:100],
            "topic_id": post.get("topic_id"),
            "student_id": post.get("student_id"),
        }
        errors = []
        if not values["subject"] or len(values["subject"]) > SUBJECT_MAX:
            errors.append(_("Please give your question a short subject (at most 200 characters)."))
        if not QUESTION_MIN <= len(values["description"]) <= QUESTION_MAX:
            errors.append(_("Please describe your question in 10 to 5000 characters."))
        if not tools.email_normalize(values["email"] or ""):
            errors.append(_("Please give an e-mail address we can answer you at."))
        topics = self._form_topics()
        topic = topics.filtered(lambda t: str(t.id) == str(values["topic_id"]))
        if not topic:
            errors.append(_("Please choose what your question is about."))
        student = request.env["res.partner"]
        if is_family and values["student_id"]:
            student = self._form_children().filtered(
                lambda child: str(child.id) == str(values["student_id"])
            )
            if not student:
                errors.append(_("Please choose one of your children, or none."))
        files = self._check_files(request.httprequest.files.getlist("attachments"), errors)
        if errors:
            return self._render_form(values, errors, status=400)
        Inquiry = request.env["student_care.inquiry"]
        address = request.httprequest.remote_addr
        if Inquiry._is_rate_limited(values["email"], address):
            return self._render_form(
                values,
                [_("You sent several questions in a short time. Please try again in an hour.")],
                status=429,
            )
        # A visitor has no rights on inquiries: the desk creates the inquiry with exactly
        # the checked values above (subject, question, topic, address, own child), never
        # anything the visitor chose beyond them (see _create_from_form).
        Inquiry._create_from_form(
            {
                "subject": values["subject"],
                "description": tools.plaintext2html(values["description"]),
                "email": values["email"],
                "name": values["name"],
                "topic": topic,
                "student": student,
            },
            files,
            address,
            user=user,
        )
        return request.redirect("/school/ask/thanks", code=303)


class StudentCareInquiryPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "inquiry_count" in counters:
            Inquiry = request.env["student_care.inquiry"]
            values["inquiry_count"] = Inquiry.search_count([]) if Inquiry.has_access("read") else 0
        return values

    @http.route(
        ["/my/inquiries", "/my/inquiries/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_inquiries(self, page=1, **kwargs):
        Inquiry = request.env["student_care.inquiry"]
        if not Inquiry.has_access("read"):
            return request.redirect("/my")
        count = Inquiry.search_count([])
        pager = self._get_pager_values(page, count)
        inquiries = Inquiry.search([], limit=self._items_per_page, offset=pager["offset"])
        return request.render(
            "student_care.portal_my_inquiries",
            {"inquiries": inquiries, "page_name": "inquiry", "pager": pager["pager"]},
        )

    def _get_pager_values(self, page, count):
        pager = portal_pager(
            url="/my/inquiries", total=count, page=page, step=self._items_per_page
        )
        return {"pager": pager, "offset": pager["offset"]}

    @http.route("/my/inquiries/<int:inquiry_id>", type="http", auth="public", website=True)
    def portal_my_inquiry(self, inquiry_id, access_token=None, **kwargs):
        try:
            inquiry_sudo = self._document_check_access(
                "student_care.inquiry", inquiry_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            inquiry_sudo,
            access_token,
            {
                "inquiry": inquiry_sudo,
                "page_name": "inquiry",
                # Only a logged-in family member who reads the child sees its name.
                "student": inquiry_sudo.with_env(request.env)._portal_student(),
                "rating_token": inquiry_sudo.is_closed and inquiry_sudo._portal_rating_token(),
                "token": access_token,
            },
            "my_inquiries_history",
            False,
            **kwargs,
        )
        return request.render("student_care.portal_my_inquiry", values)

    @http.route(
        "/my/inquiries/<int:inquiry_id>/answered",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_inquiry_answered(self, inquiry_id, access_token=None, **kwargs):
        try:
            inquiry_sudo = self._document_check_access(
                "student_care.inquiry", inquiry_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        # The family may not write its inquiry; having proven its access just above (its
        # own inquiry or the link's token), it may say its question is answered: the only
        # change made here.
        inquiry_sudo.action_mark_answered()
        return request.redirect(inquiry_sudo.get_portal_url())
