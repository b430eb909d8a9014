# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Transition suite: can a role widen its own access through what it may write or call?

For every role and every model that gates access, the role tries every field it can write
(enumerated from that model's fields_get() as the role) with values chosen to widen access,
and every public method our add-ons define on the model (enumerated from the model's
classes), on every fixture record of the model: those it can find and, by id, those it
cannot read. Each attempt runs in a savepoint that is rolled back afterwards.

An attempt refused with AccessError, UserError, ValidationError or by the database is fine.
After an attempt that goes through, every role's access to every gating model is read
again from the database (search, then read() of the content, cache invalidated first) and:

- the acting role reads nothing it could not read before;
- no other role reads anything new outside the cases the acting role may read itself
  (nobody hands on access they do not have: a care worker may refer a case of their team,
  not another team's);
- a method's return value carries no content token of a record the role could not read.

Two transitions open records by design, each checked for its conditions and
listed in the log: breaking the glass (a care manager who gives a reason reads that one
sealed note; the access log and the author must know), and the student directory (whoever
places a student in a class decides which teachers see the case status, timeline, shared
notes and attendance of that student; never for a teacher's own transitions).

The JSON-RPC part replays the known holes with real logins over /web/dataset/call_kw.
"""

import functools
import logging
import time
import uuid
from collections import Counter
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, MissingError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import SQL, lazy_property, mute_logger

from odoo.addons.student_care.tests.probes import MATRIX_ROLES, RpcProbes

from .transitions_common import (
    ATTACK_CONTEXT,
    ATTACKS,
    MUTED,
    READS,
    REFUSED,
    TransitionFixtures,
    ValueMaker,
    callable_without_input,
    is_model_method,
    public_methods,
    writable_fields,
)

_logger = logging.getLogger(__name__)

# A broken enumeration (fields or methods silently skipped) must not pass with a handful of
# attempts: every role tries every writable field and public method, which is far more.
MIN_WRITES, MIN_CALLS, MIN_ALLOWED = 10000, 1000, 1500
# Chatter and attachments filter in Python (_search overrides): always re-read by the ORM.
ORM_ONLY = frozenset({"mail.message", "ir.attachment"})
# Every so many transitions that go through, the compiled probe is checked against the ORM.
PROBE_CHECK_EVERY = 40
# The student directory decides who a teacher's own students are: placing a
# student in a class or giving them a mentor shows that class's teachers these records.
DIRECTORY_MODELS = frozenset({"res.partner", "student_care.class"})
TEACHER_VIEWS = frozenset(
    {"student_care.case.status", "student_care.note.timeline", "student_care.attendance"}
)
_REFUSED = object()


def _short_access_error(model, *args):
    return AccessError(f"{model._name}: refused {args}")


@tagged("post_install", "-at_install")
class TestTransitions(TransitionFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_fixtures()
        cls.role_envs = {
            role: cls.env(user=user.id, su=False, context=ATTACK_CONTEXT)
            for role, user in cls.users.items()
        }
        cls.shared_notes = {
            ("student_care.note", note.id)
            for note in cls.notes.values()
            if note.sensitivity == "shared"
        }
        with mute_logger(*MUTED):
            cls.before = {role: cls._readable(role, exhaustive=True) for role in MATRIX_ROLES}
            cls._compile_probe()

    # --- what a role can read ------------------------------------------------------------
    @classmethod
    def _readable_ids(cls, env, model, ids, exhaustive=False):
        """Ids among ``ids`` that ``env``'s user finds and reads the content of."""
        records = env[model].with_context(active_test=False)
        if not ids or not records.has_access("read"):
            return set()
        env.invalidate_all()
        ids = sorted(ids)
        found = records.browse(ids) if exhaustive else records.search([("id", "in", ids)])
        if not found:
            return set()
        try:
            found.read(READS[model])
        except (AccessError, MissingError):
            _logger.debug("%s: some of %s refused as a whole, reading one by one", model, ids)
        else:
            return set(found.ids)
        readable = set()
        for record in found:
            env.invalidate_all()
            try:
                record.read(READS[model])
            except (AccessError, MissingError):
                continue
            readable.add(record.id)
        return readable

    @classmethod
    def _readable(cls, role, exhaustive=False):
        env = cls.role_envs[role]
        return {
            model: frozenset(cls._readable_ids(env, model, ids, exhaustive))
            for model, ids in cls.universe.items()
        }

    def _gained(self, role, models=None):
        """What ``role`` reads now and did not before, through the ORM."""
        env, before, gained = self.role_envs[role], self.before[role], set()
        for model, ids in self.universe.items():
            candidates = ids - before[model]
            if candidates and (models is None or model in models):
                gained.update((model, rid) for rid in self._readable_ids(env, model, candidates))
        return gained

    @classmethod
    def _compile_probe(cls):
        """Re-reading every role through the ORM after each transition costs some 70
        searches. Instead, keep the SQL the ORM builds for each role's search (ACL and record
        rules, compiled for that user) and run all of it in one round trip; what it finds
        new is then read through the ORM. The compiled SQL holds the user's groups and
        companies and the rules as they were: a fingerprint of those (and of the rows that
        give access to chatter and attachments) tells when to re-read through the ORM. A
        changed row gets a new xmin, a removed one lowers the count.
        """
        parts = []
        for role, env in cls.role_envs.items():
            for model, ids in cls.universe.items():
                records = env[model].with_context(active_test=False)
                if model in ORM_ONLY or not records.has_access("read"):
                    continue
                query = records._search([("id", "in", sorted(ids))])
                parts.append(
                    SQL("SELECT %s, %s, q.id FROM (%s) AS q", role, model, query.select())
                )
        cls.probe_sql = SQL(" UNION ALL ").join(parts)
        cls.probe_name = f"transition_probe_{uuid.uuid4().hex}"
        cls.fingerprint_sql = SQL(
            """
            SELECT md5(concat_ws('|',
                (SELECT string_agg(concat(uid, ':', gid), ',' ORDER BY uid, gid)
                   FROM res_groups_users_rel WHERE uid = ANY(%(uids)s)),
                (SELECT string_agg(concat(user_id, ':', cid), ',' ORDER BY user_id, cid)
                   FROM res_company_users_rel WHERE user_id = ANY(%(uids)s)),
                (SELECT string_agg(concat_ws(':', id, company_id, partner_id, active, share),
                                   ',' ORDER BY id)
                   FROM res_users WHERE id = ANY(%(uids)s)),
                (SELECT concat(count(*), ':', max(xmin::text::bigint)) FROM ir_rule),
                (SELECT concat(count(*), ':', max(xmin::text::bigint)) FROM rule_group_rel),
                (SELECT concat(count(*), ':', max(xmin::text::bigint)) FROM ir_model_access),
                (SELECT concat(count(*), ':', max(xmin::text::bigint))
                   FROM res_groups_implied_rel)
            )), md5(concat_ws('|',
                (SELECT string_agg(concat_ws(':', id, author_id, create_uid, model, res_id,
                                             message_type, subtype_id), ',' ORDER BY id)
                   FROM mail_message WHERE id = ANY(%(messages)s)),
                (SELECT string_agg(concat(mail_message_id, ':', res_partner_id), ','
                                   ORDER BY mail_message_id, res_partner_id)
                   FROM mail_message_res_partner_rel WHERE mail_message_id = ANY(%(messages)s)),
                (SELECT string_agg(concat(mail_message_id, ':', res_partner_id), ','
                                   ORDER BY mail_message_id, res_partner_id)
                   FROM mail_notification WHERE mail_message_id = ANY(%(messages)s)),
                (SELECT string_agg(concat_ws(':', id, res_model, res_id, res_field, public,
                                             create_uid), ',' ORDER BY id)
                   FROM ir_attachment WHERE id = ANY(%(attachments)s))
            ))
            """,
            uids=sorted(user.id for user in cls.users.values()),
            messages=sorted(cls.universe["mail.message"]),
            attachments=sorted(cls.universe["ir.attachment"]),
        )

    def _gains(self):
        """What each role newly reads after a transition."""
        access, chatter = self.env.execute_query(self.fingerprint_sql)[0]
        if access != self.fingerprint[0]:
            # Groups, companies or rules changed: the compiled SQL is stale.
            self.stats["orm_rereads"] += 1
            self._reset_envs()
            return {role: self._gained(role) for role in MATRIX_ROLES}
        found = {role: set() for role in MATRIX_ROLES}
        execute = SQL("EXECUTE %s", SQL.identifier(self.probe_name))
        for role, model, record_id in self.env.execute_query(execute):
            if record_id not in self.before[role][model]:
                found[role].add(model)
        gains = {}
        for role, models in found.items():
            # Chatter and attachments follow their case or note, unless their own rows moved.
            if models or chatter != self.fingerprint[1]:
                models |= ORM_ONLY
            gains[role] = self._gained(role, models) if models else set()
        self.stats["probes"] += 1
        if self.stats["probes"] % PROBE_CHECK_EVERY == 1:
            for role in MATRIX_ROLES:
                with self.subTest(probe=role, after=self.stats["probes"]):
                    self.assertEqual(gains[role], self._gained(role), "the probe missed it")
        return gains

    def _reset_envs(self):
        for env in list(self.env.transaction.envs):
            lazy_property.reset_all(env)

    def _in_scope(self, actor, key):
        """Whether ``actor`` may hand on access to ``key``: it reads it, or reads its case."""
        before = self.before[actor]
        if key[1] in before.get(key[0], ()):
            return True
        cases = before["student_care.case"]
        if self.case_of.get(key) in cases:
            return True
        students = {self.case_student[case] for case in cases}
        return key in self.student_of and self.student_of[key] in students

    # --- attempts ------------------------------------------------------------------------
    def _targets(self, role, model):
        env = self.role_envs[role]
        if model == "res.users":
            return [env["res.users"].browse(env.uid)]
        # One record at a time, as over RPC: no prefetching of the others.
        return [env[model].browse(record_id) for record_id in self.targets[model].ids]

    def _current(self, model, records, names):
        rows = self.env[model].browse([r.id for r in records]).read(names, load=None)
        self.env.invalidate_all()
        return {row["id"]: row for row in rows}

    def _attack_writes(self, role, model):
        env = self.role_envs[role]
        user = env["res.users"].browse(env.uid)
        records = self._targets(role, model)
        names = list(writable_fields(env[model]))
        current = self._current(model, records, [name for name, _description in names])
        allow = functools.partial(self._allow_directory, role, model)
        for record in records:
            where = f"{model} {self._label((model, record.id))}"
            for name, description in names:
                values = self.values.values(
                    env[model], user, name, description, current[record.id].get(name)
                )
                for label, vals in values:
                    write = functools.partial(record.write, vals)
                    self._attempt(role, "write", f"{where} write {label}", write, allow)

    def _attack_calls(self, role, model):
        env = self.role_envs[role]
        for name, function in public_methods(env[model]).items():
            model_method = is_model_method(function)
            targets = [env[model]] if model_method else self._targets(role, model)
            for target in targets:
                where = "@api.model" if model_method else self._label((model, target.id))
                label = f"{model} {where} {name}()"
                if not callable_without_input(function):
                    self.stats["call"] += 1
                    self.stats["needs_input"] += 1
                    self.per_role[role] += 1
                    continue
                if (model, name) == ("student_care.note.break_glass", "action_confirm"):
                    allow = functools.partial(self._allow_break_glass, role, target)
                else:
                    allow = functools.partial(self._allow_directory, role, model)
                self._attempt(role, "call", label, getattr(target, name), allow)

    def _attempt(self, role, kind, label, run, allow):
        self.stats[kind] += 1
        self.per_role[role] += 1
        try:
            result = self._run(label, run)
            if result is not _REFUSED:
                self.stats["allowed"] += 1
                self._check(role, label, result, allow)
        finally:
            self._rollback()

    def _run(self, label, run):
        try:
            result = run()
            self.env.flush_all()
        except REFUSED:
            self.stats["refused"] += 1
            return _REFUSED
        except Exception as error:  # a crash stores nothing either: counted, listed in the log
            self.stats["refused"] += 1
            self.errors[f"{type(error).__name__}: {label}"] += 1
            return _REFUSED
        return result

    def _rollback(self):
        """Undo the attempt: back to the savepoint taken before the first one (a savepoint
        stays in place after ROLLBACK TO: one query an attempt instead of three)."""
        cr = self.env.cr
        cr.clear()  # the ORM cache, pending computations and precommit hooks
        cr.execute(SQL("ROLLBACK TO SAVEPOINT %s", SQL.identifier(self.savepoint)))
        self.env.invalidate_all(flush=False)
        registry = self.registry
        if registry.cache_invalidated:
            # e.g. a user changed their own groups: the rolled-back state must not stay cached
            registry.clear_all_caches()
            registry.cache_invalidated.clear()
            self._reset_envs()

    def _check(self, role, label, result, allow):
        gains = self._gains()
        allowed, problems = allow(gains)
        own = gains[role] - allowed.get(role, set())
        if own:
            problems.append(f"{role} newly reads: {self._labels(own)}")
        for other, gained in gains.items():
            beyond = {
                key for key in gained - allowed.get(other, set()) if not self._in_scope(role, key)
            }
            if other != role and beyond:
                problems.append(
                    f"{other} newly reads what {role} may not read: {self._labels(beyond)}"
                )
        leaked = self._leaked(role, result, allowed.get(role, set()))
        if leaked:
            problems.append(f"the return value carries content of: {self._labels(leaked)}")
        granted = {other: keys & gains[other] for other, keys in allowed.items()}
        if any(granted.values()) and not problems:
            self.by_design.append(
                f"{role}: {label}: "
                + "; ".join(
                    f"{other} reads {self._labels(keys)}"
                    for other, keys in granted.items()
                    if keys
                )
            )
        message = f"{role}: {label}\n  " + "\n  ".join(problems)
        with self.subTest(role=role, attempt=label):
            if problems:
                self.violations.append(message)
            self.assertFalse(problems, message)

    def _leaked(self, role, result, allowed):
        if isinstance(result, bool | None):
            return set()
        text, before = repr(result), self.before[role]
        return {
            key
            for key, token in self.tokens.items()
            if key[0] in before
            and key[1] not in before[key[0]]
            and key not in allowed
            and token in text
        }

    # --- transitions that open records by design -------------------------------------------
    def _allow_directory(self, role, model, gains):
        """Whoever may place a student in a class or give them a mentor decides which
        teachers see that the student's case exists, its timeline, its shared notes and
        the attendance. Never for the teacher's own transitions."""
        if model not in DIRECTORY_MODELS or role == "teacher":
            return {}, []
        keys = {
            key for key in gains["teacher"] if key[0] in TEACHER_VIEWS or key in self.shared_notes
        }
        return {"teacher": keys}, []

    def _allow_break_glass(self, role, wizard, gains):
        """A care manager who gives a reason opens that one sealed note; the access log
        records it and the author gets an activity."""
        wizard, user = wizard.sudo(), self.users[role]
        note = wizard.note_id
        allowed = {("student_care.note", note.id)} | {
            ("ir.attachment", attachment.id) for attachment in note.attachment_ids
        }
        problems = []
        if ("student_care.note", note.id) in gains[role]:
            logged = self.env["student_care.access.log"].search_count(
                [
                    ("note_ref", "=", note.id),
                    ("channel", "=", "break_glass"),
                    ("user_id", "=", user.id),
                    ("reason", "=", wizard.reason),
                ]
            )
            told = self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "student_care.case"),
                    ("res_id", "=", note.case_id.id),
                    ("user_id", "=", note.author_id.id),
                ]
            )
            if not logged:
                problems.append("breaking the glass left no row in the access log")
            if not told:
                problems.append("breaking the glass did not tell the author")
        self.env.invalidate_all()
        return {role: allowed}, problems

    # --- tests ---------------------------------------------------------------------------
    @mute_logger(*MUTED)
    def test_baseline(self):
        """The fixtures mean something: each role reads what its role grants, found either way
        (search finds exactly what read() allows, so searching is a faithful probe)."""
        for role in MATRIX_ROLES:
            searched = self._readable(role)
            for model, ids in self.before[role].items():
                with self.subTest(role=role, model=model):
                    self.assertEqual(searched[model], ids)
        expect = {
            "careworker": ({"a_own", "a_mate"}, {"b", "none", "other"}),
            "specialist": ({"a_mate"}, {"a_own", "b", "none", "other"}),
            "caremanager": ({"a_own", "a_mate", "b", "none"}, {"other"}),
            "teacher": (set(), {"a_own", "a_mate", "b", "none", "other"}),
            "admin": (set(), {"a_own", "a_mate", "b", "none", "other"}),
        }
        for role, (readable, unreadable) in expect.items():
            ids = self.before[role]["student_care.case"]
            for key in readable:
                self.assertIn(self.cases[key].id, ids, f"{role} should read case {key}")
            for key in unreadable:
                self.assertNotIn(self.cases[key].id, ids, f"{role} must not read case {key}")
        notes = {role: self.before[role]["student_care.note"] for role in MATRIX_ROLES}
        self.assertNotIn(self.notes["a_mate/confidential"].id, notes["careworker"])
        self.assertIn(self.notes["a_mate/confidential"].id, notes["specialist"])
        self.assertNotIn(self.notes["b/sealed"].id, notes["caremanager"])
        self.assertIn(self.notes["a_own/shared"].id, notes["teacher"])

    @mute_logger(*MUTED)
    def test_users_cannot_widen_their_own_user(self):
        """Odoo prevents it: below the settings administrator, nobody changes their own
        groups or institutions (the administrator is attacked in test_transitions)."""
        manager = self.env.ref("student_care.student_care_group_care_manager")
        other = self.other_school
        for role in MATRIX_ROLES:
            if role == "admin":
                continue
            user = self.role_envs[role]["res.users"].browse(self.users[role].id)
            for vals in (
                {"groups_id": [Command.link(manager.id)]},
                {"company_ids": [Command.link(other.id)]},
            ):
                with self.subTest(role=role, vals=vals), self.assertRaises(AccessError):
                    with self.env.cr.savepoint():
                        user.write(vals)
            with self.env.cr.savepoint():
                user.write({"company_id": other.id})  # self-writable, but only to own ones
                self.assertEqual(user.sudo().company_id, self.school)

    @mute_logger(*MUTED)
    def test_transitions(self):
        # Odoo spells out each refusal (every rule evaluated again, names read as sudo),
        # which would dominate the suite's time. The refusal is unchanged; only its
        # message is short here.
        for model in ("ir.rule", "ir.model.access"):
            patcher = patch.object(
                type(self.env[model]), "_make_access_error", _short_access_error
            )
            patcher.start()
            self.addCleanup(patcher.stop)
        cr = self.env.cr
        cr.execute(SQL("PREPARE %s AS %s", SQL.identifier(self.probe_name), self.probe_sql))
        self.addCleanup(cr.execute, SQL("DEALLOCATE %s", SQL.identifier(self.probe_name)))
        self.fingerprint = self.env.execute_query(self.fingerprint_sql)[0]
        self.registry.clear_all_caches()
        self.registry.cache_invalidated.clear()
        self.stats, self.errors, self.per_role = Counter(), Counter(), Counter()
        self.violations, self.by_design = [], []
        self.values = ValueMaker(self)
        self.savepoint = f"transition_{uuid.uuid4().hex}"
        start = time.monotonic()
        cr.flush()
        cr.execute(SQL("SAVEPOINT %s", SQL.identifier(self.savepoint)))
        try:
            for role in MATRIX_ROLES:
                for model, (writes, calls) in ATTACKS.items():
                    if writes:
                        self._attack_writes(role, model)
                    if calls:
                        self._attack_calls(role, model)
        finally:
            self._rollback()
            cr.execute(SQL("RELEASE SAVEPOINT %s", SQL.identifier(self.savepoint)))
        self._log(time.monotonic() - start)
        self.assertGreater(self.stats["write"], MIN_WRITES)
        self.assertGreater(self.stats["call"], MIN_CALLS)
        self.assertGreater(self.stats["allowed"], MIN_ALLOWED)
        self.assertEqual(set(self.per_role), set(MATRIX_ROLES))
        self.assertTrue(
            any("break_glass" in line for line in self.by_design),
            "breaking the glass never opened its note: the by-design path went untested",
        )
        # Every attempt was rolled back: the world is as it was.
        self.assertEqual(self.env.execute_query(self.fingerprint_sql)[0], self.fingerprint)
        for role in ("specialist", "careworker", "caremanager"):
            self.assertEqual(self._readable(role), self.before[role])

    def _log(self, elapsed):
        stats = self.stats
        _logger.info(
            "Transition suite: %s attempts (%s writes, %s calls) over %s roles, "
            "%s refused, %s allowed",
            stats["write"] + stats["call"],
            stats["write"],
            stats["call"],
            len(MATRIX_ROLES),
            stats["refused"],
            stats["allowed"],
        )
        _logger.info(
            "Transition suite: %s calls need input (not called); %s allowed attempts "
            "widened access, %s opened records by design; %s re-read through the ORM; "
            "%.1f s; attempts per role: %s; crashes: %s",
            stats["needs_input"],
            len(self.violations),
            len(self.by_design),
            stats["orm_rereads"],
            elapsed,
            dict(self.per_role),
            dict(self.errors) or "none",
        )
        for line in self.by_design:
            _logger.info("Transition suite: by design: %s", line)
        for message in self.violations:
            _logger.info("Transition suite: widened access: %s", message)


