# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import fields

# The demo school's absence story (student_care/demo/res_partner_demo.xml): truants miss
# whole days without an excuse (Jayden his Monday and Tuesday mornings), two chronically ill
# students miss about one day in seven; everybody else is ill now and then.
DEMO_TRUANTS = (
    "student_care.res_partner_student_rafael_perez_demo",
    "student_care.res_partner_student_lily_mendes_demo",
)
DEMO_CHRONIC = (
    "student_care.res_partner_student_amir_hendriks_demo",
    "student_care.res_partner_student_nina_patel_demo",
)
DEMO_MORNING_TRUANT = "student_care.res_partner_student_jayden_demo"


def post_init_hook(env):
    """Demo only: what XML cannot say. The attendance of the school year so far, this
    morning's first period with its absentees, two of them scanned in at the gate, the
    first outreach calls, and the night's truancy evaluation run once."""
    if not env["ir.module.module"].search([("name", "=", "student_care_attendance")]).demo:
        return
    company = env.ref("base.main_company")
    students = env["res.partner"].search(
        [("company_id", "=", company.id), ("is_student", "=", True)], order="id"
    )
    if not students or env["student_care.attendance"].search_count(
        [("company_id", "=", company.id)], limit=1
    ):
        return
    reasons = {r.code: r.id for r in env["student_care.attendance.reason"].search([])}
    ids = {name: env.ref(name).id for name in (*DEMO_TRUANTS, *DEMO_CHRONIC, DEMO_MORNING_TRUANT)}
    truants = {ids[name] for name in DEMO_TRUANTS}
    chronic = {ids[name] for name in DEMO_CHRONIC}
    today = fields.Date.context_today(students)
    periods = range(1, company.attendance_periods_per_day + 1)
    minutes = company.attendance_period_minutes

    def row(student_id, day, period, reason=None, source="import"):
        return {
            "student_id": student_id,
            "date": day,
            "period": period,
            "status": "absent" if reason else "present",
            "reason_id": reasons[reason] if reason else False,
            "minutes_missed": minutes if reason else 0,
            "source": source,
            "note": False,
        }

    def reason_of(student_id, day, period):
        turn = day.toordinal() + student_id
        if student_id == ids[DEMO_MORNING_TRUANT]:
            recent = (today - day).days <= 21 and day.weekday() in (0, 1)
            return "UNX" if recent and period <= 3 else None
        if student_id in truants:
            return "UNX" if turn % 8 == 0 else None
        if student_id in chronic:
            return "ILL" if turn % 7 == 0 else None
        return "ILL" if (day.toordinal() * 7 + student_id) % 41 == 0 else None

    day, rows = company._school_year_start(today), []
    while day < today:
        if day.weekday() < 5:
            rows += [row(s, day, p, reason_of(s, day, p)) for s in students.ids for p in periods]
        day += timedelta(days=1)
    attendance = env["student_care.attendance"].with_company(company).sudo()
    attendance._bulk_insert(rows)
    if today.weekday() < 5:
        absent = students.filtered(lambda s: (s.id + today.toordinal()) % 6 == 0)
        absent |= env["res.partner"].browse(sorted(truants))
        attendance._bulk_insert(
            [
                row(
                    s.id,
                    today,
                    1,
                    ("ILL" if s in absent[:2] else "UNX") if s in absent else None,
                    source="teacher",
                )
                for s in students
            ]
        )
        _demo_outreach(env, company, today, absent[2:])
    env["student_care.truancy.rule"]._cron_evaluate()


def _demo_outreach(env, company, today, absent):
    """Two absentees walked in before anybody called; three calls of the morning, one of
    which a late arrival recovers."""
    morning = datetime.combine(today, time(7, 0))
    scans = env["student_care.attendance.scan"]
    scans.create(
        [
            {
                "student_id": student.id,
                "scan_time": morning + timedelta(hours=1, minutes=20 + index),
                "device": "Main entrance",
                "source": "import",
            }
            for index, student in enumerate(absent[:2])
        ]
    )
    officer = env.ref("student_care.user_attendance_demo")
    calls = env["student_care.outreach.call"].with_user(officer).with_company(company)
    outcomes = (("on_the_way", False), ("no_answer", False), ("family", True))
    for index, student in enumerate(absent[2:5]):
        outcome, follow_up = outcomes[index]
        calls.create(
            {
                "student_id": student.id,
                "date": today,
                "call_time": morning + timedelta(hours=2, minutes=5 * index),
                "guardian_link_id": student.guardian_link_ids[:1].id,
                "reached": "nobody" if outcome == "no_answer" else "guardian",
                "outcome": outcome,
                "reason_id": env.ref(
                    "student_care_attendance.student_care_attendance_reason_unexcused"
                ).id
                if index == 0
                else False,
                # Words only where they go into the dossier (a follow-up case).
                "reason_given": "Mother says things are difficult at home" if follow_up else False,
                "is_follow_up_needed": follow_up,
            }
        )
    if absent[2:3]:
        scans.create(
            {
                "student_id": absent[2].id,
                "scan_time": morning + timedelta(hours=2, minutes=40),
                "device": "Main entrance",
                "source": "import",
            }
        )
