# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The attendance dashboard as charts: every card, table row and chart point opens exactly
the records it counts, and every figure obeys the user's record rules."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import MUTED, ROLES, RpcProbes, new_role_user

from .test_outreach import DAY, OutreachCommon

DASHBOARD = "student_care.attendance.dashboard"


def clickables(data):
    """Every (where, item) of the dashboard that opens records and says how many."""
    for card in data["cards"]:
        if card.get("count") is not None:
            yield f"card {card['key']}", card
    for table in data["tables"]:
        for row in table["rows"]:
            yield f"{table['key']} {row['label']}", row
    for chart in data["charts"]:
        for dataset in chart["datasets"]:
            for label, count, action in zip(
                chart["labels"], dataset["counts"], dataset["actions"], strict=True
            ):
                if count is not None:
                    yield (
                        f"{chart['key']} {dataset['label']} {label}",
                        {
                            "count": count,
                            "action": action,
                        },
                    )


class DashboardCommon(OutreachCommon):
    """OutreachCommon's grade 9 class, plus a grade 10 class the teacher does not teach and
    an absence in another institution."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grade_10 = cls.env.ref("student_care.student_care_grade_10")
        cls.class_10 = cls.env["student_care.class"].create(
            {"name": "T10B", "grade_id": cls.grade_10.id, "company_id": cls.school.id}
        )
        cls.tim = cls.create_student(
            "Tim Jansen", "100010", class_id=cls.class_10.id, grade_id=cls.grade_10.id
        )
        cls.attendance.create(
            [
                {"student_id": cls.tim.id, "date": DAY, "period": 1, "status": "absent"},
                {"student_id": cls.tim.id, "date": DAY, "period": 2, "status": "absent"},
                {
                    "student_id": cls.tim.id,
                    "date": DAY - timedelta(days=7),
                    "period": 1,
                    "status": "present",
                },
            ]
        )
        cls.other_school.attendance_outreach_period = 1
        cls.attendance.create(
            {
                "student_id": cls.other_student.id,
                "date": DAY,
                "period": 1,
                "status": "absent",
            }
        )
        cls.other_officer = new_role_user(
            cls.env, "sc_other_officer", ROLES["attendance"], cls.other_school, tz="UTC"
        )
        cls.env["res.partner"]._update_chronic_absence(today=DAY)

    def _call_and_recover_lotte(self):
        """Lotte's mother is called at 09:00; Lotte walks in at 10:00."""
        self._log_call(self.student)
        self.env["student_care.attendance.scan"].create(
            {"student_id": self.student.id, "scan_time": datetime(2026, 11, 23, 10, 0)}
        )

    def _data(self, user, range_key="4weeks"):
        return self.env[DASHBOARD].with_user(user).get_dashboard_data(range_key, date_to=DAY)

    def _count(self, user, action):
        return self.env[action["res_model"]].with_user(user).search_count(action["domain"])


