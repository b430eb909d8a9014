# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import functools
import io
from collections import defaultdict
from datetime import date, datetime, time

import openpyxl
import pytz

from odoo import api, models
from odoo.exceptions import UserError

# Encodings a student information system or a spreadsheet writes CSV in, tried in order;
# latin-1 decodes any byte, so an unreadable file ends as "no column for ..." instead.
CSV_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
CSV_DELIMITERS = ",;\t|"
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y")
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)
# Errors listed in the message of a refused import; the dry run returns all of them.
MAX_LISTED_ERRORS = 50
# The template's example line: shaped like no real student number, so it matches nobody.
EXAMPLE_STUDENT_NUMBER = "EXAMPLE-1"
# Longest whole number a cell may hold: anything longer is out of every range we accept,
# and converting thousands of digits is refused by Python itself.
MAX_INT_DIGITS = 9


@functools.lru_cache(maxsize=1024)
def parse_date(text):
    """A date as a clerk or a spreadsheet writes it, or False. Files hold few distinct
    dates, hence the cache."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return False


def parse_datetime(text, tz):
    """A local date and time as written in a file -> naive UTC (as Odoo stores it), or
    False."""
    for fmt in DATETIME_FORMATS:
        try:
            local = datetime.strptime(text, fmt)
        except ValueError:
            continue
        try:
            return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        except (OverflowError, ValueError):  # year 1 or 9999 shifted out of range
            return False
    return False


def parse_int(text, minimum, maximum):
    """A whole number within [minimum, maximum] written in ASCII digits, or None."""
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_INT_DIGITS:
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None


class StudentCareImportMixin(models.AbstractModel):
    """Import of records from a spreadsheet (CSV in any common encoding and delimiter, or
    XLSX), the same way for every kind of record.

    ``_import_file(content)`` reads the table, finds the columns by their header, converts
    and checks every line, compares the lines with what is stored (by a natural key) and
    writes the difference in bulk. Guarantees a plug-in gets without writing them:

    - every bad line is reported with its line number as a clerk sees it in a spreadsheet
      (the header is line 1), and a file with any bad line writes nothing;
    - importing the same file again changes nothing; a corrected file only updates the
      lines that changed;
    - the lookups run once for the whole file (one query each), never per line;
    - ``dry_run`` checks and counts without writing;
    - any input (damaged bytes, empty file, wrong headers, huge numbers, impossible dates)
      ends as a ``UserError`` a clerk understands, never as a server error.

    It returns ``{"errors": [...], "created": n, "updated": n, "unchanged": n}``.

    Hooks a plug-in implements (all ``@api.model``):

    ``_import_headers()``
        ``{column: (accepted titles, lower case)}``; the first title is shown in examples.
    ``_import_required()``
        The columns the file must have.
    ``_import_key_fields()``
        Field names of the natural key: a line whose key is stored updates that record,
        any other line creates one; two lines with the same key are an error.
    ``_import_compared_fields()``
        Fields an existing record is updated on when they differ; empty (the default):
        stored records are left as they are (the line counts as unchanged).
    ``_import_prepare(rows)``
        The lookups of the whole file, set-based: any dict, passed to each conversion.
        ``rows`` is ``[(line, {column: text})]``.
    ``_import_convert(row, lookups)``
        One line -> ``(vals, problems)``: the record's values (key fields and compared
        fields included, in ``read(load=None)`` form: ids for relations, False when
        empty) and the list of translated problems (empty when the line is good). The
        ``parse_*`` helpers of this module, ``_import_students`` (in ``_import_prepare``)
        and ``_import_student_id`` help.
    ``_import_key_label()``
        The natural key as a clerk names it ("student, date and period"), for the problem
        of a line repeating an earlier one (or override ``_import_duplicate_problem``).
    ``_import_example_row()``
        ``{column: text}``: one example line for the template file (``_import_template``),
        well-formed but for its student, ``_import_example_student_number()``, which
        matches nobody: the clerk replaces it. Columns left out stay empty.

    Hooks a plug-in may override: ``_import_check_access()`` (default: may create),
    ``_import_existing_domain(vals_list)`` (records that may share a key with the file),
    ``_import_create(vals_list)`` and ``_import_update(vals, records)`` (the bulk writes).

    A plug-in adds ``student_care.import.mixin`` to its model's ``_inherit`` and exposes
    a public method calling ``_import_file`` (e.g. ``import_attendance_csv``); a wizard
    only uploads the file and calls it, once with ``dry_run`` and once for real. The
    template file of every plug-in is served at ``/student_care/import/template/<model>``
    (``?file_type=xlsx`` for Excel), to whoever may import it.
    """

    _name = "student_care.import.mixin"
    _description = "Spreadsheet Import"

    # ------------------------------------------------------------------ hooks

    @api.model
    def _import_headers(self):
        raise NotImplementedError

    @api.model
    def _import_required(self):
        return tuple(self._import_headers())

    @api.model
    def _import_key_fields(self):
        raise NotImplementedError

    @api.model
    def _import_compared_fields(self):
        return ()

    @api.model
    def _import_prepare(self, rows):
        return {}

    @api.model
    def _import_convert(self, row, lookups):
        raise NotImplementedError

    @api.model
    def _import_key_label(self):
        return self.env._("values")

    @api.model
    def _import_duplicate_problem(self, line):
        return self.env._("same %(key)s as line %(line)s", key=self._import_key_label(), line=line)

    @api.model
    def _import_example_row(self):
        return {}

    @api.model
    def _import_check_access(self):
        self.check_access("create")

    @api.model
    def _import_existing_domain(self, vals_list):
        return [
            (name, "in", list({vals[name] for vals in vals_list}))
            for name in self._import_key_fields()
        ]

    @api.model
    def _import_create(self, vals_list):
        for start in range(0, len(vals_list), 1000):
            self.create(vals_list[start : start + 1000])

    @api.model
    def _import_update(self, vals, records):
        records.write(vals)

    # ------------------------------------------------------------------ the import

    @api.model
    def _import_file(self, content, dry_run=False, defaults=None):
        """Import ``content`` (CSV text or bytes, or XLSX bytes); see the class docstring.
        ``defaults`` are added to the values of the records created."""
        self._import_check_access()
        rows = self._import_read_table(content)
        vals_by_key, errors = self._import_check(rows)
        result = {"errors": errors, "created": 0, "updated": 0, "unchanged": 0}
        if errors:
            if dry_run:
                return result
            self._import_refuse(errors)
        to_create, to_update = self._import_diff(vals_by_key, result)
        if not dry_run and (to_create or to_update):
            # All or nothing also for a caller that catches a failure of the write itself.
            with self.env.cr.savepoint():
                if to_create:
                    self._import_create([{**(defaults or {}), **vals} for vals in to_create])
                for vals, ids in to_update.items():
                    self._import_update(dict(vals), self.browse(ids))
        return result

    @api.model
    def _import_check(self, rows):
        """Converted values by key of the good lines, and the problems of the bad ones."""
        lookups = self._import_prepare(rows)
        key_fields = self._import_key_fields()
        vals_by_key, seen, errors = {}, {}, []
        for line, row in rows:
            vals, problems = self._import_convert(row, lookups)
            key = tuple(vals.get(name) for name in key_fields)
            if not problems and key in seen:
                problems = [self._import_duplicate_problem(seen[key])]
            if problems:
                errors.append(
                    self.env._(
                        "Line %(line)s: %(problems)s.", line=line, problems="; ".join(problems)
                    )
                )
                continue
            seen[key] = line
            vals_by_key[key] = vals
        return vals_by_key, errors

    @api.model
    def _import_diff(self, vals_by_key, result):
        """Split the lines into records to create and updates grouped by their values
        (one write per distinct set of values); count them into ``result``."""
        compared = self._import_compared_fields()
        existing = self._import_existing(list(vals_by_key.values()))
        to_create, to_update = [], defaultdict(list)
        for key, vals in vals_by_key.items():
            stored = existing.get(key)
            if stored is None:
                to_create.append(vals)
            elif any(stored[name] != vals[name] for name in compared):
                to_update[tuple((name, vals[name]) for name in compared)].append(stored["id"])
            else:
                result["unchanged"] += 1
        result["created"] = len(to_create)
        result["updated"] = sum(len(ids) for ids in to_update.values())
        return to_create, to_update

    @api.model
    def _import_existing(self, vals_list):
        """{key: stored values (with "id")} of the records sharing a key with the file."""
        if not vals_list:
            return {}
        key_fields = self._import_key_fields()
        names = list(dict.fromkeys([*key_fields, *self._import_compared_fields()]))
        records = self.search_fetch(self._import_existing_domain(vals_list), names)
        return {
            tuple(stored[name] for name in key_fields): stored
            for stored in records._read_format(names, load=None)
        }

    @api.model
    def _import_refuse(self, errors):
        """A file with bad lines writes nothing: say which lines to fix."""
        listed = errors[:MAX_LISTED_ERRORS]
        if len(errors) > len(listed):
            listed.append(self.env._("... and %(count)s more.", count=len(errors) - len(listed)))
        raise UserError(
            self.env._(
                "Nothing was imported. Fix these lines and import the file again:\n%(errors)s",
                errors="\n".join(listed),
            )
        )

    # ------------------------------------------------------------------ reading the file

    @api.model
    def _import_read_table(self, content):
        """Rows of a CSV or XLSX file as ``[(line_number, {column: text})]``.

        Columns are found by their header (``_import_headers``); the ``_import_required``
        ones must be present. Empty lines are skipped; line numbers are those a clerk sees
        in a spreadsheet (the header is line 1). Cells are stripped text.
        """
        headers = self._import_headers()
        if isinstance(content, bytes) and content[:2] == b"PK":
            table = self._import_xlsx_rows(content)
        elif isinstance(content, str | bytes):
            table = self._import_csv_rows(content)
        else:
            raise UserError(self.env._("The file must be CSV text or an Excel (XLSX) file."))
        if not table or not any(cell.strip() for cell in table[0]):
            raise UserError(self.env._("The file is empty."))
        columns = {}
        for index, title in enumerate(table[0]):
            title = " ".join(title.lower().split())
            for name, aliases in headers.items():
                if title in aliases:
                    columns[name] = index
        missing = [name for name in self._import_required() if name not in columns]
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column for: %(missing)s. The first line must name the "
                    "columns, e.g. %(example)s.",
                    missing=", ".join(missing),
                    example=",".join(aliases[0] for aliases in headers.values()),
                )
            )
        rows = []
        for line_number, cells in enumerate(table[1:], start=2):
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(
                (
                    line_number,
                    {
                        name: (cells[index].strip() if index < len(cells) else "")
                        for name, index in columns.items()
                    },
                )
            )
        return rows

    @api.model
    def _import_csv_rows(self, content):
        if isinstance(content, bytes):
            if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
                content = content.decode("utf-16", errors="replace")
            else:
                for encoding in CSV_ENCODINGS:
                    try:
                        content = content.decode(encoding)
                        break
                    except UnicodeDecodeError:
                        continue
        # Text from JSON-RPC may hold lone surrogates, which PostgreSQL cannot store; it
        # refuses NUL too, and no spreadsheet means one.
        text = content.encode("utf-8", errors="replace").decode("utf-8")
        text = text.lstrip("\ufeff").replace("\x00", "")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=CSV_DELIMITERS)
        except csv.Error:
            dialect = csv.excel
        try:
            return list(csv.reader(io.StringIO(text, newline=""), dialect))
        except csv.Error as error:
            raise UserError(
                self.env._("The file cannot be read as CSV: %(error)s", error=error)
            ) from error

    @api.model
    def _import_xlsx_rows(self, content):
        """The first sheet of a workbook, cells as the text a CSV export would hold."""
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            rows = [
                [self._import_cell_text(value) for value in values]
                for values in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise UserError(
                self.env._("The Excel file cannot be read: %(error)s", error=error)
            ) from error
        return rows

    @api.model
    def _import_cell_text(self, value):
        if value is None:
            return ""
        if isinstance(value, datetime):
            if value.time() == time.min:
                return value.date().isoformat()
            return value.isoformat(sep=" ")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).replace("\x00", "")

    # ------------------------------------------------------------------ the template

    @api.model
    def _import_template(self, file_type="csv"):
        """The file a clerk fills in: the header (each column's first title) and one example
        line. Returns ``(content bytes, file name, mimetype)``."""
        self._import_check_access()
        headers = self._import_headers()
        example = self._import_example_row()
        table = [
            [aliases[0] for aliases in headers.values()],
            [example.get(name, "") for name in headers],
        ]
        name = self._table.removeprefix("student_care_")
        if file_type == "xlsx":
            workbook = openpyxl.Workbook()
            sheet = workbook.active
            for cells in table:
                sheet.append(cells)
            # Every cell as text: an example number or date stays what the clerk reads.
            for row in sheet.iter_rows():
                for cell in row:
                    cell.data_type = "s"
            stream = io.BytesIO()
            workbook.save(stream)
            return (
                stream.getvalue(),
                f"{name}_template.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        stream = io.StringIO(newline="")
        csv.writer(stream).writerows(table)
        return stream.getvalue().encode("utf-8"), f"{name}_template.csv", "text/csv"

    @api.model
    def _import_example_student_number(self):
        """A placeholder, never a real student's number: the template holds no one's data,
        and imported unchanged its example line fails the check instead of recording an
        absence or a gate scan for a real student."""
        return EXAMPLE_STUDENT_NUMBER

    # ------------------------------------------------------------------ shared lookups

    @api.model
    def _import_students(self, rows, column="student_number"):
        """Student numbers of the file -> ids, among the current institution's students."""
        numbers = list({row[column] for _line, row in rows if row.get(column)})
        if not numbers:
            return {}
        return {
            student.student_number: student.id
            for student in self.env["res.partner"].search_fetch(
                [
                    ("is_student", "=", True),
                    ("company_id", "=", self.env.company.id),
                    ("student_number", "in", numbers),
                ],
                ["student_number"],
            )
        }

    @api.model
    def _import_student_id(self, row, students, problems, column="student_number"):
        """The id of the line's student (``students`` from ``_import_students``), or False
        with the problem added to ``problems``."""
        student_id = students.get(row[column], False)
        if not student_id:
            problems.append(self._import_unknown_student(row[column]))
        return student_id

    @api.model
    def _import_unknown_student(self, number):
        return self.env._(
            "student number %(number)s is not a student of %(school)s",
            number=number or self.env._("(empty)"),
            school=self.env.company.name,
        )
