# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http

from . import controllers
from . import models
from . import report
from . import wizard


def _read_manifests_once():
    """The first static file a server sends makes it read every add-on's manifest. Browsers
    and wkhtmltopdf ask for several files at once, and Python 3.11's parser is not safe for
    threads doing that together ("AST constructor recursion depth mismatch"): the first
    page or PDF after a start could fail. Read them while this add-on loads instead."""
    return http.root.statics


_read_manifests_once()
