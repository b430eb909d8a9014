/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { download } from "@web/core/network/download";
import { openStudentCareApp } from "@student_care/../tests/tours/student_care_tour_steps";

function openBillingMenu(item) {
    return [
        {
            content: "Open the Billing menu",
            trigger: ".o_menu_sections button:contains('Billing'), .o_menu_sections a:contains('Billing')",
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item:contains('${item}')`,
            run: "click",
        },
    ];
}

// The landing page: the services left to invoice, no dialog, no Discuss.
function landingSteps() {
    return [
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
    ];
}

// The wizard bills last month; its result is the new internal invoice.
function runInvoicingSteps() {
    return [
        ...openBillingMenu("Invoice Care Services"),
        {
            content: "Create the invoices of last month",
            trigger: ".modal button[name=action_invoice]",
            run: "click",
        },
        {
            content: "The new invoice is in the internal journal",
            trigger: ".o_breadcrumb:contains('Internal Invoices')",
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
    ];
}

// Print > Internal Invoice. The report is downloaded, not shown: record the report URL the
// download asked for once the server has answered it, and show it on the body.
function printInternalInvoiceSteps() {
    return [
        {
            content: "Watch the report download",
            trigger: ".o_form_view",
            run() {
                const original = download._download;
                download._download = async (options) => {
                    download._download = original;
                    const result = await original(options);
                    const [url] = JSON.parse(options.data.data);
                    document.body.dataset.studentCarePrinted = url;
                    return result;
                };
            },
        },
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open Print",
            trigger: ".o-dropdown--menu button:has(.fa-print)",
            run: "click",
        },
        {
            content: "Print the internal invoice",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Internal Invoice')",
            run: "click",
        },
        {
            content: "The PDF of this invoice was printed",
            trigger: "body[data-student-care-printed^='/report/pdf/account.report_invoice/']",
        },
    ];
}

// The billing officer's month: the app, the catalogue, the invoicing run, the invoice's PDF.
registry.category("web_tour.tours").add("student_care_billing_officer_invoices_the_month", {
    steps: () => [
        ...openStudentCareApp(),
        ...landingSteps(),
        ...openBillingMenu("Care Catalogue"),
        {
            content: "The catalogue lists the care services",
            trigger: ".o_breadcrumb:contains('Care Catalogue'), .o_breadcrumb:contains('Care Services')",
        },
        ...runInvoicingSteps(),
        ...printInternalInvoiceSteps(),
    ],
});
