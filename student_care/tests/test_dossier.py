# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from psycopg2 import errors as pg_errors

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .probes import ROLES, new_role_user
from .test_case import StudentCareCaseCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


class StudentCareDossierCommon(StudentCareCaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls.create_case()
        worker = cls.users["careworker"]
        cls.notes = {
            level: cls.env["student_care.note"]
            .with_user(worker)
            .create(
                {
                    "case_id": cls.case.id,
                    "note_type": "interview",
                    "sensitivity": level,
                    "body": f"<p>Secret words {level}</p>",
                }
            )
            for level in ("shared", "care_team", "confidential", "sealed")
        }
        cls.env.flush_all()

    def _logs(self):
        return self.env["student_care.access.log"].search([("case_ref", "=", self.case.id)])


class TestDossierNotes(StudentCareDossierCommon):
    def test_note_names_and_author_are_neutral_and_fixed(self):
        note = self.notes["confidential"]
        self.assertEqual(note.display_name, f"Note {note.id}")
        self.assertEqual(note.author_id, self.users["careworker"])
        other = self.env["student_care.note"].with_user(self.users["caremanager"])
        created = other.create(
            {
                "case_id": self.case.id,
                "body": "<p>x</p>",
                "author_id": self.users["careworker"].id,
            }
        )
        self.assertEqual(created.author_id, self.users["caremanager"], "no writing as another")

    @mute_logger(*MUTED)
    def test_who_reads_which_sensitivity(self):
        # The careworker owns the case and wrote every note; the manager does not own it.
        expected = {
            "careworker": {"shared", "care_team", "confidential", "sealed"},
            "caremanager": {"shared", "care_team"},
            "teacher": {"shared"},
            "attendance": {"shared"},
            "specialist": set(),
        }
        for role, readable in expected.items():
            user = self.users[role]
            found = self.env["student_care.note"].with_user(user).search([])
            for level, note in self.notes.items():
                with self.subTest(role=role, level=level):
                    self.env.invalidate_all()
                    if level in readable:
                        self.assertIn(note, found)
                        self.assertIn(
                            "Secret words", note.with_user(user).read(["body"])[0]["body"]
                        )
                    else:
                        self.assertNotIn(note, found)
                        with self.assertRaises(AccessError):
                            note.with_user(user).read(["body"])

    @mute_logger(*MUTED)
    def test_teacher_sees_shared_notes_of_own_students_only(self):
        other_case = self.create_case(student=self.not_my_student)
        shared = self.env["student_care.note"].create(
            {"case_id": other_case.id, "sensitivity": "shared", "body": "<p>accommodations</p>"}
        )
        with self.assertRaises(AccessError):
            shared.with_user(self.users["teacher"]).read(["body"])

    def test_searching_by_content_finds_only_readable_notes(self):
        # A filter on the body must not become an oracle for notes one cannot read.
        for role in ("caremanager", "teacher", "attendance"):
            with self.subTest(role=role):
                notes = self.env["student_care.note"].with_user(self.users[role])
                self.assertFalse(notes.search([("body", "ilike", "Secret words sealed")]))
                self.assertFalse(notes.search_count([("body", "ilike", "confidential")]))
                groups = notes._read_group([("body", "ilike", "sealed")], [], ["__count"])
                self.assertEqual(groups, [(0,)])

    def test_timeline_shows_every_note_without_content(self):
        timeline = self.env["student_care.note.timeline"]
        self.assertFalse({"body", "granted_user_ids"} & set(timeline._fields))
        for role in ("teacher", "attendance", "careworker", "caremanager"):
            with self.subTest(role=role):
                lines = timeline.with_user(self.users[role]).search(
                    [("case_id", "=", self.case.id)]
                )
                self.assertEqual(len(lines), 4)
                values = lines.read(["date", "note_type", "author_id", "sensitivity"])
                self.assertEqual(
                    {v["author_id"][0] for v in values}, {self.users["careworker"].id}
                )

    @mute_logger(*MUTED)
    def test_only_the_author_changes_a_note(self):
        note = self.notes["care_team"]
        with self.assertRaises(AccessError):
            note.with_user(self.users["caremanager"]).write({"body": "<p>changed</p>"})
        note.with_user(self.users["careworker"]).write({"body": "<p>corrected</p>"})
        self.assertIn("corrected", note.body)
        with self.assertRaises(AccessError):
            note.with_user(self.users["careworker"]).unlink()

    def test_sealed_note_grant(self):
        note = self.notes["sealed"]
        manager = self.users["caremanager"]
        self.assertFalse(
            self.env["student_care.note"].with_user(manager).search([("id", "=", note.id)])
        )
        note.with_user(self.users["careworker"]).granted_user_ids = manager
        self.assertTrue(note.with_user(manager).read(["body"]))
        with self.assertRaises(ValidationError):
            note.granted_user_ids = self.users["careworker"]

    @mute_logger(*MUTED)
    def test_attachments_follow_the_note(self):
        note = self.notes["confidential"]
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.users["careworker"])
            .create(
                {
                    "name": "report.txt",
                    "datas": base64.b64encode(b"psychological report"),
                    "res_model": "student_care.note",
                    "res_id": note.id,
                }
            )
        )
        self.assertTrue(attachment.with_user(self.users["careworker"]).read(["datas"]))
        for role in ("caremanager", "teacher", "specialist", "billing"):
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    attachment.with_user(self.users[role]).read(["datas"])
        with self.assertRaisesRegex(ValidationError, "never be public"):
            attachment.public = True

    def test_rich_text_is_sanitised(self):
        note = self.env["student_care.note"].create(
            {"case_id": self.case.id, "body": '<p onclick="x()">Hi<script>alert(1)</script></p>'}
        )
        self.assertNotIn("script", note.body)
        self.assertNotIn("onclick", note.body)


