# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .inquiry_common import InquiryCommon
from .probes import MUTED, orm_probe, orm_probes

# Fields of the inquiry that no user writes: computed, related or written by actions.
NEVER_WRITTEN = {"passed_on_date", "passed_on_user_id", "partner_id", "company_id"}


class TestInquirySecurity(InquiryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inquiry = cls.create_inquiry()
        cls.other_inquiry = cls.create_inquiry(
            topic_id=cls.topic_other_dept.id,
            partner_id=cls.stranger.id,
            student_id=False,
            name="Fees question",
        )
        cls.foreign = cls.env["student_care.inquiry"].create(
            {
                "name": "Other school",
                "topic_id": cls.topic.id,
                "department_id": False,
                "company_id": cls.other_school.id,
                "partner_id": cls.mother.id,
            }
        )

    def probe_all(self, user, record):
        probes = orm_probes(user, record, ["name", "description", "email_from"], {"name": "X"})
        if user.share:  # a portal user never exports
            probes.pop("export")
        return {op: orm_probe(self.env, call) for op, call in probes.items()}

    @mute_logger(*MUTED)
    def test_role_matrix(self):
        """Who reads / writes which inquiry, by ORM."""
        expected = {
            "liaison": ({self.inquiry}, True),
            "other_liaison": ({self.other_inquiry}, True),
            "desk_manager": ({self.inquiry}, True),
            "caremanager": ({self.inquiry, self.other_inquiry}, True),
            "teacher": (set(), False),
            "careworker": (set(), False),
            "specialist": (set(), False),
            "attendance": (set(), False),
            "billing": (set(), False),
            "family": ({self.inquiry}, False),
            "stranger": ({self.other_inquiry}, False),
        }
        users = {
            **self.users,
            "liaison": self.liaison,
            "other_liaison": self.other_liaison,
            "desk_manager": self.desk_manager,
            "family": self.family_user,
            "stranger": self.stranger_user,
        }
        for role, (readable, writes) in expected.items():
            for record in (self.inquiry, self.other_inquiry, self.foreign):
                results = self.probe_all(users[role], record)
                with self.subTest(role=role, record=record.name):
                    visible = record in readable
                    for op in ("read", "export", "search", "read_group", "name_search"):
                        if op in results:
                            self.assertEqual(results[op], visible, f"{role} {op}")
                    self.assertEqual(results["write"], visible and writes, f"{role} write")
                    allowed_unlink = role == "caremanager" and record != self.foreign
                    self.assertEqual(results["unlink"], allowed_unlink, f"{role} unlink")

    @mute_logger(*MUTED)
    def test_liaison_writes_no_field_that_widens(self):
        """Every stored field of the inquiry, written by a liaison of another department
        (refused: not theirs) and the guarded ones by its own liaison (refused)."""
        Inquiry = self.env["student_care.inquiry"]
        values = {
            "many2one": self.department.id,
            "char": "x",
            "text": "x",
            "html": "<p>x</p>",
            "boolean": True,
            "integer": 1,
            "float": 1.0,
            "datetime": "2026-01-01 00:00:00",
            "date": "2026-01-01",
        }
        for name, field in Inquiry._fields.items():
            if not field.store or field.type not in values or name in ("id",):
                continue
            if field.compute and field.readonly or field.related:
                continue
            value = values[field.type]
            if field.type == "many2one":
                value = self.env[field.comodel_name].search([], limit=1).id
            with self.subTest(field=name):
                self.assertFalse(
                    orm_probe(
                        self.env,
                        lambda n=name, v=value: self.other_inquiry.with_user(self.liaison).write(
                            {n: v}
                        ),
                    ),
                    name,
                )
                if name in NEVER_WRITTEN:
                    self.assertFalse(
                        orm_probe(
                            self.env,
                            lambda n=name, v=value: self.inquiry.with_user(self.liaison).write(
                                {n: v}
                            ),
                        ),
                        name,
                    )

    @mute_logger(*MUTED)
    def test_family_public_methods(self):
        """A family member only reads its inquiry: every action refuses them."""
        inquiry = self.inquiry.with_user(self.family_user)
        for method in (
            "action_close",
            "action_assign_to_me",
            "action_mark_answered",
            "action_pass_to_care",
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(inquiry, method)()
        self.assertEqual(self.inquiry.stage_id.kind, "new")

    @mute_logger(*MUTED)
    def test_pass_to_care_keeps_case_from_desk_and_family(self):
        self.inquiry.topic_id = self.wellbeing
        Case = self.env["student_care.case"]
        before = Case.search([])
        receipt = self.inquiry.with_user(self.liaison).action_pass_to_care()
        case = Case.search([]) - before
        self.assertEqual(len(case), 1)
        self.assertEqual(case.student_id, self.student)
        # The liaison learns only that the care team received it.
        self.assertEqual(
            receipt["params"]["message"], "The care team received the question. Thank you."
        )
        self.assertNotIn(case.name, str(receipt))
        self.assertTrue(self.inquiry.passed_on_date)
        self.assertEqual(self.inquiry.passed_on_user_id, self.liaison)
        for user in (self.liaison, self.family_user):
            with self.subTest(user=user.login):
                self.assertFalse(
                    orm_probe(self.env, lambda u=user: case.with_user(u).read(["name"]))
                )
                self.assertFalse(Case.with_user(self.liaison).has_access("read"))
        # No field of the inquiry leads to the case.
        for name, field in self.inquiry._fields.items():
            self.assertNotEqual(getattr(field, "comodel_name", None), "student_care.case", name)
        # The family's view of the thread: no trace of it.
        messages = (
            self.env["mail.message"]
            .with_user(self.family_user)
            .search([("model", "=", self.inquiry._name), ("res_id", "=", self.inquiry.id)])
        )
        self.assertFalse(any("care team" in (m.body or "") for m in messages))
        self.assertFalse(messages.filtered("subtype_id.internal"))
        with self.assertRaises(UserError):
            self.other_inquiry.with_user(self.other_liaison).action_pass_to_care()

    def test_portal_children_only(self):
        """The portal form's children: the family's, never another one."""
        Partner = self.env["res.partner"].with_user(self.family_user)
        children = Partner.search([("is_student", "=", True)])
        self.assertEqual(children, self.student)
        self.link.is_access_denied = True
        self.env.invalidate_all()
        self.assertFalse(Partner.search([("is_student", "=", True)]))
        self.assertFalse(self.inquiry.with_user(self.family_user)._portal_student())

    @mute_logger(*MUTED)
    def test_public_methods_and_restricted_fields(self):
        """Every action on an inquiry of another department is refused to a liaison; fields
        kept from a role cannot be searched or grouped by it."""
        actions = [name for name in dir(type(self.inquiry)) if name.startswith("action_")]
        self.assertTrue(
            {"action_close", "action_assign_to_me", "action_mark_answered", "action_pass_to_care"}
            <= set(actions)
        )
        self.topic_other_dept.is_wellbeing = True
        self.assertEqual(self.other_inquiry.department_id, self.other_department)
        for method in actions:
            with self.subTest(method=method):
                call = getattr(self.other_inquiry.with_user(self.liaison), method)
                try:
                    allowed = orm_probe(self.env, call)
                except (TypeError, KeyError):  # needs arguments or a context: not a button
                    continue
                if method == "action_share":  # the wizard's action, no data: see below
                    continue
                self.assertFalse(allowed, method)
        self.assertFalse(self.other_inquiry.is_closed)
        self.assertFalse(self.other_inquiry.passed_on_date)
        # action_share (portal.mixin) only opens the share wizard; the wizard must not hand
        # out the inquiry's access token (its portal page) to someone who cannot read it.
        for user in (self.liaison, self.users["teacher"]):
            with self.subTest(share=user.login):
                share = (
                    self.env["portal.share"]
                    .with_user(user)
                    .with_context(
                        active_model=self.other_inquiry._name, active_id=self.other_inquiry.id
                    )
                )
                self.assertFalse(
                    orm_probe(self.env, lambda s=share: s.default_get(["share_link"]))
                )
        Inquiry = self.env["student_care.inquiry"]
        for user, fname in (
            (self.liaison, "sender_fingerprint"),
            (self.family_user, "sender_fingerprint"),
            (self.family_user, "rating_last_value"),
        ):
            with self.subTest(user=user.login, field=fname):
                self.assertFalse(
                    orm_probe(
                        self.env,
                        lambda u=user, f=fname: Inquiry.with_user(u).search([(f, "!=", False)]),
                    )
                )
                self.assertFalse(
                    orm_probe(
                        self.env,
                        lambda u=user, f=fname: Inquiry.with_user(u).read_group([], [f], [f]),
                    )
                )
