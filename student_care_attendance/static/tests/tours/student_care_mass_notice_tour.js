/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "@student_care/../tests/tours/student_care_tour_steps";

// The attendance officer writes a snow-day notice, sees whom it reaches by which channel
// before sending, and sends a test to themself only.
registry.category("web_tour.tours").add("student_care_attendance_mass_notice_preview", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "Open the Attendance menu",
            trigger: ".o_menu_sections button:contains('Attendance'), .o_menu_sections a:contains('Attendance')",
            run: "click",
        },
        {
            content: "Open the mass notices",
            trigger: ".dropdown-item:contains('Mass Notices')",
            run: "click",
        },
        {
            content: "Write a new one",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The subject",
            trigger: ".o_field_widget[name=subject] input",
            run: "edit School closed tomorrow: snow",
        },
        {
            content: "The message",
            trigger: ".o_field_html[name=body] p",
            run: "editor The school is closed on Monday.",
        },
        {
            content: "The form says which channel is used for whom",
            trigger: ".o_group:contains('their preferred channel')",
        },
        {
            content: "Two guardians are reached by e-mail",
            trigger: ".o_field_widget[name=preview_email_count]:contains('2')",
        },
        {
            content: "Two guardians get a text message: one prefers it, one has only a mobile",
            trigger: ".o_field_widget[name=preview_sms_count]:contains('2')",
        },
        {
            content: "Nobody is on the portal only",
            trigger: ".o_field_widget[name=preview_portal_count]:contains('0')",
        },
        {
            content: "Two of them would rather get a letter or a call",
            trigger: ".o_field_widget[name=preview_other_channel_count]:contains('2')",
        },
        {
            content: "Nobody has only a landline",
            trigger: ".o_field_widget[name=preview_phone_count]:contains('0')",
        },
        {
            content: "Nobody is out of reach",
            trigger: ".o_field_widget[name=preview_unreachable_count]:contains('0')",
        },
        {
            content: "Send a test to me",
            trigger: "button[name=action_send_test]",
            run: "click",
        },
        {
            content: "Only the test went out",
            trigger: ".o_notification:contains('no family was sent anything')",
        },
        {
            content: "The notice is still a draft",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Draft')",
        },
    ],
});
