# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import NotNullViolation

from odoo.tools import mute_logger

from .common import StudentCareCommon


def foreign_key_rule(env, table, column):
    """What PostgreSQL does to ``table`` rows when the row ``column`` points to is deleted:
    'c' cascade, 'r' restrict, 'n' set null."""
    env.cr.execute(
        """SELECT c.confdeltype
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
            WHERE c.contype = 'f' AND c.conrelid = %s::regclass AND a.attname = %s""",
        [table, column],
    )
    return env.cr.fetchone()[0]


class TestInstitutionMixin(StudentCareCommon):
    """Classes, care teams and programmes take their institution from
    ``student_care.institution.mixin``: the current one by default, required, and deleted
    with their institution."""

    def test_current_institution_by_default(self):
        env = self.env(context=dict(self.env.context, allowed_company_ids=[self.school.id]))
        records = [
            env["student_care.class"].create({"name": "Mixin 1A"}),
            env["student_care.team"].create({"name": "Mixin team"}),
            env["student_care.programme"].create({"name": "Mixin programme", "code": "MIX"}),
        ]
        for record in records:
            self.assertEqual(record.company_id, self.school, record._name)

    def test_required_and_deleted_with_institution(self):
        for model in ("student_care.class", "student_care.team", "student_care.programme"):
            with (
                self.assertRaises(NotNullViolation),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.env[model].create({"name": "No institution", "company_id": False})
            self.assertEqual(foreign_key_rule(self.env, self.env[model]._table, "company_id"), "c")