class TestAccessLog(StudentCareDossierCommon):
    def test_reading_confidential_content_is_logged(self):
        worker = self.users["careworker"]
        self.assertFalse(self._logs())
        self.notes["shared"].with_user(worker).read(["body"])
        self.notes["care_team"].with_user(worker).read(["body"])
        self.assertFalse(self._logs(), "shared and care-team reads are not logged")
        self.notes["confidential"].with_user(worker).read(["date", "note_type"])
        self.assertFalse(self._logs(), "metadata reads are not logged")
        self.notes["confidential"].with_user(worker).read(["body"])
        self.notes["sealed"].with_user(worker).web_read({"body": {}})
        self.notes["sealed"].with_user(worker).export_data(["body"])
        logs = self._logs()
        self.assertEqual(len(logs), 3)
        self.assertEqual(set(logs.mapped("channel")), {"server", "export"})
        self.assertEqual(set(logs.mapped("user_id")), {worker})
        self.assertEqual(set(logs.mapped("student_ref")), {self.student.id})
        for log in logs:
            self.assertNotIn("Secret", str(log.read()[0]), "the log never holds content")

    @mute_logger(*MUTED)
    def test_log_is_for_care_managers_only(self):
        self.notes["confidential"].with_user(self.users["careworker"]).read(["body"])
        manager_view = self.env["student_care.access.log"].with_user(self.users["caremanager"])
        self.assertEqual(len(manager_view.search([("case_ref", "=", self.case.id)])), 1)
        self.assertEqual(
            len(manager_view.search([("student_id", "=", self.student.id)])), 1, "per student"
        )
        for role in ("careworker", "teacher", "specialist", "attendance", "billing"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["student_care.access.log"].with_user(self.users[role]).search([])

    @mute_logger("odoo.sql_db")
    def test_append_only_in_postgresql(self):
        self.notes["confidential"].with_user(self.users["careworker"]).read(["body"])
        log = self._logs()
        manager = self.users["caremanager"]
        with mute_logger(*MUTED), self.assertRaises(AccessError):
            log.with_user(manager).write({"reason": "edited"})
        with mute_logger(*MUTED), self.assertRaises(AccessError):
            log.with_user(manager).unlink()
        # The superuser (an administrator's automation, a script) is refused by PostgreSQL.
        with self.assertRaises(pg_errors.RaiseException), self.cr.savepoint():
            log.sudo().write({"reason": "edited"})
            self.env.flush_all()
        with self.assertRaises(pg_errors.RaiseException), self.cr.savepoint():
            log.sudo().unlink()
        # Even raw SQL, as the database owner Odoo connects with, is refused.
        for statement in (
            "UPDATE student_care_access_log SET reason = 'x'",
            "DELETE FROM student_care_access_log",
            "TRUNCATE student_care_access_log",
        ):
            with self.subTest(statement=statement):
                with self.assertRaises(pg_errors.RaiseException), self.cr.savepoint():
                    self.cr.execute(statement)

    @mute_logger("odoo.sql_db")
    def test_hash_chain_detects_tampering(self):
        worker = self.users["careworker"]
        for _i in range(3):
            self.notes["confidential"].with_user(worker).read(["body"])
        log_model = self.env["student_care.access.log"]
        self.assertFalse(log_model._verify_chain())
        rows = self._logs().sorted("id")
        self.assertEqual(rows[1].prev_hash, rows[0].row_hash)
        # Someone with database rights disables the guard and rewrites history...
        self.cr.execute("ALTER TABLE student_care_access_log DISABLE TRIGGER USER")
        self.cr.execute(
            "UPDATE student_care_access_log SET user_id = %s WHERE id = %s",
            (self.users["caremanager"].id, rows[1].id),
        )
        self.cr.execute("ALTER TABLE student_care_access_log ENABLE TRIGGER USER")
        self.assertEqual(log_model._verify_chain(), rows[1].id)
        action = log_model.action_verify_chain()
        self.assertEqual(action["params"]["type"], "danger")


class TestBreakTheGlass(StudentCareDossierCommon):
    @mute_logger(*MUTED)
    def test_manager_opens_sealed_note_with_a_reason(self):
        manager = self.users["caremanager"]
        note = self.notes["sealed"]
        with self.assertRaises(AccessError):
            note.with_user(manager).read(["body"])
        wizard = self.env["student_care.note.break_glass"].with_user(manager)
        with self.assertRaisesRegex(UserError, "State why"):
            wizard.create({"note_id": note.id, "reason": "  "}).action_confirm()
        action = wizard.create(
            {"note_id": note.id, "reason": "Student at acute risk, author on leave"}
        ).action_confirm()
        self.assertEqual(action["res_id"], note.id)
        # The "why" is what the manager typed in the prompt: a context key sent with a
        # later read (as any RPC client could) is not taken as a reason.
        body = (
            note.with_user(manager).with_context(access_reason="made up").read(["body"])[0]["body"]
        )
        self.assertIn("Secret words sealed", body)
        logs = self._logs()
        self.assertEqual(logs.mapped("channel"), ["server", "break_glass"])
        self.assertEqual(logs.mapped("reason"), [False, "Student at acute risk, author on leave"])
        self.assertEqual(logs[1].event, "granted")
        # Telling someone through an activity never makes them a follower of a case they
        # cannot read (here a teacher): followers receive every later message.
        teacher = self.users["teacher"]
        self.case.activity_schedule(
            "mail.mail_activity_data_todo", summary="Neutral", user_id=teacher.id
        )
        self.assertNotIn(teacher.partner_id, self.case.message_partner_ids)
        for partner in self.case.message_partner_ids:
            self.assertTrue(
                any(self.case.with_user(u).has_access("read") for u in partner.user_ids)
            )
        # The author is told, neutrally.
        told = self.case.activity_ids.filtered(lambda a: a.user_id == self.users["careworker"])
        self.assertEqual(told.summary, "A note of yours was opened in an emergency")
        self.assertIn("acute risk", told.note)

    @mute_logger(*MUTED)
    def test_only_care_managers_break_the_glass(self):
        note = self.notes["sealed"]
        for role in ("careworker", "teacher", "specialist"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                note.with_user(self.users[role])._break_glass("curious")
        self.assertFalse(self._logs())


@tagged("post_install", "-at_install")
class TestAttachmentDownloadLog(HttpCase):
    # Downloads run on a read-only cursor where a replica is configured; the test runs them
    # read/write so that the log written in the same transaction can be checked.
    readonly_enabled = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "Download School"})
        cls.worker = new_role_user(cls.env, "dl_worker", ROLES["careworker"], school)
        cls.teacher = new_role_user(cls.env, "dl_teacher", ROLES["teacher"], school)
        student = cls.env["res.partner"].create(
            {"name": "DL", "is_student": True, "student_number": "DL1", "company_id": school.id}
        )
        case = cls.env["student_care.case"].create(
            {
                "student_id": student.id,
                "category_id": cls.env.ref("student_care.student_care_case_category_other").id,
                "user_id": cls.worker.id,
                "team_id": False,
            }
        )
        note = (
            cls.env["student_care.note"]
            .with_user(cls.worker)
            .create({"case_id": case.id, "sensitivity": "confidential", "body": "<p>x</p>"})
        )
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "assessment.txt",
                "datas": base64.b64encode(b"assessment text"),
                "res_model": "student_care.note",
                "res_id": note.id,
            }
        )
        cls.case = case

    def _logs(self):
        return self.env["student_care.access.log"].search([("case_ref", "=", self.case.id)])

    @mute_logger(*MUTED, "odoo.http")
    def test_download_is_logged_and_guarded(self):
        url = f"/web/content/{self.attachment.id}?download=true"
        self.authenticate("dl_teacher", "dl_teacher")
        self.assertNotEqual(self.url_open(url).status_code, 200)
        self.assertFalse(self._logs())
        self.authenticate("dl_worker", "dl_worker")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"assessment text")
        self.assertEqual(self._logs().mapped("channel"), ["attachment"])
        self.assertEqual(self._logs().user_id, self.worker)
