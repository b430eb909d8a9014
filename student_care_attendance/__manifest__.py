# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Student Care Attendance",
    "summary": "Attendance registration and roll call for Student Care",
    "version": "18.0.1.0.0",
    "category": "Education/Student Care",
    "website": "https://github.com/student-care/student-care",
    "author": "Student Care",
    "maintainers": ["student-care"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["student_care"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/ir.model.access.csv",
        "security/student_care_attendance_security.xml",
        "data/student_care_attendance_reason_data.xml",
        "wizard/student_care_attendance_roll_call_views.xml",
        "wizard/student_care_attendance_import_views.xml",
        "views/student_care_attendance_views.xml",
        "views/student_care_attendance_scan_views.xml",
        "views/student_care_outreach_views.xml",
        "views/res_config_settings_views.xml",
        "report/student_care_attendance_analysis_views.xml",
        "views/student_care_attendance_menus.xml",
    ],
    "demo": ["demo/student_care_attendance_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "student_care_attendance/static/src/dashboard/*",
        ],
        "web.assets_tests": [
            "student_care_attendance/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
