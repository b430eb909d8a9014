# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.common import StudentCareCommon
from odoo.addons.student_care_attendance.models import (
    student_care_attendance as truancy_hooks,
)

DAY = date(2026, 11, 20)  # a Friday; school year (August start) began 2026-08-01


class TruancyCommon(StudentCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["student_care.truancy.rule"].search([]).active = False
        cls.school.write(
            {
                "attendance_periods_per_day": 6,
                "attendance_period_minutes": 50,
                "school_year_start_month": "8",
                "email": "office@lyceum.example",
            }
        )
        cls.mother.write({"email": "anja@example.com", "lang": "en_US"})
        cls.classmate = cls.create_student("Sem Bakker", "100002")
        cls.father = cls.env["res.partner"].create(
            {"name": "Kees Bakker", "company_id": cls.school.id, "email": "kees@example.com"}
        )
        cls.stepmother = cls.env["res.partner"].create(
            {"name": "Ida Bakker", "company_id": cls.school.id, "email": "ida@example.com"}
        )
        cls.env["student_care.guardian.link"].create(
            [
                {"student_id": cls.classmate.id, "guardian_id": cls.father.id},
                {
                    "student_id": cls.classmate.id,
                    "guardian_id": cls.stepmother.id,
                    "is_notice_recipient": False,
                },
            ]
        )
        cls.unexcused = cls.env.ref(
            "student_care_attendance.student_care_attendance_reason_unexcused"
        )
        cls.illness = cls.env.ref("student_care_attendance.student_care_attendance_reason_illness")
        cls.truancy = cls.env.ref("student_care.student_care_case_category_truancy")
        cls.authority = cls.env["res.partner"].create({"name": "Leerplicht Regio Noord"})

    def setUp(self):
        super().setUp()
        # Tests never commit: forget what the attendance trigger registered.
        self.addCleanup(self.env.cr.precommit.clear)

    @classmethod
    def _rule(cls, steps, **vals):
        return cls.env["student_care.truancy.rule"].create(
            {
                "name": "Test rule",
                "company_id": cls.school.id,
                "step_ids": [
                    Command.create({"threshold": threshold, "action": action, "sequence": seq})
                    for seq, (threshold, action) in enumerate(steps)
                ],
                **vals,
            }
        )

    def _absent(self, student, day, periods=(0,), reason=None, minutes=0):
        return self.env["student_care.attendance"].create(
            [
                {
                    "student_id": student.id,
                    "date": day,
                    "period": period,
                    "status": "absent",
                    "reason_id": (reason or self.unexcused).id,
                    "minutes_missed": minutes,
                    "source": "office",
                }
                for period in periods
            ]
        )

    def _events(self, rule, student=None):
        domain = [("rule_id", "=", rule.id)]
        if student:
            domain.append(("student_id", "=", student.id))
        return self.env["student_care.truancy.event"].search(domain)


class TestTruancyRules(TruancyCommon):
    def test_rolling_hours_unexcused_only(self):
        """16 hours in 4 weeks: minutes missed count, else the period length; excused
        absences and absences before the window do not count."""
        rule = self._rule([(16, "notice")], unit="hour", window_type="rolling", window_days=28)
        # 3 whole days = 3 x 6 x 50 min = 15 h, but one of them is excused: 10 h.
        self._absent(self.student, DAY - timedelta(days=2))
        self._absent(self.student, DAY - timedelta(days=3))
        self._absent(self.student, DAY - timedelta(days=4), reason=self.illness)
        # Outside the window (28 days back from DAY is the first day in it).
        self._absent(self.student, DAY - timedelta(days=28), periods=(1, 2, 3, 4, 5, 6))
        self.assertFalse(rule._evaluate(today=DAY))
        # 5 periods with explicit minutes: 5 x 60 = 5 h more -> 15 h, still below.
        self._absent(self.student, DAY - timedelta(days=1), periods=(1, 2, 3, 4, 5), minutes=60)
        self.assertFalse(rule._evaluate(today=DAY))
        amounts = rule._amounts(self.school, DAY - timedelta(days=27), DAY, minimum=1)
        self.assertAlmostEqual(amounts[self.student.id], 15.0)
        # One more 50-minute period reaches 15 h 50 min; a 60-minute one crosses 16 h.
        self._absent(self.student, DAY, periods=(1,), minutes=70)
        events = rule._evaluate(today=DAY)
        self.assertEqual(events.student_id, self.student)
        self.assertAlmostEqual(events.amount, 15 + 70 / 60)
        self.assertEqual((events.window_start, events.window_end), (date(2026, 10, 24), DAY))

    def test_all_absences_mode_counts_excused(self):
        rule = self._rule([(2, "notice")], unit="day", count_mode="all")
        self._absent(self.student, DAY, reason=self.illness)
        self._absent(self.student, DAY - timedelta(days=1), reason=self.illness)
        self.assertEqual(rule._evaluate(today=DAY).student_id, self.student)

    def test_days_whole_day_or_half_the_periods(self):
        rule = self._rule([(3, "notice")], unit="day", window_type="school_year")
        self._absent(self.student, date(2026, 9, 1))  # whole day
        self._absent(self.student, date(2026, 9, 2), periods=(1, 2, 3))  # half the periods
        self._absent(self.student, date(2026, 9, 3), periods=(1, 2))  # not a missed day
        self._absent(self.student, date(2026, 7, 1))  # previous school year
        self.assertFalse(rule._evaluate(today=DAY))
        self._absent(self.student, date(2026, 9, 4), periods=(4, 5, 6))
        events = rule._evaluate(today=DAY)
        self.assertEqual(events.amount, 3)
        self.assertEqual(events.window_start, date(2026, 8, 1))

    def test_periods_count_whole_days_as_all_periods(self):
        rule = self._rule([(8, "notice")], unit="period")
        self._absent(self.student, DAY)  # 6 periods
        self._absent(self.student, DAY - timedelta(days=1), periods=(1,))
        self.assertFalse(rule._evaluate(today=DAY))
        self._absent(self.student, DAY - timedelta(days=2), periods=(2,))
        self.assertEqual(rule._evaluate(today=DAY).amount, 8)

    def test_school_year_step_fires_once_per_year(self):
        rule = self._rule([(1, "notice")], unit="day", window_type="school_year")
        self._absent(self.student, date(2026, 9, 1))
        self.assertEqual(len(rule._evaluate(today=DAY)), 1)
        self._absent(self.student, date(2026, 9, 2))
        self.assertFalse(rule._evaluate(today=DAY))
        self.assertFalse(rule._evaluate(today=DAY + timedelta(days=60)))
        # Next school year: a new window.
        self._absent(self.student, date(2027, 9, 1))
        events = rule._evaluate(today=date(2027, 9, 2))
        self.assertEqual(events.window_start, date(2027, 8, 1))
        self.assertEqual(len(self._events(rule)), 2)

    def test_rolling_step_waits_for_a_fresh_window(self):
        rule = self._rule([(2, "notice")], unit="day", window_days=14)
        self._absent(self.student, DAY - timedelta(days=1))
        self._absent(self.student, DAY)
        self.assertEqual(len(rule._evaluate(today=DAY)), 1)
        # Re-run the same day, and on later days while the window overlaps: nothing new,
        # even with new absences in the overlap.
        self.assertFalse(rule._evaluate(today=DAY))
        self._absent(self.student, DAY + timedelta(days=3))
        self._absent(self.student, DAY + timedelta(days=4))
        self.assertFalse(rule._evaluate(today=DAY + timedelta(days=4)))
        self.assertFalse(rule._evaluate(today=DAY + timedelta(days=13)))
        # A window entirely after the previous one, with two absences in it: fires again.
        later = DAY + timedelta(days=20)
        self._absent(self.student, later - timedelta(days=1))
        self._absent(self.student, later)
        events = rule._evaluate(today=later)
        self.assertEqual(events.window_start, later - timedelta(days=13))
        self.assertEqual(len(self._events(rule, self.student)), 2)

    def test_same_window_key_is_unique(self):
        """A concurrent run inserting the same key again changes nothing."""
        rule = self._rule([(1, "notice")], unit="day")
        self._absent(self.student, DAY)
        event = rule._evaluate(today=DAY)
        again = rule.step_ids._fire(
            self.school, [self.student.id], {self.student.id: 1.0}, event.window_start, DAY
        )
        # The overlap check stops it; the unique key would stop it too:
        self.assertFalse(again)
        self.env.cr.execute(
            "SELECT count(*) FROM student_care_truancy_event WHERE step_id = %s",
            (rule.step_ids.id,),
        )
        self.assertEqual(self.env.cr.fetchone()[0], 1)

    def test_only_enrolled_students_of_the_rule_institution(self):
        rule = self._rule([(1, "notice")], unit="day")
        self._absent(self.student, DAY)
        self._absent(self.classmate, DAY)
        self.classmate.enrolment_status = "withdrawn"
        self.assertEqual(rule._evaluate(today=DAY).student_id, self.student)
        other_rule = self._rule([(1, "notice")], unit="day", company_id=self.other_school.id)
        self.assertFalse(other_rule._evaluate(today=DAY))

    @freeze_time(DAY)
    def test_nightly_job_and_evaluate_now(self):
        rule = self._rule([(1, "notice"), (2, "call")], unit="day")
        self._absent(self.student, DAY)
        self.env.cr.precommit.clear()  # only the scheduled action this time
        # Run the scheduled action itself (as its own user), not the method it is meant to call.
        self.env.ref("student_care_attendance.ir_cron_evaluate_truancy").method_direct_trigger()
        self.assertEqual(self._events(rule).action, "notice")
        self.assertEqual(self.student.absence_evaluated_on, DAY)
        self.assertEqual(self.student.absent_days, 1)
        self._absent(self.classmate, DAY)
        self._absent(self.classmate, DAY - timedelta(days=1))
        self.env.cr.precommit.clear()
        # Care workers read the rules but may not start a run (it acts as the system).
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            rule.with_user(self.users["careworker"]).action_evaluate()
        result = rule.with_user(self.users["attendance"]).action_evaluate()
        self.assertIn("2 step(s) fired", result["params"]["message"])


class TestTruancyLadder(TruancyCommon):
    def test_ladder_notice_call_case_report(self):
        rule = self._rule(
            [(1, "notice"), (2, "call"), (2, "case"), (3, "report")],
            unit="day",
            window_type="school_year",
            authority_id=self.authority.id,
        )
        self._absent(self.classmate, DAY)
        events = rule._evaluate(today=DAY)
        self.assertEqual(events.mapped("action"), ["notice"])
        # Only guardians with "receives attendance notices", in their language.
        notices = events.notice_ids
        self.assertEqual(notices.guardian_id, self.father)
        self.assertEqual(notices.state, "queued")

        self._absent(self.classmate, DAY - timedelta(days=1))
        events = rule._evaluate(today=DAY)
        self.assertEqual(sorted(events.mapped("action")), ["call", "case"])
        call = events.filtered(lambda e: e.action == "call")
        self.assertEqual(call.activity_ids.user_id, self.users["attendance"])
        self.assertEqual(call.activity_ids.summary, "Call the family about attendance")
        case = events.filtered(lambda e: e.action == "case").case_id
        self.assertRecordValues(
            case,
            [
                {
                    "student_id": self.classmate.id,
                    "category_id": self.truancy.id,
                    "origin": "truancy_rule",
                    "company_id": self.school.id,
                }
            ],
        )

        self._absent(self.classmate, DAY - timedelta(days=2))
        report = rule._evaluate(today=DAY).report_id
        self.assertRecordValues(
            report,
            [{"state": "draft", "recipient_id": self.authority.id, "amount": 3.0}],
        )
        self.assertTrue(report.name.startswith("TRU/"))

        # Sending is an officer's decision, and it lands on the disclosure record.
        officer_report = report.with_user(self.users["attendance"])
        officer_report.action_send()
        self.assertEqual(report.state, "sent")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "student_care.report_disclosure_record", self.classmate.ids
        )
        self.assertIn("Official truancy reports", html.decode())
        self.assertIn(report.name, html.decode())
        self.assertIn("Leerplicht Regio Noord", html.decode())

    def test_case_step_joins_the_open_truancy_case(self):
        open_case = self.env["student_care.case"].create(
            {"student_id": self.student.id, "category_id": self.truancy.id, "team_id": False}
        )
        rule = self._rule([(1, "case")], unit="day")
        self._absent(self.student, DAY)
        event = rule._evaluate(today=DAY)
        self.assertEqual(event.case_id, open_case)
        self.assertEqual(
            self.env["student_care.case"].search_count([("student_id", "=", self.student.id)]), 1
        )

    def test_notices_are_sent_in_the_guardians_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        template = self.env.ref("student_care_attendance.mail_template_truancy_notice")
        template.with_context(lang="nl_NL").subject = "Verzuim van {{ object.student_id.name }}"
        self.link.lang = "nl_NL"
        rule = self._rule([(1, "notice")], unit="day")
        self._absent(self.student, DAY)
        self._absent(self.classmate, DAY)
        events = rule._evaluate(today=DAY)
        self.env["student_care.attendance.notice"]._cron_send()
        notices = events.notice_ids
        self.assertEqual(set(notices.mapped("state")), {"sent"})
        mails = {n.guardian_id: n.mail_id for n in notices}
        self.assertEqual(mails[self.mother].subject, "Verzuim van Lotte Visser")
        self.assertEqual(mails[self.father].subject, "Absence of Sem Bakker")
        self.assertEqual(mails[self.father].recipient_ids, self.father)
        self.assertIn("Sem Bakker", mails[self.father].body_html)
        self.assertIn("without a valid reason", mails[self.father].body_html)

    def test_formal_letter_has_the_pdf(self):
        letter = self.env.ref("student_care_attendance.mail_template_truancy_letter")
        rule = self._rule([(1, "notice")], unit="day")
        rule.step_ids.mail_template_id = letter
        self._absent(self.classmate, DAY)
        notice = rule._evaluate(today=DAY).notice_ids
        self.assertEqual(notice.kind, "letter")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "student_care_attendance.report_truancy_letter", notice.ids
        )
        self.assertIn("Formal notice about school attendance", html.decode())
        self.assertIn("Sem Bakker", html.decode())

    def test_formal_letter_refused_for_a_notice_without_a_step(self):
        """A first-absence notice has no step to quote: its letter would be full of blanks."""
        rule = self._rule([(1, "notice")], unit="day")
        self._absent(self.classmate, DAY)
        letter = rule._evaluate(today=DAY).notice_ids
        first = letter.copy({"kind": "first_absence", "event_id": False})
        with self.assertRaisesRegex(UserError, "came from no step"):
            self.env["ir.actions.report"]._render_qweb_html(
                "student_care_attendance.report_truancy_letter", (letter | first).ids
            )
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "student_care_attendance.report_truancy_letter", letter.ids
        )
        self.assertIn("Formal notice about school attendance", html.decode())

    def test_guardian_without_email_is_logged_not_mailed(self):
        self.mother.email = False
        rule = self._rule([(1, "notice")], unit="day")
        self._absent(self.student, DAY)
        notice = rule._evaluate(today=DAY).notice_ids
        self.env["student_care.attendance.notice"]._cron_send()
        # A landline only: no e-mail, text message or portal reaches her; the office calls.
        self.assertRecordValues(
            notice,
            [
                {
                    "state": "failed",
                    "channel": "none",
                    "channel_reason": "unreachable",
                    "mail_id": False,
                    "failure_reason": "No e-mail address, mobile number or portal access.",
                }
            ],
        )


