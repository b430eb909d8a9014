# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import content_disposition, request

TEMPLATE_FILE_TYPES = ("csv", "xlsx")


class StudentCareImport(http.Controller):
    @http.route(
        "/student_care/import/template/<string:model>",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def import_template(self, model, file_type="csv", **kwargs):
        """The template file of a spreadsheet import (``student_care.import.mixin``), for
        whoever may import into ``model``; any other model is not found."""
        registry = request.env.registry
        if (
            file_type not in TEMPLATE_FILE_TYPES
            or model not in registry
            or registry[model]._abstract
            or not issubclass(registry[model], registry["student_care.import.mixin"])
        ):
            raise request.not_found()
        content, filename, mimetype = request.env[model]._import_template(file_type)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
