/** @odoo-module **/
// Copyright 2026 Student Care
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";

// One dashboard chart, drawn with the Chart.js that Odoo's graph view loads. The server
// sends Chart.js-ready series; each point carries the action listing its records, which a
// click on the point opens (props.onOpen).
export class AttendanceChart extends Component {
    static template = "student_care_attendance.AttendanceChart";
    static props = { chart: Object, onOpen: Function };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => this.renderChart(),
            () => [this.props.chart]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    get isEmpty() {
        return !this.props.chart.labels.length;
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = null;
        if (!this.canvasRef.el || this.isEmpty) {
            return;
        }
        const spec = this.props.chart;
        const hasPercentAxis = spec.datasets.some((dataset) => dataset.axis === "percent");
        const scales = {
            x: { stacked: spec.stacked },
            y: {
                stacked: spec.stacked,
                beginAtZero: true,
                ...(spec.unit === "%" ? { suggestedMax: 100 } : {}),
            },
        };
        if (hasPercentAxis) {
            scales.percent = {
                position: "right",
                beginAtZero: true,
                suggestedMax: 100,
                grid: { drawOnChartArea: false },
            };
        }
        this.chart = new Chart(this.canvasRef.el, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map((dataset) => ({
                    label: dataset.label,
                    data: dataset.data,
                    type: dataset.type || spec.type,
                    stack: dataset.stack,
                    yAxisID: dataset.axis || "y",
                    backgroundColor: dataset.color,
                    borderColor: dataset.color,
                    pointRadius: 4,
                    pointHoverRadius: 6,
                    spanGaps: true,
                    // Lines over bars: Chart.js draws lower orders last.
                    order: (dataset.type || spec.type) === "line" ? 0 : 1,
                })),
            },
            options: {
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: "nearest", intersect: true },
                plugins: { legend: { display: spec.datasets.length > 1 } },
                scales,
                onClick: (event, elements) => this.onClick(elements),
                onHover: (event, elements) => {
                    event.native.target.style.cursor = elements.length ? "pointer" : "default";
                },
            },
        });
    }

    onClick(elements) {
        if (!elements.length) {
            return;
        }
        const { datasetIndex, index } = elements[0];
        const action = this.props.chart.datasets[datasetIndex].actions[index];
        if (action) {
            this.props.onOpen(action);
        }
    }
}
