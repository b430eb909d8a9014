# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Internal invoicing benchmark (called by setup/benchmark_billing)."""

import argparse
import resource
import time
from datetime import date

import seed

import odoo
from odoo import Command
from odoo.tools import config

SERVICES = (
    ("Intake interview", "intake", 60.0),
    ("Follow-up conversation", "counselling", 45.0),
    ("Psychologist session", "psychology", 95.0),
    ("Psychiatrist consultation", "psychiatry", 140.0),
    ("Social-work home visit", "social_work", 70.0),
    ("Debt counselling", "debt", 65.0),
    ("Addiction counselling", "addiction", 85.0),
    ("Study-skills coaching", "study_skills", 50.0),
    ("Group workshop", "group", 180.0),
)


def ensure_accounting(env, company):
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    if not journal:
        env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--services", type=int, default=10000)
    parser.add_argument("--departments", type=int, default=40)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        partners = env["res.partner"]
        groups = partners._read_group([("is_student", "=", True)], ["company_id"], ["__count"])
        company, count = max(groups, key=lambda g: g[1])
        env = env(context=dict(env.context, allowed_company_ids=[company.id]))
        started = time.perf_counter()
        ensure_accounting(env, company)
        chart_s = time.perf_counter() - started

        # Fixtures (not timed): catalogue, departments, a billing officer, cases and
        # services through the seeder.
        started = time.perf_counter()
        products = env["product.product"].create(
            [
                {
                    "name": f"Bench {name}",
                    "type": "service",
                    "is_care_service": True,
                    "care_category": category,
                    "list_price": price,
                    "taxes_id": [Command.clear()],
                }
                for name, category, price in SERVICES
            ]
        )
        departments = partners.create(
            [
                {
                    "name": f"Bench Department {index:02d}",
                    "is_care_department": True,
                    "is_company": True,
                    "company_id": company.id,
                }
                for index in range(args.departments)
            ]
        )
        billing = env["res.users"].create(
            {
                "name": "Bench Billing Officer",
                "login": f"bench_billing_{int(time.time())}",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.link(env.ref("student_care.student_care_group_billing_officer").id)
                ],
            }
        )
        cases = seed.seed_cases(env, company, max(1, args.services // 5))
        seed.seed_services(
            env,
            cases,
            products,
            departments,
            args.services,
            date(2026, 10, 1),
            date(2026, 10, 31),
            seed=11,
        )
        services = env["student_care.service.delivery"]
        fixtures_s = time.perf_counter() - started

        runner = services.with_user(billing).with_company(company)
        moves_before = env["account.move"].search_count([])
        started = time.perf_counter()
        moves = runner._invoice_period(company, date(2026, 10, 1), date(2026, 10, 31))
        env.flush_all()
        run_s = time.perf_counter() - started
        lines = moves.sudo().invoice_line_ids
        billed = services.search_count([("invoice_line_id", "in", lines.ids)])
        quantity_ok = (
            abs(
                sum(lines.mapped("quantity"))
                - sum(services.search([("invoice_line_id", "in", lines.ids)]).mapped("quantity"))
            )
            < 1e-6
        )

        env.invalidate_all()
        started = time.perf_counter()
        again = runner._invoice_period(company, date(2026, 10, 1), date(2026, 10, 31))
        env.flush_all()
        rerun_s = time.perf_counter() - started
        created = env["account.move"].search_count([]) - moves_before
        name = company.name
        cr.rollback()  # leave the benchmark database as it was

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Institution {name}: {count:,} students; {args.services:,} delivered services "
        f"over {args.departments} departments and {len(SERVICES)} services"
    )
    if chart_s > 1:
        print(f"  generic chart of accounts installed first in {chart_s:.1f} s")
    print(f"  fixtures (cases, services; not timed) {fixtures_s:7.1f} s")
    print(
        f"  invoicing run     {run_s:7.1f} s  {args.services / run_s:9,.0f} services/s  "
        f"({len(moves)} invoices, {len(lines)} lines, {billed:,} services billed, "
        f"quantities reconcile: {quantity_ok})"
    )
    print(
        f"  re-run            {rerun_s:7.1f} s  ({len(again)} new invoices; "
        f"{created} moves in all)"
    )
    print(f"  peak RSS          {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
