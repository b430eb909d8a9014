/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { radioField } from "@web/views/fields/radio/radio_field";

// The roll call's one control per student. Odoo's radio is disabled on a list row that is
// not being edited, so marking a student absent took a click to open the row and another
// to choose; like Odoo's boolean toggle, this one takes the first click or tap. The radios
// of a row share a name, so arrow keys move between the statuses.
export const rollCallStatusField = {
    ...radioField,
    extractProps(fieldInfo, dynamicInfo) {
        return {
            ...radioField.extractProps(fieldInfo, dynamicInfo),
            readonly: dynamicInfo.readonly,
        };
    },
};

registry.category("fields").add("student_care_roll_call_status", rollCallStatusField);
