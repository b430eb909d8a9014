# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import SQL

from odoo.addons.student_care.tools import window_action

# Attendance figures are for the people who follow attendance: every staff member reads the
# student directory, so the stored fields are hidden from everyone else.
ATTENDANCE_GROUPS = (
    "student_care.student_care_group_attendance_officer,"
    "student_care.student_care_group_care_worker"
)
TIERS = [
    ("satisfactory", "Satisfactory (< 5 %)"),
    ("at_risk", "At risk (5-10 %)"),
    ("moderate", "Moderate chronic (10-20 %)"),
    ("severe", "Severe chronic (≥ 20 %)"),
]


# A day on the family calendar: its kind and the letter in its cell (the portal page's
# legend says what each letter means).
DAY_LETTERS = {
    "present": "P",
    "excused": "E",
    "unexcused": "A",
    "tardy": "L",
    "partial": "½",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    absent_days = fields.Integer(
        string="Days Missed",
        readonly=True,
        groups=ATTENDANCE_GROUPS,
        help="School days missed this school year for any reason, excused or not: a whole-day "
        "absence, or absent for at least half of the day's periods.",
    )
    enrolled_days = fields.Integer(
        readonly=True,
        groups=ATTENDANCE_GROUPS,
        help="School days (institution calendar) from the start of the school year, or the "
        "enrolment date if later, to the last evaluation.",
    )
    absence_rate = fields.Float(
        readonly=True,
        groups=ATTENDANCE_GROUPS,
        aggregator="avg",
        help="Days missed / enrolled days.",
    )
    absence_tier = fields.Selection(
        selection=TIERS,
        readonly=True,
        index=True,
        groups=ATTENDANCE_GROUPS,
        help="Chronic absence (Attendance Works): missing 10 % or more of enrolled days.",
    )
    absence_evaluated_on = fields.Date(readonly=True, groups=ATTENDANCE_GROUPS)
    # Made of the figures above, so hidden from the same people: a teacher or a specialist
    # who may not read the rate or tier must not read them spelled out either.
    attendance_summary = fields.Char(
        compute="_compute_attendance_summary",
        compute_sudo=False,
        groups=ATTENDANCE_GROUPS,
        help="This school year's absence in one line: days missed, rate and chronic-absence "
        "tier.",
    )
    # Staff counters: families see their notices on the portal, never a truancy step.
    attendance_notice_count = fields.Integer(
        string="Notices",
        compute="_compute_attendance_counts",
        compute_sudo=False,
        groups="base.group_user",
    )
    truancy_event_count = fields.Integer(
        string="Truancy Steps",
        compute="_compute_attendance_counts",
        compute_sudo=False,
        groups="base.group_user",
    )

    def _compute_attendance_summary(self):
        # Same audience as the stored figures (groups=), read with the user's own rights.
        tiers = dict(TIERS)
        for partner in self:
            if not partner.absence_evaluated_on:
                partner.attendance_summary = False
                continue
            partner.attendance_summary = _(
                "%(missed)s of %(enrolled)s school days missed (%(rate)s %%): %(tier)s",
                missed=partner.absent_days,
                enrolled=partner.enrolled_days,
                rate=round(100 * partner.absence_rate, 1),
                tier=tiers.get(partner.absence_tier, ""),
            )

    def _compute_attendance_counts(self):
        # With the user's own rights: a role without access counts nothing.
        counts = {}
        for model, field in (
            ("student_care.attendance.notice", "attendance_notice_count"),
            ("student_care.truancy.event", "truancy_event_count"),
        ):
            records = self.env[model]
            counts[field] = (
                dict(
                    records._read_group(
                        [("student_id", "in", self._origin.ids)], ["student_id"], ["__count"]
                    )
                )
                if records.has_access("read")
                else {}
            )
        for partner in self:
            for field, values in counts.items():
                partner[field] = values.get(partner._origin, 0)

    def action_view_attendance_notices(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care_attendance.student_care_attendance_notice_action",
            domain=[("student_id", "=", self.id)],
            context={},
        )

    def action_view_truancy_events(self):
        self.ensure_one()
        return window_action(
            self.env,
            "student_care_attendance.student_care_truancy_event_action",
            domain=[("student_id", "=", self.id)],
            context={},
        )

    @api.model
    def _update_chronic_absence(self, student_ids=None, today=None, touch=True):
        """Store days missed, enrolled days, rate and tier of every student (or of
        ``student_ids``): per institution one UPDATE over one aggregate of the year's absences.

        A day is missed when the student is absent the whole day (period 0) or for at least
        half of the institution's periods; excused or not. Enrolled days are the
        institution's school days from the school-year start (or enrolment date, if later)
        to ``today``. A system step (cron or the attendance trigger): plain SQL, no tracking.
        Rows whose figures did not change are only rewritten with ``touch`` (the nightly run
        stamps every student with the evaluation date).
        """
        today = today or fields.Date.context_today(self)
        attendance = self.env["student_care.attendance"]
        attendance.flush_model()
        self.flush_model(["is_student", "company_id", "enrolment_date", "active"])
        domain = [("is_student", "=", True)]
        if student_ids is not None:
            domain.append(("id", "in", list(student_ids)))
        companies = self.sudo()._read_group(domain, ["company_id"])
        updated = 0
        for (company,) in companies:
            if not company:
                continue
            start = company._school_year_start(today)
            dates = company._school_dates(start, today)
            student_filter = SQL("TRUE")
            absence_filter = SQL("TRUE")
            if student_ids is not None:
                student_filter = SQL("p.id = ANY(%s)", list(student_ids))
                absence_filter = SQL("a.student_id = ANY(%s)", list(student_ids))
            self.env.cr.execute(
                SQL(
                    """
                    WITH school AS (SELECT unnest(%(dates)s::date[]) AS day),
                    missed AS (
                        SELECT student_id, count(*) AS days FROM (%(missed_days)s) days
                         GROUP BY student_id
                    ),
                    firsts AS (
                        SELECT DISTINCT greatest(coalesce(p.enrolment_date, %(start)s),
                                                 %(start)s) AS first FROM res_partner p
                         WHERE p.is_student AND p.company_id = %(company)s AND %(student_filter)s
                    ),
                    enrolled AS (
                        SELECT f.first, (SELECT count(*) FROM school s WHERE s.day >= f.first)
                               AS days FROM firsts f
                    ),
                    stats AS (
                        SELECT p.id, coalesce(m.days, 0) AS absent, e.days AS enrolled
                          FROM res_partner p
                          JOIN enrolled e ON e.first = greatest(
                               coalesce(p.enrolment_date, %(start)s), %(start)s)
                          LEFT JOIN missed m ON m.student_id = p.id
                         WHERE p.is_student AND p.company_id = %(company)s AND %(student_filter)s
                    ),
                    rated AS (
                        SELECT id, absent, enrolled,
                               CASE WHEN enrolled > 0
                                    THEN least(absent::float8 / enrolled, 1) ELSE 0 END AS rate
                          FROM stats
                    )
                    UPDATE res_partner p
                       SET absent_days = r.absent,
                           enrolled_days = r.enrolled,
                           absence_rate = r.rate,
                           absence_tier = CASE WHEN r.enrolled = 0 THEN NULL
                                               WHEN r.rate >= 0.2 THEN 'severe'
                                               WHEN r.rate >= 0.1 THEN 'moderate'
                                               WHEN r.rate >= 0.05 THEN 'at_risk'
                                               ELSE 'satisfactory' END,
                           absence_evaluated_on = %(today)s
                      FROM rated r
                     WHERE p.id = r.id
                       AND (p.absent_days IS DISTINCT FROM r.absent
                            OR p.enrolled_days IS DISTINCT FROM r.enrolled
                            OR (%(touch)s AND p.absence_evaluated_on IS DISTINCT FROM %(today)s))
                    """,
                    dates=dates,
                    company=company.id,
                    start=start,
                    today=today,
                    missed_days=attendance._sql_missed_days(
                        company,
                        SQL(
                            "a.company_id = %s AND a.date BETWEEN %s AND %s AND %s",
                            company.id,
                            start,
                            today,
                            absence_filter,
                        ),
                    ),
                    student_filter=student_filter,
                    touch=touch,
                )
            )
            updated += self.env.cr.rowcount
        self.invalidate_model(
            [
                "absent_days",
                "enrolled_days",
                "absence_rate",
                "absence_tier",
                "absence_evaluated_on",
            ]
        )
        return updated

    # ------------------------------------------------------------------ family portal

    def _portal_day_kind(self, statuses):
        """The kind of a day (DAY_LETTERS key) from {(status, is_excused)} of its rows."""
        absent = {excused for status, excused in statuses if status == "absent"}
        others = {status for status, _excused in statuses if status != "absent"}
        if absent:
            if others:
                return "partial"
            return "excused" if absent == {True} else "unexcused"
        if others - {"present"}:
            return "tardy"
        return "present"

    def _portal_attendance_calendar(self, month, day=None):
        """The family calendar of one student for the month starting on ``month``: weeks
        of day cells (kind and letter), the periods of ``day``, and the school year's
        absence rate in words. Read with the user's own rights; one grouped query for the
        month, one for the year."""
        self.ensure_one()
        attendance = self.env["student_care.attendance"]
        last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        groups = attendance._read_group(
            [("student_id", "=", self.id), ("date", ">=", month), ("date", "<=", last)],
            ["date:day", "status", "is_excused"],
            ["__count"],
        )
        statuses = {}
        for day_value, status, excused, _count in groups:
            statuses.setdefault(fields.Date.to_date(day_value), set()).add((status, excused))
        weeks = []
        cell = month - timedelta(days=month.weekday())
        while cell <= last:
            week = []
            for _weekday in range(7):
                kind = (
                    self._portal_day_kind(statuses[cell])
                    if cell in statuses and cell.month == month.month
                    else False
                )
                week.append(
                    {
                        "date": cell,
                        "in_month": cell.month == month.month,
                        "kind": kind,
                        "letter": DAY_LETTERS.get(kind, ""),
                    }
                )
                cell += timedelta(days=1)
            weeks.append(week)
        periods = attendance.browse()
        if day:
            periods = attendance.search(
                [("student_id", "=", self.id), ("date", "=", day)], order="period"
            )
        return {
            "weeks": weeks,
            "day": day,
            "periods": periods,
            "rate_text": self._portal_absence_rate_text(),
        }

    def _portal_absence_rate_text(self):
        """The school year's absence in plain words: days missed (the attendance model's own
        rule of a missed day) out of the school days recorded for the student."""
        self.ensure_one()
        company = self.company_id
        today = fields.Date.context_today(self)
        start = company._school_year_start(today)
        attendance = self.env["student_care.attendance"]
        domain = [("student_id", "=", self.id), ("date", ">=", start), ("date", "<=", today)]
        [(school_days,)] = attendance._read_group(domain, [], ["date:count_distinct"])
        if not school_days:
            return _(
                "No school days are recorded for %(name)s yet this school year.", name=self.name
            )
        # The student was found with the user's own rights; the SQL reads only their rows.
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM (%s) days",
                attendance._sql_missed_days(
                    company,
                    SQL("a.student_id = %s AND a.date BETWEEN %s AND %s", self.id, start, today),
                ),
            )
        )
        missed = self.env.cr.fetchone()[0]
        rate = round(100 * missed / school_days)
        text = _(
            "%(name)s missed %(missed)s of %(days)s school days this year (%(rate)s %%).",
            name=self.name,
            missed=missed,
            days=school_days,
            rate=rate,
        )
        if rate >= 10:
            advice = _(
                "That is more than one day in ten: the school would like to help. Please "
                "contact the attendance office."
            )
        elif rate >= 5:
            advice = _("That is more than most pupils miss: every school day counts.")
        else:
            advice = _("That is a good attendance record.")
        return f"{text} {advice}"
