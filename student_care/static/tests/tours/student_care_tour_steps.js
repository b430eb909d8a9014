/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

// The steps every role's tour starts with: the app switcher, then Student Care.
export function openStudentCareApp() {
    return [
        {
            content: "Open the app switcher",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Pick Student Care",
            trigger: ".o_app[data-menu-xmlid='student_care.student_care_menu_root']",
            run: "click",
        },
    ];
}

// The same on a phone (small screen): there is no app switcher button, the menu toggle opens
// a sidebar with the current app's menus; "All Apps" turns it into the list of apps.
export function openStudentCareAppOnPhone() {
    return [
        {
            content: "Open the menu sidebar",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "Show all apps",
            trigger: ".o_app_menu_sidebar .o_sidebar_topbar a:contains('All Apps')",
            run: "click",
        },
        {
            content: "Pick Student Care",
            trigger: ".o_app_menu_sidebar .o_app[data-menu-xmlid='student_care.student_care_menu_root']",
            run: "click",
        },
    ];
}
