# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools
import logging
import subprocess

import lxml.html
from markupsafe import Markup

from odoo import _, models
from odoo.exceptions import AccessError

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# With a wkhtmltopdf built on an unpatched Qt (Debian's package), text set in a web font
# (@font-face: Lato, Roboto, ... from the report assets) is drawn as outlines, so the PDF has
# no extractable text; a font the system has installed is embedded as text. Icon fonts keep
# theirs: they are pictures, not text.
SYSTEM_FONT_CSS = """
<style>
    body, body *:not(.fa):not(.oi):not([class*=" fa-"]):not([class^="fa-"]) {
        font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif !important;
    }
</style>
"""
# Margins (mm) of a page whose header and footer are part of the page body.
PLAIN_PAGE_MARGIN = "10"
# Options an unpatched Qt ignores, each with a message on stderr that Odoo logs as a warning:
# those that take a value, and the flag.
UNPATCHED_QT_OPTIONS = ("--header-spacing", "--header-html", "--footer-html")
UNPATCHED_QT_FLAGS = ("--header-line",)


@functools.cache
def wkhtmltopdf_has_patched_qt():
    """Whether wkhtmltopdf can repeat HTML headers/footers on every page (patched Qt).

    ``wkhtmltopdf --version`` says "(with patched qt)" on the builds that can.
    """
    try:
        out = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, TypeError, subprocess.SubprocessError):
        return True  # no usable wkhtmltopdf: leave Odoo's behaviour and messages alone
    patched = "patched qt" in out.lower()
    if not patched:
        _logger.info(
            "wkhtmltopdf without patched Qt: report headers and footers are printed "
            "in the page, and text uses system fonts."
        )
    return patched


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # Odoo's /report/<type>/<name>/<ids> routes do not check the report's own groups;
        # our reports are for the roles named on them, whatever the route.
        if (
            not self.env.su
            and report.report_name.startswith("student_care")
            and report.groups_id
            and not (report.groups_id & self.env.user.groups_id)
        ):
            raise AccessError(_("This report is not available to you."))
        return super()._get_rendering_context(report, docids, data)

    def _prepare_html(self, html, report_model=False):
        if wkhtmltopdf_has_patched_qt():
            return super()._prepare_html(html, report_model=report_model)
        # An unpatched Qt ignores --header-html/--footer-html: the letterhead and the footer
        # would be lost. Print them in the page instead, around the record they belong to.
        bodies, res_ids, _header, _footer, paperformat_args = super()._prepare_html(
            self._inline_header_footer(html), report_model=report_model
        )
        # Bodies are Markup, whose replace() would escape the markup it is given.
        bodies = [
            Markup(str(body).replace("</head>", SYSTEM_FONT_CSS + "</head>", 1)) for body in bodies
        ]
        return bodies, res_ids, None, None, paperformat_args

    def _build_wkhtmltopdf_args(
        self,
        paperformat_id,
        landscape,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        args = super()._build_wkhtmltopdf_args(
            paperformat_id,
            landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
        if wkhtmltopdf_has_patched_qt():
            return args
        # The paper format reserves room for a repeated header and footer that an unpatched
        # Qt does not print; they are in the page body now (see _prepare_html).
        plain = []
        options = iter(args)
        for option in options:
            if option in UNPATCHED_QT_OPTIONS:
                next(options, None)
            elif option in UNPATCHED_QT_FLAGS:
                continue
            elif option in ("--margin-top", "--margin-bottom"):
                next(options, None)
                plain += [option, PLAIN_PAGE_MARGIN]
            else:
                plain.append(option)
        return plain

    def _inline_header_footer(self, html):
        """Move each record's header and footer into its article, as ordinary blocks."""
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
        for article in root.find_class("article"):
            header = article.getprevious()
            if header is not None and "header" in header.classes:
                header.classes.discard("header")
                header.classes.add("o_student_care_header")
                article.insert(0, header)
            footer = article.getnext()
            if footer is not None and "footer" in footer.classes:
                footer.classes.discard("footer")
                footer.classes.add("o_student_care_footer")
                # "Page x / y" is filled in per page by the footer's script, which only runs
                # in a repeated footer.
                for total in footer.find_class("topage"):
                    total.getparent().drop_tree()
                article.append(footer)
        return lxml.html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")
