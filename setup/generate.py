# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate a synthetic institution with setup/seed.py (called by setup/generate)."""

import argparse
import resource
import time
from datetime import date, timedelta

import seed

import odoo
from odoo.tools import config


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-n", "--students", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", default=None)
    parser.add_argument(
        "--days",
        type=int,
        default=0,
        help="also seed period attendance for the school days of the last DAYS days",
    )
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        count = env["res.company"].search_count([])
        company = env["res.company"].create(
            {"name": args.name or f"Synthetic District School {count}", "city": "Riverside"}
        )
        stats = seed.seed_institution(env, company, args.students, seed=args.seed)
        cr.commit()
        rows = 0
        if args.days:
            yesterday = date.today() - timedelta(days=1)
            rows = seed.seed_attendance(
                env,
                company,
                yesterday - timedelta(days=args.days - 1),
                yesterday,
                seed=args.seed,
                commit=True,
            )
        label = f"Institution '{company.name}' (id {company.id}) in database {cr.dbname}"
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    records = stats["students"] + stats["guardians"] + stats["links"]
    print(
        f"{label}:\n"
        f"  students  {stats['students']:>8,}\n"
        f"  guardians {stats['guardians']:>8,}\n"
        f"  links     {stats['links']:>8,}\n"
        f"  families  {stats['families']:>8,}\n"
        f"  classes   {stats['classes']:>8,}\n"
        f"  seeded in {stats['seconds']:8.1f} s  ({stats['students'] / stats['seconds']:,.0f} "
        f"students/s, {records / stats['seconds']:,.0f} records/s)\n"
        + (f"  attendance {rows:>7,} period rows\n" if args.days else "")
        + f"  time      {elapsed:8.1f} s in all\n"
        f"  peak RSS  {peak_mb:8.0f} MB"
    )


if __name__ == "__main__":
    main()
