/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// Intake on an open case form: move it to "Intake done" and add a confidential note with
// a file. Shared by the intake tour and the care worker's role tour.
export function intakeSteps() {
    return [
        {
            content: "Move the case to Intake done",
            trigger: ".o_statusbar_status button:contains('Intake done')",
            run: "click",
        },
        {
            content: "The stage changed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Intake done')",
        },
        {
            content: "Open the dossier notes",
            trigger: ".o_notebook .nav-link:contains('Dossier Notes')",
            run: "click",
        },
        {
            content: "Add a note",
            trigger: ".o_field_widget[name=note_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Make it confidential",
            trigger: ".modal .o_field_widget[name=sensitivity] input[data-value=confidential]",
            run: "click",
        },
        {
            content: "Write what was said",
            trigger: ".modal .o_field_widget[name=body] .odoo-editor-editable",
            run: "editor Confidential tour words about the family",
        },
        {
            content: "Attach the psychologist's assessment (uploaded before the note is saved)",
            trigger: ".modal .o_field_widget[name=attachment_ids] input[type=file]:not(:visible)",
            run() {
                const files = new DataTransfer();
                files.items.add(
                    new File(["Assessment: anxiety at home"], "assessment.txt", {
                        type: "text/plain",
                    })
                );
                this.anchor.files = files.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is uploaded",
            trigger: ".modal .o_field_widget[name=attachment_ids] .o_attachment:contains('assessment')",
        },
        {
            content: "Save the note",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The note is listed",
            trigger: ".o_field_widget[name=note_ids] .o_data_row:contains('Confidential')",
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
    ];
}

// A care worker opens a case of the pipeline (by its student's name).
export function openPipelineCase(student) {
    return [
        {
            content: "The pipeline shows the case in New signal",
            trigger: `.o_kanban_group:contains('New signal') .o_kanban_record:contains('${student}')`,
            run: "click",
        },
    ];
}

// A care worker moves a case to "Intake done" and adds a confidential note with a file.
registry.category("web_tour.tours").add("student_care_worker_intake", {
    steps: () => [...openPipelineCase("Tour Pupil"), ...intakeSteps()],
});

// The teacher sees the stage and that a note exists, never its text.
registry.category("web_tour.tours").add("student_care_teacher_case_status", {
    steps: () => [
        {
            content: "The care status lists the case of the teacher's student",
            trigger: ".o_list_view .o_data_row:contains('Tour Pupil'):contains('Intake done') td[name=name]",
            run: "click",
        },
        {
            content: "The stage is shown",
            trigger: ".o_form_view .o_statusbar_status:contains('Intake done')",
        },
        {
            content: "The timeline shows the interview and its author",
            trigger: ".o_field_widget[name=timeline_ids] .o_data_row:contains('Interview'):contains('SC tour worker')",
        },
        {
            content: "Nothing of what was said is on the page",
            trigger: "body:not(:contains('Confidential tour words'))",
        },
    ],
});
