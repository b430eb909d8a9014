# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Care interviews as calendar events: planned from the case, private to its care team.

Attacker-style: every role outside the case's care team, and a plain internal user of Odoo
Calendar, through the ORM and over JSON-RPC with real logins."""

import json

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .probes import MUTED, ROLES, RpcProbes, new_role_user, role_users

# Who must learn nothing of the interview: the roles outside the case's care team.
OUTSIDERS = (
    "teacher",
    "attendance",
    "billing",
    "specialist",
    "other_team",
    "other_school",
    "plain",
)


@tagged("post_install", "-at_install")
class TestInterviews(RpcProbes, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        school = env["res.company"].create({"name": "Interview School"})
        other_school = env["res.company"].create({"name": "Interview Other School"})
        cls.users = role_users(env, school, "iv")
        cls.users["mate"] = new_role_user(env, "iv_mate", ROLES["careworker"], school)
        cls.users["other_team"] = new_role_user(env, "iv_other_team", ROLES["careworker"], school)
        cls.users["other_school"] = new_role_user(
            env, "iv_other_school", ROLES["careworker"], other_school
        )
        # An employee who only uses Odoo Calendar.
        cls.users["plain"] = new_role_user(env, "iv_plain", "base.group_user", school)
        cls.worker = cls.users["careworker"]
        cls.student = env["res.partner"].create(
            {
                "name": "Interviewed Pupil",
                "is_student": True,
                "student_number": "IV-1",
                "company_id": school.id,
            }
        )
        cls.guardian = env["res.partner"].create({"name": "Pupil Parent", "company_id": school.id})
        env["student_care.guardian.link"].create(
            {"student_id": cls.student.id, "guardian_id": cls.guardian.id}
        )
        team = env["student_care.team"].create(
            {
                "name": "IV team",
                "company_id": school.id,
                "member_ids": [Command.set([cls.worker.id, cls.users["mate"].id])],
            }
        )
        env["student_care.team"].create(
            {
                "name": "IV other team",
                "company_id": school.id,
                "member_ids": [Command.set([cls.users["other_team"].id])],
            }
        )
        cls.case = env["student_care.case"].create(
            {
                "student_id": cls.student.id,
                "category_id": env.ref("student_care.student_care_case_category_wellbeing").id,
                "team_id": team.id,
                "user_id": cls.worker.id,
                "description": "<p>secret signal words</p>",
            }
        )
        cls.event = cls._plan(cls.worker, cls.case)
        # Each outsider's own event, to try linking it to the case.
        cls.own_events = {
            role: env["calendar.event"]
            .with_user(cls.users[role])
            .create({"name": f"Own {role}", "privacy": "private"})
            .sudo()
            for role in OUTSIDERS
        }
        env.flush_all()

    @classmethod
    def _plan(cls, user, case, **values):
        action = case.with_user(user).action_plan_interview()
        events = cls.env["calendar.event"].with_user(user).with_context(**action["context"])
        with Form(events, view=action["views"][0][0]) as form:
            for name, value in values.items():
                setattr(form, name, value)
        return form.record.sudo()

    # --- planning --------------------------------------------------------------------------
    def test_plan_interview_is_neutral_private_and_care_team_only(self):
        event = self.event
        self.assertRecordValues(
            event,
            [
                {
                    "name": f"Care interview {self.case.name}",
                    "privacy": "private",
                    "student_care_case_id": self.case.id,
                    "partner_ids": self.worker.partner_id.ids,
                    "student_care_met_partner_ids": self.student.ids,
                    "description": False,
                }
            ],
        )
        self.assertNotIn(self.student.name, event.name)
        self.assertNotIn("Wellbeing", event.name)
        # The student is recorded, never invited: no attendee row, no mail to the family.
        self.assertNotIn(self.student, event.attendee_ids.partner_id)
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", (self.student | self.guardian).ids)]
        )
        self.assertFalse(mails)
        self.assertEqual(self.case.with_user(self.worker).interview_count, 1)
        rows = (
            self.env["student_care.case.calendar"]
            .with_user(self.worker)
            .search([("case_id", "=", self.case.id)])
        )
        self.assertEqual(sorted(rows.mapped("kind")), ["deadline", "interview"])
        self.assertEqual(rows.filtered(lambda r: r.kind == "interview").event_id, event)
        for row in rows:
            self.assertEqual(row.action_open_case()["res_id"], self.case.id)

    def test_only_the_care_team_attends(self):
        teacher = self.users["teacher"]
        for partner in (teacher.partner_id, self.student, self.guardian):
            with (
                self.subTest(partner=partner.name),
                self.assertRaisesRegex(ValidationError, "Only the care team"),
                self.env.cr.savepoint(),
            ):
                self.event.with_user(self.worker).partner_ids = [Command.link(partner.id)]
        with self.assertRaisesRegex(ValidationError, "always private"), self.env.cr.savepoint():
            self.event.with_user(self.worker).privacy = "public"
        with (
            self.assertRaisesRegex(ValidationError, "Who Is Met lists only"),
            self.env.cr.savepoint(),
        ):
            self.event.with_user(self.worker).student_care_met_partner_ids = [
                Command.link(teacher.partner_id.id)
            ]
        # The team mate may attend, the guardian may be met.
        self.event.with_user(self.worker).write(
            {
                "partner_ids": [Command.link(self.users["mate"].partner_id.id)],
                "student_care_met_partner_ids": [Command.link(self.guardian.id)],
            }
        )

    @mute_logger(*MUTED)
    def test_plan_needs_write_access_to_the_case(self):
        for role in ("specialist", "other_team", "teacher", "plain"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.case.with_user(self.users[role]).action_plan_interview()

    # --- care readers see it ---------------------------------------------------------------
    def test_care_readers_see_the_interview(self):
        for role in ("careworker", "mate", "caremanager"):
            with self.subTest(role=role):
                self.env.invalidate_all()
                events = self.env["calendar.event"].with_user(self.users[role])
                found = events.search([("student_care_case_id", "=", self.case.id)])
                self.assertEqual(found, self.event)
                values = found.read(
                    ["name", "student_care_case_id", "student_care_met_partner_ids"]
                )
                self.assertEqual(values[0]["name"], self.event.name)
                self.assertEqual(values[0]["student_care_case_id"][0], self.case.id)
                self.assertEqual(values[0]["student_care_met_partner_ids"], self.student.ids)

    def test_case_calendar_follows_the_case_rules(self):
        calendar = self.env["student_care.case.calendar"]
        for role, expected in (("caremanager", 2), ("mate", 2), ("specialist", 0)):
            with self.subTest(role=role):
                rows = calendar.with_user(self.users[role]).search(
                    [("case_id", "=", self.case.id)]
                )
                self.assertEqual(len(rows), expected)
        deadline = calendar.search([("case_id", "=", self.case.id), ("kind", "=", "deadline")])
        self.assertEqual(deadline.display_name, f"First contact due: {self.case.name}")
        self.assertEqual(deadline.start.date(), self.case.first_contact_due)
        for role in ("teacher", "billing", "attendance", "plain"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                calendar.with_user(self.users[role]).search([])

    def test_anonymising_the_case_forgets_who_was_met(self):
        self.event.description = "<p>room 12, bring the form</p>"
        self.case.sudo()._anonymise()
        self.assertFalse(self.event.student_care_met_partner_ids)
        self.assertFalse(self.event.description)

    # --- outsiders learn nothing -----------------------------------------------------------
    def _secrets(self):
        return (self.case.name, self.student.name, "secret signal words", "Care interview")

    def _assert_no_secret(self, value, who):
        text = json.dumps(value, default=str)
        for secret in self._secrets():
            self.assertNotIn(secret, text, f"{who} learnt {secret!r}")

    @mute_logger(*MUTED)
    def test_outsiders_orm(self):
        for role in OUTSIDERS:
            user = self.users[role]
            with self.subTest(role=role):
                self.env.invalidate_all()
                events = self.env["calendar.event"].with_user(user)
                self.assertFalse(events.search([("name", "ilike", "Care interview")]))
                self.assertFalse(events.search([("id", "=", self.event.id)]))
                self.assertFalse(events.name_search("Care interview"))
                groups = events._read_group([("id", "=", self.event.id)], [], ["__count"])
                self.assertEqual(groups[0][0], 0)
                # By id too: a care interview is not even "Busy" to them.
                for fname in ("name", "start", "student_care_case_id"):
                    with self.assertRaises(AccessError):
                        self.event.with_user(user).read([fname])
                attendees = self.env["calendar.attendee"].with_user(user)
                self.assertFalse(attendees.search([("event_id", "=", self.event.id)]))
                self._assert_refused_or_silent(
                    lambda user=user: user.partner_id.with_user(user).get_attendee_detail(
                        [self.event.id]
                    ),
                    role,
                )
                # The care-only fields: refused to roles without care, found nowhere by
                # other care workers (not their case).
                if user.has_group(ROLES["careworker"]):
                    self.assertFalse(events.search([("student_care_case_id", "=", self.case.id)]))
                    self.assertFalse(
                        events.search([("student_care_met_partner_ids", "in", self.student.ids)])
                    )
                    self.assertFalse(
                        self.env["student_care.case.calendar"].with_user(user).search([])
                    )
                else:
                    # Odoo refuses a search on the many2one (groups=), and finds no care
                    # interview through the many2many's relation table.
                    with self.assertRaises(AccessError):
                        events.search([("student_care_case_id", "!=", False)])
                    with self.assertRaises(AccessError):
                        events._read_group([], ["student_care_case_id"], ["__count"])
                    self.assertFalse(
                        events.search([("student_care_met_partner_ids", "in", self.student.ids)])
                    )
                # Linking their own event to the case, or creating one linked to it.
                own = self.own_events[role].with_user(user)
                with self.assertRaises(AccessError):
                    own.write({"student_care_case_id": self.case.id})
                with self.assertRaises(AccessError):
                    events.create(
                        {
                            "name": "x",
                            "privacy": "private",
                            "student_care_case_id": self.case.id,
                            "partner_ids": [Command.set(user.partner_id.ids)],
                        }
                    )
                with self.assertRaises(AccessError):
                    self.event.with_user(user).write({"name": "moved"})

    @mute_logger(*MUTED)
    def test_outsiders_json_rpc(self):
        event_id = self.event.id
        for role in OUTSIDERS:
            user = self.users[role]
            with self.subTest(role=role):
                self.login_as(user)
                calls = {
                    "search_read": ("calendar.event", "search_read", [[], ["name", "start"]]),
                    "read_group": (
                        "calendar.event",
                        "read_group",
                        [[], ["name"], ["name"]],
                        {"lazy": False},
                    ),
                    "web_search_read": (
                        "calendar.event",
                        "web_search_read",
                        [[("name", "ilike", "interview")], {"name": {}, "start": {}}],
                    ),
                    "name_search": ("calendar.event", "name_search", ["Care"]),
                    "attendees": (
                        "calendar.attendee",
                        "search_read",
                        [[], ["event_id", "partner_id", "common_name"]],
                    ),
                }
                for name, (model, method, args, *kwargs) in calls.items():
                    result = self.rpc(model, method, args, kwargs[0] if kwargs else None)
                    self._assert_no_secret(result, f"{role} via {name}")
                by_id = {
                    "read": ("calendar.event", "read", [[event_id], ["name", "description"]]),
                    "web_read": ("calendar.event", "web_read", [[event_id], {"name": {}}]),
                    "attendee_detail": (
                        "res.partner",
                        "get_attendee_detail",
                        [user.partner_id.ids, [event_id]],
                    ),
                }
                for name, call in by_id.items():
                    self._assert_refused_or_silent(
                        lambda call=call: self.rpc(*call), f"{role} via {name}"
                    )
                care = user.has_group(ROLES["careworker"])
                for fname in ("student_care_case_id", "student_care_met_partner_ids"):
                    search = ("calendar.event", "search", [[(fname, "!=", False)]])
                    read = ("calendar.event", "read", [[event_id], [fname]])
                    if care or fname == "student_care_met_partner_ids":
                        # Nothing found (another team's or institution's care worker; the
                        # many2many is searched through its relation table).
                        self.assertEqual(self.rpc(*search), [])
                    else:
                        self.assert_rpc_refused(*search)
                    # Refused, or (a many2many alone is read without a search) blank: the
                    # event is private and not theirs.
                    self._assert_refused_or_silent(
                        lambda read=read, fname=fname: self.assertFalse(self.rpc(*read)[0][fname]),
                        f"{role} reading {fname}",
                    )
                self.assert_rpc_refused(
                    "calendar.event",
                    "write",
                    [[self.own_events[role].id], {"student_care_case_id": self.case.id}],
                )
                self.assert_rpc_refused(
                    "calendar.event",
                    "create",
                    [{"name": "x", "privacy": "private", "student_care_case_id": self.case.id}],
                )

    def _assert_refused_or_silent(self, call, who):
        """``call`` is refused (AccessError) or answers without any of the secrets."""
        try:
            result = call()
        except (AccessError, JsonRpcException) as error:
            self.assertIn("AccessError", f"{type(error).__name__} {error}")
            return
        self._assert_no_secret(result, who)
