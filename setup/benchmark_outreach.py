# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Morning outreach benchmark (called by setup/benchmark_attendance).

Seeds, once, four weeks of period attendance (6 periods, ~8 % absent) for the largest
institution of the benchmark database, then for one school day: the first-period roll
call of every student, entry scans for a third of the absent, and times building the
"Outreach today" list as an attendance officer (record rules applied), the way the web
client asks for it. The day's rows are rolled back afterwards.
"""

import argparse
import resource
import time
from datetime import date, timedelta

import odoo
from odoo.tools import config

DAY = date(2026, 11, 23)  # a Monday
WEEKS = 4


def seed_history(cr, company_id):
    """Four weeks of weekday period rows before DAY, server-side (kept for later runs)."""
    first = DAY - timedelta(weeks=WEEKS)
    cr.execute(
        "SELECT count(*) FROM student_care_attendance WHERE company_id = %s AND date >= %s "
        "AND date < %s",
        (company_id, first, DAY),
    )
    if cr.fetchone()[0]:
        return 0
    started = time.perf_counter()
    cr.execute(
        """
        INSERT INTO student_care_attendance
               (student_id, company_id, class_id, date, period, status, is_excused,
                minutes_missed, source, create_uid, create_date, write_uid, write_date)
        SELECT p.id, p.company_id, p.class_id, d::date, per,
               CASE WHEN random() < 0.08 THEN 'absent' ELSE 'present' END,
               FALSE, 0, 'import', 1, now(), 1, now()
          FROM res_partner p
         CROSS JOIN generate_series(%s::date, %s::date, interval '1 day') d
         CROSS JOIN generate_series(1, 6) per
         WHERE p.is_student AND p.company_id = %s AND extract(isodow FROM d) < 6
        ON CONFLICT DO NOTHING
        """,
        (first, DAY - timedelta(days=1), company_id),
    )
    rows = cr.rowcount
    cr.execute("ANALYZE student_care_attendance")
    cr.commit()
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
        seed_history(cr, company.id)
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
        cr.execute(
            """
            INSERT INTO student_care_attendance
                   (student_id, company_id, class_id, date, period, status, is_excused,
                    minutes_missed, source, create_uid, create_date, write_uid, write_date)
            SELECT p.id, p.company_id, p.class_id, %s, 1,
                   CASE WHEN random() < 0.08 THEN 'absent' ELSE 'present' END,
                   FALSE, 0, 'teacher', 1, now(), 1, now()
              FROM res_partner p WHERE p.is_student AND p.company_id = %s
            """,
            (DAY, company.id),
        )
        cr.execute(
            """
            INSERT INTO student_care_attendance_scan
                   (student_id, company_id, scan_time, date, device, source,
                    create_uid, create_date, write_uid, write_date)
            SELECT student_id, company_id, %s::date + time '08:20', %s, 'Gate', 'import',
                   1, now(), 1, now()
              FROM student_care_attendance
             WHERE date = %s AND period = 1 AND status = 'absent' AND random() < 0.33
            """,
            (DAY, DAY, DAY),
        )
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
