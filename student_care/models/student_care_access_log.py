# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import logging
import threading

import psycopg2
from psycopg2 import errors as pg_errors
from psycopg2.extensions import ISOLATION_LEVEL_READ_COMMITTED
from psycopg2.pool import PoolError

from odoo import _, fields, models, modules
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import SQL

from ..tools import notification
from .access import MANAGER_GROUP

_logger = logging.getLogger(__name__)

CHANNELS = [
    ("web", "Web client"),
    ("rpc", "External RPC"),
    ("export", "Export"),
    ("report", "Report"),
    ("attachment", "Attachment download"),
    ("search", "Search in content"),
    ("break_glass", "Emergency opening (break the glass)"),
    ("server", "Server"),
]
EVENTS = [
    ("read", "Content read"),
    ("granted", "Access granted"),
    ("revoked", "Access revoked"),
    ("changed", "Sensitivity changed"),
]
GENESIS = "0" * 64
# The columns a row's hash covers, in this order (NULLs are skipped, as concat_ws does).
HASHED = (
    "date",
    "user_id",
    "note_ref",
    "case_ref",
    "student_ref",
    "company_id",
    "sensitivity",
    "channel",
    "reason",
    "event",
    "subject_user_id",
)
# Set on a cursor whose transaction wrote log rows itself.
INLINE = "student_care_access_log_inline"


