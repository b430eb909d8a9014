# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.tools import SQL

# Risk order of the outreach list: each absence day in the previous four weeks counts one,
# each open care case counts as much as a week of absence.
RISK_WINDOW_DAYS = 28
RISK_PER_OPEN_CASE = 5


class StudentCareOutreach(models.Model):
    """The morning outreach list: one line per student marked absent in the
    institution's outreach period, with what the caller needs to decide whom to call first.

    A database view over the absences, so the list is always current and stays fast
    (only the absences of the day are read, through the partial index on absences). Lines
    of earlier days stay, which makes the view the history of outreach too.
    """

    _name = "student_care.outreach"
    _description = "Outreach"
    _auto = False
    _order = "date desc, has_scan, risk_score desc, student_id"
    _rec_name = "student_id"
    _depends = {
        "student_care.attendance": [
            "student_id",
            "company_id",
            "class_id",
            "date",
            "period",
            "status",
            "reason_id",
            "is_excused",
        ],
        "student_care.attendance.scan": ["student_id", "date"],
        "student_care.outreach.call": ["student_id", "date", "is_recovered"],
        "student_care.case": ["student_id", "is_closed", "active"],
        "student_care.guardian.link": [
            "student_id",
            "guardian_id",
            "relationship",
            "has_custody",
            "sequence",
            "is_access_denied",
        ],
        "student_care.excuse.request": [
            "student_id",
            "state",
            "date_from",
            "date_to",
            "is_whole_day",
            "period_from",
            "period_to",
            "reason_id",
        ],
        "res.partner": ["grade_id", "mobile", "phone"],
        "res.company": ["attendance_outreach_period"],
    }

    attendance_id = fields.Many2one(
        comodel_name="student_care.attendance", string="Absence", readonly=True
    )
    student_id = fields.Many2one(comodel_name="res.partner", string="Student", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", string="Institution", readonly=True)
    class_id = fields.Many2one(comodel_name="student_care.class", string="Class", readonly=True)
    grade_id = fields.Many2one(comodel_name="student_care.grade", string="Grade", readonly=True)
    date = fields.Date(readonly=True)
    week = fields.Date(readonly=True, help="First day of the week.")
    reason_id = fields.Many2one(
        comodel_name="student_care.attendance.reason", string="Reason", readonly=True
    )
    is_excused = fields.Boolean(string="Excused", readonly=True)
    has_scan = fields.Boolean(
        string="Scanned In", readonly=True, help="Scanned into the building that day."
    )
    previous_absence_days = fields.Integer(
        string="Absences (4 weeks)",
        readonly=True,
        aggregator="avg",
        help="Days with an absence in the four weeks before.",
    )
    open_case_count = fields.Integer(string="Open Cases", readonly=True, aggregator="sum")
    risk_score = fields.Integer(
        string="Risk",
        readonly=True,
        aggregator="avg",
        help="Absence days in the previous four weeks, plus five for each open care case.",
    )
    guardian_link_id = fields.Many2one(
        comodel_name="student_care.guardian.link",
        string="Call First",
        readonly=True,
        help="The guardian to call first: custody first, then the family's contact order.",
    )
    guardian_id = fields.Many2one(
        comodel_name="res.partner",
        string="Guardian to Call",
        readonly=True,
        help="The guardian of the link to call first.",
    )
    relationship = fields.Selection(
        selection=lambda self: self.env["student_care.guardian.link"]
        ._fields["relationship"]
        ._description_selection(self.env),
        readonly=True,
    )
    phone = fields.Char(readonly=True, help="Mobile of the guardian to call first, else phone.")
    family_reason_id = fields.Many2one(
        comodel_name="student_care.attendance.reason",
        string="Family Reported",
        readonly=True,
        help="The family reported this reason on the portal; the office has not reviewed "
        "the request yet.",
    )
    call_count = fields.Integer(string="Calls", readonly=True, aggregator="sum")
    is_called = fields.Boolean(string="Called", readonly=True)
    is_recovered = fields.Boolean(
        string="Recovered",
        readonly=True,
        help="A guardian was called and the student came in later that day.",
    )
    recovery_rate = fields.Float(
        string="Same-day Recovery (%)",
        readonly=True,
        aggregator="avg",
        help="Of the students whose guardian was called, the share who came in that day.",
    )
    guardian_link_ids = fields.One2many(
        comodel_name="student_care.guardian.link",
        compute="_compute_guardian_link_ids",
        string="Guardians",
    )
    call_ids = fields.One2many(
        comodel_name="student_care.outreach.call",
        compute="_compute_call_ids",
        string="Calls Logged",
    )

    def init(self):
        self.env.cr.execute(SQL("DROP VIEW IF EXISTS %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
CREATE VIEW %(view)s AS (
    SELECT a.id, a.id AS attendance_id, a.student_id, a.company_id, a.class_id,
           s.grade_id, a.date, date_trunc('week', a.date)::date AS week,
           a.reason_id, COALESCE(a.is_excused, FALSE) AS is_excused,
           scan.id IS NOT NULL AS has_scan,
           history.days AS previous_absence_days,
           cases.open AS open_case_count,
           history.days + %(per_case)s * cases.open AS risk_score,
           first_guardian.id AS guardian_link_id,
           first_guardian.guardian_id,
           first_guardian.relationship,
           first_guardian.phone,
           reported.reason_id AS family_reason_id,
           calls.count AS call_count,
           calls.count > 0 AS is_called,
           COALESCE(calls.recovered, FALSE) AS is_recovered,
           CASE WHEN calls.count > 0 THEN
               CASE WHEN calls.recovered THEN 100.0 ELSE 0.0 END
           END AS recovery_rate
      FROM student_care_attendance a
      JOIN res_company c ON c.id = a.company_id AND a.period = c.attendance_outreach_period
      JOIN res_partner s ON s.id = a.student_id
      LEFT JOIN LATERAL (
          SELECT sc.id FROM student_care_attendance_scan sc
           WHERE sc.student_id = a.student_id AND sc.date = a.date LIMIT 1
      ) scan ON TRUE
      CROSS JOIN LATERAL (
          SELECT count(DISTINCT h.date)::int AS days FROM student_care_attendance h
           WHERE %(absent_h)s AND h.student_id = a.student_id
             AND h.date >= a.date - %(window)s AND h.date < a.date
      ) history
      CROSS JOIN LATERAL (
          SELECT count(*)::int AS open FROM student_care_case k
           WHERE k.student_id = a.student_id AND NOT k.is_closed AND k.active
      ) cases
      LEFT JOIN LATERAL (
          SELECT g.id, g.guardian_id, g.relationship,
                 COALESCE(NULLIF(p.mobile, ''), p.phone) AS phone
            FROM student_care_guardian_link g JOIN res_partner p ON p.id = g.guardian_id
           WHERE g.student_id = a.student_id AND g.is_access_denied IS NOT TRUE
           ORDER BY g.has_custody DESC, g.sequence, g.id LIMIT 1
      ) first_guardian ON TRUE
      CROSS JOIN LATERAL (
          SELECT count(*)::int AS count, bool_or(o.is_recovered) AS recovered
            FROM student_care_outreach_call o
           WHERE o.student_id = a.student_id AND o.date = a.date
      ) calls
      LEFT JOIN LATERAL (
          SELECT x.reason_id FROM student_care_excuse_request x
           WHERE %(reported)s ORDER BY x.id DESC LIMIT 1
      ) reported ON TRUE
     WHERE %(absent_a)s
       AND NOT EXISTS (SELECT 1 FROM student_care_excuse_request x WHERE %(excused)s)
)""",
                view=SQL.identifier(self._table),
                absent_a=self.env["student_care.attendance"]._sql_absent("a"),
                absent_h=self.env["student_care.attendance"]._sql_absent("h"),
                # Excused ahead by the office: nobody calls. Reported by the family but
                # not reviewed yet: on the list, with what the family said.
                excused=self.env["student_care.excuse.request"]._sql_covers("x", "a"),
                reported=self.env["student_care.excuse.request"]._sql_covers(
                    "x", "a", state="submitted"
                ),
                per_case=RISK_PER_OPEN_CASE,
                window=RISK_WINDOW_DAYS,
            )
        )

    def _compute_guardian_link_ids(self):
        links = self.env["student_care.guardian.link"].search(
            [("student_id", "in", self.student_id.ids), ("is_access_denied", "=", False)],
            order="has_custody desc, sequence, id",
        )
        for line in self:
            line.guardian_link_ids = links.filtered(lambda g, s=line.student_id: g.student_id == s)

    def _compute_call_ids(self):
        calls = self.env["student_care.outreach.call"].search(
            [("student_id", "in", self.student_id.ids), ("date", "in", self.mapped("date"))]
        )
        for line in self:
            line.call_ids = calls.filtered(
                lambda c, s=line.student_id, d=line.date: c.student_id == s and c.date == d
            )

    def action_log_call(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Log a call about %(student)s", student=self.student_id.name),
            "res_model": "student_care.outreach.call",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_student_id": self.student_id.id,
                "default_attendance_id": self.attendance_id.id,
                "default_date": self.date,
                "default_guardian_link_id": self.guardian_link_id.id,
            },
        }
