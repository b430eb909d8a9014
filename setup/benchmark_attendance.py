# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attendance import and truancy benchmarks (called by setup/benchmark_attendance)."""

import argparse
import io
import random
import resource
import time
from datetime import date, timedelta

import odoo
from odoo.tools import config

PERIODS = 6
ABSENCE = 0.08


def build_file(numbers, day, rng):
    lines = ["student_number,date,period,status,reason"]
    for number in numbers:
        for period in range(1, PERIODS + 1):
            if rng.random() < ABSENCE:
                lines.append(f"{number},{day},{period},absent,{rng.choice(('UNX', 'ILL'))}")
            else:
                lines.append(f"{number},{day},{period},present,")
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
        numbers = partners.search(
            [("is_student", "=", True), ("company_id", "=", company.id)]
        ).mapped("student_number")
        day = date(2026, 11, 2 + rng.randint(0, 4))
        content = build_file(numbers, day.isoformat(), rng)
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
    """A school year of period rows (6 a day) for every student of the largest institution,
    ~8 % absent, in one server-side INSERT ... SELECT per month. Committed and reused by
    later runs. Absence is uneven like in a real school: each student has a risk level
    (student id mod 20) that sets the chance of missing a whole day (0.5 %..15.5 %); on
    other days each period is missed with 3.5 %; 60 % of absent days are excused (illness)."""
    days = _school_days()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company, count = _largest_company(env)
        cr.execute(
            "SELECT count(*) FROM student_care_attendance "
            "WHERE company_id = %s AND date BETWEEN %s AND %s",
            (company.id, days[0], days[-1]),
        )
        existing = cr.fetchone()[0]
        if existing and not reseed:
            print(f"School year already seeded: {existing:,} rows for {company.name}")
            return
        cr.execute(
            "DELETE FROM student_care_attendance WHERE company_id = %s AND date BETWEEN %s AND %s",
            (company.id, days[0], days[-1]),
        )
        cr.commit()
        # Every id below is valid by construction: skip the per-row foreign-key triggers
        # (7 per row), which otherwise dominate the seeding. Needs a superuser role; without
        # it the rows are checked as usual, only slower.
        cr.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cr.fetchone()[0]:
            cr.execute("SET session_replication_role = replica")
        ill = env.ref("student_care_attendance.student_care_attendance_reason_illness").id
        unx = env.ref("student_care_attendance.student_care_attendance_reason_unexcused").id
        started = time.perf_counter()
        rows = 0
        months = sorted({(day.year, day.month) for day in days})
        for year, month in months:
            month_days = [day for day in days if (day.year, day.month) == (year, month)]
            cr.execute(
                """
                INSERT INTO student_care_attendance
                    (student_id, company_id, class_id, date, period, status, reason_id,
                     is_excused, minutes_missed, source, recorded_by_id,
                     create_uid, create_date, write_uid, write_date)
                SELECT x.sid, x.company_id, x.class_id, x.day, x.period,
                       CASE WHEN x.absent THEN 'absent' ELSE 'present' END,
                       CASE WHEN x.absent
                            THEN CASE WHEN x.excused THEN %(ill)s ELSE %(unx)s END END,
                       x.absent AND x.excused, 0, 'import', 1, 1, now(), 1, now()
                  FROM (
                    SELECT s.id AS sid, s.company_id, s.class_id, d.day, p.period,
                           (dd.whole OR random() < 0.035) AS absent, dd.excused
                      FROM res_partner s
                     CROSS JOIN unnest(%(days)s::date[]) AS d(day)
                     CROSS JOIN LATERAL (
                        SELECT random() < 0.005 + 0.15 * power((s.id %% 20) / 19.0, 3) AS whole,
                               random() < 0.6 AS excused, d.day AS same_day
                     ) dd
                     CROSS JOIN generate_series(1, %(periods)s) AS p(period)
                     WHERE s.is_student AND s.company_id = %(company)s
                  ) x
                """,
                {
                    "ill": ill,
                    "unx": unx,
                    "days": month_days,
                    "periods": PERIODS,
                    "company": company.id,
                },
            )
            rows += cr.rowcount
            cr.commit()
            elapsed = time.perf_counter() - started
            print(f"  seeded {year}-{month:02d}: {rows:,} rows, {elapsed:.0f} s", flush=True)
        cr.execute("SET session_replication_role = DEFAULT")
        cr.commit()
        # As autovacuum would after a bulk load: statistics and the visibility map (which
        # index-only scans need).
        cr._cnx.autocommit = True
        cr._obj.execute("VACUUM ANALYZE student_care_attendance")
        cr._cnx.autocommit = False
        seconds = time.perf_counter() - started
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
