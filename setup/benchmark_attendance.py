"""Attendance import benchmark (called by setup/benchmark_attendance)."""

import argparse
import io
import random
import resource
import time
from datetime import date

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
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    rng = random.Random(7)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        partners = env["res.partner"]
        groups = partners._read_group([("is_student", "=", True)], ["company_id"], ["__count"])
        company, count = max(groups, key=lambda g: g[1])
        numbers = partners.search([("is_student", "=", True), ("company_id", "=", company.id)]).mapped(
            "student_number"
        )
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
        cr.execute("CREATE TEMP TABLE bench_copy (LIKE student_care_attendance INCLUDING DEFAULTS)")
        students = dict(
            partners.search_fetch([("id", "!=", 0), ("company_id", "=", company.id), ("is_student", "=", True)], ["student_number"])
            .mapped(lambda p: (p.student_number, p.id))
        )
        buffer = io.StringIO()
        for line in content.splitlines()[1:]:
            number, day_text, period, status, _reason = line.split(",")
            buffer.write(f"{students[number]}\t{company.id}\t{day_text}\t{period}\t{status}\timport\n")
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
    print(f"  import            {import_s:7.1f} s  {rows / import_s:9,.0f} rows/s  "
          f"(created {first['created']:,})")
    print(f"  re-import         {reimport_s:7.1f} s  {rows / reimport_s:9,.0f} rows/s  "
          f"(changed {again['updated'] + again['created']}, unchanged {again['unchanged']:,})")
    print(f"  raw COPY          {copy_s:7.1f} s  {rows / copy_s:9,.0f} rows/s")
    print(f"  peak RSS          {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
