# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Guardian notices benchmark (called by setup/benchmark_notices).

Seeds a synthetic institution (setup/seed.py: families, preferred channels phone/e-mail/
text) with an e-mail address, then times, as the scheduler does it: queueing a
first-absence notice to every notice recipient (channel resolved per guardian in one
query), sending them in batches of 500 (template render per language, mail.mail and
sms.sms created; no SMTP or IAP call: the gateways run later), and the same for a mass
notice to every guardian. Everything is rolled back afterwards.
"""

import argparse
import time

import seed

import odoo
from odoo.tools import config


def send_all(notices_model):
    started = time.perf_counter()
    while notices_model._cron_send(batch_size=500):
        pass
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--students", type=int, default=2000)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        company = env["res.company"].create(
            {"name": "Notice Benchmark School", "email": "office@notice-bench.example"}
        )
        seed.seed_institution(env, company, args.students, seed=11)
        Notice = env["student_care.attendance.notice"]
        # Only this benchmark's notices in the queue.
        cr.execute(
            "UPDATE student_care_attendance_notice SET state = 'sent' WHERE state = 'queued'"
        )
        students = env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        )
        template = env.ref("student_care_attendance.mail_template_first_absence")
        env.flush_all()
        started = time.perf_counter()
        notices = Notice._queue("first_absence", template, [(sid, False) for sid in students.ids])
        env.flush_all()
        queue_s = time.perf_counter() - started
        send_s = send_all(Notice)
        channels = dict(Notice._read_group([("id", "in", notices.ids)], ["channel"], ["__count"]))
        mass = env["student_care.mass.notice"].create(
            {
                "subject": "School closed tomorrow (snow)",
                "body": "<p>The school is closed tomorrow.</p>",
                "company_id": company.id,
                "company_ids": [company.id],
            }
        )
        started = time.perf_counter()
        mass.action_send()
        env.flush_all()
        mass_queue_s = time.perf_counter() - started
        mass_send_s = send_all(Notice)
        mass_count = mass.recipient_count
        cr.rollback()

    count = len(notices)
    print(f"Guardian notices, {args.students:,} students")
    by_channel = ", ".join(f"{channel}: {n}" for channel, n in channels.items())
    print(f"  first absence: {count:,} notices ({by_channel})")
    print(f"    queue        {queue_s:7.2f} s  {count / queue_s:9,.0f} notices/s")
    print(f"    send         {send_s:7.2f} s  {count / send_s:9,.0f} notices/s")
    print(f"  mass notice: {mass_count:,} guardians")
    print(f"    queue        {mass_queue_s:7.2f} s  {mass_count / mass_queue_s:9,.0f} notices/s")
    print(f"    send         {mass_send_s:7.2f} s  {mass_count / mass_send_s:9,.0f} notices/s")


if __name__ == "__main__":
    main()
