# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import MUTED, orm_probe

from .excuse_common import DAY, TOMORROW, FamilyPortalCommon


class TestExcuseRequest(FamilyPortalCommon):
    def test_accept_excuses_the_covered_attendance(self):
        first, second = self.record(self.student, DAY, 1), self.record(self.student, DAY, 2)
        present = self.record(self.student, DAY, 3, status="present")
        sem = self.record(self.sem, DAY, 1)
        request = self.submit()
        self.assertEqual(request.state, "submitted")
        self.assertFalse(first.is_excused)
        with self.assertQueryCount(__system__=25):
            request.with_user(self.officer).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual((first | second).reason_id, self.illness)
        self.assertTrue(first.is_excused and second.is_excused)
        self.assertFalse(present.reason_id, "a period in class needs no excuse")
        self.assertFalse(sem.reason_id, "another child's absence is untouched")
        self.assertEqual(request.with_user(self.officer).attendance_count, 2)

    def test_periods_only(self):
        first, third = self.record(self.student, DAY, 1), self.record(self.student, DAY, 3)
        request = self.submit(is_whole_day=False, period_from=1, period_to=2)
        request.with_user(self.officer).action_accept()
        self.assertEqual(first.reason_id, self.illness)
        self.assertFalse(third.reason_id)

    def test_attendance_recorded_later_is_excused(self):
        request = self.submit(date_from=TOMORROW, date_to=TOMORROW)
        request.with_user(self.officer).action_accept()
        attendance = self.env["student_care.attendance"].with_user(self.teacher)
        absent, present = attendance.create(
            [
                {"student_id": self.student.id, "date": TOMORROW, "period": 1, "status": "absent"},
                {"student_id": self.student.id, "date": TOMORROW, "period": 2},
            ]
        )
        self.assertEqual(absent.reason_id, self.illness)
        self.assertTrue(absent.is_excused)
        self.assertFalse(present.reason_id)
        # Marked present first, then corrected to absent: excused too.
        present.write({"status": "absent"})
        self.assertEqual(present.reason_id, self.illness)
        # An explicit reason of the teacher wins; another day is not covered.
        other_day = attendance.create(
            {
                "student_id": self.student.id,
                "date": TOMORROW + timedelta(days=7),
                "period": 1,
                "status": "absent",
            }
        )
        self.assertFalse(other_day.reason_id)
        # The import's set-based INSERT gets the same treatment.
        self.env["student_care.attendance"].with_user(self.officer)._bulk_insert(
            [{"student_id": self.student.id, "date": TOMORROW, "period": 5, "status": "absent"}]
        )
        imported = self.env["student_care.attendance"].search(
            [("student_id", "=", self.student.id), ("date", "=", TOMORROW), ("period", "=", 5)]
        )
        self.assertEqual(imported.reason_id, self.illness)

    def test_submitted_or_declined_requests_excuse_nothing(self):
        absent = self.record(self.student, DAY, 1)
        self.submit()
        self.assertFalse(absent.reason_id)
        later = self.record(self.student, DAY, 2)
        self.assertFalse(later.reason_id)

    def test_decline_needs_a_message_that_reaches_the_guardian(self):
        request = self.submit()
        as_officer = request.with_user(self.officer)
        with self.assertRaisesRegex(UserError, "Write the message for the family"):
            as_officer.action_decline()
        as_officer.decline_message = "Please bring a doctor's note to the office."
        as_officer.with_context(mail_notify_force_send=False).action_decline()
        self.assertEqual(request.state, "declined")
        message = request.message_ids.filtered(lambda m: self.mother in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("Please bring a doctor's note", message.body)
        self.assertEqual(message.author_id, self.school.partner_id, "no staff name")
        mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertIn(self.mother, mail.recipient_ids | mail.mapped("recipient_ids"))
        # The guardian reads the answer with their own rights, not who gave it.
        mine = request.with_user(self.mother_user)
        self.assertEqual(mine.read(["state", "decline_message"])[0]["state"], "declined")
        with self.assertRaises(AccessError):
            mine.read(["reviewed_by_id"])
        # Reviewed once: a second answer is refused.
        with self.assertRaises(UserError):
            as_officer.action_accept()

    def test_only_a_guardian_who_sees_the_child_asks(self):
        with self.assertRaises(ValidationError):
            self.env["student_care.excuse.request"].create(
                {
                    "student_id": self.student.id,
                    "guardian_id": self.father.id,
                    "date_from": DAY,
                    "date_to": DAY,
                    "reason_id": self.illness.id,
                }
            )

    def test_family_limits(self):
        with self.assertRaisesRegex(ValidationError, "at most 31 days"):
            self.submit(date_to=DAY + timedelta(days=40))
        with self.assertRaisesRegex(ValidationError, "no longer be excused"):
            self.submit(
                date_from=DAY - timedelta(days=60),
                date_to=DAY - timedelta(days=59),
            )
        with self.assertRaisesRegex(ValidationError, "reasons offered"):
            self.submit(reason_id=self.unexcused.id)


class TestOutreachExcused(FamilyPortalCommon):
    def _outreach(self):
        return (
            self.env["student_care.outreach"]
            .with_user(self.officer)
            .search([("date", "=", DAY), ("student_id", "in", (self.student | self.sem).ids)])
        )

    def test_excused_ahead_is_not_on_outreach(self):
        request = self.submit()
        request.with_user(self.officer).action_accept()
        # The teacher marks the morning's first period.
        attendance = self.env["student_care.attendance"].with_user(self.teacher)
        attendance.create(
            [
                {"student_id": student.id, "date": DAY, "period": 1, "status": "absent"}
                for student in (self.student, self.sem)
            ]
        )
        self.env.flush_all()
        self.assertEqual(self._outreach().student_id, self.sem)

    def test_reported_by_the_family_is_on_outreach_with_the_reason(self):
        self.submit()
        self.record(self.student, DAY, 1)
        self.record(self.sem, DAY, 1)
        self.env.flush_all()
        lines = self._outreach()
        self.assertEqual(lines.student_id, self.student | self.sem)
        mine = lines.filtered(lambda line: line.student_id == self.student)
        self.assertEqual(mine.family_reason_id, self.illness)
        self.assertFalse((lines - mine).family_reason_id)

    def test_no_access_guardian_is_never_the_one_to_call(self):
        self.record(self.student, DAY, 1)
        self.env.flush_all()
        line = self._outreach()
        # Ria (No Access) comes first in the contact order, with custody: skipped.
        self.assertEqual(line.guardian_id, self.mother)
        self.assertNotIn(self.denied, line.guardian_link_ids.guardian_id)


class TestExcuseSecurity(FamilyPortalCommon):
    """Every portal role against the excuse requests, the child's attendance and the
    notices: what each reads, and every way to widen that."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.absence = cls.record(
            cls.student, DAY, 1, note="Seen at the station", minutes_missed=50
        )
        cls.sem_absence = cls.record(cls.sem, DAY, 1)
        Notice = cls.env["student_care.attendance.notice"]
        cls.notice_mother, cls.notice_father, cls.notice_sem = Notice.create(
            [
                {"student_id": s.id, "guardian_id": g.id, "kind": "first_absence", "state": "sent"}
                for s, g in (
                    (cls.student, cls.mother),
                    (cls.student, cls.father),
                    (cls.sem, cls.other_mother),
                )
            ]
        )
        cls.request = cls.env["student_care.excuse.request"].create(
            {
                "student_id": cls.student.id,
                "guardian_id": cls.mother.id,
                "date_from": DAY,
                "date_to": DAY,
                "reason_id": cls.illness.id,
                "note": "Fever",
            }
        )

    def _allowed(self, user, call):
        return orm_probe(self.env, lambda: call(user))

    @mute_logger(*MUTED)
    def test_reads(self):
        expected = {
            # role: (reads Lotte's absence, reads the mother's request, notices read,
            #        absences found)
            "mother": (True, True, {self.notice_mother}, {self.absence}),
            "father_no_custody": (False, False, set(), set()),
            "no_access": (False, False, set(), set()),
            "student": (True, False, set(), {self.absence}),
            "other_family": (False, False, {self.notice_sem}, {self.sem_absence}),
        }
        notices = self.notice_mother | self.notice_father | self.notice_sem
        for role, (absence, request, readable_notices, found_absences) in expected.items():
            user = self.portal_users[role]
            with self.subTest(role=role):
                self.assertEqual(
                    self._allowed(user, lambda u: self.absence.with_user(u).read(["status"])),
                    absence,
                )
                self.assertEqual(
                    self._allowed(user, lambda u: self.request.with_user(u).read(["state"])),
                    request,
                )
                found = (
                    self.env["student_care.attendance.notice"]
                    .with_user(user)
                    .search([("id", "in", notices.ids)])
                )
                self.assertEqual(set(found), readable_notices)
                # Search-like calls filter: never another family's absence.
                seen = self.env["student_care.attendance"].with_user(user).search([])
                self.assertEqual(set(seen), found_absences)
                groups = (
                    self.env["student_care.attendance"]
                    .with_user(user)
                    ._read_group([], ["student_id"], ["__count"])
                )
                self.assertEqual({g[0] for g in groups}, {a.student_id for a in found_absences})

    @mute_logger(*MUTED)
    def test_staff_fields_are_hidden(self):
        attendance = self.env["student_care.attendance"].with_user(self.mother_user)
        for name in ("note", "recorded_by_id"):
            with self.subTest(field=name):
                with self.assertRaises(AccessError):
                    self.absence.with_user(self.mother_user).read([name])
                with self.assertRaises(AccessError):
                    attendance.search([(name, "!=", False)])
        self.assertNotIn("note", self.absence.with_user(self.mother_user).read()[0])
        notice = self.notice_mother.with_user(self.mother_user)
        for name in ("event_id", "mass_notice_id", "mail_id", "template_id"):
            with self.subTest(field=name), self.assertRaises(AccessError):
                notice.read([name])
        with self.assertRaises(AccessError):
            self.request.with_user(self.mother_user).read(["reviewed_by_id"])

    @mute_logger(*MUTED)
    def test_no_portal_user_writes_anything(self):
        models = {
            "student_care.excuse.request": self.request,
            "student_care.attendance": self.absence,
            "student_care.attendance.notice": self.notice_mother,
        }
        values = {
            "boolean": True,
            "char": "x",
            "text": "x",
            "html": "<p>x</p>",
            "integer": 1,
            "float": 1.0,
            "monetary": 1.0,
            "date": DAY,
            "datetime": fields.Datetime.now(),
        }
        for user in self.portal_users.values():
            for model, record in models.items():
                for name, field in record._fields.items():
                    if field.compute and not field.inverse or name in ("id",):
                        continue
                    if field.type == "many2one":
                        value = self.env[field.comodel_name].search([], limit=1).id
                    elif field.type == "selection":
                        selection = field._description_selection(self.env)
                        value = selection[-1][0] if selection else False
                    elif field.type in values:
                        value = values[field.type]
                    else:
                        continue
                    with self.subTest(user=user.login, model=model, field=name):
                        self.assertFalse(
                            self._allowed(
                                user,
                                lambda u, r=record, n=name, v=value: r.with_user(u).write({n: v}),
                            )
                        )
                with self.subTest(user=user.login, model=model, op="unlink"):
                    self.assertFalse(
                        self._allowed(user, lambda u, r=record: r.with_user(u).unlink())
                    )

    @mute_logger(*MUTED)
    def test_no_portal_user_reviews(self):
        for user in (*self.portal_users.values(), self.teacher):
            for method in ("action_accept", "action_decline"):
                with self.subTest(user=user.login, method=method):
                    self.assertFalse(
                        self._allowed(
                            user, lambda u, m=method: getattr(self.request.with_user(u), m)()
                        )
                    )
        self.assertEqual(self.request.state, "submitted")
        self.assertFalse(self.absence.reason_id)

    @mute_logger(*MUTED)
    def test_create_only_in_own_name_for_own_child(self):
        Request = self.env["student_care.excuse.request"]

        def create(user, **vals):
            return Request.with_user(user).create(
                {
                    "student_id": self.student.id,
                    "guardian_id": user.partner_id.id,
                    "date_from": DAY,
                    "date_to": DAY,
                    "reason_id": self.illness.id,
                    **vals,
                }
            )

        self.assertTrue(self._allowed(self.mother_user, create))
        for role in ("father_no_custody", "no_access", "other_family"):
            with self.subTest(role=role):
                self.assertFalse(self._allowed(self.portal_users[role], create))
        with self.subTest(role="student"), self.assertRaises(ValidationError):
            create(self.student_user)
        # The mother cannot submit in the father's name, nor set what the office decides.
        for vals in (
            {"guardian_id": self.father.id},
            {"state": "accepted"},
            {"decline_message": "x"},
            {"attachment_id": self.env["ir.attachment"].search([], limit=1).id},
            {"company_id": self.other_school.id},
        ):
            with self.subTest(vals=vals):
                self.assertFalse(self._allowed(self.mother_user, lambda u, v=vals: create(u, **v)))
        sneaky = (
            Request.with_user(self.mother_user)
            .with_context(default_state="accepted", default_decline_message="x")
            .create(
                {
                    "student_id": self.student.id,
                    "date_from": DAY,
                    "date_to": DAY,
                    "reason_id": self.illness.id,
                }
            )
        )
        self.assertEqual(sneaky.state, "submitted")
        self.assertEqual(sneaky.guardian_id, self.mother)

    @mute_logger(*MUTED)
    def test_teacher_sees_no_request(self):
        Request = self.env["student_care.excuse.request"].with_user(self.teacher)
        self.assertFalse(
            self._allowed(self.teacher, lambda u: self.request.with_user(u).read(["state"]))
        )
        self.assertFalse(self._allowed(self.teacher, lambda u: Request.search([])))
        self.assertTrue(
            self._allowed(self.officer, lambda u: self.request.with_user(u).read(["note"]))
        )


class TestCalendarData(FamilyPortalCommon):
    def test_month_calendar_and_rate(self):
        month = DAY.replace(day=1)
        self.record(self.student, DAY, 1, reason_id=self.illness.id)
        self.record(self.student, DAY, 2, reason_id=self.illness.id)
        child = self.student.with_user(self.mother_user)
        with self.assertQueryCount(__system__=19):
            data = child._portal_attendance_calendar(month, DAY)
        cells = {cell["date"]: cell for week in data["weeks"] for cell in week}
        self.assertEqual(cells[DAY]["kind"], "excused")
        self.assertEqual(cells[DAY]["letter"], "E")
        self.assertEqual(len(data["periods"]), 2)
        self.assertIn("Lotte Visser missed", data["rate_text"])
        self.assertEqual(len({cell["date"].weekday() for cell in cells.values()}), 7)

    def test_day_kinds(self):
        kind = self.env["res.partner"]._portal_day_kind
        self.assertEqual(kind({("present", False)}), "present")
        self.assertEqual(kind({("absent", False)}), "unexcused")
        self.assertEqual(kind({("absent", True)}), "excused")
        self.assertEqual(kind({("absent", True), ("absent", False)}), "unexcused")
        self.assertEqual(kind({("absent", True), ("present", False)}), "partial")
        self.assertEqual(kind({("tardy", False), ("present", False)}), "tardy")