@freeze_time("2026-11-23 11:00:00")
class TestDashboardCharts(DashboardCommon):
    def test_charts_draw_the_weeks_grades_and_tiers(self):
        self._call_and_recover_lotte()
        self._log_call(self.noor)
        data = self._data(self.officer)
        charts = {chart["key"]: chart for chart in data["charts"]}
        self.assertEqual(
            list(charts),
            ["rate_over_time", "absences_by_grade", "tiers_by_grade", "outreach_over_time"],
        )
        rate = charts["rate_over_time"]
        self.assertEqual(rate["type"], "line")
        # Weeks start as the user's language says (Sunday in English).
        self.assertEqual(
            rate["labels"],
            ["Week of 2026-11-08", "Week of 2026-11-15", "Week of 2026-11-22"],
        )
        # 13 Nov: Noor absent; 16 and 20 Nov: Noor absent, Tim present; 23 Nov: 6 rows, 1 present.
        self.assertEqual(rate["datasets"][0]["data"], [0.0, 33.3, 16.7])
        self.assertEqual(rate["datasets"][0]["counts"], [1, 3, 6])
        grades = charts["absences_by_grade"]
        self.assertEqual((grades["type"], grades["labels"]), ("bar", ["Grade 9", "Grade 10"]))
        self.assertEqual(grades["datasets"][0]["data"], [6, 2])
        tiers = charts["tiers_by_grade"]
        self.assertTrue(tiers["stacked"])
        self.assertEqual(
            [dataset["label"] for dataset in tiers["datasets"]],
            [
                "Satisfactory (< 5 %)",
                "At risk (5-10 %)",
                "Moderate chronic (10-20 %)",
                "Severe chronic (≥ 20 %)",
            ],
        )
        self.assertEqual(
            sum(sum(dataset["data"]) for dataset in tiers["datasets"]),
            self.env["res.partner"]
            .with_user(self.officer)
            .search_count([("is_student", "=", True), ("absence_tier", "!=", False)]),
        )
        outreach = charts["outreach_over_time"]
        self.assertEqual(outreach["labels"], ["Week of 2026-11-22"])
        calls, recovery = outreach["datasets"]
        self.assertEqual((calls["data"], recovery["data"]), ([2], [50.0]))
        self.assertEqual(recovery["type"], "line")

    def test_every_figure_opens_the_records_it_counts(self):
        self._call_and_recover_lotte()
        data = self._data(self.officer)
        checked = 0
        for where, item in clickables(data):
            with self.subTest(where=where):
                self.assertEqual(self._count(self.officer, item["action"]), item["count"])
                checked += 1
        self.assertGreaterEqual(checked, 15)
        # The numbers themselves, counted another way.
        attendance = self.attendance.with_user(self.officer)
        cards = {card["key"]: card for card in data["cards"]}
        self.assertEqual(
            cards["attendance_rate"]["count"],
            attendance.search_count([("date", ">=", "2026-10-27"), ("date", "<=", DAY)]),
        )
        by_grade = {row["label"]: row for row in data["tables"][0]["rows"]}
        self.assertEqual(by_grade["Grade 10"]["count"], 2)
        tim = attendance.search(by_grade["Grade 10"]["action"]["domain"])
        self.assertEqual(tim.student_id, self.tim)
        self.assertEqual(set(tim.mapped("status")), {"absent"})
        by_week = {row["label"]: row for row in data["tables"][1]["rows"]}
        self.assertEqual(by_week["Week of 2026-11-22"]["count"], 5)
        self.assertEqual(cards["outreach_today"]["count"], 2, "Noor and Tim; Sem scanned in")
        chronic = (
            self.env["res.partner"]
            .with_user(self.officer)
            .search(cards["chronic"]["action"]["domain"])
        )
        self.assertEqual(len(chronic), cards["chronic"]["count"])

    def test_one_week_goes_by_day(self):
        friday = DAY - timedelta(days=3)
        self._log_call(self.noor, date=friday, call_time=datetime(2026, 11, 20, 9, 0))
        data = self.env[DASHBOARD].with_user(self.officer).get_dashboard_data("week", friday)
        rate = {chart["key"]: chart for chart in data["charts"]}["rate_over_time"]
        self.assertEqual(rate["title"], "Attendance rate by day")
        self.assertEqual(rate["labels"], ["2026-11-16", "2026-11-20"])
        self.assertEqual(rate["datasets"][0]["data"], [50.0, 0.0])
        outreach = {chart["key"]: chart for chart in data["charts"]}["outreach_over_time"]
        self.assertEqual(outreach["labels"], ["2026-11-20"])
        self.assertEqual([dataset["data"] for dataset in outreach["datasets"]], [[1], [0.0]])
        by_day = data["tables"][1]
        self.assertEqual(by_day["key"], "by_day")
        self.assertEqual([row["count"] for row in by_day["rows"]], [1, 1])
        for where, item in clickables(data):
            with self.subTest(where=where):
                self.assertEqual(self._count(self.officer, item["action"]), item["count"])

    def test_rows_and_points_of_the_year(self):
        data = self._data(self.officer, "year")
        for where, item in clickables(data):
            with self.subTest(where=where):
                self.assertEqual(self._count(self.officer, item["action"]), item["count"])
        rows = data["tables"][0]["rows"]
        self.assertEqual([row["absences"] for row in rows], [7, 2], "Lotte's day in October")

    def test_query_count(self):
        self._log_call(self.noor)
        self._data(self.officer)
        self.env.invalidate_all()
        # Six grouped reads (statistics by class and by week, calls by student-day, students
        # by grade and tier, truancy steps), one count (to call today) and the classes' and
        # grades' names: flat in the number of students, attendance rows and calls.
        with self.assertQueryCount(10):
            self._data(self.officer)
        # More students, grades, weeks and calls: the same number of queries.
        klass = self.env["student_care.class"].create(
            {
                "name": "T8C",
                "grade_id": self.env.ref("student_care.student_care_grade_8").id,
                "company_id": self.school.id,
            }
        )
        for number in range(5):
            student = self.create_student(f"Extra {number}", f"2000{number}", class_id=klass.id)
            self.attendance.create(
                [
                    {
                        "student_id": student.id,
                        "date": DAY - timedelta(days=days),
                        "period": 1,
                        "status": "absent",
                    }
                    for days in (0, 14, 21)
                ]
            )
            self._log_call(student)
        self.env["res.partner"]._update_chronic_absence(today=DAY)
        self._data(self.officer)
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            data = self._data(self.officer)
        self.assertEqual(len(data["tables"][0]["rows"]), 3)

    def test_teacher_sees_no_charts(self):
        for role in ("teacher", "specialist", "billing"):
            with self.subTest(role=role):
                data = self._data(self.users[role])
                self.assertEqual((data["cards"], data["tables"], data["charts"]), ([], [], []))

    def test_other_institution_sees_only_its_own(self):
        ours = self._data(self.officer)
        theirs = self._data(self.other_officer)
        rate = {card["key"]: card for card in theirs["cards"]}["attendance_rate"]
        self.assertEqual(rate["count"], 1, "the other college's one absence")
        self.assertEqual([row["count"] for row in theirs["tables"][0]["rows"]], [1])
        for where, item in clickables(ours):
            action = item["action"]
            with self.subTest(where=where):
                records = self.env[action["res_model"]].with_user(self.other_officer)
                self.assertFalse(
                    records.search([*action["domain"], ("company_id", "=", self.school.id)])
                )

    def test_actions_list_only_readable_records(self):
        """The teacher may open attendance lists, but an action built for the officer still
        lists only the teacher's own students."""
        data = self._data(self.officer)
        by_grade = {row["label"]: row for row in data["tables"][0]["rows"]}
        teacher = self.users["teacher"]
        self.assertEqual(self._count(teacher, by_grade["Grade 10"]["action"]), 0)
        self.assertEqual(self._count(teacher, by_grade["Grade 9"]["action"]), 6)


