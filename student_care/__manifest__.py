# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Student Care",
    "summary": "Students, guardians and the care team's confidential student dossier",
    "version": "18.0.1.0.0",
    "category": "Education/Student Care",
    "website": "https://github.com/student-care/student-care",
    "author": "Student Care",
    "maintainers": ["student-care"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["contacts", "mail"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/student_care_groups.xml",
        "security/ir.model.access.csv",
        "security/res_partner_security.xml",
        "security/student_care_security.xml",
        "data/student_care_grade_data.xml",
        "views/res_partner_views.xml",
        "views/student_care_guardian_views.xml",
        "views/student_care_class_views.xml",
        "views/student_care_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/student_care_class_demo.xml",
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "student_care/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
