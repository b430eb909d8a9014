# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The families of the portal tests, for every add-on's portal matrix.

Importable as ``odoo.addons.student_care.tests.portal``. ``PortalCommon`` builds on the
dossier fixtures (a school, one user per staff role, Lotte Visser with a care case and
notes of every sensitivity) and adds two families with portal logins, password = login:

- family A, Lotte (17, of the consent age, class T9A) and her brother Daan (12):
  ``portal["mother"]`` custody (sees both), ``portal["nocustody"]`` a father without
  custody (sees nobody), ``portal["legal"]`` a legal guardian without custody (sees
  Lotte), ``portal["denied"]`` a mother with custody flagged No Access (sees nobody),
  ``portal["student"]`` Lotte's own login (sees herself);
- family B, Noor Bakker, and ``portal["other"]`` her father (sees Noor only).

``PORTAL_SEES`` says which students each login sees; ``STAFF_NAMES`` are names that must
never appear on a portal page.
"""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user

from .test_dossier import StudentCareDossierCommon

# login key -> the students (keys of cls.children) it sees on the portal
PORTAL_SEES = {
    "mother": {"lotte", "daan"},
    "nocustody": set(),
    "legal": {"lotte"},
    "denied": set(),
    "student": {"lotte"},
    "other": {"noor"},
}


def new_portal_user(env, login, partner, companies, **vals):
    """A portal login for ``partner`` (its name and e-mail kept); password = login."""
    return new_test_user(
        env,
        login=login,
        password=login,
        name=partner.name,
        email=partner.email or False,
        groups="base.group_portal",
        partner_id=partner.id,
        company_id=companies[0].id,
        company_ids=[fields.Command.set(companies.ids)],
        context={"no_reset_password": True, "mail_create_nolog": True},
        **vals,
    )


class PortalCommon(StudentCareDossierCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        today = fields.Date.today()
        cls.student.birth_date = today - relativedelta(years=17)
        cls.student.email = "lotte.visser@example.com"
        cls.sibling = cls.create_student(
            "Daan Visser", "100002", birth_date=today - relativedelta(years=12)
        )
        cls.family_b_student = cls.create_student(
            "Noor Bakker", "100003", birth_date=today - relativedelta(years=14)
        )
        cls.children = {
            "lotte": cls.student,
            "daan": cls.sibling,
            "noor": cls.family_b_student,
        }
        Partner, Link = env["res.partner"], env["student_care.guardian.link"]
        # cls.mother (Anja Visser) has custody of Lotte already (StudentCareCommon).
        cls.mother.email = "anja.visser@example.com"
        Link.create(
            {"student_id": cls.sibling.id, "guardian_id": cls.mother.id, "relationship": "mother"}
        )
        cls.guardians = {"mother": cls.mother}
        for key, name, students, vals in (
            ("nocustody", "Piet Visser", cls.student | cls.sibling,
             {"relationship": "father", "has_custody": False}),
            ("legal", "Greet Hoekstra", cls.student,
             {"relationship": "legal_guardian", "has_custody": False}),
            ("denied", "Ria Smit", cls.student | cls.sibling,
             {"relationship": "mother", "is_access_denied": True}),
            ("other", "Kees Bakker", cls.family_b_student, {"relationship": "father"}),
        ):  # fmt: skip
            guardian = Partner.create(
                {
                    "name": name,
                    "company_id": cls.school.id,
                    "email": f"{key}@example.com",
                    "mobile": "+31 6 5555 0000",
                }
            )
            Link.create(
                [
                    {"student_id": student.id, "guardian_id": guardian.id, **vals}
                    for student in students
                ]
            )
            cls.guardians[key] = guardian
        cls.portal = {
            key: new_portal_user(env, f"pc_{key}", partner, cls.school)
            for key, partner in cls.guardians.items()
        }
        cls.portal["student"] = new_portal_user(env, "pc_student", cls.student, cls.school)
        # Staff who must never be named on the portal: the mentor, the case owner and team.
        cls.staff_names = [
            cls.users["teacher"].name,
            cls.users["careworker"].name,
            cls.users["caremanager"].name,
        ]
        env.flush_all()

    @classmethod
    def seen_by(cls, key):
        """The students the portal login ``key`` sees."""
        return cls.env["res.partner"].browse(
            [cls.children[name].id for name in sorted(PORTAL_SEES[key])]
        )
