# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import datetime, time, timedelta

from odoo import api, fields, models

from .res_company import DEFAULT_PERIOD_MINUTES, DEFAULT_PERIODS_PER_DAY

# Share of students per absence profile: (share, lowest, highest day-absence rate).
PROFILES = ((0.70, 0.0, 0.04), (0.18, 0.05, 0.09), (0.09, 0.10, 0.19), (0.03, 0.20, 0.35))
PERIOD_MINUTES = DEFAULT_PERIOD_MINUTES


class StudentCareGenerator(models.AbstractModel):
    _inherit = "student_care.generator"

    @api.model
    def _generate_attendance(
        self, company, date_from, date_to, periods=DEFAULT_PERIODS_PER_DAY, seed=1
    ):
        """Period attendance for every enrolled student of ``company`` on the weekdays from
        ``date_from`` to ``date_to``, with realistic absence: most students rarely miss a
        day, about one in eight is chronically absent, truants skip without excuse.

        Written through the import's set-based insert; returns the number of rows.
        """
        rng = random.Random(seed)
        reasons = {
            reason.code: reason.id
            for reason in self.env["student_care.attendance.reason"].search([])
        }
        students = self.env["res.partner"].search(
            [
                ("company_id", "=", company.id),
                ("is_student", "=", True),
                ("enrolment_status", "=", "enrolled"),
            ],
            order="id",
        )
        days = [
            date_from + timedelta(days=offset)
            for offset in range((date_to - date_from).days + 1)
            if (date_from + timedelta(days=offset)).weekday() < 5
        ]
        rows = []
        for student in students:
            pick, rate = rng.random(), 0.0
            for share, low, high in PROFILES:
                if pick < share:
                    rate = rng.uniform(low, high)
                    break
                pick -= share
            truant = rate >= 0.10 and rng.random() < 0.5
            for day in days:
                rows.extend(
                    self._attendance_day(student.id, day, periods, rate, truant, rng, reasons)
                )
        self.env["student_care.attendance"].with_company(company).sudo()._import_insert(rows)
        return len(rows)

    @api.model
    def _attendance_day(self, student_id, day, periods, rate, truant, rng, reasons):
        base = {"student_id": student_id, "date": day, "source": "import", "note": False}
        if rng.random() < rate:
            reason = (
                "UNX" if truant or rng.random() < 0.2 else rng.choice(("ILL", "ILL", "MED", "FAM"))
            )
            return [
                dict(
                    base,
                    period=p,
                    status="absent",
                    reason_id=reasons.get(reason),
                    minutes_missed=PERIOD_MINUTES,
                )
                for p in range(1, periods + 1)
            ]
        skipped = rng.randint(2, periods) if truant and rng.random() < 0.15 else 0
        tardy = 1 if rng.random() < 0.03 else 0
        result = []
        for period in range(1, periods + 1):
            if period == skipped:
                values = {
                    "status": "absent",
                    "reason_id": reasons.get("UNX"),
                    "minutes_missed": PERIOD_MINUTES,
                }
            elif period == tardy:
                values = {"status": "tardy", "reason_id": False, "minutes_missed": 10}
            else:
                values = {"status": "present", "reason_id": False, "minutes_missed": 0}
            result.append(dict(base, period=period, **values))
        return result

    @api.model
    def _generate_demo_attendance(self):
        """Demo data: the school year so far, this morning's first period, entry scans and
        a few outreach calls, so that the outreach list and the reports tell their story."""
        company = self.env.ref("base.main_company")
        attendance = self.env["student_care.attendance"]
        if attendance.search_count([("company_id", "=", company.id)], limit=1):
            return False
        today = fields.Date.context_today(self)
        self._generate_attendance(
            company, company._school_year_start(today), today - timedelta(days=1), seed=2026
        )
        if today.weekday() >= 5:
            return True
        rng = random.Random(today.toordinal())
        reasons = {r.code: r.id for r in self.env["student_care.attendance.reason"].search([])}
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)], order="id"
        )
        absent = students.filtered(lambda s: rng.random() < 0.08)
        attendance.with_company(company).sudo()._import_insert(
            [
                {
                    "student_id": student.id,
                    "date": today,
                    "period": 1,
                    "status": "absent" if student in absent else "present",
                    "reason_id": reasons["ILL"] if student in absent[:2] else False,
                    "minutes_missed": PERIOD_MINUTES if student in absent else 0,
                    "source": "teacher",
                    "note": False,
                }
                for student in students
            ]
        )
        # Two of the absent walked in late through the gate before anybody called.
        morning = datetime.combine(today, time(7, 0))
        self.env["student_care.attendance.scan"].create(
            [
                {
                    "student_id": student.id,
                    "scan_time": morning + timedelta(hours=1, minutes=20 + index),
                    "device": "Main entrance",
                    "source": "import",
                }
                for index, student in enumerate(absent[2:4])
            ]
        )
        officer = self.env.ref("student_care.user_attendance_demo")
        calls = self.env["student_care.outreach.call"].with_user(officer).with_company(company)
        outcomes = (("on_the_way", False), ("no_answer", False), ("family", True))
        for index, student in enumerate(absent[4:7]):
            outcome, follow_up = outcomes[index]
            link = self.env["student_care.guardian.link"].search(
                [("student_id", "=", student.id)], limit=1
            )
            calls.create(
                {
                    "student_id": student.id,
                    "date": today,
                    "call_time": morning + timedelta(hours=2, minutes=5 * index),
                    "guardian_link_id": link.id,
                    "reached": "nobody" if outcome == "no_answer" else "guardian",
                    "outcome": outcome,
                    "reason_id": reasons["UNX"] if index == 0 else False,
                    # Words only where they go into the dossier (a follow-up case).
                    "reason_given": "Mother says things are difficult at home"
                    if follow_up
                    else False,
                    "is_follow_up_needed": follow_up,
                }
            )
        # The student on the way arrived at 09:40.
        self.env["student_care.attendance.scan"].create(
            {
                "student_id": absent[4].id,
                "scan_time": morning + timedelta(hours=2, minutes=40),
                "device": "Main entrance",
                "source": "import",
            }
        )
        return True
