# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access log's hash chain under real concurrency: threads with their own database
connections write at the same time, then the chain is verified from a fresh transaction and
a deliberate tamper is found at the right row.

The rows written here are committed (an append-only log cannot be rolled back by a test);
they refer only to the superuser and the main company, which always exist.
"""

import threading
import uuid
from unittest.mock import patch

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api, fields, modules
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

WRITERS = 24
ROWS_PER_WRITER = 5


@tagged("post_install", "-at_install")
class TestAccessLogChain(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_id = cls.env.ref("base.main_company").id

    def _row(self, marker):
        # Built before the threads start: the test's own cursor is not thread-safe.
        return {
            "date": fields.Datetime.now(),
            "user_id": SUPERUSER_ID,
            "company_id": self.company_id,
            "note_ref": 0,
            "sensitivity": "confidential",
            "channel": "server",
            "event": "read",
            "reason": marker,
        }

    def _run_writers(self, write):
        errors = []

        def run():
            try:
                write()
            except Exception as error:  # reported below, the test fails on any
                errors.append(error)

        threads = [threading.Thread(target=run) for _ in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertFalse(errors, "every concurrent writer succeeded")

    def _check_chain(self, marker):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cr.execute("SELECT count(*) FROM student_care_access_log WHERE reason = %s", [marker])
            self.assertEqual(cr.fetchone()[0], WRITERS * ROWS_PER_WRITER)
            cr.execute("SELECT count(DISTINCT prev_hash), count(*) FROM student_care_access_log")
            distinct_prev, total = cr.fetchone()
            self.assertEqual(distinct_prev, total, "no two rows share a predecessor: no fork")
            self.assertFalse(env["student_care.access.log"]._verify_chain())

    def test_concurrent_writers_keep_one_chain(self):
        """The product's writer: each row in a short read-committed transaction of its own."""
        marker = f"concurrency-{uuid.uuid4()}"
        registry, row = self.registry, self._row(marker)

        def write():
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                for _i in range(ROWS_PER_WRITER):
                    env["student_care.access.log"]._insert_rows([row])

        # Outside a test the writer commits in a transaction of its own: do as production.
        with patch.object(modules.module, "current_test", False):
            self._run_writers(write)
        self._check_chain(marker)

    @mute_logger("odoo.sql_db")
    def test_concurrent_repeatable_read_writers_never_fork(self):
        """Writers inside Odoo's repeatable-read request transactions (the fallback path):
        a writer that raced another one fails with a serialisation error and retries, as
        Odoo retries the request; it never chains to a stale head."""
        marker = f"repeatable-{uuid.uuid4()}"
        registry, row = self.registry, self._row(marker)

        def write():
            written = 0
            while written < ROWS_PER_WRITER:
                try:
                    with registry.cursor() as cr:  # commits when the block ends
                        env = api.Environment(cr, SUPERUSER_ID, {})
                        cr.execute("SELECT 1")  # the snapshot is taken before the insert
                        env["student_care.access.log"]._insert_rows_in([row])
                    written += 1
                except pg_errors.SerializationFailure:
                    continue

        self._run_writers(write)
        self._check_chain(marker)

    @mute_logger("odoo.sql_db")
    def test_tamper_is_found_at_its_row(self):
        marker = f"tamper-{uuid.uuid4()}"
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            log = env["student_care.access.log"]
            for _i in range(3):
                log._insert_rows_in([self._row(marker)])
            cr.execute(
                "SELECT id FROM student_care_access_log WHERE reason = %s ORDER BY id", [marker]
            )
            ids = [row[0] for row in cr.fetchall()]
            self.assertFalse(log._verify_chain())
            # An administrator with database access edits a row behind the trigger's back.
            cr.execute(
                "ALTER TABLE student_care_access_log "
                "DISABLE TRIGGER student_care_access_log_append_only"
            )
            cr.execute(
                "UPDATE student_care_access_log SET reason = 'nothing to see' WHERE id = %s",
                [ids[1]],
            )
            self.assertEqual(log._verify_chain(), ids[1])
            cr.rollback()