class StudentCareAccessLog(models.Model):
    """Who read confidential or sealed content, who was given or lost access, when, through
    which channel and why.

    Append-only for everyone, administrators included: PostgreSQL refuses UPDATE and DELETE
    (trigger below). Tamper-evident: each row's hash covers its fields and the previous
    row's hash. The previous hash is read from a one-row head table locked ``FOR UPDATE``
    by every writer, and the row's id is drawn only once that lock is held, so the chain is
    linear under any concurrency and id order is chain order. Never holds the content itself.
    """

    _name = "student_care.access.log"
    _description = "Dossier Access Log"
    _order = "id desc"

    date = fields.Datetime(readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Who", readonly=True, index=True, ondelete="restrict"
    )
    event = fields.Selection(selection=EVENTS, readonly=True)
    subject_user_id = fields.Many2one(
        comodel_name="res.users",
        string="To Whom",
        readonly=True,
        ondelete="restrict",
        help="Whose access was granted or revoked.",
    )
    note_ref = fields.Integer(string="Note ID", readonly=True, index=True)
    case_ref = fields.Integer(string="Case ID", readonly=True, index=True)
    student_ref = fields.Integer(string="Student ID", readonly=True, index=True)
    case_name = fields.Char(string="Case", compute="_compute_references")
    note_name = fields.Char(string="Note", compute="_compute_references")
    student_id = fields.Many2one(
        comodel_name="res.partner",
        compute="_compute_references",
        search="_search_student_id",
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
        head = SQL.identifier(f"{self._table}_head")
        hashed = SQL(", ").join(SQL("NEW.%s", SQL.identifier(name)) for name in HASHED)
        self.env.cr.execute(
            SQL(
                """
            CREATE TABLE IF NOT EXISTS %(head)s (
                id integer PRIMARY KEY CHECK (id = 1),
                row_id integer,
                row_hash varchar NOT NULL
            );
            INSERT INTO %(head)s (id, row_id, row_hash)
                 SELECT 1, l.id, l.row_hash FROM (
                        SELECT NULL::integer AS id, %(genesis)s::varchar AS row_hash
                        UNION ALL
                        (SELECT id, row_hash FROM %(table)s ORDER BY id DESC LIMIT 1)
                 ) l ORDER BY l.id DESC NULLS LAST LIMIT 1
            ON CONFLICT (id) DO NOTHING;

            CREATE OR REPLACE FUNCTION student_care_access_log_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION USING
                    MESSAGE = 'student_care_access_log is append-only: ' || TG_OP || ' refused';
            END $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION student_care_access_log_chain() RETURNS trigger AS $$
            DECLARE
                head_hash varchar;
            BEGIN
                -- One lock for every writer, taken before the head is read: a concurrent
                -- writer waits here and then reads the head the other one left.
                SELECT row_hash INTO head_hash FROM %(head)s WHERE id = 1 FOR UPDATE;
                NEW.id := nextval(pg_get_serial_sequence(%(table_name)s, 'id'));
                NEW.prev_hash := COALESCE(head_hash, %(genesis)s);
                NEW.row_hash := encode(sha256(convert_to(
                    concat_ws('|', NEW.prev_hash, NEW.id, %(hashed)s), 'UTF8')), 'hex');
                UPDATE %(head)s SET row_id = NEW.id, row_hash = NEW.row_hash WHERE id = 1;
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
                table_name=self._table,
                head=head,
                genesis=GENESIS,
                hashed=hashed,
            )
        )

    def _compute_references(self):
        # Neutral labels, like the records' own display names: the case's reference
        # (CASE/2026/00012), never its content or category. Rows outlive their case
        # (retention, deletion): a case that is gone keeps its number.
        cases = (
            self.env["student_care.case"]
            .sudo()
            .with_context(active_test=False)
            .browse({log.case_ref for log in self if log.case_ref})
            .exists()
        )
        references = dict(zip(cases.ids, cases.mapped("name"), strict=True))
        for log in self:
            log.case_name = (
                references.get(log.case_ref) or _("Case %(id)s", id=log.case_ref)
                if log.case_ref
                else False
            )
            log.note_name = _("Note %(id)s", id=log.note_ref) if log.note_ref else False
            log.student_id = self.env["res.partner"].browse(log.student_ref)

    def _search_student_id(self, operator, value):
        # The search view sends a name typed freely, its autocompletion an id.
        field = "display_name" if isinstance(value, str) else "id"
        students = self.env["res.partner"]._search([(field, operator, value)])
        return [("student_ref", "in", students)]

    def _log(self, notes=None, channel=None, reason=None, event="read", case=None, subject=None):
        """Append one row per note (or one for ``case`` when no note is given).

        Written as superuser: no role may write the log itself. Returns nothing on purpose:
        records created through sudo must not travel back to callers acting for a user.

        The row is written and committed in a transaction of its own, before the content
        is served: it stays even if the request fails later, it can be written from a
        read-only (replica) request, and the chain lock is held for one short insert only.
        Rows about records this very transaction created (invisible to another
        transaction) are written in the request's transaction instead.
        """
        channel = channel or self._request_channel()
        now = fields.Datetime.now()
        base = {
            "date": now,
            "user_id": self.env.uid,
            "channel": channel,
            "reason": reason or None,
            "event": event,
            "subject_user_id": subject.id if subject else None,
        }
        if notes:
            targets = [(note, note.case_id) for note in notes.sudo()]
        else:
            targets = [
                (self.env["student_care.note"], (case or self.env["student_care.case"]).sudo())
            ]
        rows = [
            dict(
                base,
                note_ref=note.id or None,
                case_ref=case.id or None,
                student_ref=case.student_id.id or None,
                company_id=case.company_id.id or (subject.company_id.id if subject else None),
                sensitivity=note.sensitivity or None,
            )
            for note, case in targets
        ]
        self._insert_rows(rows)

    def _insert_rows(self, rows):
        if self._log_in_own_transaction():
            try:
                with self.env.registry.cursor() as cr:
                    # Read committed: the head read after the lock is the latest one, where
                    # a repeatable-read snapshot would fail on a concurrent writer's update.
                    # (Odoo sets its own level again on every new cursor of the pool.)
                    cr.connection.set_isolation_level(ISOLATION_LEVEL_READ_COMMITTED)
                    cr.execute("SET LOCAL lock_timeout = '10s'")
                    self.with_env(self.env(cr=cr, su=True))._insert_rows_in(rows)
                return
            except (psycopg2.IntegrityError, pg_errors.LockNotAvailable, PoolError) as error:
                # It refers to a record created in this transaction, or no connection is
                # free: log it in the request's transaction. There a concurrent writer makes
                # the insert fail on serialisation and Odoo runs the request again; the
                # chain never forks.
                _logger.info("Access log row written in the request's transaction: %s", error)
        if self.env.cr.readonly:
            # Odoo runs a read-only request again on a read/write cursor on this error.
            raise pg_errors.ReadOnlySqlTransaction("the access log must be written")
        self.env.cr.cache[INLINE] = True
        self.sudo()._insert_rows_in(rows)

    def _log_in_own_transaction(self):
        """Whether to commit log rows in a transaction of their own (see ``_log``).

        Not once this transaction holds the chain head (a second transaction would wait on
        it), and not in tests, which run in one transaction that is rolled back.
        """
        return not (
            self.env.cr.cache.get(INLINE)
            or self.env.registry.in_test_mode()
            or modules.module.current_test
            or getattr(threading.current_thread(), "testing", False)
        )

    def _insert_rows_in(self, rows):
        columns = list(rows[0])
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s, create_uid, create_date, write_uid, write_date) VALUES %s",
                SQL.identifier(self._table),
                SQL(", ").join(SQL.identifier(name) for name in columns),
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s)",
                        SQL(", ").join(row[name] for name in columns),
                        row["user_id"],
                        row["date"],
                        row["user_id"],
                        row["date"],
                    )
                    for row in rows
                ),
            )
        )
        self.invalidate_model()

    def _request_channel(self):
        if not request:
            return "server"
        path = request.httprequest.path
        if path.startswith(("/jsonrpc", "/xmlrpc", "/json/")):
            return "rpc"
        if path.startswith("/report/"):
            return "report"
        if path.startswith("/web/export/"):
            return "export"
        if path.startswith(("/web/content", "/web/image")):
            return "attachment"
        return "web"

    def _verify_chain(self):
        """Return the id of the first row whose hash does not match, or False if intact."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, %s, prev_hash, row_hash FROM %s ORDER BY id",
                SQL(", ").join(SQL.identifier(name) for name in HASHED),
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

    def action_verify_chain(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only a care manager may check the access log."))
        self.check_access("read")
        broken = self.sudo()._verify_chain()
        message = (
            _("The access log is intact: every row is chained to the one before.")
            if not broken
            else _(
                "The access log was altered at row %(row)s: that row, or the one before it, "
                "is not what was written. Tell your data protection officer.",
                row=broken,
            )
        )
        return notification(
            message,
            title=_("Access log check"),
            kind="success" if not broken else "danger",
            sticky=bool(broken),
        )
