# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Role tours start where a new user starts: the home page, then the app switcher.

Each tour's wall time is logged as "Role tour <name> as <login> on <size>: <s> s", and
./setup/test prints those lines after the run, so the README can quote them."""

import logging
import time

from odoo.tests import HttpCase

_logger = logging.getLogger(__name__)


class RoleTourCase(HttpCase):
    """A desk browser (Odoo's default 1366x768 window)."""

    def start_role_tour(self, tour_name, login, url="/odoo", **kwargs):
        """Run ``tour_name`` as ``login`` (None: a visitor) from ``url``, the page a new
        user of that role starts on: the home page, the portal home, a public form; never
        a deep link into the back office."""
        started = time.monotonic()
        self.start_tour(url, tour_name, login=login, **kwargs)
        _logger.info(
            "Role tour %s as %s on %s: %.1f s",
            tour_name,
            login or "visitor",
            self.browser_size,
            time.monotonic() - started,
        )


class PhoneTourCase(RoleTourCase):
    """A phone: 390x844 with touch events, where Odoo switches to its small-screen UI."""

    browser_size = "390x844"
    touch_enabled = True


class PortalTourCase(PhoneTourCase):
    """A family member on their phone: portal tours start on the portal home (/my)."""

    def start_portal_tour(self, tour_name, login, url="/my", **kwargs):
        return self.start_role_tour(tour_name, login, url=url, **kwargs)
