# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures and probes of the transition suite (test_transitions.py).

A *transition* is one write or one public-method call made as a role. The suite lets every
role try every field it can write and every public method of our add-ons on every record of
the models that gate access, then checks what each role can read afterwards. This module
holds what the ORM and the JSON-RPC parts share: the fixtures, what "reading" a record
means per model, how fields and methods are enumerated and which values are tried.
"""

import base64
import inspect
import re
from datetime import timedelta

import psycopg2

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.student_care.tests.probes import MATRIX_ROLES, ROLES, new_role_user, role_users

SENSITIVITIES = ("shared", "care_team", "confidential", "sealed")
OUR_MODULES = "odoo.addons.student_care"

# What reading a record of a gating model means: read() of these fields succeeds.
READS = {
    "student_care.case": ["description"],
    "student_care.case.status": ["stage_id", "user_id"],
    "student_care.note": ["body"],
    "student_care.note.timeline": ["sensitivity", "author_id"],
    "student_care.referral": ["reason", "state"],
    "student_care.consent": ["purpose"],
    "ir.attachment": ["datas"],
    "mail.message": ["body"],
    "mail.followers": ["partner_id"],
    "student_care.case.signal": ["description"],
    "student_care.attendance": ["status"],
    "calendar.event": ["description"],
}
# The models attacked, and how: (through writes, through public methods).
ATTACKS = {
    "student_care.case": (True, True),
    "student_care.note": (True, True),
    "student_care.referral": (True, True),
    "student_care.consent": (True, True),
    "student_care.team": (True, True),
    "res.partner": (True, True),
    "student_care.class": (True, True),
    "res.users": (True, True),
    "mail.followers": (True, True),
    "ir.attachment": (True, True),
    "student_care.case.signal": (True, True),
    "student_care.note.break_glass": (True, True),
    # Care interviews: the case link and who is met are ours, the rest is Odoo Calendar's.
    "calendar.event": (True, True),
    # Database views: nothing to write, but their public methods are callable over RPC.
    "student_care.case.status": (False, True),
    "student_care.note.timeline": (False, True),
}
# res.partner has some 150 fields, calendar.event some 80; the attack is on the fields our
# add-ons add (the student fields, the care interview's case link and who is met).
OWN_FIELDS_ONLY = {"res.partner", "calendar.event"}
MAGIC_FIELDS = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}
SKIPPED_TYPES = {"properties", "properties_definition", "json", "reference"}
# Where a many2one_reference (res_model/res_id) may be pointed to.
REBIND_MODELS = ("student_care.case", "student_care.note")
MAX_SELECTION_VALUES = 6
TEXT = "transition probe"
# What a refusal looks like: raised before anything is stored.
REFUSED = (AccessError, UserError, ValidationError, psycopg2.Error)
MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.models",
    "odoo.models.unlink",
    "odoo.http",
    "odoo.sql_db",
    "odoo.modules.registry",
)
# The attackers' context. Tracking values are posted at commit time, which never comes
# here; mail_notrack skips preparing them. Automatic subscription (a tracked user_id made a
# follower) still runs: unlike tracking_disable, which would skip it too.
ATTACK_CONTEXT = {"mail_notify_force_send": False, "mail_notrack": True}
# Building the fixtures, as fast as possible.
QUIET = {
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "tracking_disable": True,
    "no_reset_password": True,
    "mail_notify_force_send": False,
}


class TransitionFixtures:
    """Mixin for TransactionCase/HttpCase: builds the world every role attacks.

    Two institutions; one user per role (plus a teammate care worker who writes most
    notes); two care teams (the care worker is in team A only); cases in both teams, one
    owned by nobody and one in the other institution; notes of each sensitivity on each
    case by different authors; referrals active, ended, requested, to an agency and in the
    other institution; consents for a student with and without a case; attachments on
    notes; chatter and followers on the cases; concern drafts of two users; a break-the-
    glass draft; attendance when student_care_attendance is installed. Every record's
    content carries a unique token, so a leak in a method's return value can be found.
    """

    PREFIX = "tr"

    @classmethod
    def _build_fixtures(cls):
        cls.env = env = cls.env(context=dict(cls.env.context, **QUIET))
        cls.names, cls.tokens, cls.fx = {}, {}, {}
        cls.today = fields.Date.context_today(env["res.partner"])
        cls.school = env["res.company"].create({"name": f"{cls.PREFIX} School"})
        cls.other_school = env["res.company"].create({"name": f"{cls.PREFIX} Other School"})
        cls._name_records(cls.school | cls.other_school, ["school", "other_school"])
        cls._build_users(env)
        cls._build_directory(env)
        cls._build_cases(env)
        cls._build_notes(env)
        cls._build_referrals(env)
        cls._build_threads(env)
        cls._build_interviews(env)
        cls._build_drafts(env)
        env.cr.flush()
        cls._build_universe(env)
        cls.env.invalidate_all()

    @classmethod
    def _key(cls, record):
        return (record._name, record.id)

    @classmethod
    def _name_records(cls, records, names):
        for record, name in zip(records, names, strict=True):
            cls.names[cls._key(record)] = name
            cls.fx[name] = record

    @classmethod
    def _token(cls, name):
        return f"tok-{cls.PREFIX}-{name}-kot"

    @classmethod
    def _remember(cls, name, record, token=True):
        cls._name_records(record, [name])
        if token:
            cls.tokens[cls._key(record)] = cls._token(name)
        return record

    @classmethod
    def _build_users(cls, env):
        # Logins and names "<prefix>_<role>": a method's return value that names a user
        # shows which fixture leaked.
        prefix = cls.PREFIX
        cls.users = role_users(
            env, cls.school, prefix, roles=MATRIX_ROLES, export=False, name=f"{prefix}_{{role}}"
        )
        others = role_users(
            env,
            cls.other_school,
            prefix,
            roles={"other_worker": ROLES["careworker"], "other_specialist": ROLES["specialist"]},
            export=False,
            name=f"{prefix}_{{role}}",
        )
        cls.mate = new_role_user(
            env, f"{prefix}_teammate", ROLES["careworker"], cls.school, name=f"{prefix}_teammate"
        )
        cls.other_worker, cls.other_specialist = others["other_worker"], others["other_specialist"]
        people = {**cls.users, "mate": cls.mate, "other_worker": cls.other_worker}
        people["other_specialist"] = cls.other_specialist
        for name, user in people.items():
            cls._remember(f"user:{name}", user, token=False)
            cls._remember(f"partner:{name}", user.partner_id, token=False)
        cls.authors = people

    @classmethod
    def _build_directory(cls, env):
        classes = env["student_care.class"]
        school, other = cls.school, cls.other_school
        klass = {
            "a": classes.create(
                {
                    "name": f"{cls.PREFIX} A",
                    "company_id": school.id,
                    "mentor_id": cls.users["teacher"].id,
                }
            ),
            "b": classes.create({"name": f"{cls.PREFIX} B", "company_id": school.id}),
            "other": classes.create({"name": f"{cls.PREFIX} O", "company_id": other.id}),
        }
        for key, record in klass.items():
            cls._remember(f"class:{key}", record, token=False)
        placement = {"a1": "a", "a2": "b", "b": "b", "none": "b", "nocase": "a", "other": "other"}
        cls.students = {}
        for key, class_key in placement.items():
            company = other if key == "other" else school
            cls.students[key] = cls._remember(
                f"student:{key}",
                env["res.partner"].create(
                    {
                        "name": f"{cls.PREFIX} student {key}",
                        "is_student": True,
                        "student_number": f"{cls.PREFIX}-{key}",
                        "company_id": company.id,
                        "class_id": klass[class_key].id,
                    }
                ),
                token=False,
            )
        cls.agency = cls._remember(
            "agency",
            env["res.partner"].create(
                {"name": f"{cls.PREFIX} Agency", "is_company": True, "company_id": school.id}
            ),
            token=False,
        )
        cls.other_agency = env["res.partner"].create(
            {"name": f"{cls.PREFIX} Other Agency", "is_company": True, "company_id": other.id}
        )
        teams = env["student_care.team"]
        manager = cls.users["caremanager"]
        cls.teams = {
            "a": teams.create(
                {
                    "name": f"{cls.PREFIX} team A",
                    "company_id": school.id,
                    "manager_id": manager.id,
                    "member_ids": [Command.set([cls.users["careworker"].id, cls.mate.id])],
                }
            ),
            "b": teams.create(
                {
                    "name": f"{cls.PREFIX} team B",
                    "company_id": school.id,
                    "manager_id": manager.id,
                    "member_ids": [Command.set([cls.mate.id])],
                }
            ),
            "other": teams.create(
                {
                    "name": f"{cls.PREFIX} team O",
                    "company_id": other.id,
                    "member_ids": [Command.set([cls.other_worker.id])],
                }
            ),
        }
        for key, team in cls.teams.items():
            cls._remember(f"team:{key}", team, token=False)

    @classmethod
    def _build_cases(cls, env):
        category = env.ref("student_care.student_care_case_category_wellbeing")
        worker, nobody = cls.users["careworker"], env["res.users"]
        plan = {
            "a_own": ("a1", cls.teams["a"], worker),
            "a_mate": ("a2", cls.teams["a"], cls.mate),
            "b": ("b", cls.teams["b"], cls.mate),
            "none": ("none", env["student_care.team"], nobody),
            "other": ("other", cls.teams["other"], cls.other_worker),
        }
        cls.cases = {}
        for key, (student, team, owner) in plan.items():
            cls.cases[key] = cls._remember(
                f"case:{key}",
                env["student_care.case"].create(
                    {
                        "student_id": cls.students[student].id,
                        "company_id": cls.students[student].company_id.id,
                        "category_id": category.id,
                        "team_id": team.id,
                        "user_id": owner.id,
                        "description": f"<p>{cls._token(f'case:{key}')}</p>",
                    }
                ),
            )
        cls.category = category

    @classmethod
    def _build_notes(cls, env):
        authors = {
            "a_own": ("careworker", "mate", "mate", "mate"),
            "a_mate": ("mate", "careworker", "mate", "mate"),
            "b": ("mate", "caremanager", "mate", "mate"),
            "none": ("caremanager", "caremanager", "mate", "mate"),
            "other": ("other_worker",) * 4,
        }
        plan = [
            (case, sensitivity, author)
            for case, names in authors.items()
            for sensitivity, author in zip(SENSITIVITIES, names, strict=True)
        ]
        plan.append(("a_mate", "care_team", "specialist"))
        cls.notes = {}
        for case, sensitivity, author in plan:
            key = f"{case}/{sensitivity}" + ("/specialist" if author == "specialist" else "")
            note = env["student_care.note"].create(
                {
                    "case_id": cls.cases[case].id,
                    "sensitivity": sensitivity,
                    "note_type": "interview",
                    "body": f"<p>{cls._token(f'note:{key}')}</p>",
                }
            )
            note.author_id = cls.authors[author]
            cls.notes[key] = cls._remember(f"note:{key}", note)
        cls.attachments = {}
        for key, note_key in (("conf", "a_mate/confidential"), ("own", "a_own/shared")):
            name = f"attachment:{key}"
            attachment = env["ir.attachment"].create(
                {
                    "name": f"{key}.txt",
                    "datas": base64.b64encode(cls._token(name).encode()),
                    "res_model": "student_care.note",
                    "res_id": cls.notes[note_key].id,
                }
            )
            cls.notes[note_key].attachment_ids = [Command.link(attachment.id)]
            cls.attachments[key] = cls._remember(name, attachment)

    @classmethod
    def _build_referrals(cls, env):
        consents = env["student_care.consent"]
        given_on = cls.today - timedelta(days=10)
        cls.consents = {}
        for key, agency in (("a1", cls.agency), ("nocase", cls.agency), ("other", None)):
            agency = agency or cls.other_agency
            cls.consents[key] = cls._remember(
                f"consent:{key}",
                consents.create(
                    {
                        "student_id": cls.students[key].id,
                        "agency_id": agency.id,
                        "given_by": "student",
                        "given_on": given_on,
                        "purpose": cls._token(f"consent:{key}"),
                    }
                ),
            )
        specialist = cls.users["specialist"]
        plan = {
            "active": ("a_mate", {"specialist_id": specialist.id, "state": "active"}),
            "ended": (
                "b",
                {"specialist_id": specialist.id, "state": "ended", "end_date": cls.today},
            ),
            "requested": ("none", {"specialist_id": specialist.id, "state": "requested"}),
            "agency": (
                "a_own",
                {
                    "referral_type": "agency",
                    "agency_id": cls.agency.id,
                    "consent_id": cls.consents["a1"].id,
                    "state": "active",
                },
            ),
            "other": ("other", {"specialist_id": cls.other_specialist.id, "state": "active"}),
        }
        cls.referrals = {}
        for key, (case, values) in plan.items():
            cls.referrals[key] = cls._remember(
                f"referral:{key}",
                env["student_care.referral"].create(
                    {
                        "case_id": cls.cases[case].id,
                        "reason": cls._token(f"referral:{key}"),
                        **values,
                    }
                ),
            )

    @classmethod
    def _build_threads(cls, env):
        for key, case in cls.cases.items():
            message = case.message_post(
                body=cls._token(f"message:{key}"),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                author_id=(case.user_id.partner_id or cls.users["caremanager"].partner_id).id,
            )
            cls._remember(f"message:{key}", message)
        followers = {
            "a_own": ["careworker", "teacher"],
            "a_mate": ["specialist"],
            "b": ["mate"],
        }
        for key, names in followers.items():
            partners = [cls.authors[name].partner_id.id for name in names]
            cls.cases[key].message_subscribe(partner_ids=partners)
        if "student_care.attendance" in env:
            cls.attendance = env["student_care.attendance"].create(
                [
                    {
                        "student_id": student.id,
                        "company_id": student.company_id.id,
                        "date": cls.today,
                        "status": "present",
                    }
                    for student in cls.students.values()
                ]
            )
            for row, key in zip(cls.attendance, cls.students, strict=True):
                cls._remember(f"attendance:{key}", row, token=False)

    @classmethod
    def _build_interviews(cls, env):
        """A private care interview on a case of team A, of team B and of the other school,
        organised by a member of that team, the student recorded as who is met."""
        cls.interviews = {}
        for key, organizer in (("a_own", "careworker"), ("b", "mate"), ("other", "other_worker")):
            case, user = cls.cases[key], cls.authors[organizer]
            cls.interviews[key] = cls._remember(
                f"interview:{key}",
                env["calendar.event"]
                .with_context(no_mail_to_attendees=True)
                .create(
                    {
                        "name": f"Care interview {case.name}",
                        "description": f"<p>{cls._token(f'interview:{key}')}</p>",
                        "privacy": "private",
                        "user_id": user.id,
                        "partner_ids": [Command.set(user.partner_id.ids)],
                        "student_care_case_id": case.id,
                        "student_care_met_partner_ids": [Command.set(case.student_id.ids)],
                    }
                ),
            )

    @classmethod
    def _build_drafts(cls, env):
        signals = env["student_care.case.signal"]
        cls.drafts = {}
        for key, author, student in (
            ("teacher", cls.users["teacher"], "a1"),
            ("mate", cls.mate, "b"),
            ("other", cls.other_worker, "other"),
        ):
            cls.drafts[key] = cls._remember(
                f"signal:{key}",
                signals.with_user(author).create(
                    {
                        "student_id": cls.students[student].id,
                        "category_id": cls.category.id,
                        "description": f"<p>{cls._token(f'signal:{key}')}</p>",
                    }
                ),
            )
        cls.glass = cls._remember(
            "break_glass:b/sealed",
            env["student_care.note.break_glass"]
            .with_user(cls.users["caremanager"])
            .create({"note_id": cls.notes["b/sealed"].id, "reason": cls._token("break_glass")}),
        )

    @classmethod
    def _build_universe(cls, env):
        """The records whose readability is measured, and the case/student each concerns."""
        cases = env["student_care.case"].concat(*cls.cases.values())
        notes = env["student_care.note"].concat(*cls.notes.values())
        messages = env["mail.message"].search(
            [("model", "=", "student_care.case"), ("res_id", "in", cases.ids)]
        )
        followers = env["mail.followers"].search(
            [("res_model", "=", "student_care.case"), ("res_id", "in", cases.ids)]
        )
        for follower in followers:
            name = cls.names.get(cls._key(follower.partner_id), follower.partner_id.name)
            case = cls.names[("student_care.case", follower.res_id)]
            cls.names[cls._key(follower)] = f"follower:{case}/{name}"
        referrals = env["student_care.referral"].concat(*cls.referrals.values())
        consents = env["student_care.consent"].concat(*cls.consents.values())
        attachments = env["ir.attachment"].concat(*cls.attachments.values())
        drafts = env["student_care.case.signal"].concat(*cls.drafts.values())
        interviews = env["calendar.event"].concat(*cls.interviews.values())
        records = {
            "student_care.case": cases,
            "student_care.case.status": cases,
            "student_care.note": notes,
            "student_care.note.timeline": notes,
            "student_care.referral": referrals,
            "student_care.consent": consents,
            "ir.attachment": attachments,
            "mail.message": messages,
            "mail.followers": followers,
            "student_care.case.signal": drafts,
            "calendar.event": interviews,
        }
        if "student_care.attendance" in env:
            records["student_care.attendance"] = cls.attendance
        cls.universe = {model: frozenset(recs.ids) for model, recs in records.items()}
        cls.case_of, cls.student_of = {}, {}
        for case in cases:
            cls.case_of[cls._key(case)] = case.id
            key = ("student_care.case.status", case.id)
            cls.case_of[key] = case.id
            cls.names[key] = cls.names[cls._key(case)].replace("case:", "status:")
        for note in notes:
            cls.case_of[cls._key(note)] = note.case_id.id
            key = ("student_care.note.timeline", note.id)
            cls.case_of[key] = note.case_id.id
            cls.names[key] = cls.names[cls._key(note)].replace("note:", "timeline:")
        for referral in referrals:
            cls.case_of[cls._key(referral)] = referral.case_id.id
        for interview in interviews:
            cls.case_of[cls._key(interview)] = interview.student_care_case_id.id
        for attachment in attachments:
            cls.case_of[cls._key(attachment)] = notes.browse(attachment.res_id).case_id.id
        for record in [*messages, *followers]:
            cls.case_of[cls._key(record)] = record.res_id
        for record in [*consents, *drafts, *records.get("student_care.attendance", [])]:
            cls.student_of[cls._key(record)] = record.student_id.id
        cls.case_student = {case.id: case.student_id.id for case in cases}
        # Values tried for relational fields ("a record the role cannot read", and others).
        cls.pools = {
            "student_care.case": cases,
            "student_care.note": notes.filtered(
                lambda n: n.sensitivity in ("confidential", "sealed")
                and n.case_id != cls.cases["a_own"]
            ),
            "student_care.referral": referrals,
            "student_care.consent": consents,
            "student_care.team": env["student_care.team"].concat(*cls.teams.values()),
            "student_care.class": env["student_care.class"].concat(
                *(cls.fx[f"class:{key}"] for key in ("a", "b", "other"))
            ),
            "res.partner": cls.agency
            | env["res.partner"].concat(
                *(cls.students[key] for key in ("a2", "b", "nocase", "other"))
            ),
            "res.company": cls.school | cls.other_school,
            "ir.attachment": attachments,
            "mail.message": messages,
            "mail.followers": followers,
            "res.groups": env["res.groups"].concat(
                *(env.ref(xmlid) for xmlid in cls._group_xmlids())
            ),
        }
        cls.targets = {
            "student_care.case": cases,
            "student_care.note": notes,
            "student_care.referral": referrals,
            "student_care.consent": consents,
            "student_care.team": cls.pools["student_care.team"],
            "student_care.class": cls.pools["student_care.class"],
            "res.partner": env["res.partner"].concat(*cls.students.values()),
            "mail.followers": followers,
            "ir.attachment": attachments,
            "student_care.case.signal": drafts,
            "student_care.note.break_glass": cls.glass,
            "calendar.event": interviews,
            "student_care.case.status": env["student_care.case.status"].browse(cases.ids),
            "student_care.note.timeline": env["student_care.note.timeline"].browse(notes.ids),
        }
        for group in cls.pools["res.groups"]:
            cls.names[cls._key(group)] = group.get_external_id()[group.id]

    @staticmethod
    def _group_xmlids():
        care = list(ROLES.values())
        return [*care, "base.group_system", "base.group_erp_manager"]

    # --- naming ------------------------------------------------------------------------
    def _label(self, key):
        model, record_id = key
        return self.names.get(key, f"{model}({record_id})")

    def _labels(self, keys):
        """Compact names: ``case[a_own, b] note[b/sealed]``."""
        groups = {}
        for key in keys:
            kind, _sep, name = self._label(key).partition(":")
            groups.setdefault(kind, []).append(name)
        return " ".join(
            f"{kind}[{', '.join(sorted(names))}]" for kind, names in sorted(groups.items())
        )


# --- enumeration ---------------------------------------------------------------------------
def writable_fields(model):
    """The fields ``model``'s user could send in a write(), from its own fields_get().

    The "readonly" attribute is not honoured: it is a hint for the web client, a write over
    RPC ignores it. Skipped: magic columns (write() drops them), computed fields that have
    neither storage nor inverse (write() cannot set them) and value types that carry no
    access (properties, json, reference).
    """
    described = model.fields_get(attributes=["type", "relation", "selection"])
    for name, description in sorted(described.items()):
        field = model._fields.get(name)  # None for res.users' virtual group fields
        if name in MAGIC_FIELDS or description["type"] in SKIPPED_TYPES:
            continue
        if field is not None:
            if field.compute and not field.store and not field.inverse:
                continue
            if model._name in OWN_FIELDS_ONLY and not (field._module or "").startswith(
                "student_care"
            ):
                continue
        yield name, description


def public_methods(model):
    """Public methods that our add-ons define (or override) on ``model``, by name."""
    methods = {}
    for klass in type(model).__mro__:
        if not klass.__module__.startswith(OUR_MODULES):
            continue
        for name, member in vars(klass).items():
            if not name.startswith("_") and inspect.isfunction(member):
                methods.setdefault(name, member)
    return dict(sorted(methods.items()))


def is_model_method(function):
    return getattr(function, "_api", None) in ("model", "model_create")


def callable_without_input(function):
    try:
        inspect.signature(function).bind(None)
    except TypeError:
        return False
    return True


def spread(values, count):
    """At most ``count`` values of ``values``, spread from the first to the last."""
    if len(values) <= count:
        return list(values)
    step = (len(values) - 1) / (count - 1)
    return [values[round(i * step)] for i in range(count)]


class ValueMaker:
    """Values that try to widen access, per field type.

    many2one/x2many to res.users: the role's own user (link); to res.partner: the role's
    own partner, other students, the agency; to a gated model: every fixture record of it
    (so also those the role cannot read); to anything else: two records. Selection: every
    other value (at most six, spread). Boolean: toggled. Date and datetime: today, 400 days
    ago, in 400 days. Numbers: plus one. Text: a string. many2one_reference: rebound, with
    its model field, to each case and confidential/sealed note of the fixtures.
    """

    def __init__(self, case):
        self.case = case
        self.generic = {}

    def pool(self, comodel, user):
        if comodel == "res.users":
            return user
        if comodel == "res.partner":
            return user.partner_id | self.case.pools["res.partner"]
        if comodel in self.case.pools:
            return self.case.pools[comodel]
        if comodel not in self.generic:
            self.generic[comodel] = self.case.env[comodel].sudo().search([], limit=2)
        return self.generic[comodel]

    def label(self, record):
        return self.case._label((record._name, record.id))

    def values(self, model, user, name, description, current):
        """[(label, vals)] to write into field ``name`` of one record of ``model``."""
        kind = description["type"]
        maker = getattr(self, f"_values_{kind}", None)
        if maker is None:
            return []
        values = maker(model, user, name, description, current)
        if name in model._fields:
            return values
        # res.users' virtual group fields (in_group_<id>, sel_groups_<id>_<id>): say which.
        shown = (
            f"{name}[{', '.join(self.group_label(gid) for gid in re.findall(r'[0-9]+', name))}]"
        )
        return [(label.replace(name, shown, 1), vals) for label, vals in values]

    def group_label(self, group_id):
        group = self.case.env["res.groups"].browse(int(group_id))
        return group.get_external_id()[group.id] or str(group.id)

    def _values_boolean(self, model, user, name, description, current):
        return [(f"{name}={not current}", {name: not current})]

    def _values_selection(self, model, user, name, description, current):
        options = [value for value, _label in description["selection"] if value != current]
        return [
            (f"{name}={value!r}", {name: value}) for value in spread(options, MAX_SELECTION_VALUES)
        ]

    def _values_many2one(self, model, user, name, description, current):
        pool = self.pool(description["relation"], user)
        return [
            (f"{name}={self.label(record)}", {name: record.id})
            for record in pool
            if record.id != current
        ]

    def _values_many2many(self, model, user, name, description, current):
        pool = self.pool(description["relation"], user)
        return [
            (f"{name}=link({self.label(record)})", {name: [Command.link(record.id)]})
            for record in pool
            if record.id not in (current or [])
        ]

    _values_one2many = _values_many2many

    def _values_date(self, model, user, name, description, current):
        today = self.case.today
        days = (today, today - timedelta(days=400), today + timedelta(days=400))
        return [(f"{name}={day}", {name: day}) for day in days if day != current]

    def _values_datetime(self, model, user, name, description, current):
        now = fields.Datetime.now().replace(microsecond=0)
        moments = (now, now - timedelta(days=400), now + timedelta(days=400))
        return [(f"{name}={moment}", {name: moment}) for moment in moments]

    def _values_integer(self, model, user, name, description, current):
        return [(f"{name}={(current or 0) + 1}", {name: (current or 0) + 1})]

    def _values_float(self, model, user, name, description, current):
        return [(f"{name}={(current or 0) + 1.5}", {name: (current or 0) + 1.5})]

    _values_monetary = _values_float

    def _values_html(self, model, user, name, description, current):
        return [(f"{name}=<p>{TEXT}</p>", {name: f"<p>{TEXT}</p>"})]

    def _values_binary(self, model, user, name, description, current):
        return [(f"{name}=<file>", {name: base64.b64encode(TEXT.encode())})]

    def _values_char(self, model, user, name, description, current):
        if name in reference_model_fields(model):
            return [(f"{name}={m}", {name: m}) for m in REBIND_MODELS if m != current]
        return [(f"{name}={TEXT!r}", {name: TEXT})]

    def _values_text(self, model, user, name, description, current):
        return [(f"{name}={TEXT!r}", {name: TEXT})]

    def _values_many2one_reference(self, model, user, name, description, current):
        """Rebind: point (model field, id) at records of the gated models, in one write."""
        model_field = model._fields[name].model_field
        return [
            (f"{model_field},{name}={self.label(record)}", {model_field: m, name: record.id})
            for m in REBIND_MODELS
            for record in self.case.pools[m]
        ]


def reference_model_fields(model):
    return {
        field.model_field
        for field in model._fields.values()
        if field.type == "many2one_reference" and field.model_field
    }
