/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A mother on her phone: her two children on the portal home, one child's page, then her
// contact preferences (text messages from now on, to her new mobile number).
registry.category("web_tour.tours").add("student_care_portal_guardian", {
    steps: () => [
        {
            content: "Her children are on the portal home",
            trigger: ".o_sc_children .o_sc_child_card:contains('Lotte Visser')",
        },
        {
            content: "Both of them",
            trigger: ".o_sc_children .o_sc_child_card:contains('Daan Visser')",
        },
        {
            content: "Open Lotte's page",
            trigger: ".o_sc_child_card:contains('Lotte Visser') .card-footer a",
            run: "click",
        },
        {
            content: "Lotte's page, with her class",
            trigger: ".o_sc_child_page:contains('Lotte Visser'):contains('T9A')",
        },
        {
            content: "Back to the portal home",
            trigger: ".o_portal_submenu a[href='/my/home']",
            run: "click",
        },
        {
            content: "Open the contact preferences",
            trigger: ".o_portal_index_card a[href='/my/family']",
            run: "click",
        },
        {
            content: "Text messages from now on",
            trigger: "select[name='preferred_channel']",
            run: "select sms",
        },
        {
            content: "To her new mobile number",
            trigger: "input[name='mobile']",
            run: "edit +31 6 2222 3333",
        },
        {
            content: "Save",
            trigger: ".o_sc_family button[type='submit']",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_sc_family .alert-success",
        },
    ],
});
