/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

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
