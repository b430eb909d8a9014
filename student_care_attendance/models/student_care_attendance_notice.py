# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.tools import SQL

KINDS = [
    ("first_absence", "First absence of the day"),
    ("truancy", "Truancy step"),
    ("letter", "Formal letter"),
    ("mass", "Mass notice"),
]
BATCH = 500


class StudentCareAttendanceNotice(models.Model):
    """One notice to one guardian about one student: the log of what families were told.

    Kept here rather than in the student's chatter, which every staff member (teachers
    included) can read: notices are readable by attendance officers and the care team, and
    by teachers for their own students only. Notices are queued and sent in batches by the
    "Send guardian notices" scheduled action, so no user waits for thousands of e-mails.
    """

    _name = "student_care.attendance.notice"
    _description = "Guardian Notice"
    _inherit = ["student_care.student.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["student_id.name", "guardian_id.name"]

    # The student and institution block comes from student_care.student.mixin.
    guardian_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        ondelete="cascade",
    )
    kind = fields.Selection(selection=KINDS, required=True, index=True)
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    lang = fields.Char(string="Language", help="The guardian's language for this notice.")
    # Staff only: a guardian reads the notices sent to them on the portal, and prints the
    # letter itself, but not the truancy step, the campaign or the e-mail behind them.
    template_id = fields.Many2one(
        comodel_name="mail.template",
        string="E-mail Template",
        ondelete="set null",
        groups="base.group_user",
    )
    event_id = fields.Many2one(
        comodel_name="student_care.truancy.event",
        string="Truancy Step",
        index=True,
        ondelete="set null",
        groups="base.group_user",
    )
    mass_notice_id = fields.Many2one(
        comodel_name="student_care.mass.notice",
        index=True,
        ondelete="cascade",
        groups="base.group_user",
    )
    channel = fields.Selection(
        selection=[("email", "E-mail"), ("sms", "Text message")],
        required=True,
        default="email",
        readonly=True,
        help="Mass notices go by text message to guardians who prefer one and have a mobile "
        "number, by e-mail to the others.",
    )
    mail_id = fields.Many2one(
        comodel_name="mail.mail",
        string="E-mail",
        ondelete="set null",
        readonly=True,
        groups="base.group_user",
    )
    state = fields.Selection(
        selection=[
            ("queued", "Queued"),
            ("sent", "Sent"),
            ("no_email", "No e-mail address"),
        ],
        required=True,
        default="queued",
        index=True,
    )
    sent_date = fields.Datetime(string="Sent On", readonly=True)

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for notice in self:
            notice.display_name = f"{kinds.get(notice.kind)} · {notice.guardian_id.name}"

    @api.model
    def _recipient_links(self, student_ids):
        """Guardian links of these students that receive attendance notices."""
        return self.env["student_care.guardian.link"].search(
            [
                ("student_id", "in", list(student_ids)),
                ("is_notice_recipient", "=", True),
                ("is_access_denied", "=", False),
            ]
        )

    @api.model
    def _queue(self, kind, template, students_events):
        """Queue a notice to every notice recipient of each student; ``students_events`` is
        a list of (student id, event or False)."""
        links = self._recipient_links({sid for sid, _event in students_events})
        by_student = defaultdict(list)
        for link in links:
            by_student[link.student_id.id].append(link)
        today = fields.Date.context_today(self)
        notices = self.create(
            [
                {
                    "student_id": sid,
                    "guardian_id": link.guardian_id.id,
                    "company_id": link.student_id.company_id.id,
                    "kind": kind,
                    "date": today,
                    "lang": link.lang or link.guardian_id.lang,
                    "template_id": template.id,
                    "event_id": event.id if event else False,
                }
                for sid, event in students_events
                for link in by_student[sid]
            ]
        )
        if notices:
            self._trigger_sending()
        return notices

    @api.model
    def _queue_for_events(self, events):
        default = self.env.ref("student_care_attendance.mail_template_truancy_notice")
        by_template = defaultdict(list)
        for event in events:
            by_template[event.step_id.mail_template_id or default].append(
                (event.student_id.id, event)
            )
        notices = self
        for template, pairs in by_template.items():
            kind = "letter" if template.report_template_ids else "truancy"
            notices |= self._queue(kind, template, pairs)
        return notices

    @api.model
    def _queue_first_absence(self, student_ids):
        """First unexcused absence of the day: one notice per student per day."""
        today = fields.Date.context_today(self)
        absent = set(
            self.env["student_care.attendance"]
            .sudo()
            .search(
                [
                    ("student_id", "in", list(student_ids)),
                    ("date", "=", today),
                    ("status", "=", "absent"),
                    ("is_excused", "=", False),
                ]
            )
            .student_id.ids
        )
        told = set(
            self.search(
                [
                    ("student_id", "in", list(absent)),
                    ("kind", "=", "first_absence"),
                    ("date", "=", today),
                ]
            ).student_id.ids
        )
        template = self.env.ref("student_care_attendance.mail_template_first_absence")
        return self._queue("first_absence", template, [(sid, False) for sid in absent - told])

    @api.model
    def _trigger_sending(self):
        self.env.ref("student_care_attendance.ir_cron_send_attendance_notices").sudo()._trigger()

    @api.model
    def _cron_send(self, batch_size=BATCH):
        """Send one batch of queued notices and report progress; the scheduler runs the
        job again while notices remain (``_notify_progress``), and re-triggers it."""
        queued = self.search([("state", "=", "queued")], order="id", limit=batch_size)
        queued._send()
        remaining = self.search_count([("state", "=", "queued")])
        self.env["ir.cron"]._notify_progress(done=len(queued), remaining=remaining)
        if remaining:
            self._trigger_sending()
        queued.mass_notice_id._update_progress()
        return len(queued)

    def _send(self):
        now = fields.Datetime.now()
        by_sms = self.filtered(lambda n: n.channel == "sms")
        no_email = (self - by_sms).filtered(lambda n: not n.guardian_id.email)
        no_email.write({"state": "no_email", "sent_date": now})
        if by_sms:
            # Odoo's SMS queue sends them (through IAP) and keeps their delivery status.
            self.env["sms.sms"].create(
                [
                    {
                        "number": notice.guardian_id.mobile,
                        "partner_id": notice.guardian_id.id,
                        "body": notice.mass_notice_id._sms_body(),
                    }
                    for notice in by_sms
                ]
            )
            self.env.ref("sms.ir_cron_sms_scheduler_action")._trigger()
        todo = self - no_email - by_sms
        for template, notices in todo.grouped("template_id").items():
            if not template:
                continue
            # The template renders each notice in its guardian's language (``object.lang``).
            mails = template.send_mail_batch(notices.ids)
            for notice, mail in zip(notices, mails, strict=True):
                notice.mail_id = mail
        mass = todo.filtered("mass_notice_id")
        for mass_notice, notices in mass.grouped("mass_notice_id").items():
            values = mass_notice._prepare_mail_values()
            mails = self.env["mail.mail"].create(
                [
                    {**values, "recipient_ids": [Command.link(notice.guardian_id.id)]}
                    for notice in notices
                ]
            )
            for notice, mail in zip(notices, mails, strict=True):
                notice.mail_id = mail
        (todo | by_sms).write({"state": "sent", "sent_date": now})

    @api.model
    def _sql_by_sms(self):
        """Whether a mass notice goes by text message to the guardian ``gp`` of link ``g``:
        the guardian prefers one and has a mobile number."""
        return SQL("(g.preferred_channel = 'sms' AND coalesce(gp.mobile, '') != '')")

    @api.model
    def _mass_audience_sql(self, mass_notice, company_ids, columns):
        """SELECT ``columns`` of one guardian link per guardian reached by ``mass_notice``
        in ``company_ids``: each guardian once, however many of their children are in the
        audience (``g`` is the link, ``p`` the student, ``gp`` the guardian)."""
        conditions = [
            SQL("g.is_notice_recipient"),
            # A link made before the flag existed, or without it, holds NULL: not denied.
            SQL("g.is_access_denied IS NOT TRUE"),
            SQL("p.is_student"),
            SQL("p.active"),
            SQL("p.enrolment_status IN ('enrolled', 'on_leave')"),
            SQL("p.company_id = ANY(%s)", list(company_ids)),
        ]
        if mass_notice.grade_ids:
            conditions.append(SQL("p.grade_id = ANY(%s)", mass_notice.grade_ids.ids))
        if mass_notice.class_ids:
            conditions.append(SQL("p.class_id = ANY(%s)", mass_notice.class_ids.ids))
        return SQL(
            """SELECT DISTINCT ON (g.guardian_id) %s
                 FROM student_care_guardian_link g
                 JOIN res_partner p ON p.id = g.student_id
                 JOIN res_partner gp ON gp.id = g.guardian_id AND gp.active
                WHERE %s
                ORDER BY g.guardian_id, g.student_id""",
            columns,
            SQL(" AND ").join(conditions),
        )

    @api.model
    def _queue_mass(self, mass_notice):
        """Queue one notice per guardian reached by a mass notice, in one INSERT."""
        now = fields.Datetime.now()
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """INSERT INTO student_care_attendance_notice
                       (student_id, guardian_id, company_id, kind, date, lang, mass_notice_id,
                        channel, state, create_uid, create_date, write_uid, write_date)
                   %s""",
                self._mass_audience_sql(
                    mass_notice,
                    mass_notice.company_ids.ids,
                    SQL(
                        """g.student_id, g.guardian_id, p.company_id, 'mass', %s,
                           coalesce(g.lang, gp.lang), %s,
                           CASE WHEN %s THEN 'sms' ELSE 'email' END,
                           'queued', %s, %s, %s, %s""",
                        fields.Date.context_today(self),
                        mass_notice.id,
                        self._sql_by_sms(),
                        self.env.uid,
                        now,
                        self.env.uid,
                        now,
                    ),
                ),
            )
        )
        count = self.env.cr.rowcount
        self.invalidate_model()
        if count:
            self._trigger_sending()
        return count
