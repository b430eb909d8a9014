# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Family portal benchmarks (called by setup/benchmark_portal).

(a) The portal home (/my) of a guardian with three children, rendered through Odoo's WSGI
    application with a real login and session (in process: the time is the server's, no
    network), median of N requests after one warm-up.
(b) Inviting guardians in bulk: the wizard (counts and confirm), then the sending job run
    batch after batch until nothing is queued: logins created, e-mails and text messages
    queued (the mail and SMS gateways are never reached). Rolled back afterwards.

The institution is grown to --students with the one seeder (setup/seed.py) and a school
year of attendance is seeded as setup/benchmark_attendance does (reused when present).
"""

import argparse
import statistics
import time

import benchmark_attendance
import seed
from werkzeug.test import Client

import odoo
from odoo.tools import config

LOGIN = "bench_guardian_three"
# What a WSGI server gives every request (Odoo logs the client's address at login).
ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}


def _largest_company(env):
    groups = env["res.partner"]._read_group(
        [("is_student", "=", True)], ["company_id"], ["__count"]
    )
    return max(groups, key=lambda g: g[1]) if groups else (env.company, 0)


def grow(registry, students):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company, count = _largest_company(env)
        if count >= students:
            print(f"{company.name}: {count:,} students already")
            return
        stats = seed.seed_institution(env, company, students - count, seed=count + 1)
        cr.commit()
        print(
            f"Seeded {stats['students']:,} students, {stats['guardians']:,} guardians in "
            f"{stats['seconds']:.0f} s"
        )


def guardian_of_three(env):
    """A guardian who sees three children on the portal, with a portal login."""
    user = env["res.users"].search([("login", "=", LOGIN)])
    if user:
        return user
    rows = env["student_care.guardian.link"]._read_group(
        [("has_portal_access", "=", True), ("guardian_id.user_ids", "=", False)],
        ["guardian_id"],
        ["__count"],
        having=[("__count", "=", 3)],
        limit=1,
    )
    if not rows:
        raise SystemExit("No guardian with three children: seed more students.")
    guardian = rows[0][0]
    companies = guardian.child_link_ids.student_id.company_id
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "login": LOGIN,
                "password": LOGIN,
                "partner_id": guardian.id,
                "company_id": companies[0].id,
                "company_ids": [odoo.Command.set(companies.ids)],
                "groups_id": [odoo.Command.set([env.ref("base.group_portal").id])],
            }
        )
    )


def benchmark_home(registry, requests):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        user = guardian_of_three(env)
        cr.commit()
        children = (
            env["res.partner"].with_user(user).with_context(lang="en_US")._portal_family_students()
        )
        names = children.mapped("name")
        db = cr.dbname
        guardians = env["res.partner"].search_count([("is_guardian", "=", True)])
        attendance = (
            env["student_care.attendance"].sudo().search_count([])
            if "student_care.attendance" in env
            else 0
        )
    client = Client(odoo.http.root)
    page = client.get(f"/web/login?db={db}", environ_base=ENVIRON).get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        "/web/login",
        data={"login": LOGIN, "password": LOGIN, "csrf_token": token, "redirect": "/my"},
        environ_base=ENVIRON,
    )
    if response.status_code not in (302, 303):
        raise SystemExit(f"Login failed ({response.status_code})")
    times = []
    for index in range(requests + 1):
        started = time.perf_counter()
        response = client.get("/my", environ_base=ENVIRON)
        elapsed = time.perf_counter() - started
        html = response.get_data(as_text=True)
        if response.status_code != 200 or not all(name in html for name in names):
            raise SystemExit(f"/my answered {response.status_code} without the children")
        if index:  # the first request warms the caches (templates, assets, registry)
            times.append(elapsed)
    print(
        f"Portal home /my of a guardian with {len(names)} children "
        f"({guardians:,} guardians, {attendance:,} attendance rows in the database):"
    )
    print(
        f"  median {statistics.median(times) * 1000:6.0f} ms   "
        f"p90 {sorted(times)[int(len(times) * 0.9) - 1] * 1000:6.0f} ms   "
        f"min {min(times) * 1000:6.0f} ms   ({requests} requests)"
    )


def benchmark_invite(registry, count):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company, _students = _largest_company(env)
        guardians = env["res.partner"].search(
            [
                ("is_student", "=", False),
                ("user_ids", "=", False),
                ("child_link_ids", "any", [("has_portal_access", "=", True)]),
                ("child_link_ids.company_id", "=", company.id),
                ("email", "!=", False),
            ],
            limit=count,
            order="id",
        )
        # The administrator invites (rolled back with the rest): allowed in the institution.
        manager = env.ref("base.user_admin")
        manager.company_ids |= company
        mails_before = env["mail.mail"].search_count([])
        sms_before = env["sms.sms"].search_count([])
        started = time.perf_counter()
        wizard = (
            env["student_care.portal.invite"]
            .with_user(manager)
            .with_company(company)
            .create(
                {
                    "scope": "selected",
                    "company_id": company.id,
                    "partner_ids": [odoo.Command.set(guardians.ids)],
                }
            )
        )
        to_invite = wizard.to_invite_count
        wizard.action_confirm()
        env.flush_all()
        wizard_s = time.perf_counter() - started
        Invitation = env["student_care.portal.invitation"]
        started = time.perf_counter()
        batches = 0
        while Invitation.search_count([("state", "=", "queued")]):
            Invitation._cron_send()
            env.flush_all()
            batches += 1
        send_s = time.perf_counter() - started
        sent = Invitation.search_count([("state", "=", "sent")])
        failed = Invitation.search_count([("state", "=", "failed")])
        mails = env["mail.mail"].search_count([]) - mails_before
        sms = env["sms.sms"].search_count([]) - sms_before
        cr.rollback()  # leave the benchmark database as it was
    print(f"Inviting {len(guardians):,} guardians ({to_invite:,} to invite):")
    print(f"  wizard (counts + confirm)  {wizard_s:7.1f} s")
    print(
        f"  sending job                {send_s:7.1f} s  in {batches} batches: {sent:,} sent, "
        f"{failed:,} failed, {mails:,} e-mails and {sms:,} text messages queued "
        f"({sent / send_s if send_s else 0:,.0f} invitations/s)"
    )
    print(f"  total until all sent       {wizard_s + send_s:7.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--students", type=int, default=30000, help="grow the institution to N")
    parser.add_argument("--invite", type=int, default=10000, help="guardians to invite")
    parser.add_argument("--requests", type=int, default=30, help="timed /my requests")
    parser.add_argument("--no-attendance", action="store_true", help="skip the school year")
    parser.add_argument("--only", choices=("home", "invite"), help="run one benchmark only")
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(config["db_name"])
    grow(registry, args.students)
    if not args.no_attendance:
        benchmark_attendance.seed_year(registry)
    if args.only != "invite":
        benchmark_home(registry, args.requests)
    if args.only != "home":
        benchmark_invite(registry, args.invite)


if __name__ == "__main__":
    main()
