# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Notices by channel: "No e-mail address" is now a failed notice with its reason; the
mass notices' "Without E-mail" count became "Failed"; the notice templates (noupdate) take
their sender from the notice, which always has one or fails."""

from odoo.tools import SQL

OLD_FROM = "{{ (object.company_id.email_formatted or user.email_formatted) }}"
TEMPLATES = (
    "mail_template_first_absence",
    "mail_template_truancy_notice",
    "mail_template_truancy_letter",
)


def migrate(cr, version):
    cr.execute(
        SQL(
            """UPDATE student_care_attendance_notice
                  SET state = 'failed', failure_reason = 'The guardian has no e-mail address.'
                WHERE state = 'no_email'"""
        )
    )
    cr.execute(
        SQL("""UPDATE student_care_mass_notice SET failed_count = coalesce(no_email_count, 0)""")
    )
    cr.execute(SQL("ALTER TABLE student_care_mass_notice DROP COLUMN IF EXISTS no_email_count"))
    cr.execute(
        SQL(
            """UPDATE mail_template t SET email_from = '{{ object.email_from }}'
                 FROM ir_model_data d
                WHERE d.model = 'mail.template' AND d.res_id = t.id
                  AND d.module = 'student_care_attendance' AND d.name IN %s
                  AND t.email_from = %s""",
            TEMPLATES,
            OLD_FROM,
        )
    )
