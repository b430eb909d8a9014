# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The family portal: a card per child on /my, the child's page, the guardian's own contact
details and channel, and a student's own consents.

Everything is read with the portal user's own rights (the family record rule on
``res.partner``, the student's rule on ``student_care.consent``). A page about a record the
user may not read answers 404, so a guessed id tells nothing.
"""

import re

from odoo import _, http, tools
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

# What a guardian may choose on the portal; phone calls and letters are agreed with the
# office and kept as they are.
PORTAL_CHANNELS = ("email", "sms", "portal")
PHONE_RE = re.compile(r"\+?[0-9][0-9 ()./-]{4,24}")
FAMILY_FIELDS = ("phone", "mobile", "email", "preferred_channel", "lang")


class StudentCarePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        partners = request.env["res.partner"]
        if "sc_child_count" in counters:
            values["sc_child_count"] = len(partners._portal_family_students())
        if "sc_consent_count" in counters:
            consents = request.env["student_care.consent"]
            values["sc_consent_count"] = (
                consents.search_count(self._sc_consent_domain())
                if consents.has_access("read")
                else 0
            )
        return values

    @http.route()
    def home(self, **kw):
        # The children are on the home page itself, not behind a counter: a guardian opens
        # the portal to see them. Same values as Odoo's home, plus the children.
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_home_portal_values([]))
        values.update(
            self._sc_children_values(request.env["res.partner"]._portal_family_students())
        )
        return request.render("portal.portal_my_home", values)

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # Odoo shows the contact's salesperson as "your contact": for a family that would
        # be a staff name, which the portal never shows.
        partner = request.env.user.partner_id
        if partner.is_guardian or partner.is_student:
            values["sales_user"] = request.env["res.users"]
        return values

    def _sc_children_values(self, children):
        """Values of the children's cards on /my (``children`` read with the user's
        rights): the hook for the sections under //div[@name='child_sections']."""
        return {
            "sc_children": children,
            "sc_cards": children._portal_card_values(),
            "sc_is_student": request.env.user.partner_id in children,
        }

    @http.route(
        "/my/children/<int:child_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_child(self, child_id, **kw):
        child = request.env["res.partner"]._portal_family_students([("id", "=", child_id)])
        if not child:
            raise request.not_found()
        return request.render(
            "student_care.portal_my_child_page", self._sc_child_page_values(child)
        )

    def _sc_child_page_values(self, child):
        """Values of a child's page (``child`` is readable by the user): the hook for the
        sections other add-ons put under //div[@name='child_page_sections']."""
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sc_child",
                "child": child,
                "card": child._portal_card_values()[child.id],
            }
        )
        return values

    # Family profile --------------------------------------------------------------------

    @http.route()
    def account(self, redirect=None, **post):
        # A student's own contact details are kept by the office (only care managers edit
        # students); Odoo's details form is for guardians and other portal users.
        if request.env.user.partner_id.is_student:
            raise request.not_found()
        return super().account(redirect=redirect, **post)

    def on_account_update(self, values, partner):
        result = super().on_account_update(values, partner)
        if partner.is_guardian:
            # Odoo writes the validated fields of its own form as superuser next; the note
            # is posted on the user's own contact only, with the same rights.
            partner_sudo = partner.sudo()
            partner_sudo._portal_note_changes(partner_sudo._portal_account_changes(values))
        return result

    def _sc_family_links(self, partner):
        # The guardian's own links, read through the superuser: portal users have no access
        # to the link model (it names the other guardians and the custody situation). Only
        # the links of the logged-in user's own contact are read or written, and only the
        # preferred channel and language on them.
        return partner.sudo().child_link_ids

    def _sc_family_values(self, partner, post=None, errors=None):
        links = self._sc_family_links(partner)
        channels = set(links.mapped("preferred_channel"))
        current = channels.pop() if len(channels) == 1 else False
        channel_labels = dict(
            request.env["student_care.guardian.link"]
            ._fields["preferred_channel"]
            ._description_selection(request.env)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sc_family",
                "partner": partner,
                "form": post
                or {
                    "phone": partner.phone or "",
                    "mobile": partner.mobile or "",
                    "email": partner.email or "",
                    "preferred_channel": current if current in PORTAL_CHANNELS else "keep",
                    "lang": partner.lang or "",
                },
                "errors": errors or {},
                "channels": [(key, channel_labels[key]) for key in PORTAL_CHANNELS],
                # Phone calls and letters are agreed with the office: kept unless changed.
                "kept_channel": (
                    _("As agreed with the school (%(channel)s)", channel=channel_labels[current])
                    if current and current not in PORTAL_CHANNELS
                    else _("As agreed with the school")
                ),
                "langs": request.env["res.lang"].get_installed(),
                "sc_is_guardian": bool(links),
            }
        )
        return values

    def _sc_family_validate(self, partner, post):
        """The cleaned values of the family form, or a dict field -> message in words a
        parent understands."""
        errors, clean = {}, {}
        for name in FAMILY_FIELDS:
            clean[name] = (post.get(name) or "").strip()
        if clean["email"] and not tools.single_email_re.match(clean["email"]):
            errors["email"] = _("This e-mail address does not look right, e.g. name@example.com.")
        for name in ("phone", "mobile"):
            if not clean[name]:
                continue
            if not PHONE_RE.fullmatch(clean[name]) or sum(c.isdigit() for c in clean[name]) < 6:
                errors[name] = _(
                    "This phone number is not valid. Please write it with the country "
                    "code, e.g. +31 6 1234 5678."
                )
                continue
            # A real check of the number where the phonenumbers library is installed.
            try:
                clean[name] = partner._phone_format(
                    number=clean[name],
                    country=partner.country_id or partner.company_id.country_id,
                    force_format="INTERNATIONAL",
                    raise_exception=True,
                )
            except UserError:
                errors[name] = _(
                    "This phone number is not valid. Please write it with the country "
                    "code, e.g. +31 6 1234 5678."
                )
        if clean["preferred_channel"] not in (*PORTAL_CHANNELS, "keep"):
            errors["preferred_channel"] = _("Please choose how the school contacts you.")
        if clean["preferred_channel"] == "email" and not clean["email"]:
            errors["email"] = _("To receive e-mails, please give your e-mail address.")
        if clean["preferred_channel"] == "sms" and not clean["mobile"]:
            errors["mobile"] = _("To receive text messages, please give your mobile number.")
        installed = {code for code, _name in request.env["res.lang"].get_installed()}
        if clean["lang"] not in installed:
            errors["lang"] = _("Please choose one of the languages in the list.")
        return clean, errors

    @http.route(
        "/my/family",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_family(self, **post):
        partner = request.env.user.partner_id
        # For guardians: a student's own contact details are kept by the office.
        if not self._sc_family_links(partner):
            raise request.not_found()
        if request.httprequest.method != "POST":
            return request.render("student_care.portal_my_family", self._sc_family_values(partner))
        clean, errors = self._sc_family_validate(partner, post)
        if errors:
            return request.render(
                "student_care.portal_my_family", self._sc_family_values(partner, clean, errors)
            )
        # Portal users may not write contacts (Odoo's /my/account does the same): the
        # validated five fields of the user's own contact, and the channel and language
        # of their own links, are written as superuser, with a note for the office.
        partner.sudo()._portal_update_family_details(clean, self._sc_family_links(partner))
        return request.redirect("/my/family?saved=1")

    # A student's own consents ------------------------------------------------------------

    def _sc_consent_domain(self):
        return [("student_id", "=", request.env.user.partner_id.id)]

    @http.route("/my/consents", type="http", auth="user", website=True, readonly=True)
    def portal_my_consents(self, **kw):
        consents = request.env["student_care.consent"]
        if not consents.has_access("read"):
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "sc_consents",
                # Read with the student's own rights: their rule gives only the consents
                # they gave themself.
                # The agency's name comes as Odoo's read gives a many2one (its display
                # name); the student has no access to the agency's contact itself.
                "consents": consents.search(self._sc_consent_domain()).read(
                    ["agency_id", "purpose", "given_on", "expires_on", "withdrawn_on", "state"]
                ),
            }
        )
        return request.render("student_care.portal_my_consents", values)