@tagged("post_install", "-at_install")
class TestTransitionsRpc(RpcProbes, TransitionFixtures, HttpCase):
    """The known holes, replayed by their attacker with a real login over JSON-RPC."""

    PREFIX = "trx"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_fixtures()

    def _login(self, role):
        self.login_as(self.users[role])

    def _rpc_readable(self, role):
        """(model, id) of the fixtures that ``role`` finds and reads over JSON-RPC."""
        self._login(role)
        readable = set()
        for model, ids in self.universe.items():
            try:
                rows = self.rpc(
                    model,
                    "search_read",
                    [[("id", "in", sorted(ids))], READS[model]],
                    {"context": {"active_test": False}},
                )
            except JsonRpcException:
                continue  # no access to the model at all
            readable.update((model, row["id"]) for row in rows)
        return readable

    def _try(self, role, model, method, args):
        """Call as ``role``; True if the server accepted it, False if it refused."""
        self._login(role)
        try:
            self.rpc(model, method, args)
        except JsonRpcException:
            return False  # refused in any way: access, validation, user error
        return True

    def _assert_nothing_new(self, role, before, attempt):
        new = self._rpc_readable(role) - before
        if new:
            self.fail(f"{role}: after {attempt}, newly reads: {self._labels(new)}")

    @mute_logger(*MUTED)
    def test_rpc_specialist_moves_own_referral(self):
        before = self._rpc_readable("specialist")
        referral, case = self.referrals["active"], self.cases["b"]
        vals = {"case_id": case.id, "state": "active"}
        self._try("specialist", "student_care.referral", "write", [[referral.id], vals])
        self._assert_nothing_new("specialist", before, f"referral:active write {vals}")

    @mute_logger(*MUTED)
    def test_rpc_specialist_reactivates_ended_referral(self):
        before = self._rpc_readable("specialist")
        referral = self.referrals["ended"]
        self._try("specialist", "student_care.referral", "action_activate", [[referral.id]])
        self._assert_nothing_new("specialist", before, "referral:ended action_activate()")

    @mute_logger(*MUTED)
    def test_rpc_careworker_points_referral_at_other_team(self):
        before = self._rpc_readable("careworker")
        specialist_before = self._rpc_readable("specialist")
        referral, case = self.referrals["active"], self.cases["b"]
        vals = {"case_id": case.id}
        self._try("careworker", "student_care.referral", "write", [[referral.id], vals])
        attempt = "careworker wrote referral:active {'case_id': case:b}"
        self._assert_nothing_new("careworker", before, attempt)
        self._assert_nothing_new("specialist", specialist_before, attempt)

    @mute_logger(*MUTED)
    def test_rpc_careworker_takes_teammates_case(self):
        before = self._rpc_readable("careworker")
        case, worker = self.cases["a_mate"], self.users["careworker"]
        self._try("careworker", "student_care.case", "write", [[case.id], {"user_id": worker.id}])
        self._assert_nothing_new("careworker", before, "case:a_mate write user_id=careworker")
        note = self.notes["a_mate/confidential"]
        with self.assertRaises(JsonRpcException, msg="careworker reads a_mate/confidential"):
            self.rpc("student_care.note", "read", [[note.id], ["body"]])

    @mute_logger(*MUTED)
    def test_rpc_caremanager_takes_any_case(self):
        before = self._rpc_readable("caremanager")
        case, manager = self.cases["b"], self.users["caremanager"]
        self._try(
            "caremanager", "student_care.case", "write", [[case.id], {"user_id": manager.id}]
        )
        self._assert_nothing_new("caremanager", before, "case:b write user_id=caremanager")
        note = self.notes["b/confidential"]
        with self.assertRaises(JsonRpcException, msg="caremanager reads b/confidential"):
            self.rpc("student_care.note", "read", [[note.id], ["body"]])

    @mute_logger(*MUTED)
    def test_rpc_concern_drafts_stay_with_their_author(self):
        """Another user's "Report a concern" draft (about a named student) is not theirs."""
        others = {self.drafts["mate"].id, self.drafts["teacher"].id}
        for role in ("billing", "attendance"):
            with self.subTest(role=role):
                self._login(role)
                rows = self.rpc("student_care.case.signal", "search_read", [[], ["description"]])
                self.assertFalse(
                    others & {row["id"] for row in rows}, f"{role} finds others' drafts"
                )
                draft = self.drafts["mate"]
                with self.assertRaises(JsonRpcException, msg=f"{role} reads signal:mate"):
                    self.rpc("student_care.case.signal", "read", [[draft.id], ["description"]])
                self.assertFalse(
                    self._try(
                        role,
                        "student_care.case.signal",
                        "write",
                        [[draft.id], {"description": "<p>changed</p>"}],
                    ),
                    f"{role} changed signal:mate",
                )

    @mute_logger(*MUTED)
    def test_rpc_consents_without_case(self):
        """A care worker reads consents of the students of their cases, not of others."""
        consent = self.consents["nocase"]
        self._login("careworker")
        rows = self.rpc("student_care.consent", "search_read", [[], ["purpose"]])
        self.assertNotIn(consent.id, {row["id"] for row in rows}, "careworker finds it")
        with self.assertRaises(JsonRpcException, msg="careworker reads consent:nocase"):
            self.rpc("student_care.consent", "read", [[consent.id], ["purpose"]])
        before = self._rpc_readable("careworker")
        vals = {"student_id": self.students["a1"].id}
        self.assertFalse(
            self._try("careworker", "student_care.consent", "write", [[consent.id], vals]),
            "careworker moved consent:nocase to their student",
        )
        self._assert_nothing_new("careworker", before, "consent:nocase write student_id=a1")
