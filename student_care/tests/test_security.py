# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import StudentCareCommon
from .probes import ROLES, RpcProbes, role_users

CARE_ID_READERS = {"careworker", "caremanager"}
MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule", "odoo.models")


class TestStudentDirectoryAccess(StudentCareCommon):
    """Who may read, search and change the student directory (ORM, with_user)."""

    def test_every_role_reads_the_directory(self):
        for role, user in self.users.items():
            with self.subTest(role=role):
                students = self.env["res.partner"].with_user(user)
                found = students.search([("is_student", "=", True)])
                self.assertIn(self.student, found)
                values = self.student.with_user(user).read(
                    ["name", "student_number", "class_id", "grade_id", "birth_date"]
                )[0]
                self.assertEqual(values["student_number"], "100001")
                links = self.env["student_care.guardian.link"].with_user(user)
                self.assertEqual(links.search([("student_id", "=", self.student.id)]), self.link)
                self.assertEqual(
                    self.env["student_care.class"].with_user(user).search([]), self.klass
                )

    @mute_logger(*MUTED)
    def test_only_care_managers_and_admins_change_students(self):
        for role, user in self.users.items():
            student = self.student.with_user(user)
            with self.subTest(role=role):
                if role == "caremanager":
                    student.write({"name": "Lotte M. Visser"})
                    self.assertEqual(self.student.name, "Lotte M. Visser")
                    continue
                with self.assertRaises(AccessError):
                    student.write({"name": "Changed"})
                with self.assertRaises(AccessError):
                    self.env["res.partner"].with_user(user).create(
                        {
                            "name": "New",
                            "is_student": True,
                            "student_number": f"N-{role}",
                            "company_id": self.school.id,
                        }
                    )
                with self.assertRaises(AccessError):
                    student.unlink()
                with self.assertRaises(AccessError):
                    self.link.with_user(user).write({"has_custody": False})
                with self.assertRaises(AccessError):
                    self.klass.with_user(user).write({"name": "Renamed"})
        # A settings administrator may maintain the directory.
        self.student.with_user(self.admin_no_care).write({"name": "By Admin"})
        self.assertEqual(self.student.name, "By Admin")

    @mute_logger(*MUTED)
    def test_contact_creation_right_does_not_open_students(self):
        # An employee who may edit ordinary contacts still cannot touch a student.
        clerk = self.users["attendance"]
        clerk.groups_id += self.env.ref("base.group_partner_manager")
        self.mother.with_user(clerk).write({"phone": "+31 6 0000 0000"})
        self.assertEqual(self.mother.phone, "+31 6 0000 0000")
        with self.assertRaises(AccessError):
            self.student.with_user(clerk).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            # Nor turn a student into a plain contact to get around the rule.
            self.student.with_user(clerk).write({"is_student": False})

    @mute_logger(*MUTED)
    def test_national_id_only_for_care_roles(self):
        for role, user in [*self.users.items(), ("settings_admin", self.admin_no_care)]:
            student = self.student.with_user(user)
            with self.subTest(role=role):
                self.env.invalidate_all()
                if role in CARE_ID_READERS:
                    self.assertEqual(student.read(["national_id"])[0]["national_id"], "111222333")
                    found = student.search([("national_id", "=", "111222333")])
                    self.assertEqual(found, self.student)
                    continue
                with self.assertRaises(AccessError):
                    student.read(["national_id"])
                with self.assertRaises(AccessError):
                    student.export_data(["national_id"])
                with self.assertRaises(AccessError):
                    student.search([("national_id", "=", "111222333")])
                with self.assertRaises(AccessError):
                    student._read_group([], ["national_id"], ["__count"])
                self.assertNotIn("national_id", student.fields_get())
                self.assertNotIn("national_id", student.web_read({"name": {}})[0])

    @mute_logger(*MUTED)
    def test_institution_boundary(self):
        other_teacher = self.env["res.partner"].with_user(self.other_teacher)
        self.assertEqual(
            other_teacher.search([("is_student", "=", True), ("student_number", "=", "100001")]),
            self.other_student,
        )
        self.assertFalse(other_teacher.search([("id", "=", self.student.id)]))
        self.assertFalse(
            self.env["student_care.guardian.link"].with_user(self.other_teacher).search([])
        )
        self.assertFalse(self.env["student_care.class"].with_user(self.other_teacher).search([]))
        self.assertFalse(other_teacher.name_search("Lotte"))
        with self.assertRaises(AccessError):
            self.student.with_user(self.other_teacher).read(["name"])
        with self.assertRaises(AccessError):
            self.link.with_user(self.other_teacher).read(["relationship"])
        counts = other_teacher._read_group([("is_student", "=", True)], [], ["__count"])
        self.assertEqual(counts, [(1,)])
        # And the other way round.
        teacher = self.env["res.partner"].with_user(self.users["teacher"])
        self.assertNotIn(self.other_student, teacher.search([("is_student", "=", True)]))


@tagged("post_install", "-at_install")
class TestStudentDirectoryRpc(RpcProbes, HttpCase):
    """The same rules hold over JSON-RPC with real logins and passwords."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.company"].create({"name": "RPC School"})
        roles = {role: ROLES[role] for role in ("teacher", "careworker", "caremanager")}
        cls.rpc_users = role_users(
            cls.env, school, "rpc", roles=roles, export=False, name="RPC {role}"
        )
        cls.student = cls.env["res.partner"].create(
            {
                "name": "Rpc Student",
                "is_student": True,
                "student_number": "R-1",
                "company_id": school.id,
                "national_id": "12-ABC",
            }
        )

    def _call(self, role, method, args, kwargs=None):
        self.login_as(self.rpc_users[role])
        return self.rpc("res.partner", method, args, kwargs)

    @mute_logger(*MUTED, "odoo.http")
    def test_rpc_directory_and_national_id(self):
        ids = [self.student.id]
        for role in ("teacher", "careworker", "caremanager"):
            with self.subTest(role=role):
                rows = self._call(role, "read", [ids, ["name", "student_number"]])
                self.assertEqual(rows[0]["student_number"], "R-1")
                if role == "teacher":
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self._call(role, "read", [ids, ["national_id"]])
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self._call(role, "write", [ids, {"name": "Hacked"}])
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self._call(role, "search_read", [[("national_id", "!=", False)]])
                else:
                    rows = self._call(role, "read", [ids, ["national_id"]])
                    self.assertEqual(rows[0]["national_id"], "12-ABC")
        self._call("caremanager", "write", [ids, {"name": "Rpc Student Renamed"}])
        self.assertEqual(self.student.name, "Rpc Student Renamed")
