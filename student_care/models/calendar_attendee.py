# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Every employee reads every attendee row: those of a care interview whose case the
        # user may not read are left out, as the interview itself is (calendar.event).
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if self.env.su or query.is_empty():
            return query
        events = self.env["calendar.event"].with_context(active_test=False)._search([])
        query.add_where(
            SQL("%s IN %s", SQL.identifier(self._table, "event_id"), events.subselect())
        )
        return query