class TestTruancyTrigger(TruancyCommon):
    @freeze_time(DAY)
    def test_roll_call_and_office_edits_trigger_evaluation(self):
        rule = self._rule([(2, "notice")], unit="day")
        self._absent(self.student, DAY - timedelta(days=1))
        present = self.env["student_care.attendance"].create(
            {"student_id": self.student.id, "date": DAY, "status": "present"}
        )
        self.env.cr.precommit.run()
        self.assertFalse(self._events(rule))
        # The office corrects "present" to an unexcused absence: the rule fires at commit,
        # and the guardians get a first-absence notice for today.
        present.with_user(self.users["attendance"]).write(
            {"status": "absent", "reason_id": self.unexcused.id}
        )
        self.env.cr.precommit.run()
        self.assertEqual(self._events(rule).student_id, self.student)
        first = self.env["student_care.attendance.notice"].search(
            [("student_id", "=", self.student.id), ("kind", "=", "first_absence")]
        )
        self.assertEqual(first.guardian_id, self.mother)
        # A second absent period the same day: no second first-absence notice.
        self._absent(self.student, DAY, periods=(3,))
        self.env.cr.precommit.run()
        self.assertEqual(
            self.env["student_care.attendance.notice"].search_count(
                [("student_id", "=", self.student.id), ("kind", "=", "first_absence")]
            ),
            1,
        )

    @freeze_time(DAY)
    def test_teacher_roll_call_fires_as_system(self):
        rule = self._rule([(1, "call")], unit="day")
        self.env["student_care.attendance"].with_user(self.users["teacher"]).create(
            {
                "student_id": self.student.id,
                "date": DAY,
                "status": "absent",
                "reason_id": self.unexcused.id,
            }
        )
        self.env.cr.precommit.run()
        event = self._events(rule)
        self.assertEqual(event.activity_ids.user_id, self.users["attendance"])

    @freeze_time(DAY)
    def test_import_evaluates_once_for_the_file(self):
        rule = self._rule([(3, "notice")], unit="period")
        content = "student_number,date,period,status,reason\n" + "".join(
            f"{number},{DAY},{period},absent,UNX\n"
            for number in ("100001", "100002")
            for period in (1, 2, 3)
        )
        officer = self.env["student_care.attendance"].with_user(self.users["attendance"])
        result = officer.with_company(self.school).import_attendance_csv(content)
        self.assertEqual(result["created"], 6)
        self.assertEqual(self._events(rule).student_id, self.student | self.classmate)
        self.assertEqual(
            set(
                self.env["student_care.attendance.notice"]
                .search([("kind", "=", "first_absence"), ("company_id", "=", self.school.id)])
                .mapped("guardian_id")
            ),
            {self.mother, self.father},
        )

    @freeze_time(DAY)
    def test_whole_institution_file_is_evaluated_in_the_background(self):
        rule = self._rule([(3, "notice")], unit="period")
        content = "student_number,date,period,status,reason\n" + "".join(
            f"{number},{DAY},{period},absent,UNX\n"
            for number in ("100001", "100002")
            for period in (1, 2, 3)
        )
        cron = self.env.ref("student_care_attendance.ir_cron_evaluate_truancy")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        officer = self.env["student_care.attendance"].with_user(self.users["attendance"])
        with patch.object(truancy_hooks, "ASYNC_EVALUATION_STUDENTS", 1):
            officer.with_company(self.school).import_attendance_csv(content)
        self.assertFalse(self._events(rule), "the clerk does not wait for the ladder")
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]), triggers + 1
        )
        self.env["student_care.truancy.rule"]._cron_evaluate()
        self.assertEqual(self._events(rule).student_id, self.student | self.classmate)


