# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every role's path through the web client: the landing page of the app and every menu the
role can see, opened over JSON-RPC as the web client does. Here because it spans the three
add-ons; the attendance roles are checked when student_care_attendance is installed."""

from lxml import etree

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

from odoo.addons.student_care.tests.probes import RpcProbes

from .common import StudentCareBillingCommon

ROOT_MENU = "student_care.student_care_menu_root"
# role -> (the expected landing action, context keys it must carry)
LANDING = {
    "teacher": ("student_care_attendance.student_care_attendance_roll_call_action", {}),
    "attendance": ("student_care_attendance.student_care_outreach_action", {}),
    "careworker": (
        "student_care.student_care_case_action",
        {"search_default_my_cases": 1, "search_default_my_teams": 1},
    ),
    "caremanager": (
        "student_care.student_care_case_action",
        {"search_default_my_cases": 1, "search_default_my_teams": 1},
    ),
    "specialist": ("student_care.student_care_referral_action_mine", {}),
    "billing": (
        "student_care_billing.student_care_service_delivery_action",
        {"search_default_to_invoice": 1},
    ),
}
# Client actions: the call their component makes on start. The cards' actions are opened too.
CLIENT_ACTION_CALLS = {
    "student_care_attendance_dashboard": (
        "student_care.attendance.dashboard",
        "get_dashboard_data",
        ["4weeks"],
    ),
}
MULTI_RECORD_VIEWS = ("list", "kanban", "calendar", "activity", "map", "hierarchy")


@tagged("post_install", "-at_install")
class TestRolePaths(RpcProbes, StudentCareBillingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.intake.name = "Tour intake"
        cls.klass = cls.env["student_care.class"].create(
            {
                "name": "Landing class",
                "company_id": cls.school.id,
                "mentor_id": cls.users["teacher"].id,
            }
        )
        cls.deliver(cls.intake, fields.Date.today())

    def _eval_context(self, user, context=None):
        return {
            "uid": user.id,
            "user": user,
            "context": context or {},
            "context_today": lambda: fields.Date.context_today(user),
            "datetime": datetime,
            "time": time,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "allowed_company_ids": user.company_ids.ids,
            "current_company_id": user.company_id.id,
            "active_id": False,
            "active_ids": [],
            "active_model": False,
        }

    def _evaluate(self, value, user, context=None):
        if not isinstance(value, str):
            return value or ([] if context is not None else {})
        return safe_eval(value, self._eval_context(user, context))

    def _spec(self, arch, model_fields):
        """What the web client reads for a view: its own fields, names of the relations."""
        spec = {}
        for node in etree.fromstring(arch).xpath("//field[not(ancestor::field)]"):
            name = node.get("name")
            field = model_fields.get(name)
            if not field:
                continue
            spec[name] = {"fields": {"display_name": {}}} if field["type"] == "many2one" else {}
        return spec

    def _search_defaults(self, search_arch, context, user):
        """The domains of the filters the action turns on by default (search_default_*)."""
        domain = []
        for node in etree.fromstring(search_arch).xpath("//filter[@name][@domain]"):
            if context.get(f"search_default_{node.get('name')}"):
                domain += self._evaluate(node.get("domain"), user, context)
        return domain

    def open_action(self, action, user):
        """Open ``action`` (a dict from /web/action/load or /web/action/run) as the web
        client does for the logged-in ``user``: its first view and that view's data."""
        if action["type"] == "ir.actions.server":
            result = self.make_jsonrpc_request(
                "/web/action/run", {"action_id": action["id"], "context": {}}
            )
            return self.open_action(result, user) if result else None
        if action["type"] == "ir.actions.client" and action["tag"] in CLIENT_ACTION_CALLS:
            model, method, args = CLIENT_ACTION_CALLS[action["tag"]]
            data = self.rpc(model, method, args)
            for card in data.get("cards", []) if isinstance(data, dict) else []:
                if isinstance(card.get("action"), dict):
                    self.open_action(card["action"], user)
            return data
        if action["type"] != "ir.actions.act_window":
            return None
        model = action["res_model"]
        context = self._evaluate(action.get("context") or "{}", user)
        context = {**context, "allowed_company_ids": user.company_ids.ids}
        domain = self._evaluate(action.get("domain") or "[]", user, context)
        views = [list(view) for view in action.get("views") or []] or [
            [False, view_type] for view_type in action["view_mode"].split(",")
        ]
        search_view = action.get("search_view_id")
        views.append([search_view[0] if search_view else False, "search"])
        result = self.rpc(
            model,
            "get_views",
            [],
            {
                "views": views,
                "options": {
                    "toolbar": True,
                    "load_filters": True,
                    "action_id": action.get("id"),
                },
                "context": context,
            },
        )
        model_fields = result["models"][model]["fields"]
        view_type = views[0][1]
        # An empty page explains itself; Odoo's made-up sample records would mislead.
        if action.get("useSampleModel") is not False:
            self.assertNotIn('sample="1"', result["views"][view_type]["arch"])
        spec = self._spec(result["views"][view_type]["arch"], model_fields)
        if view_type == "form":
            if action.get("res_id"):
                return self.rpc(
                    model, "web_read", [[action["res_id"]], spec], {"context": context}
                )
            return self.rpc(model, "onchange", [[], {}, [], spec], {"context": context})
        domain = domain + self._search_defaults(result["views"]["search"]["arch"], context, user)
        if view_type in MULTI_RECORD_VIEWS:
            return self.rpc(
                model, "web_search_read", [domain, spec], {"limit": 80, "context": context}
            )
        # pivot and graph: the measures grouped by the first row, as the client does.
        arch = etree.fromstring(result["views"][view_type]["arch"])
        measures = [n.get("name") for n in arch.xpath("//field[@type='measure']")]
        rows = [
            n.get("name") + (f":{n.get('interval')}" if n.get("interval") else "")
            for n in arch.xpath("//field[not(@type='measure')]")
        ]
        return self.rpc(
            model,
            "read_group",
            [domain, measures or ["__count"], rows[:1]],
            {"lazy": False, "context": context},
        )

    def test_every_menu_of_every_role_opens(self):
        root = self.env.ref(ROOT_MENU)
        app_menus = self.env["ir.ui.menu"].search([("id", "child_of", root.id)])
        for role, user in self.users.items():
            visible = self.env["ir.ui.menu"].browse(
                self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            )
            menus = (visible & app_menus).filtered("action")
            self.assertIn(root, menus, f"{role} does not see the app")
            self.login_as(user)
            for menu in menus:
                with self.subTest(role=role, menu=menu.complete_name):
                    action = self.make_jsonrpc_request(
                        "/web/action/load", {"action_id": menu.action.id}
                    )
                    self.open_action(action, user)

    def test_menus_each_role_needs(self):
        needs = {
            "attendance": [
                "student_care_attendance.student_care_truancy_rule_menu",
                "student_care_attendance.student_care_outreach_menu",
            ],
            "careworker": [
                "student_care_attendance.student_care_truancy_rule_menu",
                "student_care.student_care_case_menu",
            ],
            "caremanager": [
                "student_care.student_care_case_retention_menu",
                "student_care.student_care_team_menu",
            ],
            "specialist": ["student_care.student_care_referral_menu"],
            "billing": [
                "student_care_billing.product_template_care_menu",
                "student_care_billing.student_care_service_delivery_menu",
                "student_care_billing.student_care_service_delivery_invoice_menu",
                "student_care_billing.student_care_billing_invoice_menu",
            ],
        }
        hidden = {
            "attendance": ["student_care.student_care_team_menu"],
            "careworker": ["student_care.student_care_case_stage_menu"],
        }
        for role, xmlids in needs.items():
            visible = self.env["ir.ui.menu"].with_user(self.users[role])._visible_menu_ids()
            for xmlid in xmlids:
                menu = self.env.ref(xmlid, raise_if_not_found=False)
                if menu:
                    self.assertIn(menu.id, visible, f"{role} cannot reach {xmlid}")
            for xmlid in hidden.get(role, []):
                self.assertNotIn(self.env.ref(xmlid).id, visible, f"{role} sees {xmlid}")

    def test_the_app_is_what_every_role_sees_after_logging_in(self):
        # With no action in the URL, the web client opens the first app of the menu: for a
        # school's staff that is Student Care (its landing page), not Discuss.
        root = self.env.ref(ROOT_MENU)
        for role, user in self.users.items():
            with self.subTest(role=role):
                menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
                self.assertEqual(menus["root"]["children"][0], root.id)

    def test_my_care_teams_include_the_teams_one_heads(self):
        # The care manager lands on "My Cases or My Care Teams": a team they head without
        # being a member is theirs too, or the landing page hides its cases.
        manager = self.users["caremanager"]
        self.team.manager_id = manager
        self.assertNotIn(manager, self.team.member_ids)
        arch = self.env["student_care.case"].get_view(view_type="search")["arch"]
        [node] = etree.fromstring(arch).xpath("//filter[@name='my_teams']")
        domain = self._evaluate(node.get("domain"), manager, context={})
        cases = self.env["student_care.case"].with_user(manager).search(domain)
        self.assertIn(self.case, cases)

    def test_retention_preview_has_no_new_button(self):
        self.login_as(self.users["caremanager"])
        action = self.make_jsonrpc_request(
            "/web/action/run",
            {
                "action_id": self.env.ref(
                    "student_care.student_care_case_action_retention_preview"
                ).id
            },
        )
        self.assertIs(
            self._evaluate(action["context"], self.users["caremanager"])["create"], False
        )
        self.assertIn("Nothing to anonymise", action["help"])

    def test_landing_page_of_every_role(self):
        landing = self.env.ref(ROOT_MENU).action
        for role, (xmlid, context) in LANDING.items():
            expected = self.env.ref(xmlid, raise_if_not_found=False)
            if not expected:
                continue
            with self.subTest(role=role):
                self.login_as(self.users[role])
                action = self.make_jsonrpc_request(
                    "/web/action/run", {"action_id": landing.id, "context": {}}
                )
                self.assertEqual(action["id"], expected.id)
                self.assertLessEqual(context.items(), action["context"].items())
                if role == "teacher":
                    self.assertEqual(action["context"]["default_class_id"], self.klass.id)
                    self.assertEqual(action["target"], "current")
                if role == "specialist":
                    self.assertNotIn("search_default_my_teams", action["context"])
