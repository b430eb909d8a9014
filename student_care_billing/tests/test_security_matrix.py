# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Role x model x operation matrix of the care dossier, through the ORM and over JSON-RPC.

Every cell asserts both ways: what a role must be able to do succeeds, and what it must
not do raises AccessError (or, for searches, simply does not find the record).
"""

import base64
import logging

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.student_care.tests.probes import (
    MATRIX_ROLES,
    MUTED,
    RpcProbes,
    orm_probe,
    orm_probes,
    role_users,
    rpc_not_found,
)

_logger = logging.getLogger(__name__)

CARE = {"careworker", "caremanager"}
ALL = set(MATRIX_ROLES)
# object key -> (readers, writers, unlinkers, creators)
EXPECT = {
    "case_team": (CARE | {"specialist"}, CARE, {"caremanager"}, CARE),
    "case_other": ({"caremanager"}, {"caremanager"}, {"caremanager"}, {"caremanager"}),
    "note_shared": (
        CARE | {"specialist", "teacher", "attendance"},
        {"careworker"},
        set(),
        CARE | {"specialist"},
    ),
    "note_care_team": (CARE | {"specialist"}, {"careworker"}, set(), CARE | {"specialist"}),
    "note_confidential": (
        {"careworker", "specialist"},
        {"careworker"},
        set(),
        CARE | {"specialist"},
    ),
    "note_sealed": ({"careworker"}, {"careworker"}, set(), CARE | {"specialist"}),
    "referral": (CARE | {"specialist"}, CARE | {"specialist"}, {"caremanager"}, CARE),
    # A consent's scope is fixed once recorded (a new scope is a new consent).
    "consent": (CARE, set(), {"caremanager"}, CARE),
    "access_log": ({"caremanager"}, set(), set(), set()),
    "attachment": ({"careworker", "specialist"}, {"careworker"}, {"careworker"}, {"careworker"}),
    "message": (CARE | {"specialist"}, set(), set(), CARE),
    # A care interview (calendar.event) organised by the care worker: the care team reads
    # it, its organizer edits it, whoever may write the case plans one.
    "interview": (CARE, {"careworker"}, {"careworker"}, CARE),
    # student_care_billing: delivered services (the care-only case link is probed in
    # student_care_billing's own tests), departments, internal invoices.
    "service": (CARE | {"billing"}, CARE, CARE, CARE | {"specialist"}),
    "department": (
        ALL,
        {"caremanager", "admin"},
        {"caremanager", "admin"},
        {"caremanager", "admin"},
    ),
    "invoice": ({"billing"}, {"billing"}, {"billing"}, {"billing"}),
}
CONTENT_FIELD = {
    "student_care.case": "description",
    "student_care.note": "body",
    "student_care.referral": "reason",
    "student_care.consent": "purpose",
    "student_care.access.log": "channel",
    "ir.attachment": "datas",
    "mail.message": "body",
    "student_care.service.delivery": "quantity",
    "res.partner": "name",
    "account.move": "ref",
    "calendar.event": "student_care_case_id",
}
WRITE_VALUES = {
    "student_care.access.log": {"reason": "x"},
    "ir.attachment": {"description": "renamed"},
    "student_care.service.delivery": {"quantity": 2.0},
    "calendar.event": {"location": "Room 2"},
}


@tagged("post_install", "-at_install")
class TestSecurityMatrix(RpcProbes, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, mail_create_nolog=True, tracking_disable=True))
        cls.env = env
        school = env["res.company"].create({"name": "Matrix School"})
        cls.users = role_users(env, school, "mx", roles=MATRIX_ROLES)
        teacher, worker = cls.users["teacher"], cls.users["careworker"]
        klass = env["student_care.class"].create({"name": "MX1", "company_id": school.id})
        student = env["res.partner"].create(
            {
                "name": "Matrix Student",
                "is_student": True,
                "student_number": "MX-1",
                "company_id": school.id,
                "class_id": klass.id,
                "mentor_id": teacher.id,
            }
        )
        other_student = env["res.partner"].create(
            {
                "name": "Other Pupil",
                "is_student": True,
                "student_number": "MX-2",
                "company_id": school.id,
            }
        )
        guardian = env["res.partner"].create({"name": "Matrix Parent", "company_id": school.id})
        env["student_care.guardian.link"].create(
            {"student_id": student.id, "guardian_id": guardian.id}
        )
        team = env["student_care.team"].create(
            {"name": "MX team", "company_id": school.id, "member_ids": [Command.link(worker.id)]}
        )
        other_team = env["student_care.team"].create({"name": "MX other", "company_id": school.id})
        category = env.ref("student_care.student_care_case_category_wellbeing")
        cases = env["student_care.case"]
        cls.case_team = cases.create(
            {
                "student_id": student.id,
                "category_id": category.id,
                "team_id": team.id,
                "user_id": worker.id,
                "description": "<p>private signal</p>",
            }
        )
        cls.case_other = cases.create(
            {
                "student_id": other_student.id,
                "category_id": category.id,
                "team_id": other_team.id,
                "description": "<p>other signal</p>",
            }
        )
        cls.referral = env["student_care.referral"].create(
            {
                "case_id": cls.case_team.id,
                "specialist_id": cls.users["specialist"].id,
                "reason": "assessment",
                "state": "active",
            }
        )
        notes = env["student_care.note"].with_user(worker)
        cls.objects = {
            "case_team": cls.case_team,
            "case_other": cls.case_other,
            "referral": cls.referral,
        }
        for level in ("shared", "care_team", "confidential", "sealed"):
            cls.objects[f"note_{level}"] = notes.create(
                {"case_id": cls.case_team.id, "sensitivity": level, "body": f"<p>text {level}</p>"}
            ).sudo()
        cls.objects["consent"] = env["student_care.consent"].create(
            {"student_id": student.id, "agency_id": guardian.id, "purpose": "therapy"}
        )
        cls.objects["note_confidential"].with_user(worker).read(["body"])
        cls.objects["access_log"] = env["student_care.access.log"].search(
            [("case_ref", "=", cls.case_team.id)]
        )
        cls.objects["attachment"] = env["ir.attachment"].create(
            {
                "name": "scan.pdf",
                "datas": base64.b64encode(b"report"),
                "res_model": "student_care.note",
                "res_id": cls.objects["note_confidential"].id,
            }
        )
        cls.objects["message"] = cls.case_team.message_post(
            body="<p>chatter words</p>", subtype_xmlid="mail.mt_note"
        )
        cls.objects["interview"] = (
            env["calendar.event"]
            .with_user(worker)
            .with_context(no_mail_to_attendees=True)
            .create(cls._interview_vals(worker.partner_id))
            .sudo()
        )
        cls._setup_billing(env, school, worker)
        cls.env.flush_all()

    @classmethod
    def _setup_billing(cls, env, school, worker):
        env["account.chart.template"].try_loading("generic_coa", school, install_demo=False)
        departments = env["res.partner"].create(
            [
                {"name": name, "is_care_department": True, "company_id": school.id}
                for name in ("MX Faculty", "MX School")
            ]
        )
        cls.service_product = env["product.product"].create(
            {"name": "MX session", "type": "service", "is_care_service": True, "list_price": 10}
        )
        cls.billing_department = departments[0]
        cls.objects["service"] = (
            env["student_care.service.delivery"]
            .with_user(worker)
            .create(
                {
                    "case_id": cls.case_team.id,
                    "product_id": cls.service_product.id,
                    "department_id": departments[0].id,
                }
            )
            .sudo()
        )
        cls.objects["department"] = departments[1]
        cls.objects["invoice"] = (
            env["account.move"]
            .with_company(school)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": departments[0].id,
                    "ref": "MX internal",
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": cls.service_product.id, "quantity": 1, "tax_ids": []}
                        )
                    ],
                }
            )
        )

    @classmethod
    def _interview_vals(cls, partners):
        return {
            "name": "Care interview",
            "privacy": "private",
            "student_care_case_id": cls.case_team.id,
            "partner_ids": [Command.set(partners.ids)],
        }

    def _billing_create_vals(self, record):
        return {
            "student_care.service.delivery": {
                "case_id": self.case_team.id,
                "product_id": self.service_product.id,
                "department_id": self.billing_department.id,
            },
            "res.partner": {"name": "MX new department", "is_care_department": True},
            "account.move": {"move_type": "out_invoice", "partner_id": self.billing_department.id},
        }[record._name]

    # --- ORM ------------------------------------------------------------------------------
    def _orm_probes(self, user, record):
        content = CONTENT_FIELD[record._name]
        create_vals = {
            "student_care.case": lambda: {
                "student_id": self.case_team.student_id.id,
                "category_id": self.case_team.category_id.id,
                "team_id": record.sudo().team_id.id,
                "user_id": record.sudo().user_id.id,
            },
            "student_care.note": lambda: {"case_id": record.sudo().case_id.id, "body": "<p>n</p>"},
            "student_care.referral": lambda: {
                "case_id": record.sudo().case_id.id,
                "specialist_id": self.users["specialist"].id,
                "reason": "r",
            },
            "student_care.consent": lambda: {
                "student_id": record.sudo().student_id.id,
                "agency_id": record.sudo().agency_id.id,
                "purpose": "p",
            },
            "student_care.access.log": lambda: {"channel": "web"},
            "ir.attachment": lambda: {
                "name": "x",
                "res_model": record.sudo().res_model,
                "res_id": record.sudo().res_id,
            },
            "calendar.event": lambda: self._interview_vals(self.env["res.partner"]),
        }
        if record._name in create_vals:
            create = create_vals[record._name]
        else:
            create = lambda: self._billing_create_vals(record)  # noqa: E731
        write_vals = WRITE_VALUES.get(record._name, {content: "<p>x</p>"})
        probes = orm_probes(user, record, [content], write_vals, create)
        if record._name == "mail.message":
            probes.pop("write")
            probes.pop("unlink")
            probes["create"] = (
                lambda: record.sudo()
                .env[record.sudo().model]
                .browse(record.sudo().res_id)
                .with_user(user)
                .message_post(body="hi")
            )
        return probes

    def _allowed(self, role, key, operation):
        readers, writers, unlinkers, creators = EXPECT[key]
        if operation == "name_search" and not self.env[self.objects[key]._name]._rec_name:
            return False  # notes, referrals, consents have no name: nobody finds them by name
        if key == "message" and operation == "export":
            return False  # Odoo: administrators only; ours: and only if they read the case
        if operation in ("write",):
            return role in writers
        if operation == "unlink":
            return role in unlinkers
        if operation == "create":
            return role in creators
        return role in readers

    @mute_logger(*MUTED)
    def test_orm_matrix(self):
        probes = failures = 0
        for role, user in self.users.items():
            for key, record in self.objects.items():
                for operation, call in self._orm_probes(user, record).items():
                    probes += 1
                    allowed = self._allowed(role, key, operation)
                    with self.subTest(role=role, object=key, op=operation, allowed=allowed):
                        self.assertEqual(orm_probe(self.env, call), allowed)
        _logger.info("Security matrix (ORM): %s probes over %s roles", probes, len(self.users))
        self.assertGreater(probes, 500)
        self.assertFalse(failures)

    # --- JSON-RPC with real logins -------------------------------------------------------
    def _rpc_probes(self, record):
        model, ids, content = record._name, [record.id], CONTENT_FIELD[record._name]
        probes = {
            "read": lambda: self.rpc(model, "read", [ids, [content]]),
            "export": lambda: self.rpc(model, "export_data", [ids, [content]]),
            "search": lambda: self._check_found(
                self.rpc(model, "search", [[("id", "=", record.id)]]), record.id
            ),
            "read_group": lambda: self._check_found(
                [
                    g["__count"]
                    for g in self.rpc(
                        model,
                        "read_group",
                        [[("id", "=", record.id)], ["id:count"], []],
                        {"lazy": False},
                    )
                ],
                1,
            ),
        }
        probes["name_search"] = lambda: self._check_found(
            [r[0] for r in self.rpc(model, "name_search", [""], {"limit": 1000})], record.id
        )
        if model != "mail.message":
            values = WRITE_VALUES.get(model, {content: "<p>rpc</p>"})
            probes["write"] = lambda: self.rpc(model, "write", [ids, values])
            # Deleting and creating over RPC are probed where they must be refused; the
            # ORM matrix covers the allowed side without changing the fixtures.
            probes["unlink"] = lambda: self.rpc(model, "unlink", [ids])
            probes["create"] = lambda: self.rpc(model, "create", [self._rpc_create_vals(record)])
        return probes

    def _rpc_create_vals(self, record):
        if record._name == "student_care.case":
            case = record.sudo()
            return {
                "student_id": case.student_id.id,
                "category_id": case.category_id.id,
                "team_id": case.team_id.id,
                "user_id": case.user_id.id,
            }
        if record._name == "ir.attachment":
            return {
                "name": "x",
                "res_model": record.sudo().res_model,
                "res_id": record.sudo().res_id,
            }
        if record._name in ("student_care.service.delivery", "account.move"):
            return self._billing_create_vals(record)
        if record._name == "calendar.event":
            return self._interview_vals(self.env["res.partner"])
        return {"name": "x"}

    def _check_found(self, values, expected):
        if expected not in values:
            raise rpc_not_found()

    @mute_logger(*MUTED)
    def test_rpc_matrix(self):
        probes = 0
        for role, user in self.users.items():
            self.login_as(user)
            for key, record in self.objects.items():
                for operation, call in self._rpc_probes(record).items():
                    allowed = self._allowed(role, key, operation)
                    if allowed and operation in ("unlink", "create"):
                        continue
                    probes += 1
                    with self.subTest(role=role, object=key, op=operation, allowed=allowed):
                        self.assertEqual(self.rpc_allowed(call), allowed)
        _logger.info(
            "Security matrix (JSON-RPC): %s probes over %s roles", probes, len(self.users)
        )
        self.assertGreater(probes, 450)

    # --- Leak paths beyond the matrix ----------------------------------------------------
    @mute_logger(*MUTED)
    def test_no_content_in_names_activities_or_mail(self):
        teacher = self.users["teacher"]
        note = self.objects["note_sealed"]
        # Display names are computed through sudo: they must say nothing.
        self.assertEqual(note.display_name, f"Note {note.id}")
        self.assertNotIn("Matrix", self.case_team.display_name)
        status = self.env["student_care.case.status"].with_user(teacher).search([])
        self.assertEqual(status.read(["stage_id"])[0]["id"], self.case_team.id)
        # The teacher's view of the student shows the case count but not what it is about.
        student = self.case_team.student_id.with_user(teacher)
        values = student.read(["open_case_count"])[0]
        self.assertEqual(values["open_case_count"], 1)
        # Activities on the case are neutral for their assignee.
        self.case_team.activity_schedule(
            "mail.mail_activity_data_todo", summary="Follow-up", user_id=teacher.id
        )
        activity = (
            self.env["mail.activity"]
            .with_user(teacher)
            .search([("res_model", "=", "student_care.case")])
        )
        self.assertNotIn("Matrix Student", activity.res_name or "")
        # Nobody is notified with note content: notes are not mail threads.
        self.assertFalse(hasattr(self.env["student_care.note"], "message_post"))
        mails = self.env["mail.mail"].sudo().search([("body_html", "ilike", "text sealed")])
        self.assertFalse(mails)

    def test_export_cells_are_neutralised(self):
        worker = self.users["careworker"]
        for text in ("=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)"):
            with self.subTest(text=text):
                referral = (
                    self.env["student_care.referral"]
                    .with_user(worker)
                    .create(
                        {
                            "case_id": self.case_team.id,
                            "specialist_id": self.users["specialist"].id,
                            "reason": text,
                        }
                    )
                )
                rows = referral.export_data(["reason"])["datas"]
                self.assertEqual(rows[0][0], f"'{text}")

    @mute_logger(*MUTED)
    def test_rpc_list_reads_of_content_are_logged(self):
        # search_read / web_search_read run on read-only cursors by default: reading
        # confidential content through them must still work and still be logged.
        note = self.objects["note_confidential"]
        logs = self.env["student_care.access.log"]
        before = logs.search_count([("note_ref", "=", note.id)])
        self.login_as(self.users["careworker"])
        rows = self.rpc("student_care.note", "search_read", [[("id", "=", note.id)], ["body"]])
        self.assertIn("text confidential", rows[0]["body"])
        result = self.rpc(
            "student_care.note",
            "web_search_read",
            [[("id", "=", note.id)], {"body": {}}],
        )
        self.assertIn("text confidential", result["records"][0]["body"])
        self.assertEqual(logs.search_count([("note_ref", "=", note.id)]), before + 2)
        # A role that may not read it gets nothing and leaves no content trail.
        self.login_as(self.users["caremanager"])
        rows = self.rpc("student_care.note", "search_read", [[("id", "=", note.id)], ["body"]])
        self.assertEqual(rows, [])
        self.assertEqual(logs.search_count([("note_ref", "=", note.id)]), before + 2)
