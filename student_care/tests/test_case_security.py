# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .probes import orm_probe, require_any, require_found
from .test_case import StudentCareCaseCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
NO_CASE_ACCESS = ("teacher", "attendance", "specialist", "billing")
EVERY_OPERATION = frozenset(
    ("read", "web_read", "write", "unlink", "export", "create")
    + ("search", "read_group", "name_search", "messages")
)


class TestCaseAccess(StudentCareCaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_case = cls.create_case(user_id=False)
        cls.foreign_case = cls.create_case(
            student=cls.not_my_student, team_id=cls.other_team.id, user_id=False
        )
        cls.env.flush_all()

    def _probe(self, user, case):
        """Every way of reaching a case's content; each must pass or raise AccessError."""
        cases = self.env["student_care.case"].with_user(user)
        case = case.with_user(user)
        return {
            "read": lambda: case.read(["student_id", "description"]),
            "web_read": lambda: case.web_read({"description": {}}),
            "write": lambda: case.write({"priority": "1"}),
            "unlink": lambda: case.unlink(),
            "export": lambda: case.export_data(["description"]),
            "create": lambda: cases.create(
                {
                    "student_id": self.student.id,
                    "category_id": self.truancy.id,
                    "team_id": case.sudo().team_id.id,
                }
            ),
            "search": lambda: require_found(cases.search([]), case),
            "read_group": lambda: require_any(
                cases._read_group([("id", "=", case.id)], ["stage_id"], ["__count"])
            ),
            "name_search": lambda: require_any(cases.name_search(case.sudo().name)),
            "messages": lambda: case.message_ids.read(["body"]),
        }

    @mute_logger(*MUTED, "odoo.models")
    def test_case_matrix(self):
        expect = {
            # role: (operations allowed on a case of their team, ... on another team's case)
            "careworker": (EVERY_OPERATION - {"unlink"}, set()),
            "caremanager": (EVERY_OPERATION, EVERY_OPERATION),
            **{role: (set(), set()) for role in NO_CASE_ACCESS},
        }
        probes = 0
        for role, (own_allowed, other_allowed) in expect.items():
            user = self.users[role]
            for label, case, allowed in (
                ("team", self.team_case, own_allowed),
                ("other", self.foreign_case, other_allowed),
            ):
                for operation, call in self._probe(user, case).items():
                    probes += 1
                    with self.subTest(role=role, case=label, op=operation):
                        self.assertEqual(orm_probe(self.env, call), operation in allowed)
        self.assertGreaterEqual(probes, 120)

    @mute_logger(*MUTED)
    def test_settings_admin_is_not_a_care_reader(self):
        with self.assertRaises(AccessError):
            self.team_case.with_user(self.admin_no_care).read(["description"])
        self.assertFalse(
            self.env["student_care.case.status"].with_user(self.admin_no_care).has_access("read")
        )

    @mute_logger(*MUTED)
    def test_institution_boundary_for_care_managers(self):
        manager = self.users["caremanager"]
        other_case = self.env["student_care.case"].create(
            {
                "student_id": self.other_student.id,
                "category_id": self.truancy.id,
                "team_id": False,
            }
        )
        with self.assertRaises(AccessError):
            other_case.with_user(manager).read(["stage_id"])
        self.assertNotIn(other_case, self.env["student_care.case"].with_user(manager).search([]))


class TestCaseStatus(StudentCareCaseCommon):
    """Teachers know that a case exists for their own students, its stage and owner."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.my_case = cls.create_case()
        cls.not_my_case = cls.create_case(student=cls.not_my_student)
        cls.env.flush_all()

    def test_status_carries_no_content(self):
        status = self.env["student_care.case.status"]
        self.assertFalse({"category_id", "description", "message_ids"} & set(status._fields))

    def test_teacher_sees_own_students_cases_only(self):
        teacher = self.users["teacher"]
        status = self.env["student_care.case.status"].with_user(teacher)
        found = status.search([])
        self.assertEqual(found.ids, [self.my_case.id])
        self.assertEqual(found.read(["stage_id", "user_id"])[0]["stage_id"][0], self.stage_new.id)
        self.assertEqual(self.student.with_user(teacher).open_case_count, 1)
        self.assertEqual(self.not_my_student.with_user(teacher).open_case_count, 0)
        # Class teachers (not mentors) see their class's students too.
        self.other_class.teacher_ids = teacher
        self.assertEqual(len(status.search([])), 2)

    def test_attendance_and_care_staff_see_all_statuses(self):
        for role in ("attendance", "careworker", "caremanager"):
            with self.subTest(role=role):
                status = self.env["student_care.case.status"].with_user(self.users[role])
                self.assertEqual(len(status.search([])), 2)

    @mute_logger(*MUTED)
    def test_no_status_for_specialists_and_billing(self):
        for role in ("specialist", "billing"):
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    self.env["student_care.case.status"].with_user(self.users[role]).search([])
                self.assertEqual(self.student.with_user(self.users[role]).open_case_count, 0)

    @mute_logger(*MUTED)
    def test_teacher_cannot_read_case_chatter(self):
        self.my_case.message_post(body="Talked with the family", subtype_xmlid="mail.mt_note")
        messages = self.env["mail.message"].with_user(self.users["teacher"])
        self.assertFalse(
            messages.search(
                [("model", "=", "student_care.case"), ("res_id", "=", self.my_case.id)]
            )
        )
        note = self.my_case.message_ids[0]
        with self.assertRaises(AccessError):
            note.with_user(self.users["teacher"]).read(["body"])
