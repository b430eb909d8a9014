# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.common import StudentCareCommon
from odoo.addons.student_care.tests.probes import ROLES, RpcProbes, new_role_user, role_users

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
DAY = date(2026, 11, 23)


class OutreachCommon(StudentCareCommon):
    """Monday 23 November: three students absent in period 1 of class T9A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "UTC"
        for user in cls.users.values():
            user.tz = "UTC"
        cls.team = cls.env["student_care.team"].create(
            {
                "name": "Lyceum Care Team",
                "company_id": cls.school.id,
                "manager_id": cls.users["caremanager"].id,
                "member_ids": [cls.users["careworker"].id],
            }
        )
        cls.attendance = cls.env["student_care.attendance"]
        cls.unexcused = cls.env.ref(
            "student_care_attendance.student_care_attendance_reason_unexcused"
        )
        cls.illness = cls.env.ref("student_care_attendance.student_care_attendance_reason_illness")
        cls.sem = cls.create_student("Sem Bakker", "100002")
        cls.noor = cls.create_student("Noor Kaya", "100003")
        cls.daan = cls.create_student("Daan de Vries", "100004")
        cls.father = cls.env["res.partner"].create(
            {"name": "Kees Visser", "company_id": cls.school.id, "mobile": "+31 6 9999 0000"}
        )
        # The father comes first in the family's contact order but has no custody: the
        # mother (custody) is the one to call first.
        cls.father_link = cls.env["student_care.guardian.link"].create(
            {
                "student_id": cls.student.id,
                "guardian_id": cls.father.id,
                "relationship": "father",
                "has_custody": False,
                "sequence": 1,
            }
        )
        cls.link.sequence = 5
        rows = []
        for student in (cls.student, cls.sem, cls.noor):
            rows.append(
                {
                    "student_id": student.id,
                    "date": DAY,
                    "period": 1,
                    "status": "absent",
                    "reason_id": cls.unexcused.id,
                }
            )
        rows.append({"student_id": cls.daan.id, "date": DAY, "period": 1, "status": "present"})
        # Noor missed three days in the previous four weeks; Lotte one, seven weeks ago.
        for days_ago in (3, 7, 10):
            rows.append(
                {
                    "student_id": cls.noor.id,
                    "date": DAY - timedelta(days=days_ago),
                    "period": 2,
                    "status": "absent",
                }
            )
        rows.append(
            {"student_id": cls.student.id, "date": DAY - timedelta(days=49), "status": "absent"}
        )
        cls.attendance.create(rows)
        # Sem walked in through the gate at 08:40: not on the list to call.
        cls.env["student_care.attendance.scan"].create(
            {"student_id": cls.sem.id, "scan_time": datetime(2026, 11, 23, 8, 40)}
        )
        cls.outreach = cls.env["student_care.outreach"]
        cls.calls = cls.env["student_care.outreach.call"]
        cls.officer = cls.users["attendance"]

    def _to_call(self, user=None):
        return self.outreach.with_user(user or self.officer).search(
            [("date", "=", DAY), ("has_scan", "=", False), ("is_excused", "=", False)]
        )

    def _log_call(self, student, user=None, **vals):
        return self.calls.with_user(user or self.officer).create(
            {
                "student_id": student.id,
                "date": DAY,
                "call_time": datetime(2026, 11, 23, 9, 0),
                "outcome": "ill",
                **vals,
            }
        )


class TestOutreachList(OutreachCommon):
    def test_list_absent_without_scan_by_risk(self):
        lines = self._to_call()
        self.assertEqual(lines.student_id, self.noor | self.student, "Sem scanned in")
        self.assertEqual(lines[0].student_id, self.noor, "three recent absences come first")
        self.assertRecordValues(
            lines.sorted(lambda line: line.student_id.name),
            [
                {"student_id": self.student.id, "previous_absence_days": 0, "risk_score": 0},
                {"student_id": self.noor.id, "previous_absence_days": 3, "risk_score": 3},
            ],
        )
        sem = self.outreach.search([("date", "=", DAY), ("student_id", "=", self.sem.id)])
        self.assertEqual(len(sem), 1)
        self.assertTrue(sem.has_scan)

    def test_open_case_raises_risk(self):
        self.env["student_care.case"].create(
            {
                "student_id": self.student.id,
                "company_id": self.school.id,
                "team_id": self.team.id,
                "category_id": self.env.ref(
                    "student_care.student_care_case_category_wellbeing"
                ).id,
            }
        )
        lines = self._to_call()
        self.assertEqual(lines[0].student_id, self.student)
        self.assertEqual(lines[0].open_case_count, 1)
        self.assertEqual(lines[0].risk_score, 5)

    def test_guardian_to_call_custody_first_with_phone(self):
        line = self._to_call().filtered(lambda line: line.student_id == self.student)
        self.assertEqual(line.guardian_link_id, self.link)
        self.assertEqual(line.phone, "+31 6 1234 5678")
        self.assertEqual(line.guardian_link_ids, self.link | self.father_link)
        self.assertEqual(line.guardian_link_ids[0], self.link)

    def test_excused_absence_is_not_called(self):
        self.attendance.search(
            [("student_id", "=", self.noor.id), ("date", "=", DAY), ("period", "=", 1)]
        ).reason_id = self.illness
        self.assertEqual(self._to_call().student_id, self.student)

    def test_outreach_period_is_configurable(self):
        self.school.attendance_outreach_period = 2
        self.assertFalse(self._to_call())
        self.attendance.create(
            {"student_id": self.daan.id, "date": DAY, "period": 2, "status": "absent"}
        )
        self.assertEqual(self._to_call().student_id, self.daan)


class TestOutreachCalls(OutreachCommon):
    def test_call_without_follow_up_and_without_case_stays_in_the_log(self):
        call = self._log_call(
            self.student, guardian_link_id=self.link.id, reason_id=self.illness.id
        )
        self.assertEqual(call.caller_id, self.officer)
        self.assertEqual(call.reason_id, self.illness)
        self.assertFalse(call.case_id)
        self.assertFalse(call.note_id)
        line = self._to_call().filtered(lambda line: line.student_id == self.student)
        self.assertEqual(line.call_count, 1)
        self.assertEqual(line.call_ids, call)

    def test_follow_up_opens_a_truancy_case_with_a_care_team_note(self):
        call = self._log_call(
            self.student,
            guardian_link_id=self.link.id,
            outcome="family",
            reason_given="Mother says there is trouble at home",
            is_follow_up_needed=True,
        )
        case = call.sudo().case_id
        self.assertTrue(case)
        self.assertEqual(
            case.category_id, self.env.ref("student_care.student_care_case_category_truancy")
        )
        note = call.sudo().note_id
        self.assertRecordValues(
            note,
            [
                {
                    "case_id": case.id,
                    "note_type": "phone_call",
                    "sensitivity": "care_team",
                    "author_id": self.officer.id,
                }
            ],
        )
        self.assertIn("trouble at home", note.body)
        self.assertIn("Anja Visser", note.body)
        self.assertFalse(call.reason_given, "what was said is in the note, not on the call")
        # The care manager (all cases, care-team level) reads the note; a teacher does not.
        manager_note = note.with_user(self.users["caremanager"])
        self.assertIn("trouble at home", manager_note.body)
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            note.with_user(self.users["teacher"]).read(["body"])

    def test_follow_up_joins_the_open_case(self):
        first = self._log_call(self.student, outcome="family", is_follow_up_needed=True)
        second = self._log_call(
            self.student, outcome="refused", is_follow_up_needed=True, sensitivity="confidential"
        )
        self.assertEqual(first.sudo().case_id, second.sudo().case_id)
        self.assertEqual(second.sudo().note_id.sensitivity, "confidential")
        self.assertEqual(len(first.sudo().case_id.note_ids), 2)

    def test_call_without_follow_up_joins_an_open_case(self):
        case = self.env["student_care.case"].create(
            {
                "student_id": self.student.id,
                "company_id": self.school.id,
                "team_id": self.team.id,
                "category_id": self.env.ref(
                    "student_care.student_care_case_category_wellbeing"
                ).id,
            }
        )
        call = self._log_call(self.student)
        self.assertEqual(call.sudo().case_id, case)
        self.assertEqual(case.note_ids, call.sudo().note_id)

    def test_form_suggests_follow_up_and_nobody_reached(self):
        form = Form(
            self.calls.with_user(self.officer).with_context(default_student_id=self.student.id)
        )
        form.outcome = "no_answer"
        self.assertEqual(form.reached, "nobody")
        form.outcome = "family"
        self.assertTrue(form.is_follow_up_needed)

    def test_only_the_caller_corrects_a_call(self):
        call = self._log_call(self.student)
        other_officer = new_role_user(
            self.env, "sc_attendance_2", ROLES["attendance"], self.school
        )
        with self.assertRaises(AccessError), mute_logger(*MUTED):
            call.with_user(other_officer).write({"outcome": "no_answer"})
        call.with_user(self.officer).write({"outcome": "no_answer"})
        self.assertEqual(call.outcome, "no_answer")


class TestRecovery(OutreachCommon):
    def test_scan_after_the_call_recovers(self):
        call = self._log_call(self.student)
        self.env["student_care.attendance.scan"].with_user(self.officer).create(
            {"student_id": self.student.id, "scan_time": datetime(2026, 11, 23, 10, 30)}
        )
        self.assertTrue(call.is_recovered)
        self.assertEqual(call.recovered_time, datetime(2026, 11, 23, 10, 30))

    def test_scan_before_the_call_or_another_day_does_not_recover(self):
        call = self._log_call(self.student)
        scans = self.env["student_care.attendance.scan"]
        scans.create({"student_id": self.student.id, "scan_time": datetime(2026, 11, 23, 8, 0)})
        scans.create({"student_id": self.student.id, "scan_time": datetime(2026, 11, 24, 8, 0)})
        self.assertFalse(call.is_recovered)

    def test_late_attendance_recovers_and_rate_is_reported(self):
        recovered = self._log_call(self.student)
        not_recovered = self._log_call(self.noor)
        self.attendance.with_user(self.users["teacher"]).create(
            {"student_id": self.student.id, "date": DAY, "period": 3, "status": "tardy"}
        )
        self.assertTrue(recovered.is_recovered)
        self.assertFalse(not_recovered.is_recovered)
        [(rate,)] = self.outreach._read_group(
            [("company_id", "=", self.school.id), ("date", "=", DAY), ("is_called", "=", True)],
            [],
            ["recovery_rate:avg"],
        )
        self.assertEqual(rate, 50.0)

    def test_imported_later_period_recovers(self):
        call = self._log_call(self.noor)
        self.attendance.with_user(self.officer).import_attendance_csv(
            "student_number,date,period,status\n100003,2026-11-23,4,present\n"
        )
        self.assertTrue(call.is_recovered)


class TestOutreachAccess(OutreachCommon):
    @mute_logger(*MUTED)
    def test_who_sees_outreach(self):
        call = self._log_call(self.student)
        scan = self.env["student_care.attendance.scan"].search(
            [("company_id", "=", self.school.id)], limit=1
        )
        for role in ("careworker", "caremanager"):
            user = self.users[role]
            self.assertEqual(len(self._to_call(user)), 2)
            self.assertEqual(call.with_user(user).read(["outcome"])[0]["outcome"], "ill")
            with self.assertRaises(AccessError):
                self._log_call(self.noor, user=user)
            with self.assertRaises(AccessError):
                scan.with_user(user).unlink()
        for role in ("teacher", "specialist", "billing"):
            user = self.users[role]
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    self.outreach.with_user(user).search([])
                with self.assertRaises(AccessError):
                    call.with_user(user).read(["outcome"])
                with self.assertRaises(AccessError):
                    self._log_call(self.noor, user=user)
                with self.assertRaises(AccessError):
                    scan.with_user(user).read(["scan_time"])
                with self.assertRaises(AccessError):
                    self.env["student_care.attendance.scan"].with_user(user).import_scans_csv(
                        "student_number,time\n100001,2026-11-23 08:00\n"
                    )

    def test_other_institution_sees_nothing(self):
        self._log_call(self.student)
        officer = new_role_user(
            self.env, "sc_other_officer", ROLES["attendance"], self.other_school
        )
        self.assertFalse(self.outreach.with_user(officer).search([]))
        self.assertFalse(self.calls.with_user(officer).search([]))


@tagged("post_install", "-at_install")
class TestOutreachRpc(RpcProbes, HttpCase):
    """The same boundaries over JSON-RPC, as the web client and nightly jobs reach them."""

    def _call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.rpc(model, method, args, kwargs)

    def setUp(self):
        super().setUp()
        self.readonly_enabled = False
        # An institution of its own: no demo records in the lists it reads.
        school = self.env["res.company"].create({"name": "Rpc School"})
        roles = {"officer": ROLES["attendance"], "teacher": ROLES["teacher"]}
        roles["billing"] = ROLES["billing"]
        users = role_users(self.env, school, "rpc", roles=roles, export=False)
        self.officer, self.teacher, self.billing = (users[key] for key in roles)
        self.student = self.env["res.partner"].create(
            {
                "name": "Rpc Student",
                "is_student": True,
                "student_number": "RPC-1",
                "company_id": school.id,
            }
        )

    def test_scan_import_and_outreach_over_rpc(self):
        csv = "student_number,time,device\nRPC-1,2026-11-23 08:05,North gate\n"
        scans = "student_care.attendance.scan"
        result = self._call("rpc_officer", scans, "import_scans_csv", [csv])
        self.assertEqual(result["created"], 1)
        again = self._call("rpc_officer", scans, "import_scans_csv", [csv])
        self.assertEqual((again["created"], again["unchanged"]), (0, 1))
        self.env["student_care.attendance"].create(
            {"student_id": self.student.id, "date": "2026-11-23", "period": 1, "status": "absent"}
        )
        lines = self._call(
            "rpc_officer",
            "student_care.outreach",
            "web_search_read",
            [],
            {
                "domain": [("date", "=", "2026-11-23"), ("student_id", "=", self.student.id)],
                "specification": {"has_scan": {}},
            },
        )
        self.assertEqual(lines["length"], 1)
        self.assertTrue(lines["records"][0]["has_scan"], "the gate saw the student at 08:05")
        for login in ("rpc_teacher", "rpc_billing"):
            for model, method, args in (
                ("student_care.attendance.scan", "import_scans_csv", [csv]),
                ("student_care.outreach", "search_read", [[]]),
                ("student_care.outreach.call", "search_read", [[]]),
            ):
                with self.subTest(login=login, model=model):
                    with (
                        self.assertRaises(JsonRpcException) as error,
                        mute_logger("odoo.http", *MUTED),
                    ):
                        self._call(login, model, method, args)
                    self.assertIn("AccessError", str(error.exception))


class TestDashboard(OutreachCommon):
    @freeze_time("2026-11-23 11:00:00")
    def test_figures_follow_the_records(self):
        self._log_call(self.student)
        self.env["student_care.attendance.scan"].create(
            {"student_id": self.student.id, "scan_time": datetime(2026, 11, 23, 10, 0)}
        )
        data = (
            self.env["student_care.attendance.dashboard"]
            .with_user(self.officer)
            .get_dashboard_data("4weeks")
        )
        self.assertEqual(data["date_from"], "2026-10-27")
        cards = {card["key"]: card for card in data["cards"]}
        # 4 rows today (1 present) and Noor's 3 absent periods: 1 in 7 attended.
        self.assertEqual(cards["attendance_rate"]["value"], "14.3 %")
        self.assertIn("6 absent periods, 6 unexcused", cards["attendance_rate"]["detail"])
        self.assertEqual(cards["outreach_today"]["value"], "1", "Noor; Lotte came in")
        self.assertEqual(cards["recovery"]["value"], "100.0 %")
        by_grade = [
            {key: row[key] for key in ("label", "rate", "absences")}
            for row in data["tables"][0]["rows"]
        ]
        self.assertEqual(by_grade, [{"label": "Grade 9", "rate": "14.3 %", "absences": 6}])
        self.assertEqual(cards["truancy"]["value"], "0")
        self.assertIn("Severe chronic", cards["chronic"]["detail"])
        action = cards["outreach_today"]["action"]
        lines = self.outreach.with_user(self.officer).search(action["domain"])
        self.assertEqual(lines.student_id, self.noor)

    @freeze_time("2026-11-23 11:00:00")
    def test_roles_without_attendance_reports_see_no_figures(self):
        for role in ("teacher", "specialist", "billing"):
            with self.subTest(role=role):
                data = (
                    self.env["student_care.attendance.dashboard"]
                    .with_user(self.users[role])
                    .get_dashboard_data("week")
                )
                self.assertEqual((data["cards"], data["tables"]), ([], []))
                with self.assertRaises(AccessError), mute_logger(*MUTED):
                    self.env["student_care.attendance.analysis"].with_user(
                        self.users[role]
                    )._read_group([], [], ["attendance_rate:avg"])


class TestAttendanceStats(OutreachCommon):
    def _stats(self):
        self.env["student_care.attendance"].flush_model()
        stats = self.env["student_care.attendance.stat"].search(
            [("company_id", "=", self.school.id)]
        )
        stats.invalidate_recordset()
        return {
            (s.date, s.class_id.id): (
                s.period_count,
                s.attended_count,
                s.absence_count,
                s.unexcused_count,
            )
            for s in stats
            if s.period_count
        }

    def _counted(self):
        """The same figures counted straight from the attendance rows."""
        result = {}
        for record in self.attendance.search([("company_id", "=", self.school.id)]):
            key = (record.date, record.class_id.id)
            counts = result.setdefault(key, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += record.status in ("present", "tardy")
            counts[2] += record.status == "absent"
            counts[3] += record.status == "absent" and not record.is_excused
        return {key: tuple(counts) for key, counts in result.items()}

    def test_counts_follow_every_kind_of_change(self):
        self.assertEqual(self._stats()[(DAY, self.klass.id)], (4, 1, 3, 3))
        absence = self.attendance.search(
            [("student_id", "=", self.student.id), ("date", "=", DAY), ("period", "=", 1)]
        )
        absence.write({"reason_id": self.illness.id})  # excused now
        self.assertEqual(self._stats()[(DAY, self.klass.id)], (4, 1, 3, 2))
        absence.write({"status": "tardy", "reason_id": False})
        self.assertEqual(self._stats()[(DAY, self.klass.id)], (4, 2, 2, 2))
        self.attendance.with_user(self.officer).import_attendance_csv(
            "student_number,date,period,status\n100004,2026-11-23,2,absent\n"
            "100003,2026-11-23,1,present\n"
        )
        self.assertEqual(self._stats()[(DAY, self.klass.id)], (5, 3, 2, 2))
        absence.unlink()
        self.assertEqual(self._stats(), self._counted())
