# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""./setup/backup and ./setup/restore, run for real on the test database: the restored
database holds every note and every attachment, with the same bytes, and bad input loses
nothing (no backup is overwritten, no database is overwritten, a damaged file restores
nothing)."""

import base64
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
NOTES = "SELECT id, md5(coalesce(body, '')), sensitivity FROM student_care_note ORDER BY id"
FILES = (
    "SELECT id, res_model, res_id, checksum, store_fname FROM ir_attachment "
    "WHERE store_fname IS NOT NULL ORDER BY id"
)


def _script(name, *args, db):
    return subprocess.run(
        [str(ROOT / "setup" / name), *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "SC_DB": db},
        capture_output=True,
        text=True,
        check=False,
    )


def _exists(db):
    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        return bool(cr.fetchone())


def _drop(db):
    odoo.sql_db.close_db(db)
    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    shutil.rmtree(config.filestore(db), ignore_errors=True)


def _rows(db, query):
    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute(query)
        return cr.fetchall()


@pytest.fixture(scope="module")
def dossier():
    """A note with a file and a consent with its signed form, committed in the test
    database (which ./setup/test drops at the end) so that pg_dump sees them."""
    db = config["db_name"]
    with odoo.modules.registry.Registry(db).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        case = env["student_care.case"].search(
            [("student_id.guardian_link_ids.has_custody", "=", True)], limit=1
        )
        assert case, "the demo data has a case of a student with a custodial guardian"
        note = env["student_care.note"].create(
            {"case_id": case.id, "body": "<p>Backup interview</p>", "sensitivity": "confidential"}
        )
        attachment = env["ir.attachment"].create(
            {
                "name": "interview.txt",
                "raw": b"What the student said, word for word.",
                "res_model": "student_care.note",
                "res_id": note.id,
            }
        )
        note.attachment_ids = attachment
        custody = env["student_care.guardian.link"].search(
            [("student_id", "=", case.student_id.id), ("has_custody", "=", True)], limit=1
        )
        env["student_care.consent"].create(
            {
                "student_id": case.student_id.id,
                "given_by": "guardian",
                "guardian_id": custody.guardian_id.id,
                "agency_id": env["res.partner"].create({"name": "Backup Clinic"}).id,
                "purpose": "Backup test",
                "document": base64.b64encode(b"%PDF-1.4 signed form"),
                "document_name": "form.pdf",
            }
        )
        ids = note.id, attachment.id
    # Committed when the cursor closes: pg_dump sees only committed rows.
    return db, *ids


def test_a_restore_holds_every_note_and_attachment(dossier, tmp_path):
    db, note_id, attachment_id = dossier
    backup = tmp_path / "backup.zip"
    result = _script("backup", backup, db=db)
    assert result.returncode == 0, result.stderr
    assert backup.stat().st_mode & 0o077 == 0, "a backup holds every dossier: owner only"
    assert not list(tmp_path.glob("*.part"))

    restored = f"{db}_restored"
    try:
        result = _script("restore", backup, restored, db=db)
        assert result.returncode == 0, result.stderr
        assert "access log chain intact" in result.stderr
        assert _rows(restored, NOTES) == _rows(db, NOTES)
        files = _rows(restored, FILES)
        assert files == _rows(db, FILES)
        assert note_id in {row[0] for row in _rows(restored, NOTES)}
        assert attachment_id in {row[0] for row in files}
        assert any(row[1] == "student_care.consent" for row in files)
        filestore = Path(config.filestore(restored))
        for __, __, __, __, fname in files:
            assert (filestore / fname).is_file(), fname

        # Restoring again never overwrites the database just restored.
        again = _script("restore", backup, restored, db=db)
        assert again.returncode != 0
        assert "exists already" in again.stderr
        assert _rows(restored, NOTES) == _rows(db, NOTES)
    finally:
        _drop(restored)


def test_bad_input_loses_nothing(dossier, tmp_path):
    db = dossier[0]
    backup = tmp_path / "kept.zip"
    backup.write_bytes(b"an earlier backup")
    result = _script("backup", backup, db=db)
    assert result.returncode != 0
    assert "never overwrites" in result.stderr
    assert backup.read_bytes() == b"an earlier backup"

    damaged = tmp_path / "damaged.zip"
    good = tmp_path / "good.zip"
    assert _script("backup", good, db=db).returncode == 0
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    target = f"{db}_damaged"
    result = _script("restore", damaged, target, db=db)
    assert result.returncode != 0
    assert not _exists(target), "a half restore is removed"
    assert not Path(config.filestore(target)).exists()
