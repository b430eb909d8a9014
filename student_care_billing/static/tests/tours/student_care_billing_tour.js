/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "@student_care/../tests/tours/student_care_tour_steps";

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

// The billing officer runs the invoicing wizard and sees one invoice per department.
registry.category("web_tour.tours").add("student_care_billing_run_invoicing", {
    steps: () => [
        {
            content: "Create the invoices of last month",
            trigger: ".modal button[name=action_invoice]",
            run: "click",
        },
        {
            content: "Open the new invoice",
            trigger: ".o_list_view .o_data_row td[name=name]:contains('CARE/')",
            run: "click",
        },
        {
            content: "It is addressed to the department",
            trigger: ".o_form_view .o_field_widget[name=partner_id]:contains('Tour Faculty')",
        },
        {
            content: "One line for the service",
            trigger: ".o_field_widget[name=invoice_line_ids] .o_data_row:contains('Tour intake')",
        },
        {
            content: "Nothing of the student is on the page",
            trigger: "body:not(:contains('Tour Pupil'))",
        },
    ],
});

// The billing officer opens Student Care from the app switcher and lands on the services to
// invoice; the Billing menu leads to the catalogue and the invoicing wizard.
registry.category("web_tour.tours").add("student_care_billing_landing", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "The services to invoice are the landing page",
            trigger: ".o_breadcrumb:contains('Care Services')",
        },
        {
            content: "The delivered service is listed",
            trigger: ".o_list_view .o_data_row:contains('Tour intake')",
        },
        {
            content: "Filtered on what is left to invoice",
            trigger: ".o_searchview_facet:contains('To Invoice')",
        },
        {
            content: "No dialog, no Discuss",
            trigger: "body:not(:has(.modal)):not(:has(.o-mail-Discuss))",
        },
        {
            content: "Open the Billing menu",
            trigger: ".o_menu_sections button:contains('Billing'), .o_menu_sections a:contains('Billing')",
            run: "click",
        },
        {
            content: "Open the catalogue",
            trigger: ".dropdown-item:contains('Care Catalogue')",
            run: "click",
        },
        {
            content: "The catalogue lists the care services",
            trigger: ".o_breadcrumb:contains('Care Catalogue'), .o_breadcrumb:contains('Care Services')",
        },
        {
            content: "Open the Billing menu again",
            trigger: ".o_menu_sections button:contains('Billing'), .o_menu_sections a:contains('Billing')",
            run: "click",
        },
        {
            content: "Open the invoicing wizard",
            trigger: ".dropdown-item:contains('Invoice Care Services')",
            run: "click",
        },
        {
            content: "The wizard opens",
            trigger: ".modal button[name=action_invoice]",
        },
    ],
});
