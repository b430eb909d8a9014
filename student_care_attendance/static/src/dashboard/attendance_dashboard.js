/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { AttendanceChart } from "./attendance_chart";

// Attendance at a glance: rate, today's outreach, recovery, chronic absence and truancy,
// as figures, charts and tables. Everything comes from student_care.attendance.dashboard as
// the current user, and every card, chart point and table row opens the records behind it.
export class AttendanceDashboard extends Component {
    static template = "student_care_attendance.AttendanceDashboard";
    static components = { AttendanceChart };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.ranges = [
            ["week", _t("This week")],
            ["4weeks", _t("Last 4 weeks")],
            ["year", _t("School year")],
        ];
        this.state = useState({ range: "4weeks", data: null });
        onWillStart(() => this.load());
    }

    async load(range = this.state.range) {
        this.state.range = range;
        this.state.data = await this.orm.call(
            "student_care.attendance.dashboard",
            "get_dashboard_data",
            [range]
        );
    }

    open(item) {
        if (item.action) {
            this.action.doAction(item.action);
        }
    }

    openAction(action) {
        this.action.doAction(action);
    }
}

registry.category("actions").add("student_care_attendance_dashboard", AttendanceDashboard);
