# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attendance import and truancy benchmarks (called by setup/benchmark_attendance)."""

import argparse
import io
import random
import resource
import time
from datetime import date, timedelta

import seed

import odoo
from odoo.tools import config

PERIODS = seed.PERIODS_PER_DAY


def build_file(env, company, day):
    """One day's period file of every student of ``company``, absences as the seeder has
    them (setup/seed.py)."""
    students = seed.enrolled_students(env, company)
    codes = {r.id: r.code for r in env["student_care.attendance.reason"].search([])}
    number = dict(zip(students.ids, students.mapped("student_number"), strict=True))
    lines = ["student_number,date,period,status,reason"]
    for vals in seed.attendance_vals(env, students, day, seed=7):
        reason = codes.get(vals["reason_id"], "")
        lines.append(
            f"{number[vals['student_id']]},{day},{vals['period']},{vals['status']},{reason}"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--no-truancy", action="store_true", help="only the import benchmark")
    parser.add_argument("--truancy-only", action="store_true", help="skip the import benchmark")
    parser.add_argument(
        "--reseed-year", action="store_true", help="delete and seed the school year again"
    )
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    if args.truancy_only:
        seed_year(registry, reseed=args.reseed_year)
        benchmark_truancy(registry)
        return
    rng = random.Random(7)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        partners = env["res.partner"]
        groups = partners._read_group([("is_student", "=", True)], ["company_id"], ["__count"])
        company, count = max(groups, key=lambda g: g[1])
        day = date(2026, 11, 2 + rng.randint(0, 4))
        content = build_file(env, company, day)
        rows = content.count("\n") - 1
        attendance = env["student_care.attendance"].with_company(company)
        cr.execute("DELETE FROM student_care_attendance WHERE date = %s", (day,))

        started = time.perf_counter()
        first = attendance.import_attendance_csv(content)
        env.flush_all()
        import_s = time.perf_counter() - started

        started = time.perf_counter()
        again = attendance.import_attendance_csv(content)
        env.flush_all()
        reimport_s = time.perf_counter() - started

        # Raw COPY of the same rows into a scratch copy of the table, for the ratio.
        cr.execute(
            "CREATE TEMP TABLE bench_copy (LIKE student_care_attendance INCLUDING DEFAULTS)"
        )
        students = dict(
            partners.search_fetch(
                [("id", "!=", 0), ("company_id", "=", company.id), ("is_student", "=", True)],
                ["student_number"],
            ).mapped(lambda p: (p.student_number, p.id))
        )
        buffer = io.StringIO()
        for line in content.splitlines()[1:]:
            number, day_text, period, status, _reason = line.split(",")
            buffer.write(
                f"{students[number]}\t{company.id}\t{day_text}\t{period}\t{status}\timport\n"
            )
        buffer.seek(0)
        started = time.perf_counter()
        cr.copy_expert(
            "COPY bench_copy (student_id, company_id, date, period, status, source) FROM STDIN",
            buffer,
        )
        copy_s = time.perf_counter() - started
        name = company.name
        cr.rollback()  # leave the benchmark database as it was

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Institution {name}: {count:,} students, {rows:,} period rows for {day}")
    print(
        f"  import            {import_s:7.1f} s  {rows / import_s:9,.0f} rows/s  "
        f"(created {first['created']:,})"
    )
    print(
        f"  re-import         {reimport_s:7.1f} s  {rows / reimport_s:9,.0f} rows/s  "
        f"(changed {again['updated'] + again['created']}, unchanged {again['unchanged']:,})"
    )
    print(f"  raw COPY          {copy_s:7.1f} s  {rows / copy_s:9,.0f} rows/s")
    print(f"  peak RSS          {peak_mb:7.0f} MB")
    if not args.no_truancy:
        seed_year(registry, reseed=args.reseed_year)
        benchmark_truancy(registry)


# --- truancy and chronic absence over a school year ----------------------------------------
YEAR_START = date(2025, 9, 1)  # first seeded school day (school year starts 2025-08-01)
SCHOOL_DAYS = 180


def _school_days():
    days, current = [], YEAR_START
    while len(days) < SCHOOL_DAYS:
        if current.weekday() < 5:
            days.append(current)
        current += timedelta(days=1)
    return days


def _largest_company(env):
    groups = env["res.partner"]._read_group(
        [("is_student", "=", True)], ["company_id"], ["__count"]
    )
    return max(groups, key=lambda g: g[1])


def seed_year(registry, reseed=False):
    """A school year of period rows for every student of the largest institution, through
    the seeder (setup/seed.py) and the attendance model's bulk insert, committed as it goes
    and reused by later runs (days already there are skipped)."""
    days = _school_days()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company, count = _largest_company(env)
        if reseed:
            cr.execute(
                "DELETE FROM student_care_attendance "
                "WHERE company_id = %s AND date BETWEEN %s AND %s",
                (company.id, days[0], days[-1]),
            )
            cr.commit()
        started = time.perf_counter()
        rows = seed.seed_attendance(env, company, days[0], days[-1], commit=True)
        seconds = time.perf_counter() - started
        if not rows:
            print(f"School year already seeded for {company.name}")
            return
        # As autovacuum would after a bulk load: statistics and the visibility map (which
        # index-only scans need).
        cr._cnx.autocommit = True
        cr._obj.execute("VACUUM ANALYZE student_care_attendance")
        cr._cnx.autocommit = False
        print(
            f"Seeded {rows:,} period rows ({count:,} students x {len(days)} days x {PERIODS}) "
            f"in {seconds:.0f} s ({rows / seconds:,.0f} rows/s)"
        )


def benchmark_truancy(registry):
    """Nightly evaluation at the end of the seeded year: first the backlog run (the rules
    meet a whole year of history at once and fire their ladders), then the next night's run,
    which is what every night costs. Rolled back afterwards."""
    days = _school_days()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company, count = _largest_company(env)
        rules = env["student_care.truancy.rule"].with_context(active_test=False).search([])
        rules.filtered(lambda r: "US" in r.name or "NL" in r.name).active = True
        rules = rules.filtered("active")
        cr.execute(
            "SELECT count(*), count(*) FILTER (WHERE status = 'absent') "
            "FROM student_care_attendance WHERE company_id = %s AND date BETWEEN %s AND %s",
            (company.id, days[0], days[-1]),
        )
        rows, absent = cr.fetchone()
        env.flush_all()
        results = []
        for label, today in (("backlog (first run)", days[-2]), ("nightly", days[-1])):
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            started = time.perf_counter()
            events = rules._evaluate(today=today)
            env.flush_all()
            rules_s = time.perf_counter() - started
            started = time.perf_counter()
            updated = env["res.partner"]._update_chronic_absence(today=today)
            chronic_s = time.perf_counter() - started
            env.flush_all()
            actions = {}
            for event in events:
                actions[event.action] = actions.get(event.action, 0) + 1
            results.append(
                (label, today, rules_s, chronic_s, len(events), actions, updated, rss_before)
            )
            env.invalidate_all()
        tiers = dict(
            env["res.partner"]._read_group(
                [("is_student", "=", True), ("company_id", "=", company.id)],
                ["absence_tier"],
                ["__count"],
            )
        )
        name, rule_names = company.name, ", ".join(rules.mapped("name"))
        cr.rollback()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Truancy: {name}, {count:,} students, {rows:,} period rows "
        f"({absent:,} absent, {100 * absent / rows:.1f} %) from {days[0]} to {days[-1]}; "
        f"rules: {rule_names}"
    )
    for label, today, rules_s, chronic_s, fired, actions, updated, _rss in results:
        total = rules_s + chronic_s
        print(
            f"  {label:20} {today}: rules {rules_s:6.1f} s + chronic {chronic_s:5.1f} s = "
            f"{total:6.1f} s  ({absent / total:,.0f} absent rows/s, {rows / total:,.0f} rows/s); "
            f"fired {fired:,} {actions}; chronic updated {updated:,}"
        )
    print(f"  tiers: { {k: v for k, v in tiers.items()} }")
    print(f"  peak RSS          {peak_mb:7.0f} MB (whole benchmark process)")


if __name__ == "__main__":
    main()
