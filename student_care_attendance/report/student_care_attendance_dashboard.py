# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
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
    def get_dashboard_data(self, range_key="4weeks", date_to=None):
        """Figures from the start of the range to ``date_to`` (default: today)."""
        today = fields.Date.to_date(date_to) or fields.Date.context_today(self)
        if range_key == "week":
            date_from = today - timedelta(days=today.weekday())
        elif range_key == "year":
            date_from = self.env.company._school_year_start(today)
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
        stats = self._stats()
        if stats.has_access("read"):
            [(recorded, attended, absences, unexcused)] = stats._read_group(
                period,
                [],
                [
                    "period_count:sum",
                    "attended_count:sum",
                    "absence_count:sum",
                    "unexcused_count:sum",
                ],
            )
            cards.append(
                {
                    "key": "attendance_rate",
                    "title": _("Attendance rate"),
                    "value": self._percent(self._rate(attended, recorded)),
                    "detail": _(
                        "%(absences)s absent periods, %(unexcused)s unexcused",
                        absences=absences or 0,
                        unexcused=unexcused or 0,
                    ),
                    "action": self._window(
                        _("Attendance Analysis"),
                        "student_care.attendance.analysis",
                        period,
                        ["graph", "pivot"],
                    ),
                }
            )
        outreach = self.env["student_care.outreach"]
        if outreach.has_access("read"):
            today = [("date", "=", date_to), ("has_scan", "=", False), ("is_excused", "=", False)]
            to_call = outreach.search_count(today)
            # Recovery per called student-day, from the (few) calls rather than the view.
            called_days = self.env["student_care.outreach.call"]._read_group(
                period, ["student_id", "date:day"], ["__count", "is_recovered:bool_or"]
            )
            calls = sum(count for _student, _day, count, _recovered in called_days)
            recovered = sum(1 for *_group, recovered in called_days if recovered)
            recovery = self._rate(recovered, len(called_days))
            called = [*period, ("is_called", "=", True)]
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
        partners = self.env["res.partner"]
        if partners._fields["absence_tier"].is_accessible(self.env):
            students = [("is_student", "=", True), ("absence_tier", "!=", False)]
            tiers = dict(partners._read_group(students, ["absence_tier"], ["__count"]))
            total = sum(tiers.values())
            chronic = tiers.get("moderate", 0) + tiers.get("severe", 0)
            labels = dict(partners._fields["absence_tier"]._description_selection(self.env))
            cards.append(
                {
                    "key": "chronic",
                    "title": _("Chronically absent"),
                    "value": self._percent(self._rate(chronic, total)),
                    "detail": ", ".join(
                        f"{labels[tier]}: {tiers.get(tier, 0)}" for tier in labels
                    ),
                    "action": self._window(
                        _("Chronic Absence"),
                        "res.partner",
                        [*students, ("absence_tier", "in", ["moderate", "severe"])],
                        ["list", "form"],
                    ),
                }
            )
        events = self.env["student_care.truancy.event"]
        if events.has_access("read"):
            fired = dict(events._read_group(period, ["action"], ["__count"]))
            actions = dict(events._fields["action"]._description_selection(self.env))
            cards.append(
                {
                    "key": "truancy",
                    "title": _("Truancy steps fired"),
                    "value": str(sum(fired.values())),
                    "detail": ", ".join(
                        f"{actions[action]}: {count}" for action, count in fired.items()
                    ),
                    "action": self._window(
                        _("Truancy Steps"), events._name, period, ["list", "pivot"]
                    ),
                }
            )
        return cards

    @api.model
    def _dashboard_tables(self, date_from, date_to):
        stats = self._stats()
        if not stats.has_access("read"):
            return []
        period = [("date", ">=", date_from), ("date", "<=", date_to)]
        measures = ["attended_count:sum", "period_count:sum", "absence_count:sum"]
        by_grade = defaultdict(lambda: [0, 0, 0])
        for klass, attended, recorded, absences in stats._read_group(
            period, ["class_id"], measures
        ):
            totals = by_grade[klass.grade_id]
            totals[0] += attended
            totals[1] += recorded
            totals[2] += absences
        grades = sorted(by_grade, key=lambda grade: (not grade, grade.sequence, grade.name or ""))
        by_week = stats._read_group(period, ["date:week"], measures, order="date:week")
        return [
            {
                "title": _("By grade"),
                "rows": [self._row(grade, *by_grade[grade]) for grade in grades],
            },
            {
                "title": _("By week"),
                "rows": [self._row(week, *values) for week, *values in by_week],
            },
        ]

    @api.model
    def _stats(self):
        # The statistics are maintained by database triggers: write pending changes first.
        self.env["student_care.attendance"].flush_model()
        return self.env["student_care.attendance.stat"]

    @api.model
    def _row(self, group, attended, recorded, absences):
        return {
            "label": self._label(group),
            "rate": self._percent(self._rate(attended, recorded)),
            "absences": absences,
        }

    @api.model
    def _rate(self, part, whole):
        return 100.0 * part / whole if whole else None

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
            # Odoo's own views (students) fill an empty result with made-up sample rows.
            "useSampleModel": False,
        }
