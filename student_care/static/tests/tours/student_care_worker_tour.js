/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { intakeSteps, openPipelineCase } from "./student_care_case_tour";
import { newReferralSteps } from "./student_care_dossier_forms_tour";
import { openStudentCareApp } from "./student_care_tour_steps";

// From a case form: plan an interview; it gets a neutral title and counts on the case.
export function planInterviewSteps() {
    return [
        {
            content: "Plan an interview",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_plan_interview]",
            run: "click",
        },
        {
            content: "The interview is titled after the case's reference, not the student",
            trigger: ".modal .o_field_widget[name=name] input:value(/^Care interview CASE/)",
        },
        {
            content: "The care worker attends",
            trigger: ".modal .o_field_widget[name=partner_ids]:contains('SC role careworker')",
        },
        {
            content: "The student is recorded as who is met, not invited",
            trigger: ".modal .o_field_widget[name=student_care_met_partner_ids]:contains('Role Pupil')",
        },
        {
            content: "Save the interview",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The case counts one interview",
            trigger: ".o_form_view button.oe_stat_button[name=action_view_interviews]:contains('1')",
        },
    ];
}

// The care calendar shows the interview next to the first-contact deadline; an entry
// opens its case.
export function careCalendarSteps() {
    return [
        {
            content: "Open the Care menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Care')",
            run: "click",
        },
        {
            content: "Open the care calendar",
            trigger: ".dropdown-menu .dropdown-item:contains('Calendar')",
            run: "click",
        },
        {
            content: "The first-contact deadline is in the calendar",
            trigger: ".o_calendar_view .fc-event:contains('First contact due')",
        },
        {
            content: "The interview is in the calendar",
            trigger: ".o_calendar_view .fc-event:contains('Care interview')",
            run: "click",
        },
        {
            content: "Open its case from the entry",
            trigger: ".o_cw_popover .o_cw_popover_edit:contains('Open Case')",
            run: "click",
        },
        {
            content: "The case opens",
            trigger: ".o_form_view .o_field_widget[name=student_id]:contains('Role Pupil')",
        },
    ];
}

// The care worker's path: the app, the pipeline, intake, a note, an interview, the care
// calendar, a referral to a specialist.
registry.category("web_tour.tours").add("student_care_worker_role", {
    steps: () => [
        ...openStudentCareApp(),
        ...openPipelineCase("Role Pupil"),
        ...intakeSteps(),
        ...planInterviewSteps(),
        ...careCalendarSteps(),
        ...newReferralSteps(),
        {
            content: "Refer to the specialist",
            trigger: ".modal .o_field_widget[name=specialist_id] input",
            run: "edit SC role specialist",
        },
        {
            content: "Pick the specialist",
            trigger: ".o-autocomplete--dropdown-item:contains('SC role specialist')",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Assessment of anxiety",
        },
        {
            content: "Save the referral",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The referral is listed",
            trigger: ".o_field_widget[name=referral_ids] .o_data_row:contains('SC role specialist')",
        },
        {
            content: "Save the case",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved, .o_form_view:not(:has(.o_form_button_save:visible))",
        },
    ],
});
