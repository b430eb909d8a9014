/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";
import { CalendarCommonPopover } from "@web/views/calendar/calendar_common/calendar_common_popover";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { CalendarController } from "@web/views/calendar/calendar_controller";
import { CalendarRenderer } from "@web/views/calendar/calendar_renderer";
import { calendarView } from "@web/views/calendar/calendar_view";

// The case calendar's entries are deadlines and interviews of cases: opening one opens its
// case, where both are planned and followed up.
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

// The entry's popover says where its button leads.
export class StudentCareCaseCalendarPopover extends CalendarCommonPopover {
    static subTemplates = {
        ...CalendarCommonPopover.subTemplates,
        footer: "student_care.CaseCalendarPopover.footer",
    };
}

export class StudentCareCaseCalendarCommonRenderer extends CalendarCommonRenderer {
    static components = {
        ...CalendarCommonRenderer.components,
        Popover: StudentCareCaseCalendarPopover,
    };
}

export class StudentCareCaseCalendarRenderer extends CalendarRenderer {
    static components = {
        ...CalendarRenderer.components,
        day: StudentCareCaseCalendarCommonRenderer,
        week: StudentCareCaseCalendarCommonRenderer,
        month: StudentCareCaseCalendarCommonRenderer,
    };
}

registry.category("views").add("student_care_case_calendar", {
    ...calendarView,
    Controller: StudentCareCaseCalendarController,
    Renderer: StudentCareCaseCalendarRenderer,
});
