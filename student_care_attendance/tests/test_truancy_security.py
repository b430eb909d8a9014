# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import ROLES, RpcProbes

from .test_truancy import DAY, TruancyCommon

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
ALL = set(ROLES)
MANAGE = {"attendance", "caremanager"}
READ = MANAGE | {"careworker"}


class TruancySecurityCommon(TruancyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stranger = cls.env["res.partner"].create(
            {
                "name": "Noor Kaya",
                "is_student": True,
                "student_number": "100009",
                "company_id": cls.school.id,
            }
        )
        cls.env["student_care.guardian.link"].create(
            {"student_id": cls.stranger.id, "guardian_id": cls.father.id}
        )
        cls.rule = cls._rule([(1, "notice"), (1, "report")], unit="day")
        for student in (cls.student, cls.stranger):
            cls.env["student_care.attendance"].create(
                {
                    "student_id": student.id,
                    "date": DAY,
                    "status": "absent",
                    "reason_id": cls.unexcused.id,
                }
            )
        cls.env.cr.precommit.clear()
        events = cls.rule._evaluate(today=DAY)
        cls.event = events.filtered(lambda e: e.student_id == cls.student and e.action == "notice")
        cls.report = events.report_id.filtered(lambda r: r.student_id == cls.student)
        cls.notice = cls.event.notice_ids
        cls.stranger_notice = events.notice_ids.filtered(lambda n: n.student_id == cls.stranger)
        cls.mass = cls.env["student_care.mass.notice"].create(
            {
                "subject": "Closed",
                "body": "<p>Snow</p>",
                "company_id": cls.school.id,
                "company_ids": [cls.school.id],
            }
        )
        cls.env["res.partner"]._update_chronic_absence(today=DAY)


class TestTruancySecurity(TruancySecurityCommon):
    # object -> (readers, writers, creators, unlinkers)
    EXPECT = {
        "rule": (READ, MANAGE, MANAGE, MANAGE),
        "event": (READ, MANAGE, set(), {"caremanager"}),
        "report": (READ, MANAGE, MANAGE, {"caremanager"}),
        # Nobody writes a notice: the system records its delivery; officers and care
        # managers act through Retry / Send by (see test_notice_channels).
        "notice": (READ | {"teacher"}, set(), set(), {"caremanager"}),
        "stranger_notice": (READ, set(), set(), {"caremanager"}),
        "mass": (READ, MANAGE, MANAGE, {"caremanager"}),
    }

    def _create_vals(self, key):
        return {
            "rule": {"name": "New rule", "company_id": self.school.id},
            "event": {
                "rule_id": self.rule.id,
                "step_id": self.rule.step_ids[0].id,
                "action": "notice",
                "student_id": self.student.id,
                "company_id": self.school.id,
                "date": DAY,
                "window_start": DAY.replace(day=1),
                "window_end": DAY,
            },
            "report": {"student_id": self.student.id, "company_id": self.school.id},
            "notice": {
                "student_id": self.student.id,
                "guardian_id": self.mother.id,
                "company_id": self.school.id,
                "kind": "truancy",
            },
            "stranger_notice": None,
            "mass": {
                "subject": "x",
                "body": "<p>x</p>",
                "company_id": self.school.id,
                "company_ids": [self.school.id],
            },
        }[key]

    @mute_logger(*MUTED)
    def test_orm_matrix(self):
        write_vals = {
            "rule": {"name": "Renamed"},
            "event": {"amount": 9},
            "report": {"note": "called twice"},
            "notice": {"lang": "en_US"},
            "stranger_notice": {"lang": "en_US"},
            "mass": {"subject": "Renamed"},
        }
        for key, (readers, writers, creators, unlinkers) in self.EXPECT.items():
            record = getattr(self, key)
            for role in sorted(ALL):
                user = self.users[role]
                mine = record.with_user(user)
                with self.subTest(obj=key, role=role, op="read"):
                    self.env.invalidate_all()
                    if role in readers:
                        mine.read(["display_name"])
                        self.assertIn(record, mine.search([("id", "=", record.id)]))
                    else:
                        with self.assertRaises(AccessError):
                            mine.read(["display_name"])
                        if mine.browse().has_access("read"):
                            self.assertFalse(mine.search([("id", "=", record.id)]))
                        else:
                            with self.assertRaises(AccessError):
                                mine.search([("id", "=", record.id)])
                self.env.invalidate_all()
                with (
                    self.subTest(obj=key, role=role, op="write"),
                    self.env.cr.savepoint() as savepoint,
                ):
                    if role in writers:
                        mine.write(write_vals[key])
                        mine.flush_recordset()
                        savepoint.rollback()
                    else:
                        with self.assertRaises(AccessError):
                            mine.write(write_vals[key])
                self.env.invalidate_all()
                vals = self._create_vals(key)
                if vals is not None:
                    with (
                        self.subTest(obj=key, role=role, op="create"),
                        self.env.cr.savepoint() as savepoint,
                    ):
                        model = self.env[record._name].with_user(user)
                        if role in creators:
                            model.create(vals).flush_recordset()
                            savepoint.rollback()
                        else:
                            with self.assertRaises(AccessError):
                                model.create(vals)
                self.env.invalidate_all()
                with (
                    self.subTest(obj=key, role=role, op="unlink"),
                    self.env.cr.savepoint() as savepoint,
                ):
                    if role in unlinkers:
                        mine.unlink()
                        savepoint.rollback()
                    else:
                        with self.assertRaises(AccessError):
                            mine.unlink()

    @mute_logger(*MUTED)
    def test_chronic_absence_fields_only_for_attendance_and_care(self):
        self.assertEqual(self.student.absence_tier, "satisfactory")
        for role in sorted(ALL):
            partner = self.student.with_user(self.users[role])
            with self.subTest(role=role):
                self.env.invalidate_all()
                partner.read(["name"])  # every staff member reads the directory
                if role in READ:
                    self.assertEqual(
                        partner.read(["absence_tier"])[0]["absence_tier"], "satisfactory"
                    )
                    self.assertIn(
                        self.student, partner.search([("absence_tier", "=", "satisfactory")])
                    )
                else:
                    with self.assertRaises(AccessError):
                        partner.read(["absence_rate"])
                    # Not usable as an oracle either: searching or grouping on it raises.
                    with self.assertRaises(AccessError):
                        partner.search([("absence_tier", "=", "satisfactory")])
                    with self.assertRaises(AccessError):
                        partner._read_group([], ["absence_tier"], ["__count"])
                    self.assertNotIn("absence_rate", partner.fields_get())

    def test_smart_button_counts_follow_access(self):
        counts = {}
        for role in ("teacher", "attendance", "specialist", "billing"):
            self.env.invalidate_all()  # the counts are computed per user, never cached across
            counts[role] = self.student.with_user(self.users[role]).read(
                ["attendance_notice_count", "truancy_event_count"]
            )[0]
        self.assertEqual(counts["attendance"]["attendance_notice_count"], 1)
        self.assertEqual(counts["attendance"]["truancy_event_count"], 2)  # notice, report
        self.assertEqual(counts["teacher"]["attendance_notice_count"], 1)
        self.assertEqual(counts["teacher"]["truancy_event_count"], 0)
        for role in ("specialist", "billing"):
            self.assertEqual(counts[role]["attendance_notice_count"], 0)
            self.assertEqual(counts[role]["truancy_event_count"], 0)

    @mute_logger(*MUTED)
    def test_no_leak_through_export_name_search_read_group(self):
        teacher = self.users["teacher"]
        Notice = self.env["student_care.attendance.notice"].with_user(teacher)
        # Own student's notice: exportable; another student's: not, and not found.
        self.assertEqual(len(self.notice.with_user(teacher).export_data(["kind"])["datas"]), 1)
        with self.assertRaises(AccessError):
            self.stranger_notice.with_user(teacher).export_data(["kind"])
        self.assertEqual([row[0] for row in Notice.name_search("", limit=100)], self.notice.ids)
        groups = Notice._read_group([], ["student_id"], ["__count"])
        self.assertEqual([(student, count) for student, count in groups], [(self.student, 1)])
        for role in ("teacher", "specialist", "billing"):
            for model in (
                "student_care.truancy.event",
                "student_care.truancy.report",
                "student_care.mass.notice",
            ):
                with self.subTest(role=role, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(self.users[role]).name_search("")
        # The call task's assignee sees a neutral summary; the care worker (read-only on the
        # event) does not see the activity at all.
        call_rule = self._rule([(1, "call")], unit="day")
        event = call_rule._evaluate(today=DAY).filtered(lambda e: e.student_id == self.student)
        activity = event.activity_ids
        self.assertEqual(activity.summary, "Call the family about attendance")
        self.assertFalse(activity.note)
        Activity = self.env["mail.activity"].with_user(self.users["careworker"])
        self.assertFalse(Activity.search([("id", "=", activity.id)]))

    @mute_logger(*MUTED)
    def test_attendance_summary_only_where_the_figures_are(self):
        # The summary spells out the rate and tier: the same people read it as read them.
        for role in sorted(ALL):
            partner = self.student.with_user(self.users[role])
            with self.subTest(role=role):
                self.env.invalidate_all()
                if role in READ:
                    summary = partner.read(["attendance_summary"])[0]["attendance_summary"]
                    self.assertIn("school days missed", summary)
                    self.assertIn("Satisfactory", summary)
                else:
                    with self.assertRaises(AccessError):
                        partner.read(["attendance_summary"])
                    self.assertNotIn("attendance_summary", partner.fields_get())
        self.env.invalidate_all()
        summary = self.stranger.with_user(self.users["attendance"]).read(["attendance_summary"])
        self.assertTrue(summary[0]["attendance_summary"])

    def test_call_task_and_names_are_neutral(self):
        self.assertEqual(self.event.display_name, "Lotte Visser · Test rule")
        self.assertNotIn("Lotte", self.report.display_name)


@tagged("post_install", "-at_install")
class TestTruancyRpc(RpcProbes, HttpCase, TruancySecurityCommon):
    @mute_logger(*MUTED, "odoo.http")
    def test_rpc(self):
        probes = {
            "student_care.attendance.notice": self.notice,
            "student_care.truancy.event": self.event,
            "student_care.truancy.report": self.report,
            "student_care.mass.notice": self.mass,
        }
        readers = {
            "student_care.attendance.notice": READ | {"teacher"},
            "student_care.truancy.event": READ,
            "student_care.truancy.report": READ,
            "student_care.mass.notice": READ,
        }
        for role in ("teacher", "attendance", "specialist", "billing"):
            self.login_as(self.users[role])
            for model, record in probes.items():
                with self.subTest(role=role, model=model):
                    if role in readers[model]:
                        rows = self.rpc(model, "read", [record.ids, ["display_name"]])
                        self.assertEqual(rows[0]["id"], record.id)
                        found = self.rpc(model, "search", [[("id", "=", record.id)]])
                        self.assertEqual(found, record.ids)
                    else:
                        self.assert_rpc_refused(model, "read", [record.ids, ["display_name"]])
                        self.assert_rpc_refused(model, "search_read", [[]], {"fields": ["id"]})
            with self.subTest(role=role, model="res.partner.absence_tier"):
                if role == "attendance":
                    rows = self.rpc("res.partner", "read", [self.student.ids, ["absence_tier"]])
                    self.assertEqual(rows[0]["absence_tier"], "satisfactory")
                else:
                    self.assert_rpc_refused(
                        "res.partner", "read", [self.student.ids, ["absence_rate"]]
                    )
        # A teacher cannot read the notice of a student they do not teach.
        self.login_as(self.users["teacher"])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.rpc(
                "student_care.attendance.notice", "read", [self.stranger_notice.ids, ["kind"]]
            )
        self.assertEqual(
            self.rpc(
                "student_care.attendance.notice",
                "search",
                [[("id", "in", (self.notice | self.stranger_notice).ids)]],
            ),
            self.notice.ids,
        )

    @mute_logger(*MUTED, "odoo.http")
    def test_attendance_summary_over_rpc(self):
        for role in ("teacher", "specialist", "attendance", "careworker"):
            self.login_as(self.users[role])
            with self.subTest(role=role):
                if role in READ:
                    rows = self.rpc(
                        "res.partner", "read", [self.student.ids, ["attendance_summary"]]
                    )
                    self.assertIn("school days missed", rows[0]["attendance_summary"])
                    continue
                for method, args in (
                    ("read", [self.student.ids, ["attendance_summary"]]),
                    ("web_read", [self.student.ids, {"attendance_summary": {}}]),
                    ("search_read", [[("id", "=", self.student.id)], ["attendance_summary"]]),
                    ("export_data", [self.student.ids, ["attendance_summary"]]),
                ):
                    self.assert_rpc_refused("res.partner", method, args)
                self.assertNotIn("attendance_summary", self.rpc("res.partner", "fields_get", []))

    @mute_logger(*MUTED, "odoo.http")
    def test_student_form_renders_for_every_role(self):
        """The student form as the web client loads it: the attendance figures are in it for
        attendance officers only, and it opens for teachers and specialists without them."""
        view = self.env.ref("student_care.res_partner_view_form_student")
        for role in ("teacher", "specialist", "attendance"):
            self.login_as(self.users[role])
            with self.subTest(role=role):
                views = self.rpc("res.partner", "get_views", [[[view.id, "form"]]])
                arch = views["views"]["form"]["arch"]
                fields = views["models"]["res.partner"]["fields"]
                spec = {name: {} for name in fields}
                record = self.rpc("res.partner", "web_read", [self.student.ids, spec])[0]
                self.assertEqual(record["name"], self.student.name)
                figures = ("attendance_summary", "absence_rate", "absence_tier", "absent_days")
                if role in READ:
                    self.assertIn('name="absence_rate"', arch)
                    self.assertEqual(record["absence_tier"], "satisfactory")
                else:
                    for name in figures:
                        self.assertNotIn(f'name="{name}"', arch)
                        self.assertNotIn(name, record)
                    self.assertNotIn("school days missed", str(record))
