# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models

RANGES = {"week": 0, "4weeks": 27, "year": None}


class StudentCareAttendanceDashboard(models.AbstractModel):
    """Figures for the attendance dashboard (client action ``student_care_attendance_dashboard``).

    Every figure is a ``_read_group`` as the current user, so record rules apply: each
    role sees the figures of what it may read. Each card carries the window action that
    shows the records behind it.
    """

    _name = "student_care.attendance.dashboard"
    _description = "Attendance Dashboard"

    @api.model
    def get_dashboard_data(self, range_key="4weeks"):
        today = fields.Date.context_today(self)
        if range_key == "week":
            date_from = today - timedelta(days=today.weekday())
        elif range_key == "year":
            date_from = self.env["student_care.generator"]._school_year_start(today)
        else:
            date_from = today - timedelta(days=RANGES["4weeks"])
        return {
            "range": range_key,
            "date_from": fields.Date.to_string(date_from),
            "date_to": fields.Date.to_string(today),
            "cards": self._dashboard_cards(date_from, today),
            "tables": self._dashboard_tables(date_from, today),
        }

    @api.model
    def _dashboard_cards(self, date_from, date_to):
        cards = []
        period = [("date", ">=", date_from), ("date", "<=", date_to)]
        analysis = self.env["student_care.attendance.analysis"]
        if analysis.has_access("read"):
            [(rate, absences, unexcused)] = analysis._read_group(
                period, [], ["attendance_rate:avg", "absence_count:sum", "unexcused_count:sum"]
            )
            cards.append(
                {
                    "key": "attendance_rate",
                    "title": _("Attendance rate"),
                    "value": self._percent(rate),
                    "detail": _(
                        "%(absences)s absent periods, %(unexcused)s unexcused",
                        absences=absences or 0,
                        unexcused=unexcused or 0,
                    ),
                    "action": self._window(
                        _("Attendance Analysis"), analysis._name, period, ["graph", "pivot"]
                    ),
                }
            )
        outreach = self.env["student_care.outreach"]
        if outreach.has_access("read"):
            today = [("date", "=", date_to), ("has_scan", "=", False), ("is_excused", "=", False)]
            to_call = outreach.search_count(today)
            called = [*period, ("is_called", "=", True)]
            [(calls, recovery)] = outreach._read_group(
                called, [], ["call_count:sum", "recovery_rate:avg"]
            )
            cards += [
                {
                    "key": "outreach_today",
                    "title": _("To call today"),
                    "value": str(to_call),
                    "detail": _("absent in the outreach period, not scanned in"),
                    "action": self._window(
                        _("Outreach Today"), outreach._name, today, ["list", "form"]
                    ),
                },
                {
                    "key": "recovery",
                    "title": _("Same-day recovery"),
                    "value": self._percent(recovery),
                    "detail": _("%(calls)s outreach calls", calls=calls or 0),
                    "action": self._window(
                        _("Outreach and Recovery"), outreach._name, called, ["graph", "pivot"]
                    ),
                },
            ]
        return cards

    @api.model
    def _dashboard_tables(self, date_from, date_to):
        analysis = self.env["student_care.attendance.analysis"]
        if not analysis.has_access("read"):
            return []
        period = [("date", ">=", date_from), ("date", "<=", date_to)]
        tables = []
        for title, groupby in ((_("By grade"), "grade_id"), (_("By week"), "date:week")):
            rows = analysis._read_group(
                period, [groupby], ["attendance_rate:avg", "absence_count:sum"], order=groupby
            )
            tables.append(
                {
                    "title": title,
                    "rows": [
                        {
                            "label": self._label(group),
                            "rate": self._percent(rate),
                            "absences": absences,
                        }
                        for group, rate, absences in rows
                    ],
                }
            )
        return tables

    @api.model
    def _label(self, group):
        if isinstance(group, models.BaseModel):
            return group.display_name or _("None")
        if group:
            return _("Week of %(day)s", day=fields.Date.to_string(group))
        return _("None")

    @api.model
    def _percent(self, value):
        return "–" if value is None else f"{value:.1f} %"

    @api.model
    def _window(self, name, model, domain, view_types):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "domain": [
                (f, op, fields.Date.to_string(v) if hasattr(v, "isoformat") else v)
                for f, op, v in domain
            ],
            "views": [[False, view] for view in view_types],
            "context": {},
        }
