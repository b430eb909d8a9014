# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.student_care.controllers.portal import StudentCarePortal
from odoo.addons.student_care.tools import family_file

from ..models.student_care_attendance_notice import FAMILY_STATES


class StudentCareAttendancePortal(StudentCarePortal):
    """The family portal's attendance pages: a child's month calendar, the notices and
    letters sent to this guardian, and excuse requests; and the attendance sections of the
    children's cards on /my and of a child's page. Everything is read with the portal
    user's own rights (record rules on the family reader set); a child the user may not
    read is not found."""

    # ------------------------------------------------------------------ helpers

    def _children(self):
        return request.env["res.partner"]._portal_family_students()

    def _child(self, child_id):
        child = request.env["res.partner"]._portal_family_students([("id", "=", child_id)])
        if not child:
            raise request.not_found()
        return child

    def _sc_children_values(self, children):
        values = super()._sc_children_values(children)
        values["sc_attendance"] = children._portal_attendance_cards()
        return values

    def _sc_child_page_values(self, child):
        values = super()._sc_child_page_values(child)
        values["sc_attendance"] = child._portal_attendance_cards()
        return values

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "excuse_request_count" in counters:
            requests = request.env["student_care.excuse.request"]
            values["excuse_request_count"] = (
                requests.search_count([]) if requests.has_access("read") else 0
            )
        return values

    # ------------------------------------------------------------------ pages

    @http.route(
        "/my/children/<int:child_id>/attendance",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_child_attendance(self, child_id, month=None, day=None, **kw):
        child = self._child(child_id)
        today = fields.Date.context_today(child)
        start = today.replace(day=1)
        if month:
            try:
                start = date.fromisoformat(f"{month}-01")
            except ValueError:
                start = today.replace(day=1)
        selected = None
        if day:
            try:
                selected = date.fromisoformat(day)
            except ValueError:
                selected = None
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "child_attendance",
                "child": child,
                "month": start,
                "previous_month": (start - relativedelta(months=1)).strftime("%Y-%m"),
                "next_month": (start + relativedelta(months=1)).strftime("%Y-%m"),
                **child._portal_attendance_calendar(start, selected),
            }
        )
        return request.render("student_care_attendance.portal_child_attendance", values)

    @http.route(
        "/my/children/<int:child_id>/notices",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_child_notices(self, child_id, **kw):
        child = self._child(child_id)
        notices = request.env["student_care.attendance.notice"].search(
            [("student_id", "=", child.id), ("state", "in", FAMILY_STATES)]
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "child_notices", "child": child, "notices": notices})
        return request.render("student_care_attendance.portal_child_notices", values)

    @http.route(
        "/my/notices/<int:notice_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_notice(self, notice_id, **kw):
        # Found with the guardian's own rights: a notice addressed to them about a child
        # they see, as the school wrote it to them (portal-only notices are read here).
        notice = request.env["student_care.attendance.notice"].search(
            [("id", "=", notice_id), ("state", "in", FAMILY_STATES)]
        )
        if not notice:
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "child_notices", "child": notice.student_id, "notice": notice})
        return request.render("student_care_attendance.portal_notice", values)

    @http.route(
        "/my/notices/<int:notice_id>/letter",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_notice_letter(self, notice_id, **kw):
        # Found with the guardian's own rights: a letter addressed to them about a child
        # they see. The report reads the truancy step it quotes, which the guardian may not
        # read as a record; Odoo's portal renders its documents' reports as sudo after the
        # access check (CustomerPortal._show_report), so does this: the PDF is the letter
        # the school sent this guardian, nothing else.
        notice = request.env["student_care.attendance.notice"].search(
            [("id", "=", notice_id), ("kind", "=", "letter"), ("state", "in", FAMILY_STATES)]
        )
        if not notice:
            raise request.not_found()
        return self._show_report(
            notice.sudo(),
            "pdf",
            "student_care_attendance.student_care_attendance_notice_report_letter",
            download=kw.get("download") == "1",
        )

    # ------------------------------------------------------------------ excuse requests

    def _excuse_form_values(self, child, form=None, error=None):
        values = self._prepare_portal_layout_values()
        today = fields.Date.context_today(child)
        values.update(
            {
                "page_name": "child_excuse",
                "child": child,
                "reasons": request.env["student_care.attendance.reason"].search(
                    [("is_family_reason", "=", True)]
                ),
                "form": form or {"date_from": today.isoformat(), "date_to": today.isoformat()},
                "error": error,
                "periods": range(1, 9),
            }
        )
        return values

    def _parse_excuse_form(self, child, post):
        """Values of a request from the posted form, or a UserError in the family's words."""

        def parse_date(name, label):
            try:
                return date.fromisoformat(post.get(name) or "")
            except ValueError:
                raise UserError(_("Please give the %(label)s as a date.", label=label)) from None

        date_from = parse_date("date_from", _("first day"))
        date_to = parse_date("date_to", _("last day")) if post.get("date_to") else date_from
        if date_to < date_from:
            raise UserError(_("The last day cannot be before the first day."))
        is_whole_day = post.get("part_of_day") != "1"
        vals = {
            "student_id": child.id,
            "guardian_id": request.env.user.partner_id.id,
            "date_from": date_from,
            "date_to": date_to,
            "is_whole_day": is_whole_day,
            "note": (post.get("note") or "").strip()[:2000] or False,
        }
        if not is_whole_day:
            try:
                period_from = int(post.get("period_from") or 0)
                period_to = int(post.get("period_to") or period_from)
            except ValueError:
                period_from = period_to = 0
            if not (1 <= period_from <= period_to <= 8):
                raise UserError(_("Please choose the periods, the first one before the last."))
            vals.update({"period_from": period_from, "period_to": period_to})
        try:
            reason_id = int(post.get("reason_id") or 0)
        except ValueError:
            reason_id = 0
        reason = request.env["student_care.attendance.reason"].search(
            [("id", "=", reason_id), ("is_family_reason", "=", True)]
        )
        if not reason:
            raise UserError(_("Please choose a reason."))
        vals["reason_id"] = reason.id
        return vals

    @http.route(
        "/my/children/<int:child_id>/excuse",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_child_excuse(self, child_id, **post):
        child = self._child(child_id)
        if child == request.env.user.partner_id:
            # A student reads their own attendance; excuses come from their guardians.
            raise request.not_found()
        if request.httprequest.method != "POST":
            return request.render(
                "student_care_attendance.portal_child_excuse", self._excuse_form_values(child)
            )
        try:
            vals = self._parse_excuse_form(child, post)
            upload = family_file(request.env, request.httprequest.files.get("attachment"))
            with request.env.cr.savepoint():
                excuse = request.env["student_care.excuse.request"].create(vals)
                excuse.flush_recordset()
        except (UserError, ValidationError, AccessError) as error:
            return request.render(
                "student_care_attendance.portal_child_excuse",
                self._excuse_form_values(child, form=post, error=error.args[0]),
            )
        if upload:
            # The guardian may not write the request once submitted (nor attach files to
            # it: attaching needs write access). The file was checked above (type by
            # content, size) and goes on the request the guardian has just created with
            # their own rights, linked to it at once (never res_id 0): the only fields
            # written are the attachment's own and the request's attachment_id.
            name, content, _mimetype = upload
            attachment = (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": name,
                        "datas": base64.b64encode(content),
                        "res_model": excuse._name,
                        "res_id": excuse.id,
                    }
                )
            )
            excuse.sudo().attachment_id = attachment
        return request.redirect(f"/my/excuses?submitted={excuse.id}")

    @http.route("/my/excuses", type="http", auth="user", methods=["GET"], website=True)
    def portal_my_excuses(self, submitted=None, **kw):
        requests = request.env["student_care.excuse.request"]
        excuses = requests.search([]) if requests.has_access("read") else requests
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "excuses",
                "excuses": excuses,
                "submitted": submitted,
                "children": self._children(),
                "states": dict(requests._fields["state"]._description_selection(request.env)),
            }
        )
        return request.render("student_care_attendance.portal_my_excuses", values)
