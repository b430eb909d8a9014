# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib

from odoo import _, api, fields, models
from odoo.tools import SQL

CHANNELS = [
    ("web", "Web client"),
    ("rpc", "External RPC"),
    ("export", "Export"),
    ("report", "Report"),
    ("attachment", "Attachment download"),
    ("break_glass", "Emergency opening (break the glass)"),
    ("server", "Server"),
]
GENESIS = "0" * 64


class StudentCareAccessLog(models.Model):
    """Who read confidential or sealed content, when, through which channel and why.

    Append-only for everyone, administrators included: PostgreSQL refuses UPDATE and DELETE
    (trigger below). Tamper-evident: each row's hash covers its fields and the previous
    row's hash, computed by the database on insert; ``_verify_chain`` finds a changed row.
    Never holds the content itself.
    """

    _name = "student_care.access.log"
    _description = "Dossier Access Log"
    _order = "id desc"
    _rec_name = "id"

    date = fields.Datetime(readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Who", readonly=True, index=True, ondelete="restrict"
    )
    note_ref = fields.Integer(string="Note", readonly=True, index=True)
    case_ref = fields.Integer(string="Case", readonly=True, index=True)
    student_ref = fields.Integer(string="Student ID", readonly=True, index=True)
    student_id = fields.Many2one(
        comodel_name="res.partner", compute="_compute_student_id", search="_search_student_id"
    )
    company_id = fields.Many2one(
        comodel_name="res.company", string="Institution", readonly=True, index=True
    )
    sensitivity = fields.Char(readonly=True)
    channel = fields.Selection(selection=CHANNELS, readonly=True, required=True)
    reason = fields.Char(string="Why", readonly=True)
    prev_hash = fields.Char(readonly=True)
    row_hash = fields.Char(readonly=True)

    def init(self):
        table = SQL.identifier(self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE FUNCTION student_care_access_log_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION USING
                    MESSAGE = 'student_care_access_log is append-only: ' || TG_OP || ' refused';
            END $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION student_care_access_log_chain() RETURNS trigger AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('student_care_access_log'));
                SELECT row_hash INTO NEW.prev_hash FROM student_care_access_log
                 ORDER BY id DESC LIMIT 1;
                NEW.prev_hash := COALESCE(NEW.prev_hash, %(genesis)s);
                NEW.row_hash := encode(sha256(convert_to(concat_ws('|',
                    NEW.prev_hash, NEW.id, NEW.date, NEW.user_id, NEW.note_ref, NEW.case_ref,
                    NEW.student_ref, NEW.company_id, NEW.sensitivity, NEW.channel, NEW.reason
                ), 'UTF8')), 'hex');
                RETURN NEW;
            END $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS student_care_access_log_append_only ON %(table)s;
            CREATE TRIGGER student_care_access_log_append_only
                BEFORE UPDATE OR DELETE OR TRUNCATE ON %(table)s
                FOR EACH STATEMENT EXECUTE FUNCTION student_care_access_log_append_only();
            DROP TRIGGER IF EXISTS student_care_access_log_chain ON %(table)s;
            CREATE TRIGGER student_care_access_log_chain
                BEFORE INSERT ON %(table)s
                FOR EACH ROW EXECUTE FUNCTION student_care_access_log_chain();
            """,
                table=table,
                genesis=GENESIS,
            )
        )

    def _compute_student_id(self):
        for log in self:
            log.student_id = self.env["res.partner"].browse(log.student_ref)

    def _search_student_id(self, operator, value):
        students = self.env["res.partner"]._search([("id", operator, value)])
        return [("student_ref", "in", students)]

    @api.model
    def _log(self, notes, channel, reason=None):
        """Append one row per note. Written as superuser: no role may write the log itself.

        Returns nothing on purpose: records created through sudo must not travel back to
        callers acting for a user (the cache is shared between sudo and user environments).
        """
        now = fields.Datetime.now()
        rows = [
            {
                "date": now,
                "user_id": self.env.uid,
                "note_ref": note.id,
                "case_ref": note.case_id.id,
                "student_ref": note.student_id.id,
                "company_id": note.company_id.id,
                "sensitivity": note.sensitivity,
                "channel": channel,
                "reason": reason,
            }
            for note in notes.sudo()
        ]
        self.sudo().create(rows)

    @api.model
    def _verify_chain(self):
        """Return the id of the first row whose hash does not match, or False if intact."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT id, date, user_id, note_ref, case_ref, student_ref, company_id,
                          sensitivity, channel, reason, prev_hash, row_hash
                     FROM %s ORDER BY id""",
                SQL.identifier(self._table),
            )
        )
        previous = GENESIS
        for row in self.env.cr.fetchall():
            row_id, *values, prev_hash, row_hash = row
            if values[0] is not None:
                values[0] = values[0].strftime("%Y-%m-%d %H:%M:%S.%f").rstrip("0").rstrip(".")
            # concat_ws() in the trigger skips NULLs: so do we.
            parts = [previous, str(row_id)] + [str(v) for v in values if v is not None]
            expected = hashlib.sha256("|".join(parts).encode()).hexdigest()
            if prev_hash != previous or row_hash != expected:
                return row_id
            previous = row_hash
        return False

    @api.model
    def action_verify_chain(self):
        broken = self._verify_chain()
        message = (
            _("The access log is intact.")
            if not broken
            else _("The access log was tampered with at row %(row)s.", row=broken)
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Access log check"),
                "message": message,
                "type": "success" if not broken else "danger",
                "sticky": bool(broken),
            },
        }
