# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The portal security matrix: with real portal logins (guardian with custody, father
without custody, legal guardian without custody, guardian flagged No Access, another
family's guardian, a student's own login, the public), over the ORM, JSON-RPC and HTTP.

A login reads only the children it has a legal right to see, never another family's,
never a care or truancy record, never a staff name; it writes nothing, and no public
method, aggregate or search on a restricted field widens what it reads.
"""

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.models.access import CARE_MODELS

from .portal import PORTAL_SEES, PortalCommon
from .probes import MUTED, RpcProbes, orm_probe

REFUSED = (AccessError, MissingError, UserError, ValidationError)
# Models a portal login reads some rows of, by design, and whose rows: the student's own
# consents (student_care); the inquiry desk's topics and stages, which the public form and
# the family's question pages name to everyone. Every other model of student_care is closed
# to the portal (a family's own inquiries: test_inquiry_security).
PORTAL_READABLE = {
    "student_care.consent": {"student"},
    "student_care.inquiry.stage": {"everyone"},
    "student_care.inquiry.topic": {"everyone"},
}
# Whatever another add-on opens to families, never these: the care dossier and the
# truancy follow-up, with the staff views of them.
NEVER_WORDS = ("case", "note", "referral", "truancy", "access.log", "outreach", "official")


def sample_value(record, name, field):
    """A plausible value to write into ``field`` (the write must be refused for access,
    not fail on the value)."""
    if field.type in ("char", "text", "html"):
        return "Changed by the portal"
    if field.type == "boolean":
        return not record[name] if name in record else True
    if field.type in ("integer", "float", "monetary"):
        return 7
    if field.type == "date":
        return "2020-01-01"
    if field.type == "datetime":
        return "2020-01-01 08:00:00"
    if field.type == "selection":
        values = [v for v, _label in field._description_selection(record.env)]
        return values[-1] if values else False
    if field.type == "many2one":
        return record.env[field.comodel_name].sudo().search([], limit=1).id or False
    if field.type in ("one2many", "many2many"):
        return [(5, 0, 0)]
    if field.type in ("binary", "image"):
        return "aGVsbG8="
    if field.type == "properties":
        return {}
    if field.type == "json":
        return {"x": 1}
    return False


def allowed(env, call):
    """Like ``orm_probe``, but any refusal counts (res.partner checks some values before
    Odoo checks the access rights): True only if the call went through."""
    try:
        return orm_probe(env, call)
    except REFUSED:
        return False


def writable_fields(model):
    """Every field a client could send in a write."""
    return {
        name: field
        for name, field in model._fields.items()
        if name not in ("id", "display_name", "__last_update")
        and not (field.compute and not field.inverse and not field.store)
        and not field.automatic
    }


def closed_models(env):
    """student_care.* models a portal login must not read at all (registry-wide: the
    care dossier, the truancy follow-up, configuration, wizards), with whether the model
    belongs to student_care itself."""
    result = {}
    for name in sorted(env.registry):
        model = env[name]
        if not name.startswith("student_care.") or model._abstract or name in PORTAL_READABLE:
            continue
        own = model._original_module == "student_care"
        never = name in CARE_MODELS or any(word in name for word in NEVER_WORDS)
        if own or never:
            result[name] = model
    return result


class TestPortalSecurityOrm(PortalCommon):
    def test_each_login_reads_exactly_its_children(self):
        for key, user in self.portal.items():
            with self.subTest(login=key):
                self.env.invalidate_all()
                partners = self.env["res.partner"].with_user(user)
                self.assertEqual(partners._portal_family_students(), self.seen_by(key))
                # The same through the rules alone: a plain search of students.
                self.assertEqual(partners.search([("is_student", "=", True)]), self.seen_by(key))
                for name, child in self.children.items():
                    readable = orm_probe(
                        self.env, lambda c=child, u=user: c.with_user(u).read(["name"])
                    )
                    self.assertEqual(readable, name in PORTAL_SEES[key], name)

    def test_internal_user_has_no_family_on_the_portal(self):
        teacher = self.users["teacher"]
        self.assertFalse(self.env["res.partner"].with_user(teacher)._portal_family_students())

    @mute_logger(*MUTED)
    def test_staff_and_dossier_fields_are_refused(self):
        """Every res.partner field naming staff, care, truancy or an identity number."""
        Partner = self.env["res.partner"]
        closed = [
            name
            for name, field in Partner._fields.items()
            if name in ("mentor_id", "national_id", "portal_updated_date")
            or name.endswith(("_user_ids", "case_count", "notice_count", "event_count"))
            or (
                field.relational
                and field.comodel_name.startswith("student_care.")
                and field.comodel_name
                not in ("student_care.class", "student_care.grade", "student_care.programme")
            )
        ]
        self.assertIn("teacher_user_ids", closed)
        self.assertIn("care_case_ids", closed)
        for key, user in self.portal.items():
            for child in self.seen_by(key):
                for name in closed:
                    with self.subTest(login=key, child=child.name, field=name):
                        self.env.invalidate_all()
                        try:
                            value = child.with_user(user).read([name])[0][name]
                        except AccessError:
                            continue
                        self.assertFalse(value, f"{key} reads {name} of {child.name}")

    @mute_logger(*MUTED)
    def test_no_care_or_truancy_model_is_readable(self):
        records = {
            name: model.sudo().with_context(active_test=False).search([], limit=1)
            for name, model in closed_models(self.env).items()
        }
        self.assertIn("student_care.case", records)
        self.assertIn("student_care.note", records)
        for key, user in self.portal.items():
            for name, record in records.items():
                model = self.env[name].with_user(user)
                with self.subTest(login=key, model=name):
                    self.env.invalidate_all()
                    try:
                        count = model.search_count([])
                    except AccessError:
                        count = 0
                    self.assertEqual(count, 0)
                    try:
                        groups = model._read_group([], [], ["__count"])
                    except AccessError:
                        groups = [(0,)]
                    self.assertEqual(groups[0][0], 0)
                    if record:
                        self.assertFalse(
                            orm_probe(
                                self.env,
                                lambda r=record, u=user: r.with_user(u).read(["display_name"]),
                            )
                        )

    @mute_logger(*MUTED)
    def test_other_addons_open_only_own_children(self):
        """Models of the other add-ons a family may read (attendance, notices...) give
        rows of the login's own children only."""
        for name in sorted(self.env.registry):
            model = self.env[name]
            if (
                not name.startswith("student_care.")
                or model._abstract
                or name in closed_models(self.env)
                or "student_id" not in model._fields
            ):
                continue
            for key, user in self.portal.items():
                with self.subTest(login=key, model=name):
                    try:
                        rows = model.with_user(user).search([])
                    except AccessError:
                        continue
                    self.assertLessEqual(
                        set(rows.sudo().student_id.ids), set(self.seen_by(key).ids)
                    )

    @mute_logger(*MUTED)
    def test_consents_a_student_reads(self):
        agency = self.env["res.partner"].create({"name": "Youth Service", "is_company": True})
        Consent = self.env["student_care.consent"]
        own = Consent.create(
            {"student_id": self.student.id, "given_by": "student", "agency_id": agency.id,
             "purpose": "Wellbeing updates"}
        )  # fmt: skip
        by_mother = Consent.create(
            {"student_id": self.student.id, "given_by": "guardian",
             "guardian_id": self.mother.id, "agency_id": agency.id, "purpose": "Family plan"}
        )  # fmt: skip
        self.env.flush_all()
        student = self.portal["student"]
        self.assertEqual(Consent.with_user(student).search([]), own)
        self.assertFalse(
            orm_probe(self.env, lambda: by_mother.with_user(student).read(["purpose"]))
        )
        for key in ("mother", "legal", "other", "nocustody", "denied"):
            with self.subTest(login=key):
                self.assertFalse(Consent.with_user(self.portal[key]).search([]))
        # Reading, not changing: every field of the consent, and withdrawing it.
        for name, field in writable_fields(Consent).items():
            with self.subTest(field=name):
                value = sample_value(own, name, field)
                self.assertFalse(
                    allowed(self.env, lambda n=name, v=value: own.with_user(student).write({n: v}))
                )
        self.assertFalse(orm_probe(self.env, lambda: own.with_user(student).action_withdraw()))
        self.assertFalse(orm_probe(self.env, lambda: own.with_user(student).unlink()))

    @mute_logger(*MUTED)
    def test_no_field_is_writable(self):
        """Every field of res.partner (own contact and a child) and of the guardian links."""
        user = self.portal["mother"]
        targets = {
            "own contact": self.mother,
            "child": self.student,
            "other family": self.family_b_student,
            "guardian link": self.link,
        }
        for label, record in targets.items():
            for name, field in writable_fields(record).items():
                value = sample_value(record, name, field)
                with self.subTest(target=label, field=name):
                    self.assertFalse(
                        allowed(
                            self.env,
                            lambda r=record, n=name, v=value: r.with_user(user).write({n: v}),
                        ),
                        f"the portal wrote {name} on {label}",
                    )
            with self.subTest(target=label, op="unlink"):
                self.assertFalse(orm_probe(self.env, lambda r=record: r.with_user(user).unlink()))
        Link = self.env["student_care.guardian.link"].with_user(user)
        self.assertFalse(
            orm_probe(
                self.env,
                lambda: Link.create(
                    {"student_id": self.family_b_student.id, "guardian_id": self.mother.id}
                ),
            )
        )

    @mute_logger(*MUTED)
    def test_public_methods_widen_nothing(self):
        """Every action_* of res.partner and the guardian link, called as a family login
        on another family's child: refused, or an answer that names nobody."""
        user = self.portal["mother"]
        foreign = {self.family_b_student.name, self.guardians["other"].name, *self.staff_names}
        for record in (self.family_b_student, self.student, self.link):
            methods = sorted(name for name in dir(type(record)) if name.startswith("action_"))
            for method in methods:
                with self.subTest(model=record._name, method=method):
                    self.env.invalidate_all()
                    savepoint = self.env.cr.savepoint()
                    try:
                        result = getattr(record.with_user(user), method)()
                    except (*REFUSED, TypeError, AssertionError):
                        continue
                    finally:
                        savepoint.close(rollback=True)
                    for name in foreign:
                        self.assertNotIn(name, repr(result))

    @mute_logger(*MUTED)
    def test_chatter_of_a_child_names_no_staff(self):
        """The student's chatter (mentor and class changes are tracked) is staff-only."""
        # As Odoo logs a tracked change (records created in this transaction are not
        # tracked in tests): the mentor's name in a tracking value and a staff note.
        field = self.env["ir.model.fields"]._get("res.partner", "mentor_id")
        self.student._message_log(
            body=f"Mentor now {self.users['careworker'].name}",
            tracking_value_ids=[
                (0, 0, {"field_id": field.id, "new_value_char": self.users["careworker"].name})
            ],
        )
        self.env.flush_all()
        tracked = self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", self.student.id),
                ("tracking_value_ids", "!=", False),
            ]
        )
        self.assertTrue(tracked, "the mentor change is tracked")
        user = self.portal["mother"]
        messages = (
            self.env["mail.message"]
            .with_user(user)
            .search([("model", "=", "res.partner"), ("res_id", "=", self.student.id)])
        )
        for message in messages.sudo():
            text = f"{message.body} {message.tracking_value_ids.mapped('new_value_char')}"
            for staff in self.staff_names:
                self.assertNotIn(staff, text)
        self.assertFalse(
            self.env["mail.tracking.value"].with_user(user).search_count([])
            if self.env["mail.tracking.value"].with_user(user).has_access("read")
            else 0
        )

    @mute_logger(*MUTED)
    def test_aggregates_and_searches_on_restricted_fields(self):
        user = self.portal["mother"]
        Partner = self.env["res.partner"].with_user(user)
        for domain in (
            [("mentor_id", "=", self.users["teacher"].id)],
            [("national_id", "!=", False)],
            [("family_user_ids", "in", [self.portal["other"].id])],
            [("teacher_user_ids", "in", [self.users["teacher"].id])],
            [("guardian_link_ids.guardian_id", "=", self.guardians["other"].id)],
            [("care_case_ids", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.env.invalidate_all()
                try:
                    found = Partner.search(domain)
                except (AccessError, UserError):
                    continue
                self.assertLessEqual(set(found.ids), set(self.seen_by("mother").ids))
                self.assertFalse(found & self.family_b_student)
        with self.assertRaises(AccessError):
            Partner.read_group([], ["id:count"], ["mentor_id"])
        groups = Partner.read_group([("is_student", "=", True)], ["id:count"], ["class_id"])
        self.assertEqual(sum(g["class_id_count"] for g in groups), 2)

    def test_home_queries_do_not_grow_with_children(self):
        user = self.portal["mother"]
        Partner = self.env["res.partner"].with_user(user)

        def home():
            self.env.invalidate_all()
            children = Partner._portal_family_students()
            children._portal_card_values()
            return children

        home()  # warm the rule and group caches
        with self.assertQueryCount(__system__=8):
            self.assertEqual(len(home()), 2)
        third = self.create_student("Jet Visser", "100004")
        self.env["student_care.guardian.link"].create(
            {"student_id": third.id, "guardian_id": self.mother.id}
        )
        self.env.flush_all()
        home()
        with self.assertQueryCount(__system__=8):
            self.assertEqual(len(home()), 3)


@tagged("post_install", "-at_install")
class TestPortalSecurityHttp(RpcProbes, HttpCase, PortalCommon):
    def _get(self, url):
        return self.url_open(url, allow_redirects=False)

    @mute_logger(*MUTED)
    def test_home_shows_own_children_and_nobody_else(self):
        secret = "Secret words"
        for key, user in self.portal.items():
            with self.subTest(login=key):
                self.authenticate(user.login, user.login)
                response = self._get("/my")
                self.assertEqual(response.status_code, 200)
                html = response.text
                for name, child in self.children.items():
                    if name in PORTAL_SEES[key]:
                        self.assertIn(child.name, html)
                        self.assertIn(f"/my/children/{child.id}", html)
                    else:
                        self.assertNotIn(child.name, html)
                for staff in self.staff_names:
                    self.assertNotIn(staff, html)
                self.assertNotIn(secret, html)
                if key == "student":
                    self.assertIn(">You<", html)
                elif PORTAL_SEES[key]:
                    self.assertIn("Your children", html)

    @mute_logger(*MUTED)
    def test_child_page_is_404_unless_seen(self):
        for key, user in self.portal.items():
            self.authenticate(user.login, user.login)
            for name, child in self.children.items():
                with self.subTest(login=key, child=name):
                    response = self._get(f"/my/children/{child.id}")
                    if name in PORTAL_SEES[key]:
                        self.assertEqual(response.status_code, 200)
                        self.assertIn(child.name, response.text)
                        self.assertIn('name="child_page_sections"', response.text)
                        self.assertIn("T9A", response.text)
                        for staff in self.staff_names:
                            self.assertNotIn(staff, response.text)
                    else:
                        self.assertEqual(response.status_code, 404)
                        self.assertNotIn(child.name, response.text)
        # An id that is no partner at all, and one that is a guardian, answer the same.
        self.authenticate("pc_mother", "pc_mother")
        for partner_id in (999999999, self.guardians["other"].id, self.mother.id):
            with self.subTest(partner=partner_id):
                self.assertEqual(self._get(f"/my/children/{partner_id}").status_code, 404)

    def test_public_is_sent_to_login(self):
        self.authenticate(None, None)
        for url in ("/my", f"/my/children/{self.student.id}", "/my/family", "/my/consents"):
            with self.subTest(url=url):
                response = self._get(url)
                self.assertIn(response.status_code, (302, 303))
                self.assertIn("/web/login", response.headers["Location"])
                self.assertNotIn(self.student.name, response.text)

    @mute_logger(*MUTED)
    def test_json_rpc_matrix(self):
        records = {
            name: model.sudo().with_context(active_test=False).search([], limit=1)
            for name, model in closed_models(self.env).items()
        }
        for key, user in self.portal.items():
            self.authenticate(user.login, user.login)
            with self.subTest(login=key, probe="students"):
                rows = self.rpc(
                    "res.partner",
                    "search_read",
                    [[("is_student", "=", True)]],
                    {"fields": ["name"]},
                )
                self.assertEqual({r["name"] for r in rows}, set(self.seen_by(key).mapped("name")))
            for name, child in self.children.items():
                with self.subTest(login=key, child=name, probe="read"):
                    readable = self.rpc_allowed(
                        lambda c=child: self.rpc("res.partner", "read", [c.ids, ["name"]])
                    )
                    self.assertEqual(readable, name in PORTAL_SEES[key])
            for child in self.seen_by(key):
                with self.subTest(login=key, child=child.name, probe="mentor"):
                    self.assert_rpc_refused("res.partner", "read", [child.ids, ["mentor_id"]])
                with self.subTest(login=key, child=child.name, probe="write"):
                    self.assert_rpc_refused("res.partner", "write", [child.ids, {"name": "X"}])
            with self.subTest(login=key, probe="links"):
                self.assert_rpc_refused(
                    "student_care.guardian.link", "search_read", [[]], {"fields": ["guardian_id"]}
                )
                self.assert_rpc_refused(
                    "student_care.guardian.link", "write", [self.link.ids, {"has_custody": True}]
                )
            with self.subTest(login=key, probe="own contact"):
                self.assert_rpc_refused(
                    "res.partner", "write", [user.partner_id.ids, {"is_student": True}]
                )
            for name, record in records.items():
                with self.subTest(login=key, model=name):
                    try:
                        count = self.rpc(name, "search_count", [[]])
                    except Exception as error:  # noqa: BLE001
                        self.assertIn("AccessError", str(error))
                        count = 0
                    self.assertEqual(count, 0)
                    if record:
                        self.assertFalse(
                            self.rpc_allowed(
                                lambda n=name, r=record: self.rpc(
                                    n, "read", [r.ids, ["display_name"]]
                                )
                            )
                        )

    @mute_logger(*MUTED)
    def test_public_methods_over_json_rpc(self):
        """Every action_* of res.partner and the guardian link, called over JSON-RPC by a
        family login on another family's child: refused, or an answer naming nobody."""
        self.authenticate("pc_mother", "pc_mother")
        foreign = {self.family_b_student.name, self.guardians["other"].name, *self.staff_names}
        for model, record in (
            ("res.partner", self.family_b_student),
            ("student_care.guardian.link", self.link),
        ):
            methods = sorted(name for name in dir(type(record)) if name.startswith("action_"))
            self.assertTrue(methods)
            for method in methods:
                with self.subTest(model=model, method=method):
                    try:
                        result = self.rpc(model, method, [record.ids])
                    except Exception as error:  # noqa: BLE001
                        self.assertRegex(
                            str(error),
                            "AccessError|UserError|ValidationError|MissingError|"
                            "TypeError|AssertionError|AttributeError",
                        )
                        continue
                    for name in foreign:
                        self.assertNotIn(name, repr(result))
        self.env.invalidate_all()
        self.assertTrue(self.family_b_student.active)
        self.assertEqual(self.link.guardian_id, self.mother)
