# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from odoo.addons.student_care.tests.test_institution_mixin import foreign_key_rule

from .test_truancy import DAY, TruancyCommon


class TestStudentMixin(TruancyCommon):
    """Guardian notices, fired truancy steps and official reports are records about one
    student (``student_care.student.mixin``): at the student's institution, never another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._rule([(3, "notice")])

    def _notice(self, student, **vals):
        return self.env["student_care.attendance.notice"].create(
            {"student_id": student.id, "guardian_id": self.mother.id, "kind": "letter", **vals}
        )

    def _event(self, student, **vals):
        return self.env["student_care.truancy.event"].create(
            {
                "rule_id": self.rule.id,
                "step_id": self.rule.step_ids.id,
                "action": "notice",
                "student_id": student.id,
                "date": DAY,
                "window_start": DAY,
                "window_end": DAY,
                **vals,
            }
        )

    def _report(self, student, **vals):
        return self.env["student_care.truancy.report"].create(
            {"student_id": student.id, "rule_id": self.rule.id, **vals}
        )

    def test_institution_is_the_students(self):
        for make in (self._notice, self._event, self._report):
            record = make(self.other_student)
            self.assertEqual(record.company_id, self.other_school, record._name)

    def test_never_another_institution(self):
        for make in (self._notice, self._event, self._report):
            with self.assertRaises(ValidationError, msg=make.__name__):
                make(self.student, company_id=self.other_school.id)
            record = make(self.student)
            with self.assertRaises(ValidationError, msg=make.__name__):
                record.company_id = self.other_school

    def test_current_institution_by_default(self):
        # In the form, before a student is chosen; a mass notice is sent by the current one.
        for model in ("student_care.truancy.report", "student_care.mass.notice"):
            defaults = self.env[model].with_company(self.school).default_get(["company_id"])
            self.assertEqual(defaults["company_id"], self.school.id, model)

    def test_reports_keep_their_student(self):
        # Notices and fired steps go with their student; a report sent out stays.
        for model, rule in (
            ("student_care.attendance.notice", "c"),
            ("student_care.truancy.event", "c"),
            ("student_care.truancy.report", "r"),
        ):
            table = self.env[model]._table
            self.assertEqual(foreign_key_rule(self.env, table, "student_id"), rule, model)
