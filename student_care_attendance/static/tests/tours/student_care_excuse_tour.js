/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "@student_care/../tests/tours/student_care_tour_steps";

// A guardian on a phone reports this morning's absence ahead: from /my to the child's
// attendance, "Report an absence", a reason, and the school's receipt.
registry.category("web_tour.tours").add("student_care_attendance_guardian_excuse_phone", {
    steps: () => [
        {
            content: "The Attendance card on /my",
            trigger: ".o_portal_index_card a[href='/my/attendance']",
            run: "click",
        },
        {
            content: "Report an absence of the child",
            trigger: ".o_child_attendance_card:contains('Tour Absentee') a.o_report_absence",
            run: "click",
        },
        {
            content: "The form opens on today",
            trigger: ".o_excuse_form input[name=date_from]",
        },
        {
            content: "Reason: illness",
            trigger: ".o_excuse_form select[name=reason_id]",
            run: "selectByLabel Illness",
        },
        {
            content: "A note for the school",
            trigger: ".o_excuse_form textarea[name=note]",
            run: "edit Fever since last night",
        },
        {
            content: "Send it",
            trigger: ".o_excuse_form button.o_excuse_submit",
            run: "click",
        },
        {
            content: "The school received it, to review",
            trigger: ".o_excuse_sent",
        },
        {
            content: "The request is listed as to review",
            trigger: ".o_excuse_request:contains('Tour Absentee') .o_excuse_state:contains('To Review')",
        },
    ],
});

// The attendance officer at the desk accepts the family's request from the Attendance menu.
registry.category("web_tour.tours").add("student_care_attendance_officer_accept_excuse", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "Open the Attendance menu",
            trigger:
                ".o_menu_sections button[data-menu-xmlid='student_care_attendance.student_care_attendance_menu_root']",
            run: "click",
        },
        {
            content: "Excuse Requests",
            trigger:
                ".dropdown-item[data-menu-xmlid='student_care_attendance.student_care_excuse_request_menu']",
            run: "click",
        },
        {
            content: "The request to review",
            trigger: ".o_list_view .o_data_row:contains('Tour Absentee') td[name=student_id]",
            run: "click",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        {
            content: "Accepted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Accepted')",
        },
    ],
});
