/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import {
    openStudentCareApp,
    openStudentCareAppOnPhone,
} from "@student_care/../tests/tours/student_care_tour_steps";

// In the call dialog: a family issue, which needs follow-up.
export function chooseFamilyIssue() {
    return [
        {
            content: "Outcome: family issue",
            trigger: ".modal .o_field_widget[name=outcome] select",
            run: 'select "family"',
        },
        {
            content: "A family issue needs follow-up",
            trigger: ".modal .o_field_widget[name=is_follow_up_needed] input:checked",
        },
    ];
}

// Save the call dialog; the call went into a case and the caller is told so.
export function saveCallIntoCase() {
    return [
        {
            content: "Save the call",
            trigger: ".modal button[name=action_save]",
            run: "click",
        },
        {
            content: "Told that the call went into a case",
            trigger: ".o_notification:contains('The call was added to case')",
        },
    ];
}

const ABSENTEE = ".o_kanban_record:contains('Tour Absentee')";

// The attendance officer's morning calls on a phone: the app opens on Outreach Today as
// cards; the call button carries the guardian's number; Log Call is one tap; saving says
// that the call went into a case.
registry.category("web_tour.tours").add("student_care_attendance_officer_phone", {
    steps: () => [
        ...openStudentCareAppOnPhone(),
        {
            content: "Outreach Today, as cards",
            trigger: `.o_kanban_view ${ABSENTEE}`,
        },
        {
            content: "The student who scanned in is not on the list",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Tour Scanned')))",
        },
        {
            content: "The guardian to call first, and who they are",
            trigger: `${ABSENTEE} .o_outreach_guardian:contains('Tour Father'):contains('(Father)')`,
        },
        {
            content: "The call button shows the guardian's number",
            trigger: `${ABSENTEE} a.o_outreach_call[href='tel:+31 6 5555 0001']:contains('+31 6 5555 0001')`,
        },
        {
            content: "Log Call, one tap",
            trigger: `${ABSENTEE} button[name=action_log_call]`,
            run: "click",
        },
        ...chooseFamilyIssue(),
        ...saveCallIntoCase(),
        {
            content: "The card shows the student was called",
            trigger: `body:not(:has(.modal)) ${ABSENTEE} .badge:contains('Called')`,
        },
    ],
});

const IMPORT_CSV = [
    "student_number,date,period,status,reason,minutes,note",
    "880001,2026-11-02,1,absent,,,",
    "880002,2026-11-02,1,present,,,",
    "",
].join("\n");

// The attendance officer imports a file at the desk: from the menu to the wizard, where the
// template can be downloaded; check, then import, and the dialog keeps its title throughout.
registry.category("web_tour.tours").add("student_care_attendance_officer_import", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "The officer lands on Outreach Today",
            trigger: ".o_breadcrumb:contains('Outreach Today')",
        },
        {
            content: "Open the Attendance menu",
            trigger:
                ".o_menu_sections button[data-menu-xmlid='student_care_attendance.student_care_attendance_menu_root']",
            run: "click",
        },
        {
            content: "Import Attendance",
            trigger:
                ".dropdown-item[data-menu-xmlid='student_care_attendance.student_care_attendance_import_menu']",
            run: "click",
        },
        {
            content: "A template to download",
            trigger:
                ".modal .o_student_care_import_template a.o_template_csv[href='/student_care/import/template/student_care.attendance']",
        },
        {
            content: "Upload the file",
            trigger: ".modal .o_field_widget[name=file]",
            run() {
                const input = document.querySelector(
                    ".modal .o_field_widget[name=file] input[type=file]"
                );
                const files = new DataTransfer();
                files.items.add(new File([IMPORT_CSV], "attendance.csv", { type: "text/csv" }));
                input.files = files.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is in",
            trigger: ".modal .o_field_widget[name=file] input:value(attendance.csv)",
        },
        {
            content: "Check it",
            trigger: ".modal button[name=action_check]",
            run: "click",
        },
        {
            content: "Checked, and the dialog keeps its title",
            trigger:
                ".modal:has(.modal-title:contains('Import Attendance')) .o_field_widget[name=summary]:contains('The file is correct: 2 new')",
        },
        {
            content: "Import it",
            trigger: ".modal button[name=action_import]",
            run: "click",
        },
        {
            content: "Imported, title still right",
            trigger:
                ".modal:has(.modal-title:contains('Import Attendance')) .o_field_widget[name=summary]:contains('Imported: 2 new')",
        },
        {
            content: "Close",
            trigger: ".modal .modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "Back on the page",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
