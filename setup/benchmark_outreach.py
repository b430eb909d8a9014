# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Morning outreach benchmark (called by setup/benchmark_attendance).

Seeds, once, four weeks of period attendance (6 periods, setup/seed.py's absence model) for
the largest institution of the benchmark database, then for one school day: the
first-period roll call of every student, entry scans for a third of the absent, and times
building the "Outreach today" list as an attendance officer (record rules applied), the
way the web client asks for it. The day's rows are rolled back afterwards.
"""

import argparse
import resource
import time
from datetime import date, timedelta

import seed

import odoo
from odoo.tools import config

DAY = date(2026, 11, 23)  # a Monday
WEEKS = 4


def seed_history(env, company):
    """Four weeks of weekday period rows before DAY through the seeder (kept for later
    runs: days already there are skipped)."""
    started = time.perf_counter()
    rows = seed.seed_attendance(
        env, company, DAY - timedelta(weeks=WEEKS), DAY - timedelta(days=1), commit=True
    )
    if rows:
        env.cr.execute("ANALYZE student_care_attendance")
        env.cr.commit()
        print(f"  (seeded {rows:,} history rows in {time.perf_counter() - started:.0f} s, kept)")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        partners = env["res.partner"]
        groups = partners._read_group([("is_student", "=", True)], ["company_id"], ["__count"])
        company, count = max(groups, key=lambda g: g[1])
        seed_history(env, company)
        officer = env["res.users"].search([("login", "=", "bench_officer")])
        if not officer:
            officer = env["res.users"].create(
                {
                    "name": "Benchmark Attendance Officer",
                    "login": "bench_officer",
                    "company_id": company.id,
                    "company_ids": [(6, 0, [company.id])],
                    "groups_id": [
                        (4, env.ref("base.group_user").id),
                        (4, env.ref("student_care.student_care_group_attendance_officer").id),
                    ],
                }
            )
            cr.commit()
        company.attendance_outreach_period = 1
        cr.execute("DELETE FROM student_care_attendance WHERE date = %s", (DAY,))
        # The first-period roll call of the day and the late arrivals through the gate.
        seed.seed_attendance(env, company, DAY, DAY, periods=[1], source="teacher")
        seed.seed_scans(env, company, DAY, share=0.33)
        env.flush_all()
        cr.execute("ANALYZE student_care_attendance_scan")
        env.invalidate_all()
        outreach = env["student_care.outreach"].with_user(officer).with_company(company)
        domain = [("date", "=", DAY), ("has_scan", "=", False), ("is_excused", "=", False)]
        spec = {
            name: {}
            for name in (
                "student_id",
                "class_id",
                "risk_score",
                "previous_absence_days",
                "open_case_count",
                "guardian_link_id",
                "phone",
                "call_count",
                "is_recovered",
            )
        }
        timings = []
        for _run in range(3):
            env.invalidate_all()
            started = time.perf_counter()
            page = outreach.web_search_read(domain, spec, limit=80, count_limit=100001)
            timings.append(time.perf_counter() - started)
        listed = page["length"]
        env.invalidate_all()
        started = time.perf_counter()
        everyone = outreach.search_fetch(domain, list(spec))
        full_s = time.perf_counter() - started
        dashboard = env["student_care.attendance.dashboard"].with_user(officer)
        dashboard = dashboard.with_company(company)
        env.invalidate_all()
        started = time.perf_counter()
        dashboard.get_dashboard_data("4weeks", date_to=DAY)
        dashboard_s = time.perf_counter() - started
        cr.execute(
            "SELECT count(*) FROM student_care_attendance WHERE company_id = %s AND date >= %s",
            (company.id, DAY - timedelta(days=27)),
        )
        dashboard_rows = cr.fetchone()[0]
        name = company.name
        cr.rollback()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best = min(timings)
    print(f"Outreach list, {name}: {count:,} students, {listed:,} to call on {DAY}")
    print(
        f"  first page (80)   {best:7.3f} s  (web client request, best of 3; "
        f"runs: {', '.join(f'{t:.3f}' for t in timings)})"
    )
    print(f"  whole list        {full_s:7.3f} s  {len(everyone) / full_s:9,.0f} lines/s")
    print(
        f"  dashboard, 4 weeks {dashboard_s:6.3f} s  (figures over {dashboard_rows:,} "
        f"attendance rows, read from the day statistics)"
    )
    print(f"  peak RSS          {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