class TestChronicAbsence(TruancyCommon):
    def test_rate_and_tier(self):
        # No calendar: Monday to Friday. 2026-08-03 (Mon) .. 2026-08-28 (Fri) = 20 days.
        self.school.resource_calendar_id = False
        today = date(2026, 8, 28)
        self._absent(self.student, date(2026, 8, 3))  # whole day
        self._absent(self.student, date(2026, 8, 4), periods=(1, 2, 3), reason=self.illness)
        self._absent(self.student, date(2026, 8, 5), periods=(1, 2))  # not a day
        self.classmate.enrolment_date = date(2026, 8, 24)  # 5 enrolled days
        self._absent(self.classmate, date(2026, 8, 25))
        self.env["res.partner"]._update_chronic_absence(today=today)
        self.assertRecordValues(
            self.student | self.classmate,
            [
                {
                    "absent_days": 2,
                    "enrolled_days": 20,
                    "absence_rate": 0.1,
                    "absence_tier": "moderate",
                },
                {
                    "absent_days": 1,
                    "enrolled_days": 5,
                    "absence_rate": 0.2,
                    "absence_tier": "severe",
                },
            ],
        )
        # Filter and group by tier.
        Partner = self.env["res.partner"].with_user(self.users["attendance"])
        self.assertIn(self.student, Partner.search([("absence_tier", "=", "moderate")]))
        groups = dict(
            Partner._read_group(
                [("id", "in", (self.student | self.classmate).ids)], ["absence_tier"], ["__count"]
            )
        )
        self.assertEqual(groups, {"moderate": 1, "severe": 1})

    def test_school_calendar_leaves_are_not_school_days(self):
        calendar = self.school.resource_calendar_id
        self.assertTrue(calendar, "companies get the standard 40-hour calendar")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Autumn break",
                "calendar_id": calendar.id,
                "company_id": self.school.id,
                "date_from": "2026-08-10 00:00:00",
                "date_to": "2026-08-14 23:59:59",
            }
        )
        dates = self.school._school_dates(date(2026, 8, 3), date(2026, 8, 21))
        self.assertEqual(len(dates), 10)
        self.assertNotIn(date(2026, 8, 12), dates)
