# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one probe harness of the security matrices: the roles, one user per role, and the
probes that try an operation as a role through the ORM or over JSON-RPC.

Importable by every add-on's tests and by the repository tests as
``odoo.addons.student_care.tests.probes``. A probe returns True when the operation was
allowed and False when it was refused with an AccessError; anything else propagates.
"""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests.common import JsonRpcException

# role -> group xml ids (comma separated), one group per security role of student_care.
ROLES = {
    "teacher": "student_care.student_care_group_teacher",
    "attendance": "student_care.student_care_group_attendance_officer",
    "careworker": "student_care.student_care_group_care_worker",
    "specialist": "student_care.student_care_group_specialist",
    "caremanager": "student_care.student_care_group_care_manager",
    "billing": "student_care.student_care_group_billing_officer",
}
# A settings administrator without any care role.
ADMIN = "base.group_system,base.group_partner_manager"
# The roles the matrices probe: the care roles and the administrator.
MATRIX_ROLES = {**ROLES, "admin": ADMIN}
EXPORT = "base.group_allow_export"
MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.models",
    "odoo.http",
)


class NotFound(AccessError):
    """A search-like probe did not find (or count) the record: a refusal."""


def new_role_user(env, login, groups, company, **vals):
    """A user of ``company`` only, with ``groups`` on top of base.group_user; password = login."""
    vals.setdefault("password", login)
    return new_test_user(
        env,
        login=login,
        groups=f"base.group_user,{groups}",
        company_id=company.id,
        company_ids=[company.id],
        **vals,
    )


def role_users(env, company, prefix, roles=None, export=True, name=None, **vals):
    """One user per role of ``roles`` (default ROLES) in ``company``, logins ``<prefix>_<role>``.

    ``export`` adds base.group_allow_export; ``name`` is a format with ``{role}``.
    """
    extra = f"{EXPORT}," if export else ""
    return {
        role: new_role_user(
            env,
            f"{prefix}_{role}",
            f"{extra}{groups}",
            company,
            **({"name": name.format(role=role)} if name else {}),
            **vals,
        )
        for role, groups in (ROLES if roles is None else roles).items()
    }


def orm_probe(env, call):
    """Run ``call`` (as a role) in a savepoint, flushed, then rolled back.

    True if it was allowed, False if it raised an AccessError.
    """
    env.invalidate_all()
    savepoint = env.cr.savepoint()
    try:
        call()
        env.flush_all()
    except AccessError:
        return False
    finally:
        savepoint.close(rollback=True)
        env.invalidate_all(flush=False)
    return True


def require_found(records, record):
    """For search-like probes: not finding ``record`` is a refusal."""
    if record not in records:
        raise NotFound(repr(record))


def require_any(found):
    """For search-like probes: finding nothing at all is a refusal."""
    if not found:
        raise NotFound(repr(found))


def orm_probes(user, record, read_fields, write_vals, create_vals=None):
    """read/export/search/read_group/write/unlink/name_search (and create) as ``user``."""
    model = record.env[record._name].with_user(user)
    rec = record.with_user(user)

    def read_group():
        groups = model._read_group([("id", "=", record.id)], [], ["__count"])
        if not groups or not groups[0][0]:
            raise NotFound(repr(record))

    probes = {
        "read": lambda: rec.read(read_fields),
        "export": lambda: rec.export_data(read_fields),
        "search": lambda: require_found(model.search([("id", "=", record.id)]), record),
        "read_group": read_group,
        "write": lambda: rec.write(write_vals),
        "unlink": lambda: rec.unlink(),
    }
    if create_vals is not None:
        probes["create"] = lambda: model.create(create_vals())
    probes["name_search"] = lambda: require_found(
        model.browse([r[0] for r in model.name_search("", limit=1000)]), record
    )
    return probes


class RpcProbes:
    """JSON-RPC probes for an HttpCase: log in as a role, call /web/dataset/call_kw."""

    def login_as(self, user):
        """Log in with the user's password (= its login, see new_role_user)."""
        self.authenticate(user.login, user.login)

    def rpc(self, model, method, args=(), kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs or {}},
        )

    def rpc_allowed(self, call):
        """Run ``call`` (RPCs as the logged-in user): True if the server accepted it, False
        if it refused it with an AccessError."""
        try:
            call()
        except JsonRpcException as error:
            if "AccessError" not in str(error):
                raise
            return False
        return True

    def assert_rpc_refused(self, model, method, args=(), kwargs=None):
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.rpc(model, method, args, kwargs)


def rpc_not_found():
    """What a search-like RPC probe raises when the record is not found."""
    return JsonRpcException(code=403, message="odoo.exceptions.AccessError (not found)")
