# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, html_escape
from odoo.tools.sql import create_index

from odoo.addons.student_care.models.student_care_note import SENSITIVITIES

from .student_care_attendance import PRESENT_STATUSES

REACHED = [
    ("guardian", "Guardian"),
    ("other_adult", "Other adult"),
    ("student", "The student"),
    ("nobody", "Nobody"),
]
OUTCOMES = [
    ("on_the_way", "Student on the way"),
    ("ill", "Ill"),
    ("family", "Family issue"),
    ("no_answer", "No answer"),
    ("wrong_number", "Wrong number"),
    ("refused", "Refused to say"),
]


class StudentCareOutreachCall(models.Model):
    """A morning outreach call about an absent student, and what came of it.

    Saving a call writes it into the care dossier as a phone-call note (care-team
    sensitivity unless the caller picks another): on a new or open attendance case when
    follow-up is needed, otherwise on the student's open case if there is one. A call
    with no follow-up for a student without a case stays in the outreach log only: opening
    a care case for every "she has the flu" would bury the real signals in the pipeline.

    Every attendance officer and care worker of the institution reads the call log, so the
    call keeps only structured facts (whom, reached, outcome, the kind of reason, follow-up).
    What the family said, in the caller's words, is ``reason_given``: never stored on the
    call, only written into the dossier note, where the sensitivity the caller chose decides
    who reads it.
    """

    _name = "student_care.outreach.call"
    _description = "Outreach Call"
    _order = "call_time desc, id desc"
    _rec_name = "call_time"
    _inherit = ["student_care.student.mixin"]
    _check_company_auto = True

    attendance_id = fields.Many2one(
        comodel_name="student_care.attendance",
        string="Absence",
        ondelete="set null",
        check_company=True,
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    call_time = fields.Datetime(string="Called At", required=True, default=fields.Datetime.now)
    caller_id = fields.Many2one(
        comodel_name="res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    guardian_link_id = fields.Many2one(
        comodel_name="student_care.guardian.link",
        string="Number Called",
        domain="[('student_id', '=', student_id)]",
        ondelete="set null",
    )
    phone = fields.Char(compute="_compute_phone")
    reached = fields.Selection(selection=REACHED, required=True, default="guardian")
    outcome = fields.Selection(selection=OUTCOMES, required=True)
    reason_id = fields.Many2one(
        comodel_name="student_care.attendance.reason",
        string="Reason Given",
        ondelete="set null",
        help="The kind of reason the family gave, if any. Their own words go into the "
        "dossier note (What Was Said), never on the call.",
    )
    # Not stored: the call's table is read by every attendance officer and care worker.
    reason_given = fields.Text(
        string="What Was Said",
        store=False,
        help="Written into the student's care dossier with the sensitivity chosen, and kept "
        "there only: the call log, which every attendance officer and care worker reads, "
        "does not keep it.",
    )
    # Calls logged before 18.0.1.1.0 without a dossier note kept the family's words here:
    # kept, for care managers only, rather than lost in the upgrade.
    legacy_reason_given = fields.Text(
        string="What Was Said (before the upgrade)",
        readonly=True,
        copy=False,
        groups="student_care.student_care_group_care_manager",
    )
    is_follow_up_needed = fields.Boolean(
        string="Follow-up Needed",
        help="Opens an attendance case for the care team, or adds the call to the open one.",
    )
    sensitivity = fields.Selection(
        selection=SENSITIVITIES,
        string="Dossier Sensitivity",
        required=True,
        default="care_team",
    )
    note_id = fields.Many2one(
        comodel_name="student_care.note", string="Dossier Note", readonly=True, copy=False
    )
    case_id = fields.Many2one(
        comodel_name="student_care.case", string="Case", readonly=True, copy=False
    )
    is_recovered = fields.Boolean(
        string="Recovered",
        readonly=True,
        copy=False,
        help="The student came in later that day (entry scan or attendance).",
    )
    recovered_time = fields.Datetime(string="Came In At", readonly=True, copy=False)

    def init(self):
        index = f"{self._table}_student_date_idx"
        create_index(self.env.cr, index, self._table, ["student_id", "date"])

    @api.depends("guardian_link_id")
    def _compute_phone(self):
        for call in self:
            link = call.guardian_link_id
            call.phone = link.mobile or link.phone

    @api.onchange("outcome")
    def _onchange_outcome(self):
        if self.outcome in ("no_answer", "wrong_number"):
            self.reached = "nobody"
        if self.outcome in ("family", "refused"):
            self.is_follow_up_needed = True

    @api.model_create_multi
    def create(self, vals_list):
        # What was said goes to the dossier note only: it never reaches the call's table.
        said = [(vals.pop("reason_given", False) or "").strip() for vals in vals_list]
        for vals in vals_list:
            vals["caller_id"] = self.env.uid  # nobody logs a call in someone else's name
        calls = super().create(vals_list)
        for call, text in zip(calls, said, strict=True):
            call._write_to_dossier(text)
        calls._mark_recovered_from_presence()
        return calls

    def write(self, vals):
        if (vals.get("reason_given") or "").strip():
            raise UserError(
                _(
                    "What was said is written into the dossier when the call is logged. "
                    "Log another call to add to it."
                )
            )
        vals.pop("reason_given", None)
        return super().write(vals)

    def action_save(self):
        """The dialog's save button: the record is saved by the client before this runs.
        When the call went into a case, the caller is told so, as far as the case-status
        rule lets them know (``student_care.case._signal_receipt``, as after reporting a
        concern)."""
        self.ensure_one()
        if not self.case_id:
            return {"type": "ir.actions.act_window_close"}
        return self.case_id._signal_receipt(
            self.env.user,
            _("Call logged"),
            known=lambda reference: self.env._(
                "The call was added to case %(case)s.", case=reference
            ),
            unknown=_(
                "The call about %(student)s was passed on to the care team.",
                student=self.student_id.name,
            ),
        )

    def _write_to_dossier(self, said=""):
        """Open or join a case when follow-up is needed, and add the call as a note, with
        ``said`` (what the family said, never stored on the call) in it.

        Callers (attendance officers) may not read cases or create notes themselves, so
        this step runs as superuser, like reporting a concern: the note is written in the
        caller's name (``sudo()`` keeps the user) and nothing read here goes back to them.
        """
        self.ensure_one()
        cases = self.env["student_care.case"].sudo()
        case = cases.browse()
        if self.is_follow_up_needed:
            case = cases._open_or_join(
                [
                    {
                        "student": self.student_id,
                        "category": self.env.ref(
                            "student_care.student_care_case_category_truancy"
                        ),
                        "description": _(
                            "Follow-up needed after the morning outreach call of %(date)s.",
                            date=self.date,
                        ),
                        "origin": "teacher",
                        "reporter": self.env.user,
                    }
                ]
            )
        else:
            case = cases.search(
                [("student_id", "=", self.student_id.id), ("is_closed", "=", False)],
                order="create_date desc",
                limit=1,
            )
        if not case:
            if said:
                # Nowhere to keep it with the sensitivity chosen; the call log would show it
                # to every attendance officer and care worker.
                raise UserError(
                    _(
                        "What was said is kept in the student's care dossier only. Tick "
                        "Follow-up Needed to pass it on to the care team, or leave it empty "
                        "and pick the reason given."
                    )
                )
            return
        note = (
            self.env["student_care.note"]
            .sudo()
            .create(
                {
                    "case_id": case.id,
                    "note_type": "phone_call",
                    "sensitivity": self.sensitivity,
                    "date": self.call_time,
                    "body": self._note_body(said),
                }
            )
        )
        self.write({"note_id": note.id, "case_id": case.id})

    def _note_body(self, said=""):
        selection = dict(self._fields["outcome"]._description_selection(self.env))
        reached = dict(self._fields["reached"]._description_selection(self.env))
        lines = [
            _("Morning outreach call about the absence of %(date)s.", date=self.date),
            _(
                "Called: %(who)s. Reached: %(reached)s. Outcome: %(outcome)s.",
                who=self.guardian_link_id.guardian_id.name or _("unknown number"),
                reached=reached[self.reached],
                outcome=selection[self.outcome],
            ),
        ]
        if self.reason_id:
            lines.append(_("Reason given: %(reason)s", reason=self.reason_id.name))
        if said:
            lines.append(_("What was said: %(said)s", said=said))
        return Markup("").join(Markup("<p>%s</p>") % html_escape(line) for line in lines)

    def _anonymise(self):
        """Retention of the calls' cases (``student_care.case._anonymise``): keep what the
        outreach statistics need, remove every free text and file, and cut the link to the
        anonymised case and its note."""
        calls = self.sudo()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        texts = [
            name
            for name, field in self._fields.items()
            if field.store and field.type in ("char", "text", "html") and not field.compute
        ]
        calls.write({**dict.fromkeys(texts, False), "case_id": False, "note_id": False})

    def _mark_recovered_from_presence(self):
        """A call logged after the student already came back in (scan or attendance later
        that day) is recovered at once."""
        if not self:
            return
        dates = list(set(self.mapped("date")))
        scans = self.env["student_care.attendance.scan"].search_fetch(
            [("student_id", "in", self.student_id.ids), ("date", "in", dates)],
            ["student_id", "date", "scan_time"],
        )
        present = self.env["student_care.attendance"].search_fetch(
            [
                ("student_id", "in", self.student_id.ids),
                ("date", "in", dates),
                ("status", "in", PRESENT_STATUSES),
            ],
            ["student_id", "date", "period", "write_date"],
        )
        self._mark_recovered(
            [(scan.student_id.id, scan.date, scan.scan_time) for scan in scans]
            + [(att.student_id.id, att.date, att.write_date) for att in present]
        )

    @api.model
    def _mark_recovered(self, arrivals):
        """``arrivals``: (student id, date, moment) the student was seen in school. Calls of
        that day made before the moment become recovered. One query for the whole batch."""
        arrivals = [a for a in arrivals if a[0] and a[1] and a[2]]
        if not arrivals:
            return
        self.flush_model()
        # Most arrivals are of students nobody called: keep only those with an open call.
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT student_id, date FROM student_care_outreach_call
                    WHERE date = ANY(%s) AND is_recovered IS NOT TRUE""",
                list({a[1] for a in arrivals}),
            )
        )
        called = set(self.env.cr.fetchall())
        arrivals = [a for a in arrivals if (a[0], a[1]) in called]
        if not arrivals:
            return
        self.env.cr.execute(
            SQL(
                """UPDATE student_care_outreach_call c
                      SET is_recovered = TRUE, recovered_time = arrival.moment
                     FROM (SELECT student_id, day, min(moment) AS moment
                             FROM unnest(%s::int[], %s::date[], %s::timestamp[])
                                  AS t(student_id, day, moment)
                            GROUP BY student_id, day) arrival
                    WHERE c.student_id = arrival.student_id AND c.date = arrival.day
                      AND c.is_recovered IS NOT TRUE AND c.call_time <= arrival.moment
                RETURNING c.id""",
                [a[0] for a in arrivals],
                [a[1] for a in arrivals],
                [a[2] for a in arrivals],
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        if ids:
            self.browse(ids).invalidate_recordset(["is_recovered", "recovered_time"])
