# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The truancy hooks of attendance are one feature, kept apart from the import and the base
# model on purpose (a second inherit of student_care.attendance in this add-on):
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.tools import SQL

# Above this many absent students, an import leaves the evaluation to a background run.
ASYNC_EVALUATION_STUDENTS = 500
TRIGGER_FIELDS = {"status", "reason_id", "minutes_missed", "period", "date", "student_id"}


class StudentCareAttendance(models.Model):
    """Truancy follow-up of attendance changes.

    Every way attendance changes (roll call, office edits, imports) registers the students
    whose absences changed; they are evaluated once per transaction, set-based, just before
    it commits (``student_care.truancy.rule._run_pending``), or at the end of an import.
    Not a ``base.automation``: automations run per record and never see the import's
    set-based INSERT, while this costs one query per rule for the whole batch.
    """

    _inherit = "student_care.attendance"

    def init(self):
        result = super().init()
        # Truancy and chronic-absence counts read only absences, but from all over the year:
        # a covering partial index lets them scan the absences alone without touching the
        # heap (index-only scans), instead of reading most of the table's pages.
        self.env.cr.execute(
            SQL(
                """CREATE INDEX IF NOT EXISTS %s ON %s (company_id, date, student_id)
                   INCLUDE (period, is_excused, minutes_missed) WHERE status = 'absent'""",
                SQL.identifier(f"{self._table}_absent_company_date_covering_idx"),
                SQL.identifier(self._table),
            )
        )
        return result

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._truancy_register()
        return records

    def write(self, vals):
        if not TRIGGER_FIELDS.intersection(vals):
            return super().write(vals)
        absent_before = self.filtered(lambda r: r.status == "absent")
        result = super().write(vals)
        (absent_before | self)._truancy_register(changed=absent_before)
        return result

    @api.model
    def import_attendance_csv(self, content, dry_run=False, source="import"):
        result = super().import_attendance_csv(content, dry_run=dry_run, source=source)
        if not dry_run:
            # Evaluate the imported students now, once, so the import's caller sees the
            # ladder's result (notices, calls, cases) when the import returns.
            self.env["student_care.truancy.rule"]._run_pending()
        return result

    @api.model
    def _import_insert(self, vals_list):
        result = super()._import_insert(vals_list)
        today = fields.Date.context_today(self)
        absent = [vals for vals in vals_list if vals["status"] == "absent"]
        students = {vals["student_id"] for vals in absent}
        absent_today = {vals["student_id"] for vals in absent if vals["date"] == today}
        if len(students) <= ASYNC_EVALUATION_STUDENTS:
            self.env["student_care.truancy.rule"]._register_pending(students, absent_today)
            return result
        # A whole institution's file: the clerk does not wait for the ladder. The nightly
        # evaluation (set-based over every student, as costly as a night's run) runs now
        # in the background instead; today's first-absence notices are queued at once. System
        # steps, like the evaluation itself (student_care.truancy.rule._run_pending).
        self.env.ref("student_care_attendance.ir_cron_evaluate_truancy").sudo()._trigger()
        if absent_today:
            self.env["student_care.attendance.notice"].sudo()._queue_first_absence(absent_today)
        return result

    def _truancy_register(self, changed=None):
        """Register the students of these rows that are (or were, ``changed``) absences."""
        today = fields.Date.context_today(self)
        absent = self.filtered(lambda r: r.status == "absent")
        students = (absent | (changed or self.browse())).student_id
        if students:
            self.env["student_care.truancy.rule"]._register_pending(
                students.ids,
                absent.filtered(lambda r: r.date == today and not r.is_excused).student_id.ids,
            )
