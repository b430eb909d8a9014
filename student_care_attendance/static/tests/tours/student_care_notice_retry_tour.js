/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "@student_care/../tests/tours/student_care_tour_steps";

// The attendance officer finds a guardian notice whose e-mail bounced, reads why, and
// sends it again by text message.
registry.category("web_tour.tours").add("student_care_attendance_notice_retry", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "Open the Attendance menu",
            trigger: ".o_menu_sections button:contains('Attendance'), .o_menu_sections a:contains('Attendance')",
            run: "click",
        },
        {
            content: "Open the guardian notices",
            trigger: ".dropdown-item:contains('Guardian Notices')",
            run: "click",
        },
        {
            content: "The bounced notice is in the list, in red",
            trigger: ".o_data_row:contains('Retry Parent') .badge.text-bg-danger:contains('Bounced')",
        },
        {
            content: "Open it",
            trigger: ".o_data_row:contains('Retry Parent') .o_data_cell[name=guardian_id]",
            run: "click",
        },
        {
            content: "The reason is on the notice",
            trigger: ".alert-danger:contains('Mailbox full')",
        },
        {
            content: "No 'Publish on the Portal': fine, send it by text message",
            trigger: "button[name=action_send_by_sms]",
            run: "click",
        },
        {
            content: "It is queued again, by text message",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Queued')",
        },
        {
            content: "The channel says why",
            trigger: ".o_field_widget[name=channel_reason]:contains('Chosen by the office')",
        },
    ],
});
