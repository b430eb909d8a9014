# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query-count guard on the invoicing run: the same number of queries whatever the number
of delivered services, within the count pinned below (measured once; ``assertQueryCount``
fails when a change adds queries, a lower count only logs: lower the pin then)."""

from datetime import date

from odoo.tests import tagged

from .common import StudentCareBillingCommon

# Two departments, two services each: two invoices of two lines. Each further invoice line
# costs one query in Odoo's own posting (the analytic distribution check of
# account.move.line), not per delivered service. The moves' internal flag (stored, from the
# journal) is written once for the batch.
INVOICE_RUN_QUERIES = 77


@tagged("post_install", "-at_install")
class TestInvoicingPerformance(StudentCareBillingCommon):
    def _deliver_month(self, month, per_line):
        """``per_line`` deliveries of each service for each department in ``month``."""
        services = self.env["student_care.service.delivery"]
        for department in (self.dept_science, self.dept_arts):
            for product in (self.intake, self.coaching):
                for day in range(1, per_line + 1):
                    services |= self.deliver(
                        product, date(2026, month, day), department_id=department.id
                    )
        return services

    def _queries(self, function):
        """Queries ``function`` runs, pending writes included (as assertQueryCount counts)."""
        self.env.flush_all()
        self.env.cr.flush()
        start = self.cr.sql_log_count
        function()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - start

    def _run(self, month, moves):
        start = date(2026, month, 1)
        end = date.fromordinal(date(2026, month + 1, 1).toordinal() - 1)
        return lambda: moves.append(self.run_invoicing(start, end))

    def test_invoice_run_queries_do_not_grow_with_services(self):
        moves = []
        self._deliver_month(8, 1)
        self._queries(self._run(8, moves))  # warm the caches
        self._deliver_month(9, 1)
        few_count = self._queries(self._run(9, moves))
        many = self._deliver_month(10, 10)
        with self.assertQueryCount(INVOICE_RUN_QUERIES):
            many_count = self._queries(self._run(10, moves))
        self.assertEqual(many_count, few_count)
        october = moves[-1]
        self.assertEqual(october.partner_id, self.dept_science | self.dept_arts)
        self.assertEqual(len(october.invoice_line_ids), 4)
        self.assertEqual(set(many.mapped("state")), {"invoiced"})
        self.assertEqual(many.invoice_id, october)
        self.assertEqual(sum(october.mapped("amount_total")), 2 * 10 * (60.0 + 50.0))
