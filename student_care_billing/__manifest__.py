# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Student Care Billing",
    "summary": "Care services as products, delivered sessions, internal invoices",
    "version": "18.0.1.1.0",
    "category": "Education/Student Care",
    "website": "https://github.com/student-care/student-care",
    "author": "Student Care",
    "maintainers": ["student-care"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["student_care", "product", "account"],
    "data": [
        "security/student_care_billing_groups.xml",
        "security/ir.model.access.csv",
        "security/student_care_service_delivery_security.xml",
        "security/student_care_service_delivery_invoice_security.xml",
        "data/product_template_data.xml",
        "data/account_analytic_plan_data.xml",
        "data/ir_cron_data.xml",
        "wizard/student_care_service_delivery_invoice_views.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
        "views/student_care_service_delivery_views.xml",
        "views/student_care_case_views.xml",
        "views/student_care_billing_menus.xml",
    ],
    "demo": [
        "demo/product_template_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/student_care_service_delivery_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "student_care_billing/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
