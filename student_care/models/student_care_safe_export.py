# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

FORMULA_PREFIXES = ("=", "+", "-", "@")


class StudentCareSafeExport(models.AbstractModel):
    """Exports of dossier data: a cell starting with =, +, - or @ is prefixed with a quote,
    so a spreadsheet never runs text someone typed into a note as a formula (CSV and XLSX)."""

    _name = "student_care.safe.export"
    _description = "Formula-safe Export"

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        result["datas"] = [
            [
                f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES) else cell
                for cell in row
            ]
            for row in result["datas"]
        ]
        return result
