# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate a synthetic institution through student_care.generator (called by setup/generate)."""

import argparse
import resource
import time

import odoo
from odoo.tools import config


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-n", "--students", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", default=None)
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
        stats = env["student_care.generator"]._generate_institution(
            company, args.students, seed=args.seed
        )
        label = f"Institution '{company.name}' (id {company.id}) in database {cr.dbname}"
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{label}:\n"
        f"  students  {stats['students']:>8,}\n"
        f"  guardians {stats['guardians']:>8,}\n"
        f"  links     {stats['links']:>8,}\n"
        f"  classes   {stats['classes']:>8,}\n"
        f"  time      {elapsed:8.1f} s  ({stats['students'] / elapsed:,.0f} students/s, "
        f"{(stats['students'] + stats['guardians'] + stats['links']) / elapsed:,.0f} records/s)\n"
        f"  peak RSS  {peak_mb:8.0f} MB"
    )


if __name__ == "__main__":
    main()
