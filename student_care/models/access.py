# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who is who in the care dossier, and which records are the dossier: one place for the
names that access decisions use across the models."""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.modules import get_manifest
from odoo.tools.convert import convert_file

CARE_GROUP = "student_care.student_care_group_care_worker"
MANAGER_GROUP = "student_care.student_care_group_care_manager"
SPECIALIST_GROUP = "student_care.student_care_group_specialist"
# Roles that read dossier content.
DOSSIER_GROUPS = (CARE_GROUP, SPECIALIST_GROUP)

# Records of the care dossier: who follows them, what changed on them, the mails they send
# and the files on them are known only to those who may read them.
CARE_MODELS = (
    "student_care.case",
    "student_care.note",
    "student_care.referral",
    "student_care.consent",
)


def readable_care_documents(env, model_field, res_id_field):
    """A domain keeping rows about care records only when the user may read that record.

    Rows about other models pass untouched. The readable records are a subquery with the
    user's own record rules, so nothing is read through sudo.
    """
    domain = [(model_field, "not in", CARE_MODELS)]
    for model in CARE_MODELS:
        if model in env and env[model].has_access("read"):
            readable = env[model].with_context(active_test=False)._search([])
            domain = ["|", *domain, "&", (model_field, "=", model), (res_id_field, "in", readable)]
    return domain


def user_ids(model, fname, operator, value):
    """The user ids a search on the reader set ``fname`` is asked about (record rules write
    ``('<reader set>', 'in', [user.id])``; ``=`` with one id is accepted too).

    Odoo checks a field's groups only where a stored field meets SQL, and a reader set is
    not stored: the check is here, so a role cannot search a set it may not read (who is
    referred to whom). Record rules search with superuser rights and pass.
    """
    if not model._fields[fname].is_accessible(model.env):
        raise AccessError(
            model.env._("You may not search on %(field)s.", field=model._fields[fname].string)
        )
    if operator not in ("in", "="):
        raise UserError(model.env._("Reader sets can only be searched with 'in' or '='."))
    ids = value if isinstance(value, list | tuple) else [value]
    return [uid for uid in ids if uid]


def reader_set(compute, search, string, help, groups=None):  # pylint: disable=redefined-builtin
    """A reader set: the users who read a record by their place in it (its teachers, its
    care team, its specialists), for record rules to test in one term.

    Never stored, so never stale: ``search`` gives record rules the SQL, ``compute`` the
    same answer for records already in memory. Never written (``refuse_write``).
    """
    return fields.Many2many(
        comodel_name="res.users",
        string=string,
        compute=compute,
        search=search,
        inverse=refuse_write,
        readonly=True,
        groups=groups,
        help=help,
    )


def refuse_write(records):
    """Inverse of every reader set: they follow from who owns, teaches or is referred, and
    are never set directly. Without an inverse a write would only land in the cache, where
    a rule checked later in the same request would believe it."""
    raise AccessError(
        records.env._(
            "Who may read %(what)s follows from the record itself; it cannot be set directly.",
            what=records._description,
        )
    )


def reload_record_rules(env, module):
    """Record rules are ``noupdate`` data, so an upgrade keeps the old domains. A version
    that changes who reads what reloads its module's rule files from a migration script."""
    for path in get_manifest(module)["data"]:
        if path.startswith("security/") and path.endswith("_security.xml"):
            convert_file(env, module, path, {}, mode="init", noupdate=True)
