# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""student_care.guardian became student_care.guardian.link (it is the link between a
student and a guardian, not the guardian). Carry the table, its constraints and indexes,
and the model's metadata over under the new name before the registry loads, so the
existing links, their ids and everything that points at them stay as they are."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

OLD_MODEL, NEW_MODEL = "student_care.guardian", "student_care.guardian.link"
OLD_TABLE, NEW_TABLE = "student_care_guardian", "student_care_guardian_link"
# Columns elsewhere that hold a model name.
MODEL_NAME_COLUMNS = [
    ("ir_model_fields", "relation"),
    ("ir_act_window", "res_model"),
    ("ir_ui_view", "model"),
    ("ir_filters", "model_id"),
    ("ir_exports", "resource"),
    ("ir_attachment", "res_model"),
    ("mail_message", "model"),
    ("mail_followers", "res_model"),
    ("mail_activity", "res_model"),
]
# Records of our data files whose xml id carries the model's name.
RENAMED_XMLIDS = [
    "student_care_guardian_view_list",
    "student_care_guardian_view_form",
    "student_care_guardian_view_search",
    "student_care_guardian_action",
    "student_care_guardian_menu",
    "student_care_guardian_rule_company",
    "access_student_care_guardian_user",
    "access_student_care_guardian_manager",
    "access_student_care_guardian_system",
]


def _renamed(name):
    """The name of a constraint, index or sequence of the old table, under the new one."""
    return NEW_TABLE + name[len(OLD_TABLE) :]


def _rename_table(cr):
    cr.execute(
        SQL("ALTER TABLE %s RENAME TO %s", SQL.identifier(OLD_TABLE), SQL.identifier(NEW_TABLE))
    )
    cr.execute(
        SQL(
            "ALTER SEQUENCE IF EXISTS %s RENAME TO %s",
            SQL.identifier(f"{OLD_TABLE}_id_seq"),
            SQL.identifier(f"{NEW_TABLE}_id_seq"),
        )
    )
    # Odoo finds its constraints and indexes by name: under the old prefix they would be
    # made a second time next to the existing ones.
    cr.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND conname LIKE %s",
        (NEW_TABLE, f"{OLD_TABLE}\\_%"),
    )
    for (name,) in cr.fetchall():
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                SQL.identifier(NEW_TABLE),
                SQL.identifier(name),
                SQL.identifier(_renamed(name)),
            )
        )
    cr.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s",
        (NEW_TABLE, f"{OLD_TABLE}\\_%"),
    )
    for (name,) in cr.fetchall():
        if not name.startswith(NEW_TABLE + "_"):
            cr.execute(
                SQL(
                    "ALTER INDEX %s RENAME TO %s",
                    SQL.identifier(name),
                    SQL.identifier(_renamed(name)),
                )
            )


def _rename_metadata(cr):
    cr.execute("UPDATE ir_model SET model = %s WHERE model = %s", (NEW_MODEL, OLD_MODEL))
    cr.execute("UPDATE ir_model_fields SET model = %s WHERE model = %s", (NEW_MODEL, OLD_MODEL))
    for table, column in MODEL_NAME_COLUMNS:
        if column_exists(cr, table, column):
            cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE %s = %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    NEW_MODEL,
                    SQL.identifier(column),
                    OLD_MODEL,
                )
            )
    cr.execute(
        """
        UPDATE ir_model_constraint c
           SET name = %s || substr(c.name, %s)
          FROM ir_model m
         WHERE m.id = c.model AND m.model = %s AND c.name LIKE %s
        """,
        (NEW_TABLE, len(OLD_TABLE) + 1, NEW_MODEL, f"{OLD_TABLE}\\_%"),
    )
    # xml ids of the model, its fields, selection values and constraints, then ours.
    old, new = OLD_MODEL.replace(".", "_"), NEW_MODEL.replace(".", "_")
    for prefix_old, prefix_new in (
        (f"model_{old}", f"model_{new}"),
        (f"field_{old}__", f"field_{new}__"),
        (f"selection__{old}__", f"selection__{new}__"),
        (f"constraint_{old}_", f"constraint_{new}_"),
    ):
        cr.execute(
            """
            UPDATE ir_model_data
               SET name = %s || substr(name, %s)
             WHERE module = 'student_care'
               AND model IN ('ir.model', 'ir.model.fields', 'ir.model.fields.selection',
                             'ir.model.constraint')
               AND (name = %s OR name LIKE %s)
            """,
            (prefix_new, len(prefix_old) + 1, prefix_old, prefix_old.replace("_", "\\_") + "%"),
        )
    for name in RENAMED_XMLIDS:
        cr.execute(
            "UPDATE ir_model_data SET name = %s WHERE module = 'student_care' AND name = %s",
            (name.replace("student_care_guardian_", "student_care_guardian_link_"), name),
        )
    cr.execute("UPDATE ir_model_data SET model = %s WHERE model = %s", (NEW_MODEL, OLD_MODEL))


def migrate(cr, version):
    if not table_exists(cr, OLD_TABLE) or table_exists(cr, NEW_TABLE):
        return
    _rename_table(cr)
    _rename_metadata(cr)
