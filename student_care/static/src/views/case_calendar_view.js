/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { calendarView } from "@web/views/calendar/calendar_view";
import { CalendarController } from "@web/views/calendar/calendar_controller";

// The case calendar's entries are deadlines and interviews of cases: opening one opens
// its case, where both are planned and followed up.
export class StudentCareCaseCalendarController extends CalendarController {
    async editRecord(record) {
        const caseId = record.rawRecord.case_id && record.rawRecord.case_id[0];
        if (!caseId) {
            return;
        }
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "student_care.case",
            res_id: caseId,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("views").add("student_care_case_calendar", {
    ...calendarView,
    Controller: StudentCareCaseCalendarController,
});
