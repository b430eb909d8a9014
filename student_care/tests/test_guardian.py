# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import StudentCareCommon


class TestGuardian(StudentCareCommon):
    def test_family_seen_from_both_sides(self):
        sibling = self.create_student("Sem Visser", "100002")
        self.env["student_care.guardian.link"].create(
            {"student_id": sibling.id, "guardian_id": self.mother.id, "relationship": "mother"}
        )
        self.assertTrue(self.mother.is_guardian)
        self.assertEqual(self.mother.child_count, 2)
        self.assertEqual(self.mother.child_link_ids.student_id, self.student | sibling)
        self.assertEqual(self.student.guardian_link_ids.guardian_id, self.mother)
        action = self.mother.action_view_children()
        self.assertEqual(
            self.env["student_care.guardian.link"].search(action["domain"]).student_id,
            self.student | sibling,
        )
        self.assertIn("Anja Visser", action["name"])

    def test_guardian_flag_follows_links(self):
        father = self.env["res.partner"].create({"name": "Erik Visser"})
        self.assertFalse(father.is_guardian)
        link = self.env["student_care.guardian.link"].create(
            {"student_id": self.student.id, "guardian_id": father.id, "relationship": "father"}
        )
        self.assertTrue(father.is_guardian)
        self.assertEqual(self.student.guardian_count, 2)
        link.unlink()
        self.assertFalse(father.is_guardian)

    def test_link_defaults(self):
        self.assertRecordValues(
            self.link,
            [
                {
                    "has_custody": True,
                    "is_living_with_student": True,
                    "is_notice_recipient": True,
                    "preferred_channel": "phone",
                    "company_id": self.school.id,
                    "phone": "+31 6 1234 5678",
                }
            ],
        )

    def test_invalid_links_refused(self):
        links = self.env["student_care.guardian.link"]
        with self.assertRaisesRegex(ValidationError, "cannot be their own guardian"):
            links.create({"student_id": self.student.id, "guardian_id": self.student.id})
        other = self.create_student("Kid", "100003")
        with self.assertRaisesRegex(ValidationError, "is a student and cannot be registered"):
            links.create({"student_id": self.student.id, "guardian_id": other.id})
        with self.assertRaisesRegex(ValidationError, "is not a student"):
            stranger = self.env["res.partner"].create({"name": "Stranger"})
            links.create({"student_id": self.mother.id, "guardian_id": stranger.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                links.create({"student_id": self.student.id, "guardian_id": self.mother.id})

    def test_contact_order(self):
        father = self.env["res.partner"].create({"name": "Erik Visser"})
        self.env["student_care.guardian.link"].create(
            {"student_id": self.student.id, "guardian_id": father.id, "sequence": 1}
        )
        self.student.invalidate_recordset(["guardian_link_ids"])
        self.assertEqual(self.student.guardian_link_ids.guardian_id[0], father)
