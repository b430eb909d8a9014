/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "@student_care/../tests/tours/student_care_tour_steps";

// The attendance officer opens the dashboard from the menus, sees its charts drawn and
// follows a "By grade" row to the absences it counts.
registry.category("web_tour.tours").add("student_care_attendance_dashboard", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "Open the Attendance menu",
            trigger: "button[data-menu-xmlid='student_care_attendance.student_care_attendance_menu_root']",
            run: "click",
        },
        {
            content: "Reporting > Dashboard",
            trigger: ".o-dropdown--menu [data-menu-xmlid='student_care_attendance.student_care_attendance_dashboard_menu']",
            run: "click",
        },
        {
            content: "The attendance rate is drawn by week",
            trigger: ".o_sc_dashboard_chart[data-key=rate_over_time] canvas",
        },
        {
            content: "Absences are drawn by grade",
            trigger: ".o_sc_dashboard_chart[data-key=absences_by_grade] canvas",
        },
        {
            content: "Chronic-absence tiers are drawn",
            trigger: ".o_sc_dashboard_chart[data-key=tiers_by_grade] canvas",
        },
        {
            content: "Outreach and recovery are drawn",
            trigger: ".o_sc_dashboard_chart[data-key=outreach_over_time] canvas",
        },
        {
            content: "Grade 10 counts two absences",
            trigger: ".o_sc_dashboard_table[data-key=by_grade] .o_sc_dashboard_row:contains('Grade 10'):contains('2')",
        },
        {
            content: "Open the absences of Grade 10",
            trigger: ".o_sc_dashboard_table[data-key=by_grade] .o_sc_dashboard_row:contains('Grade 10')",
            run: "click",
        },
        {
            content: "The list shows those two absences, Tour Grade Ten's",
            trigger: ".o_list_view .o_breadcrumb:contains('Absences: Grade 10')",
        },
        {
            content: "Exactly two rows",
            trigger: ".o_list_view:has(.o_data_row:nth-child(2)):not(:has(.o_data_row:nth-child(3))) .o_data_row:contains('Tour Grade Ten')",
        },
        {
            content: "The pager agrees",
            trigger: ".o_pager_value:contains('1-2')",
        },
    ],
});
