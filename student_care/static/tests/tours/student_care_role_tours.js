/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "./student_care_tour_steps";

function openMenu(section, item) {
    return [
        {
            content: `Open the ${section} menu`,
            trigger: `.o_menu_sections button:contains('${section}'), .o_menu_sections a:contains('${section}')`,
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item:contains('${item}')`,
            run: "click",
        },
    ];
}

function openNotebookPage(page) {
    return {
        content: `Open the ${page} tab`,
        trigger: `.o_notebook .nav-link:contains('${page}')`,
        run: "click",
    };
}

function closeDialog() {
    return [
        {
            content: "Close the dialog",
            trigger: ".modal .modal-footer button:contains('Close'), .modal .modal-footer .o_form_button_cancel",
            run: "click",
        },
        {
            content: "The dialog is gone",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

// A care manager checks the access log's integrity from its list.
export function checkIntegritySteps() {
    return [
        ...openMenu("Care", "Access Log"),
        {
            content: "The access log lists the broken glass",
            trigger: ".o_list_view .o_data_row:contains('Student at acute risk')",
        },
        {
            content: "Check the access log",
            trigger: ".o_control_panel button:contains('Check Integrity')",
            run: "click",
        },
        {
            content: "The log is intact",
            trigger: ".o_notification:contains('The access log is intact')",
        },
    ];
}

// A care manager breaks the glass on a case's sealed note: it opens read-only, with a title.
export function breakGlassSteps() {
    return [
        openNotebookPage("Timeline"),
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
        ...closeDialog(),
    ];
}

// The care manager's path: the pipeline, a sealed note in an emergency, then the access log
// that recorded it.
registry.category("web_tour.tours").add("student_care_care_manager_role_path", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "The pipeline is the landing page",
            trigger: ".o_breadcrumb:contains('Care Pipeline')",
        },
        {
            content: "Show every case, not only mine and my teams'",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the case",
            trigger: ".o_kanban_view .o_kanban_record:contains('Lotte Visser')",
            run: "click",
        },
        {
            content: "The case of the student is open",
            trigger: ".o_form_view .o_field_widget[name=student_id]:contains('Lotte Visser')",
        },
        ...breakGlassSteps(),
        ...checkIntegritySteps(),
    ],
});

// The specialist's path: their active referral, its case, the notes they may read.
registry.category("web_tour.tours").add("student_care_specialist_role_path", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "My Active Referrals is the landing page",
            trigger: ".o_breadcrumb:contains('My Active Referrals')",
        },
        {
            content: "Open the referral of the student",
            trigger: ".o_list_view .o_data_row:contains('Lotte Visser') td[name=date]",
            run: "click",
        },
        {
            content: "Open the referred case",
            trigger: ".o_form_view .o_field_widget[name=case_id] a",
            run: "click",
        },
        {
            content: "The referred student is shown",
            trigger: ".o_form_view .o_field_widget[name=student_id]:contains('Lotte Visser')",
        },
        openNotebookPage("Dossier Notes"),
        {
            content: "The confidential note of the case is listed",
            trigger: ".o_field_widget[name=note_ids] .o_data_row:contains('Confidential')",
        },
        {
            content: "The sealed note is not",
            trigger: ".o_field_widget[name=note_ids]:not(:has(.o_data_row:contains('Sealed')))",
        },
        {
            content: "Open the confidential note",
            trigger: ".o_field_widget[name=note_ids] .o_data_row:contains('Confidential') td.o_data_cell",
            run: "click",
        },
        {
            content: "Its content is shown",
            trigger: ".modal .o_field_widget[name=body]:contains('Secret words confidential')",
        },
        ...closeDialog(),
    ],
});
