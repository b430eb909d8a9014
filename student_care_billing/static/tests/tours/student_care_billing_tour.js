/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// A care worker logs a service on a case: the tab, add a line, pick the service, save.
registry.category("web_tour.tours").add("student_care_billing_log_service", {
    steps: () => [
        {
            content: "Open the care services of the case",
            trigger: ".o_notebook .nav-link:contains('Care Services')",
            run: "click",
        },
        {
            content: "Add a line",
            trigger: ".o_field_widget[name=service_delivery_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Type the service",
            trigger: ".o_field_widget[name=service_delivery_ids] .o_data_row .o_field_widget[name=product_id] input",
            run: "edit Tour intake",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour intake')",
            run: "click",
        },
        {
            content: "The paying department is filled in",
            trigger: ".o_field_widget[name=service_delivery_ids] .o_data_row .o_field_widget[name=department_id] input:value(Tour Faculty)",
        },
        {
            content: "Save the case",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The service is listed",
            trigger: ".o_field_widget[name=service_delivery_ids] .o_data_row:contains('Tour intake'):contains('Delivered')",
        },
        {
            content: "The stat button counts it",
            trigger: ".oe_stat_button:contains('Services'):contains('1')",
        },
    ],
});
