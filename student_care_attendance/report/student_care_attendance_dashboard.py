# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models

RANGES = {"week": 0, "4weeks": 27, "year": None}
# Charts and the time table of a range go by day for one week, else by week: a line needs
# more than one point.
DAYS_PER_BUCKET = {"day": 1, "week": 7}
ATTENDANCE = "student_care.attendance"
CHRONIC_TIERS = ("moderate", "severe")
# Chart colours per chronic-absence tier: from fine to severe.
TIER_COLORS = {
    "satisfactory": "#28a745",
    "at_risk": "#ffc107",
    "moderate": "#fd7e14",
    "severe": "#dc3545",
}


class StudentCareAttendanceDashboard(models.AbstractModel):
    """Figures and charts for the attendance dashboard (client action
    ``student_care_attendance_dashboard``).

    Every figure is a ``_read_group`` as the current user, so record rules apply: each
    role sees the figures of what it may read. Every card, table row and chart element
    carries the window action that lists the records behind it, and ``count``: how many
    records that action lists (the figure the user clicked, or its denominator).
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
        interval = "day" if range_key == "week" else "week"
        attendance = self._attendance_figures(date_from, today, interval)
        outreach = self._outreach_figures(date_from, today, interval)
        tiers = self._tier_figures()
        return {
            "range": range_key,
            "date_from": fields.Date.to_string(date_from),
            "date_to": fields.Date.to_string(today),
            "cards": self._dashboard_cards(date_from, today, attendance, outreach, tiers),
            "tables": self._dashboard_tables(attendance, interval),
            "charts": self._dashboard_charts(attendance, outreach, tiers, interval),
        }

    # Figures: one grouped read per source, shared by the cards, tables and charts.

    @api.model
    def _attendance_figures(self, date_from, date_to, interval="week"):
        """Recorded, attended, absent and unexcused periods by grade and by ``interval``
        (day or week), from the per-class day statistics; None when the user may not read
        them."""
        stats = self._stats()
        if not stats.has_access("read"):
            return None
        period = self._period(date_from, date_to)
        measures = [
            "attended_count:sum",
            "period_count:sum",
            "absence_count:sum",
            "unexcused_count:sum",
        ]
        by_grade = defaultdict(lambda: [0, 0, 0, 0])
        for klass, *values in stats._read_group(period, ["class_id"], measures):
            totals = by_grade[klass.grade_id]
            for index, value in enumerate(values):
                totals[index] += value or 0
        grades = sorted(by_grade, key=lambda grade: (not grade, grade.sequence, grade.name or ""))
        buckets = [
            (
                bucket,
                self._bucket(bucket, interval, date_from, date_to),
                [value or 0 for value in values],
            )
            for bucket, *values in stats._read_group(
                period, [f"date:{interval}"], measures, order=f"date:{interval}"
            )
        ]
        totals = [sum(values[index] for *_bucket, values in buckets) for index in range(4)]
        return {
            "period": period,
            "totals": totals,
            "grades": [(grade, self._grade_domain(grade), by_grade[grade]) for grade in grades],
            "buckets": buckets,
        }

    @api.model
    def _outreach_figures(self, date_from, date_to, interval="week"):
        """Outreach calls and same-day recovery per ``interval``; None without outreach
        access."""
        outreach = self.env["student_care.outreach"]
        if not outreach.has_access("read"):
            return None
        period = self._period(date_from, date_to)
        # Recovery per called student-day, from the (few) calls rather than the view.
        groupby = [f"date:{interval}", "student_id"]
        if interval != "day":
            groupby.append("date:day")
        called_days = self.env["student_care.outreach.call"]._read_group(
            period,
            groupby,
            ["__count", "is_recovered:bool_or"],
            order=f"date:{interval}",
        )
        buckets = {}
        for bucket, _student, *_day, count, recovered in called_days:
            tally = buckets.setdefault(bucket, [0, 0, 0])
            tally[0] += count
            tally[1] += 1
            tally[2] += bool(recovered)
        return {
            "period": period,
            "to_call": [
                ("date", "=", date_to),
                ("has_scan", "=", False),
                ("is_excused", "=", False),
            ],
            "buckets": [
                (bucket, self._bucket(bucket, interval, date_from, date_to), tally)
                for bucket, tally in buckets.items()
            ],
            "totals": [sum(tally[index] for tally in buckets.values()) for index in range(3)],
        }

    @api.model
    def _tier_figures(self):
        """Students by grade and chronic-absence tier; None when the user may not read tiers."""
        partners = self.env["res.partner"]
        if not partners._fields["absence_tier"].is_accessible(self.env):
            return None
        students = [("is_student", "=", True), ("absence_tier", "!=", False)]
        by_grade = defaultdict(dict)
        for grade, tier, count in partners._read_group(
            students, ["grade_id", "absence_tier"], ["__count"]
        ):
            by_grade[grade][tier] = count
        grades = sorted(by_grade, key=lambda grade: (not grade, grade.sequence, grade.name or ""))
        return {
            "students": students,
            "labels": dict(partners._fields["absence_tier"]._description_selection(self.env)),
            "grades": [(grade, by_grade[grade]) for grade in grades],
        }

    # What the user sees.

    @api.model
    def _dashboard_cards(self, date_from, date_to, attendance, outreach, tiers):
        cards = []
        if attendance is not None:
            attended, recorded, absences, unexcused = attendance["totals"]
            cards.append(
                {
                    "key": "attendance_rate",
                    "title": _("Attendance rate"),
                    "value": self._percent(self._rate(attended, recorded)),
                    "detail": _(
                        "%(absences)s absent periods, %(unexcused)s unexcused",
                        absences=absences,
                        unexcused=unexcused,
                    ),
                    "count": recorded,
                    "action": self._window(
                        _("Attendance Analysis"),
                        "student_care.attendance.analysis",
                        attendance["period"],
                        ["graph", "pivot", "list"],
                    ),
                }
            )
        if outreach is not None:
            model = "student_care.outreach"
            to_call = self.env[model].search_count(outreach["to_call"])
            calls, called, recovered = outreach["totals"]
            cards += [
                {
                    "key": "outreach_today",
                    "title": _("To call today"),
                    "value": str(to_call),
                    "detail": _("absent in the outreach period, not scanned in"),
                    "count": to_call,
                    "action": self._window(
                        _("Outreach Today"), model, outreach["to_call"], ["list", "form"]
                    ),
                },
                {
                    "key": "recovery",
                    "title": _("Same-day recovery"),
                    "value": self._percent(self._rate(recovered, called)),
                    "detail": _("%(calls)s outreach calls", calls=calls),
                    "action": self._window(
                        _("Outreach and Recovery"),
                        model,
                        [*outreach["period"], ("is_called", "=", True)],
                        ["list", "graph", "pivot"],
                    ),
                },
            ]
        if tiers is not None:
            counts = defaultdict(int)
            for _grade, by_tier in tiers["grades"]:
                for tier, count in by_tier.items():
                    counts[tier] += count
            chronic = sum(counts[tier] for tier in CHRONIC_TIERS)
            cards.append(
                {
                    "key": "chronic",
                    "title": _("Chronically absent"),
                    "value": self._percent(self._rate(chronic, sum(counts.values()))),
                    "detail": ", ".join(
                        f"{label}: {counts[tier]}" for tier, label in tiers["labels"].items()
                    ),
                    "count": chronic,
                    "action": self._window(
                        _("Chronic Absence"),
                        "res.partner",
                        [*tiers["students"], ("absence_tier", "in", list(CHRONIC_TIERS))],
                        ["list", "form"],
                    ),
                }
            )
        events = self.env["student_care.truancy.event"]
        if events.has_access("read"):
            period = self._period(date_from, date_to)
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
                    "count": sum(fired.values()),
                    "action": self._window(
                        _("Truancy Steps"), events._name, period, ["list", "pivot"]
                    ),
                }
            )
        return cards

    @api.model
    def _dashboard_tables(self, attendance, interval="week"):
        """By grade and by week (or day); each row opens the absences it counts."""
        if attendance is None:
            return []
        absent = [("status", "=", "absent")]
        return [
            {
                "key": "by_grade",
                "title": _("By grade"),
                "rows": [
                    self._row(grade, values, [*attendance["period"], *domain, *absent])
                    for grade, domain, values in attendance["grades"]
                ],
            },
            {
                "key": f"by_{interval}",
                "title": _("By day") if interval == "day" else _("By week"),
                "rows": [
                    self._row(bucket, values, [*domain, *absent], interval)
                    for bucket, domain, values in attendance["buckets"]
                ],
            },
        ]

    @api.model
    def _dashboard_charts(self, attendance, outreach, tiers, interval="week"):
        """Chart.js-ready series; each point (``actions[i]`` beside ``data[i]``) opens the
        records it is made of."""
        charts = []
        if attendance is not None:
            buckets = attendance["buckets"]
            grades = attendance["grades"]
            charts += [
                self._chart(
                    "rate_over_time",
                    _("Attendance rate by day")
                    if interval == "day"
                    else _("Attendance rate by week"),
                    "line",
                    [self._label(bucket, interval) for bucket, *_rest in buckets],
                    [
                        self._series(
                            _("Attendance rate (%)"),
                            [
                                (
                                    self._round(self._rate(values[0], values[1])),
                                    values[1],
                                    self._records(_("Attendance"), domain),
                                )
                                for _bucket, domain, values in buckets
                            ],
                            color="#017e84",
                        )
                    ],
                    unit="%",
                ),
                self._chart(
                    "absences_by_grade",
                    _("Absences by grade"),
                    "bar",
                    [self._label(grade) for grade, *_rest in grades],
                    [
                        self._series(
                            _("Absent periods"),
                            [
                                (
                                    values[2],
                                    values[2],
                                    self._records(
                                        _("Absences"),
                                        [
                                            *attendance["period"],
                                            *domain,
                                            ("status", "=", "absent"),
                                        ],
                                    ),
                                )
                                for _grade, domain, values in grades
                            ],
                            color="#714b67",
                        )
                    ],
                ),
            ]
        if tiers is not None:
            charts.append(self._tier_chart(tiers))
        if outreach is not None:
            charts.append(self._outreach_chart(outreach, interval))
        return charts

    @api.model
    def _tier_chart(self, tiers):
        series = []
        for tier, label in tiers["labels"].items():
            points = []
            for grade, by_tier in tiers["grades"]:
                count = by_tier.get(tier, 0)
                domain = [
                    *tiers["students"],
                    ("grade_id", "=", grade.id),
                    ("absence_tier", "=", tier),
                ]
                points.append(
                    (count, count, self._window(label, "res.partner", domain, ["list", "form"]))
                )
            series.append(self._series(label, points, color=TIER_COLORS.get(tier), stack="tiers"))
        return self._chart(
            "tiers_by_grade",
            _("Chronic absence by grade"),
            "bar",
            [self._label(grade) for grade, _by_tier in tiers["grades"]],
            series,
            stacked=True,
        )

    @api.model
    def _outreach_chart(self, outreach, interval="week"):
        calls = "student_care.outreach.call"
        lines = "student_care.outreach"
        buckets = outreach["buckets"]
        return self._chart(
            "outreach_over_time",
            _("Outreach and same-day recovery"),
            "bar",
            [self._label(bucket, interval) for bucket, *_rest in buckets],
            [
                self._series(
                    _("Calls"),
                    [
                        (tally[0], tally[0], self._window(_("Calls"), calls, domain, ["list"]))
                        for _bucket, domain, tally in buckets
                    ],
                    color="#3c8dbc",
                ),
                self._series(
                    _("Same-day recovery (%)"),
                    [
                        (
                            self._round(self._rate(tally[2], tally[1])),
                            None,
                            self._window(
                                _("Outreach and Recovery"),
                                lines,
                                [*domain, ("is_called", "=", True)],
                                ["list", "form"],
                            ),
                        )
                        for _bucket, domain, tally in buckets
                    ],
                    color="#28a745",
                    type="line",
                    axis="percent",
                ),
            ],
        )

    # Helpers.

    @api.model
    def _stats(self):
        # The statistics are maintained by database triggers: write pending changes first.
        self.env[ATTENDANCE].flush_model()
        return self.env["student_care.attendance.stat"]

    @api.model
    def _period(self, date_from, date_to):
        return [("date", ">=", date_from), ("date", "<=", date_to)]

    @api.model
    def _bucket(self, start, interval, date_from, date_to):
        """The dates of the day or week that starts on ``start``, within the range."""
        end = start + timedelta(days=DAYS_PER_BUCKET[interval] - 1)
        return self._period(max(start, date_from), min(end, date_to))

    @api.model
    def _grade_domain(self, grade):
        """Attendance rows counted under ``grade``: the statistics group by the class the
        row was recorded in, so the class's grade (rows without a class go to "None")."""
        if grade:
            return [("class_id.grade_id", "=", grade.id)]
        return ["|", ("class_id", "=", False), ("class_id.grade_id", "=", False)]

    @api.model
    def _row(self, group, values, domain, interval="week"):
        attended, recorded, absences = values[:3]
        return {
            "label": self._label(group, interval),
            "rate": self._percent(self._rate(attended, recorded)),
            "absences": absences,
            "count": absences,
            "action": self._records(
                _("Absences: %(group)s", group=self._label(group, interval)), domain
            ),
        }

    @api.model
    def _chart(self, key, title, chart_type, labels, datasets, unit="", stacked=False):
        return {
            "key": key,
            "title": title,
            "type": chart_type,
            "labels": labels,
            "datasets": datasets,
            "unit": unit,
            "stacked": stacked,
        }

    @api.model
    def _series(self, label, points, color=None, **options):
        """A dataset from (value, count, action) points."""
        return {
            "label": label,
            "data": [value for value, _count, _action in points],
            "counts": [count for _value, count, _action in points],
            "actions": [action for _value, _count, action in points],
            "color": color,
            **options,
        }

    @api.model
    def _records(self, name, domain):
        return self._window(name, ATTENDANCE, domain, ["list", "form"])

    @api.model
    def _rate(self, part, whole):
        return 100.0 * part / whole if whole else None

    @api.model
    def _round(self, value):
        return None if value is None else round(value, 1)

    @api.model
    def _label(self, group, interval="week"):
        if isinstance(group, models.BaseModel):
            return group.display_name or _("None")
        if group and interval == "day":
            return fields.Date.to_string(group)
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
                (
                    (term[0], term[1], fields.Date.to_string(term[2]))
                    if isinstance(term, tuple) and hasattr(term[2], "isoformat")
                    else term
                )
                for term in domain
            ],
            "views": [[False, view] for view in view_types],
            "context": {},
            # Odoo's own views (students) fill an empty result with made-up sample rows.
            "useSampleModel": False,
        }
