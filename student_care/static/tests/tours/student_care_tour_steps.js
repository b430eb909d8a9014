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
