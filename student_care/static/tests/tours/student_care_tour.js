/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A teacher opens the student directory, finds a student and opens the form: directory data
// is shown, the care-only national ID is not, and nothing can be edited.
registry.category("web_tour.tours").add("student_care_teacher_open_student", {
    steps: () => [
        {
            content: "The student directory opens on the kanban",
            trigger: ".o_kanban_view .o_kanban_record:contains('Tour Student')",
        },
        {
            content: "Search the student by number",
            trigger: ".o_searchview_input",
            run: "edit 777001",
        },
        {
            content: "Validate the search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open the student",
            trigger: ".o_kanban_record:contains('Tour Student')",
            run: "click",
        },
        {
            content: "The form shows the student's class and family",
            trigger: ".o_form_view .o_field_widget[name=class_id]:contains('TourClass')",
        },
        {
            content: "The guardian is listed in the Family tab",
            trigger: ".o_field_widget[name=guardian_link_ids] .o_data_row:contains('Tour Guardian')",
        },
        {
            content: "The national ID is not shown to a teacher",
            trigger: ".o_form_view:not(:has(.o_field_widget[name=national_id]))",
        },
        {
            content: "The form is read-only for a teacher",
            trigger: ".o_form_view .o_form_readonly, .o_form_view:not(:has(.o_form_button_save))",
        },
    ],
});