@tagged("post_install", "-at_install")
class TestDashboardRpc(RpcProbes, DashboardCommon, HttpCase):
    """The same over JSON-RPC with real logins, as the web client asks."""

    def _rpc_data(self, user):
        self.login_as(user)
        return self.rpc(DASHBOARD, "get_dashboard_data", ["4weeks"], {"date_to": "2026-11-23"})

    def _rpc_count(self, action):
        return self.rpc(action["res_model"], "search_count", [action["domain"]])

    def test_roles_over_rpc(self):
        data = self._rpc_data(self.officer)
        self.assertEqual(len(data["charts"]), 4)
        items = list(clickables(data))
        for where, item in items:
            with self.subTest(role="officer", where=where):
                self.assertEqual(self._rpc_count(item["action"]), item["count"])
        teacher = self._rpc_data(self.users["teacher"])
        self.assertEqual((teacher["cards"], teacher["tables"], teacher["charts"]), ([], [], []))
        for where, item in items:
            action = item["action"]
            if action["res_model"] == "student_care.attendance":
                continue
            with self.subTest(role="teacher", where=where):
                # Outreach lines, calls, students' tiers and statistics are not the
                # teacher's: refused or, for the directory, without the tier field.
                with mute_logger(*MUTED):
                    allowed = self.rpc_allowed(lambda action=action: self._rpc_count(action))
                self.assertFalse(allowed)
        other = self._rpc_data(self.other_officer)
        self.assertEqual([row["count"] for row in other["tables"][0]["rows"]], [1])
        for where, item in items:
            domain = [*item["action"]["domain"], ("company_id", "=", self.school.id)]
            with self.subTest(role="other institution", where=where):
                self.assertEqual(self._rpc_count({**item["action"], "domain": domain}), 0)
