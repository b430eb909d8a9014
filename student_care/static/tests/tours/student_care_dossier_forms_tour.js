/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A care manager checks the access log's integrity from its list.
registry.category("web_tour.tours").add("student_care_manager_check_integrity", {
    steps: () => [
        {
            content: "Check the access log",
            trigger: ".o_control_panel button:contains('Check Integrity')",
            run: "click",
        },
        {
            content: "The log is intact",
            trigger: ".o_notification:contains('The access log is intact')",
        },
    ],
});

// A care manager breaks the glass: the sealed note opens read-only, with a real title.
registry.category("web_tour.tours").add("student_care_manager_break_glass", {
    steps: () => [
        {
            content: "Open the timeline",
            trigger: ".o_notebook .nav-link:contains('Timeline')",
            run: "click",
        },
        {
            content: "Break the glass on the sealed note",
            trigger: ".o_field_widget[name=timeline_ids] button[name=action_break_glass]",
            run: "click",
        },
        {
            content: "Give a reason",
            trigger: ".modal .o_field_widget[name=reason] input",
            run: "edit Student at acute risk",
        },
        {
            content: "Open the note",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog is titled after the sealed note",
            trigger: ".modal .modal-title:contains('Sealed note')",
        },
        {
            content: "The note is shown read-only",
            trigger: ".modal .o_form_readonly .o_field_widget[name=body]:contains('Secret words sealed')",
        },
        {
            content: "Close it",
            trigger: ".modal .modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "The dialog is gone",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

// From a case form: open a new referral's dialog, which shows no steps of a referral that
// does not exist yet. Shared by the new-referral tour and the care worker's role tour.
export function newReferralSteps() {
    return [
        {
            content: "Open the referrals",
            trigger: ".o_notebook .nav-link:contains('Referrals')",
            run: "click",
        },
        {
            content: "Add a referral",
            trigger: ".o_field_widget[name=referral_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The new referral's form is open",
            trigger: ".modal .o_field_widget[name=reason]",
        },
        {
            content: "No Accept, Activate or Decline before it is saved",
            trigger:
                ".modal:not(:has(button[name=action_accept])):not(:has(button[name=action_activate])):not(:has(button[name=action_decline]))",
        },
    ];
}

// A care worker starts a referral from the case: no steps of a referral that does not exist.
registry.category("web_tour.tours").add("student_care_worker_new_referral", {
    steps: () => [
        ...newReferralSteps(),
        {
            content: "Discard it",
            trigger: ".modal .o_form_button_cancel",
            run: "click",
        },
        {
            content: "The dialog is gone",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
