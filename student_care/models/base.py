# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

FORMULA_PREFIXES = ("=", "+", "-", "@")


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        """Every export is formula-safe: a cell starting with =, +, - or @ gets a leading
        quote, so a spreadsheet never runs text someone typed as a formula (CSV and XLSX).

        On every model, not only the dossier's: the next model with free text is safe
        without anyone remembering to make it so.
        """
        result = super().export_data(fields_to_export)
        result["datas"] = [
            [
                f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES) else cell
                for cell in row
            ]
            for row in result["datas"]
        ]
        return result
