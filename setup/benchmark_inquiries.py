# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Inquiry desk mail-gateway benchmark (called by setup/benchmark_inquiries).

Sends N RFC 822 messages to a department's alias through Odoo's mail gateway
(``mail.thread.message_process``): each becomes an inquiry, routed to its department,
matched to a guardian by address (a share of the senders are guardians, two addresses are
shared by two guardians and stay unlinked), acknowledged by e-mail (queued, not sent).
Prints rows/s; rolls back, leaving the database as it was."""

import argparse
import random
import resource
import time

import odoo
from odoo.tools import config

RAW = """Return-Path: <{sender}>
To: {alias}
From: {name} <{sender}>
Subject: {subject}
Message-ID: <bench-{index}-{stamp}@example.com>
Date: Mon, 09 Mar 2026 08:{minute:02d}:00 +0000
Content-Type: text/plain; charset="utf-8"

Hello,

{body}

Kind regards,
{name}
"""
SUBJECTS = (
    ("Bus did not come", "The school bus did not stop at our street this morning."),
    ("Absence tomorrow", "Our daughter has a hospital appointment tomorrow morning."),
    ("Invoice question", "Can we pay the school trip in two instalments?"),
    ("Enrolment", "When can we enrol our youngest for next year?"),
    ("Support at school", "Our son needs extra time for his exams, who do we talk to?"),
)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--known", type=float, default=0.4, help="share of guardian senders")
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    rng = random.Random(3)
    with registry.cursor() as cr:
        # The acknowledgments go to the mail queue (the mail cron sends them), as with
        # Odoo's fetchmail cron; nothing is sent from here.
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"mail_notify_force_send": False})
        Partner = env["res.partner"]
        department = env["student_care.inquiry.department"].search([], limit=1)
        if not department:
            raise SystemExit("No inquiry department: install student_care first.")
        guardians = Partner.search([("is_guardian", "=", True), ("email", "!=", False)])
        if not guardians:
            guardians = Partner.create(
                [
                    {"name": f"Bench Guardian {i}", "email": f"bench.guardian.{i}@example.com"}
                    for i in range(200)
                ]
            )
            student = Partner.create({"name": "Bench Student", "is_student": True})
            env["student_care.guardian.link"].create(
                [{"student_id": student.id, "guardian_id": g.id} for g in guardians]
            )
        # Addresses shared by two guardians: the gateway must not guess.
        ambiguous = guardians[:2].mapped("email_normalized")
        known = [g for g in guardians if g.email_normalized not in ambiguous] or guardians
        alias = department.alias_id.display_name or "ask@example.com"
        stamp = int(time.time())
        messages = []
        for index in range(args.messages):
            if rng.random() < args.known:
                sender = rng.choice(known)
                name, address = sender.name, sender.email_normalized
            else:
                name, address = f"Parent {index}", f"parent.{index}.{stamp}@example.com"
            subject, body = rng.choice(SUBJECTS)
            messages.append(
                RAW.format(
                    sender=address,
                    alias=alias,
                    name=name,
                    subject=f"{subject} ({index})",
                    body=body,
                    index=index,
                    stamp=stamp,
                    minute=index % 60,
                )
            )
        guardian_ids = set(guardians.ids)
        Thread = env["mail.thread"]
        before = env["student_care.inquiry"].search_count([])
        mails_before = env["mail.mail"].search_count([("model", "=", "student_care.inquiry")])
        started = time.perf_counter()
        ids = [
            Thread.message_process(
                "student_care.inquiry",
                raw,
                custom_values={"department_id": department.id},
            )
            for raw in messages
        ]
        env.flush_all()
        elapsed = time.perf_counter() - started
        inquiries = env["student_care.inquiry"].browse(ids)
        linked = sum(1 for inquiry in inquiries if inquiry.partner_id.id in guardian_ids)
        routed = sum(1 for inquiry in inquiries if inquiry.department_id == department)
        created = env["student_care.inquiry"].search_count([]) - before
        queued = (
            env["mail.mail"].search_count([("model", "=", "student_care.inquiry")]) - mails_before
        )
        department_name = department.name
        cr.rollback()  # leave the database as it was

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Inquiry e-mails through the mail gateway to {alias} ({department_name})")
    print(
        f"  {args.messages:,} messages   {elapsed:7.1f} s  {args.messages / elapsed:8,.1f} rows/s"
    )
    print(
        f"  {created:,} inquiries, {routed:,} routed to the department, {linked:,} linked to a "
        f"guardian ({args.known:.0%} known senders, 2 shared addresses unlinked), "
        f"{queued:,} acknowledgments queued"
    )
    print(f"  peak RSS {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
