/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import {
    openStudentCareApp,
    openStudentCareAppOnPhone,
} from "@student_care/../tests/tours/student_care_tour_steps";
import {
    chooseFamilyIssue,
    saveCallIntoCase,
} from "@student_care_attendance/../tests/tours/student_care_officer_tour";

// A teacher takes the roll call of their class: everybody present, one click for the absent.
registry.category("web_tour.tours").add("student_care_attendance_roll_call", {
    steps: () => [
        {
            content: "Pick the class",
            trigger: ".modal .o_field_widget[name=class_id] input",
            run: "edit TourClass",
        },
        {
            content: "Choose it in the list",
            trigger: ".o-autocomplete--dropdown-item:contains('TourClass')",
            run: "click",
        },
        {
            content: "The class is listed, everybody present",
            trigger: ".modal .o_data_row:contains('Tour Absentee') td[name=status] input[data-value=present]:checked",
        },
        {
            content: "One click: absent",
            trigger: ".modal .o_data_row:contains('Tour Absentee') .o_field_widget[name=status] input[data-value=absent]",
            run: "click",
        },
        {
            content: "The student is absent, no second control to tick",
            trigger: ".modal .o_data_row:contains('Tour Absentee') .o_field_widget[name=status] input[data-value=absent]:checked",
        },
        {
            content: "Save the whole roll call",
            trigger: ".modal button[name=action_save]",
            run: "click",
        },
        {
            content: "Saved: one absent",
            trigger: ".o_notification:contains('1 absent of 2')",
        },
    ],
});

// The attendance officer works the morning outreach list and logs a call: the app opens on
// Outreach Today.
registry.category("web_tour.tours").add("student_care_attendance_outreach_call", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "The absent student is on the list with a number to call",
            trigger: ".o_data_row:contains('Tour Absentee') a[href^='tel:']",
        },
        {
            content: "The student who scanned in is not",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Tour Scanned')))",
        },
        {
            content: "Log the call",
            trigger: ".o_data_row:contains('Tour Absentee') button[name=action_log_call]",
            run: "click",
        },
        ...chooseFamilyIssue(),
        {
            content: "What was said",
            trigger: ".modal .o_field_widget[name=reason_given] textarea",
            run: "edit Parents separated last week",
        },
        ...saveCallIntoCase(),
        {
            content: "The list counts the call",
            trigger: "body:not(:has(.modal)) .o_data_row:contains('Tour Absentee') td[name=call_count]:contains('1')",
        },
    ],
});

// The teacher's main path: Student Care from the app switcher opens today's roll call of their
// one class as the page (not a dialog over nothing); one click marks a student absent; save.
export function teacherRollCallSteps() {
    return [
        {
            content: "The roll call is the page, the class filled in",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=class_id] input:value(TourClass)",
        },
        {
            content: "The class is listed, everybody present",
            trigger: ".o_data_row:contains('Tour Absentee') td[name=status] input[data-value=present]:checked",
        },
        {
            content: "One status control per student, no checkbox repeating it",
            trigger: ".o_list_renderer:not(:has(td[name=is_absent], .o_data_row input[type=checkbox]))",
        },
        {
            content: "One click: absent",
            trigger: ".o_data_row:contains('Tour Absentee') td[name=status] input[data-value=absent]",
            run: "click",
        },
        {
            content: "The student is marked absent at once",
            trigger: ".o_data_row:contains('Tour Absentee') td[name=status] input[data-value=absent]:checked",
        },
        {
            content: "The classmate stays present",
            trigger: ".o_data_row:contains('Tour Scanned') td[name=status] input[data-value=present]:checked",
        },
        {
            content: "Save the roll call (below the list on a phone, in the header on a desk)",
            trigger: "button[name=action_save]",
            run: "click",
        },
        {
            content: "Saved: one absent",
            trigger: ".o_notification:contains('1 absent of 2')",
        },
    ];
}

registry.category("web_tour.tours").add("student_care_attendance_teacher_landing", {
    steps: () => [...openStudentCareApp(), ...teacherRollCallSteps()],
});

// The same path on a phone: the menu sidebar instead of the app switcher, taps for clicks.
registry.category("web_tour.tours").add("student_care_attendance_teacher_phone", {
    steps: () => [...openStudentCareAppOnPhone(), ...teacherRollCallSteps()],
});
