/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { openStudentCareApp } from "./student_care_tour_steps";

// A parent on a phone asks the school through the public form, without logging in.
registry.category("web_tour.tours").add("student_care_inquiry_ask", {
    steps: () => [
        {
            content: "Give a name",
            trigger: "input[name='name']",
            run: "edit Tina Tour",
        },
        {
            content: "Give an e-mail address",
            trigger: "input[name='email']",
            run: "edit tina.tour@example.com",
        },
        {
            content: "Choose the topic",
            trigger: "select[name='topic_id']",
            run: "selectByLabel Tour Transport",
        },
        {
            content: "Give a subject",
            trigger: "input[name='subject']",
            run: "edit Which bus on Wednesday?",
        },
        {
            content: "Ask the question",
            trigger: "textarea[name='description']",
            run: "edit Which bus does my son take on Wednesday afternoons?",
        },
        {
            content: "Send it",
            trigger: "button[type='submit']:contains('Send my question')",
            run: "click",
        },
        {
            content: "The school thanks the parent, and says nothing else",
            trigger: ".o_student_care_inquiry_thanks h1:contains('Thank you for your question')",
        },
    ],
});

// The parent opens the link of the e-mail, reads the answer, and rates it.
registry.category("web_tour.tours").add("student_care_inquiry_rate", {
    steps: () => [
        {
            content: "The question is closed",
            trigger: ".o_student_care_inquiry_page .o_inquiry_status:contains('Closed')",
        },
        {
            content: "The department's answer is on the page",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('Bus 12 leaves at 14:10')",
        },
        {
            content: "Rate the answer",
            trigger: ".o_inquiry_rating a.o_inquiry_rate_5",
            run: "click",
        },
        {
            content: "The rating is thanked for",
            trigger: "body:contains('Thank you')",
        },
    ],
});

// The family liaison lands on the inquiry pipeline, answers from the chatter and closes.
registry.category("web_tour.tours").add("student_care_inquiry_answer", {
    steps: () => [
        ...openStudentCareApp(),
        {
            content: "The liaison lands on the pipeline, the question is new",
            trigger: ".o_kanban_group:contains('New') .o_kanban_record:contains('Which bus on Wednesday?')",
            run: "click",
        },
        {
            content: "Write to the family",
            trigger: ".o-mail-Chatter-topbar button.o-mail-Chatter-sendMessage",
            run: "click",
        },
        {
            content: "Type the answer",
            trigger: ".o-mail-Composer-input",
            run: "edit Bus 12 leaves at 14:10 from the main gate.",
        },
        {
            content: "Send it",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The answer is in the chatter",
            trigger: ".o-mail-Message:contains('Bus 12 leaves at 14:10')",
        },
        {
            content: "Close the question",
            trigger: ".o_form_statusbar button[name='action_close']",
            run: "click",
        },
        {
            content: "It is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
    ],
});
