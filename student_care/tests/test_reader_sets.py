# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The reader sets every record rule tests: who teaches a student, who is on a case's care
team, who reads a case through an active referral, who reads a note by their place on the
case. Record rules use both sides of each set: the search (SQL, when listing) and the
computed value (``filtered_domain``, when checking records already fetched). They must
agree for every user and record, or a user would see a record in a list and be refused
opening it, or the reverse."""

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from odoo.addons.student_care.models.access import reload_record_rules

from .portal import new_portal_user
from .probes import MUTED, ROLES, new_role_user
from .test_dossier import StudentCareDossierCommon

# model -> reader sets it keeps
READER_SETS = {
    "res.partner": ("teacher_user_ids", "specialist_user_ids", "family_user_ids"),
    "student_care.case": ("care_user_ids", "specialist_user_ids"),
    "student_care.note": ("team_reader_ids",),
}


class TestReaderSets(StudentCareDossierCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.class_teacher = new_role_user(env, "rs_class_teacher", ROLES["teacher"], cls.school)
        cls.member = new_role_user(env, "rs_member", ROLES["careworker"], cls.school)
        cls.outsider = new_role_user(env, "rs_outsider", ROLES["careworker"], cls.school)
        cls.psychologist = new_role_user(env, "rs_psy", ROLES["specialist"], cls.school)
        cls.klass.teacher_ids = cls.class_teacher
        cls.case.team_id.member_ids |= cls.member
        # A second case of the same student, owned by someone else, in no team.
        cls.other_case = cls.create_case(user_id=cls.outsider.id, team_id=False)
        cls.referrals = env["student_care.referral"].create(
            [
                {
                    "case_id": case.id,
                    "referral_type": "specialist",
                    "specialist_id": specialist.id,
                    "reason": "Assessment",
                }
                for case, specialist in (
                    (cls.case, cls.users["specialist"]),
                    (cls.other_case, cls.psychologist),
                )
            ]
        )
        cls.referrals[0].action_accept()
        cls.referrals[0].action_activate()  # the psychologist's stays requested
        # The family: the mother (custody) with a portal login, a father without custody,
        # a legal guardian without custody, and a guardian whose link says "no access".
        cls.mother_user = cls.portal_user(cls.mother, "rs_mother")
        cls.family = {}
        for key, vals in {
            "father": {"relationship": "father", "has_custody": False},
            "legal": {"relationship": "legal_guardian", "has_custody": False},
            "denied": {"relationship": "mother", "is_access_denied": True},
        }.items():
            guardian = env["res.partner"].create(
                {"name": f"RS {key}", "company_id": cls.school.id}
            )
            env["student_care.guardian.link"].create(
                {"student_id": cls.student.id, "guardian_id": guardian.id, **vals}
            )
            cls.family[key] = cls.portal_user(guardian, f"rs_{key}")
        cls.student_user = cls.portal_user(cls.student, "rs_student")
        cls.users_probed = env["res.users"].browse(
            [u.id for u in cls.users.values()]
            + [cls.class_teacher.id, cls.member.id, cls.outsider.id, cls.psychologist.id]
            + [cls.mother_user.id, cls.student_user.id]
            + [u.id for u in cls.family.values()]
        )

    @classmethod
    def portal_user(cls, partner, login):
        return new_portal_user(cls.env, login, partner, cls.school)

    def _records(self, model):
        if model == "res.partner":
            return self.student | self.other_student | self.mother
        if model == "student_care.case":
            return self.case | self.other_case
        return self.env["student_care.note"].browse([n.id for n in self.notes.values()])

    def test_search_and_value_agree_for_every_user_and_record(self):
        for model, names in READER_SETS.items():
            records = self._records(model)
            for name in names:
                for user in self.users_probed:
                    found = records.search([("id", "in", records.ids), (name, "in", [user.id])])
                    self.env.invalidate_all()
                    holding = records.filtered(lambda r, n=name, u=user: u in r[n])
                    with self.subTest(model=model, field=name, user=user.login):
                        self.assertEqual(found, holding)

    def test_who_is_in_which_set(self):
        teacher, worker = self.users["teacher"], self.users["careworker"]
        self.assertEqual(self.student.teacher_user_ids, teacher | self.class_teacher)
        self.assertFalse(self.mother.teacher_user_ids)
        self.assertEqual(self.student.specialist_user_ids, self.users["specialist"])
        self.assertEqual(self.case.care_user_ids, worker | self.case.team_id.member_ids)
        self.assertIn(self.member, self.case.care_user_ids)
        self.assertEqual(self.other_case.care_user_ids, self.outsider)
        self.assertFalse(self.other_case.specialist_user_ids, "requested is not active")
        notes = self.notes
        self.assertEqual(notes["shared"].team_reader_ids, self.case.care_user_ids)
        self.assertEqual(notes["care_team"].team_reader_ids, self.case.care_user_ids)
        self.assertEqual(notes["confidential"].team_reader_ids, worker)
        self.assertFalse(notes["sealed"].team_reader_ids)
        # Custody or legal guardianship, never a "no access" link; the student's own login.
        self.assertEqual(
            self.student.family_user_ids,
            self.mother_user | self.family["legal"] | self.student_user,
        )
        self.assertFalse(self.mother.family_user_ids, "a guardian is not a student")

    @mute_logger(*MUTED)
    def test_family_reads_the_child_not_the_staff(self):
        mother = self.student.with_user(self.mother_user)
        self.assertEqual(mother.read(["name", "class_id"])[0]["name"], "Lotte Visser")
        for field in ("mentor_id", "teacher_user_ids", "open_case_count"):
            self.env.invalidate_all()
            with self.subTest(field=field), self.assertRaises(AccessError):
                mother.read([field])
        for key in ("father", "denied"):
            partners = self.env["res.partner"].with_user(self.family[key])
            with self.subTest(guardian=key):
                self.assertFalse(partners.search([("id", "=", self.student.id)]))
                with self.assertRaises(AccessError):
                    self.student.with_user(self.family[key]).read(["name"])
        # Flagging the mother's link takes the child off her portal at once.
        self.link.is_access_denied = True
        self.env.invalidate_all()
        self.assertFalse(
            self.env["res.partner"].with_user(self.mother_user).search([("is_student", "=", True)])
        )

    def test_sets_follow_their_sources(self):
        self.klass.teacher_ids = False
        self.assertNotIn(self.class_teacher, self.student.teacher_user_ids)
        statuses = self.env["student_care.case.status"].with_user(self.class_teacher)
        self.assertFalse(statuses.search([("student_id", "=", self.student.id)]))
        self.case.team_id.member_ids -= self.member
        self.assertNotIn(self.member, self.case.care_user_ids)
        self.referrals[0].action_end()
        self.assertFalse(self.case.specialist_user_ids)
        self.assertFalse(self.student.specialist_user_ids)
        note = self.notes["care_team"].with_user(self.users["careworker"])
        note.sensitivity = "sealed"
        self.assertFalse(self.notes["care_team"].team_reader_ids)

    @mute_logger(*MUTED)
    def test_nobody_writes_a_reader_set(self):
        """Not even whoever may write the record, nor a settings administrator: a set
        written into the cache would fool a rule checked later in the same request."""
        writers = {
            "res.partner": self.users["caremanager"],
            "student_care.case": self.users["careworker"],
            "student_care.note": self.users["careworker"],
        }
        for model, names in READER_SETS.items():
            record = self._records(model)[:1]
            for name in names:
                for user in (writers[model], self.admin_no_care):
                    with self.subTest(model=model, field=name, user=user.login):
                        with self.assertRaises(AccessError):
                            record.with_user(user).write({name: [(4, self.outsider.id)]})
                    self.env.invalidate_all()
        # What the writers could do before is still possible.
        self.student.with_user(writers["res.partner"]).write({"phone": "+31 6 0000 0000"})

    @mute_logger(*MUTED)
    def test_users_cannot_search_sets_above_their_role(self):
        """Knowing who a student is referred to is care-team knowledge."""
        specialist = self.users["specialist"]
        for role in ("teacher", "attendance", "specialist", "billing"):
            partners = self.env["res.partner"].with_user(self.users[role])
            cases = self.env["student_care.case"].with_user(self.users[role])
            with self.subTest(role=role), self.assertRaises(AccessError):
                partners.search([("specialist_user_ids", "in", [specialist.id])])
            with self.subTest(role=role), self.assertRaises(AccessError):
                cases.search([("specialist_user_ids", "in", [specialist.id])])
        # The care team may, and finds the student.
        partners = self.env["res.partner"].with_user(self.users["careworker"])
        found = partners.search([("specialist_user_ids", "in", [specialist.id])])
        self.assertEqual(found, self.student)

    def test_upgrade_reloads_changed_rules(self):
        """Rules are noupdate data: an upgrade changing who reads reloads them."""
        rule = self.env.ref("student_care.student_care_case_rule_care_worker")
        expected = rule.domain_force
        rule.domain_force = "[(1, '=', 1)]"
        group = self.env.ref("student_care.student_care_group_care_worker")
        group.comment = "kept"
        reload_record_rules(self.env, "student_care")
        self.assertEqual(rule.domain_force, expected)
        self.assertEqual(group.comment, "kept", "only the rule files are reloaded")
