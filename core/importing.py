"""Excel import the way offices need it: all or nothing, every error named by its Excel row
and column, in Vietnamese. The columns and the reading of each cell come from
django-import-export resources (their widgets); the rows are checked by each app with the
rule functions its forms' services use, and written through those services' bulk forms."""

import re
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from io import BytesIO
from typing import Any

import openpyxl
import tablib
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from import_export.formats.base_formats import XLSX
from import_export.resources import Resource

from . import uploads
from .errors import DomainError
from .vntext import nfc, strip_invisible

XLSX_CONTENT_TYPE = XLSX.CONTENT_TYPE
MAX_KEPT_ERRORS = 1000


@dataclass(frozen=True)
class RowError:
    row: int  # the row number as Excel shows it (the header is row 1)
    column: str
    message: str

    def __str__(self) -> str:
        if not self.row:  # about the whole file
            return self.message
        where = f"Dòng {self.row}" + (f", cột “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    total: int = 0
    new: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    details: dict[str, int] = field(default_factory=dict)  # what a preview tells, per import

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict:
        """What an import job keeps of the report (errors capped: the page shows 200)."""
        errors = [[e.row, e.column, e.message] for e in self.errors[:MAX_KEPT_ERRORS]]
        return {**asdict(self), "errors": errors, "error_count": len(self.errors)}

    @classmethod
    def from_json(cls, data: dict) -> "ImportReport":
        errors = [RowError(*e) for e in data.get("errors", [])]
        keys = ("total", "new", "updated", "details")
        return cls(**{k: data[k] for k in keys if k in data}, errors=errors)


def read_xlsx(data: bytes) -> tablib.Dataset:
    """Parse an uploaded workbook's first sheet; refuse what is not a readable .xlsx.

    The zip container is checked before openpyxl opens it, and rows and columns are counted
    while the sheet streams, so a hostile file is refused without being read whole
    (core.uploads). Blank lines are left out, so `dataset.excel_rows[i]` keeps the row
    number Excel shows for data row i: errors must point at the row the user sees."""
    uploads.check_xlsx(data, max_rows=settings.IMPORT_EXPORT_MAX_ROWS)
    try:
        book = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
        headers = uploads.header_row(book.active)
        if not headers:
            raise DomainError("Tệp không có dòng tiêu đề cột.")
        dataset = tablib.Dataset(headers=headers)
        dataset.excel_rows = []
        rows = book.active.iter_rows(min_row=2, max_col=len(headers), values_only=True)
        for number, values in uploads.bounded_rows(rows, max_rows=settings.IMPORT_EXPORT_MAX_ROWS):
            if any(v is not None for v in values):
                dataset.append(list(values))
                dataset.excel_rows.append(number)
        book.close()
    except DomainError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign file
        raise DomainError("Không đọc được tệp. Hãy chọn tệp Excel .xlsx theo mẫu.") from exc
    return dataset


PREVIEW_ROWS = 50  # rows of the file shown in the check's table


def preview_table(data: bytes, report: ImportReport, *, limit: int = PREVIEW_ROWS) -> dict:
    """The first rows of a checked file as the page shows them, each with its Excel row
    number and its errors (what the check found on that row)."""
    dataset = read_xlsx(data)
    problems: dict[int, list[str]] = {}
    for error in report.errors:
        problems.setdefault(error.row, []).append(
            f"{error.column}: {error.message}" if error.column else error.message
        )
    rows = [
        {
            "number": number,
            "values": ["" if v is None else v for v in values],
            "problems": problems.get(number, []),
        }
        for number, values in zip(dataset.excel_rows[:limit], dataset[:limit], strict=False)
    ]
    return {"headers": list(dataset.headers), "rows": rows, "more": max(len(dataset) - limit, 0)}


def excel_text(value):
    """A value openpyxl can write: text without the control characters XML forbids (one
    stored ESC would otherwise fail the whole file) and without invisible characters."""
    return strip_invisible(value) if isinstance(value, str) else value


SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))
MAX_COLUMN_WIDTH = 60


def sheet_name(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return (strip_invisible(title).translate(SHEET_NAME_FORBIDDEN).strip() or "Danh sách")[:31]


def _column_widths(dataset: tablib.Dataset) -> list[int]:
    widths = [len(str(h)) for h in dataset.headers or []]
    for row in dataset:
        for i, value in enumerate(row):
            size = len(str(value)) if value is not None else 0
            if i >= len(widths):
                widths.append(size)
            elif size > widths[i]:
                widths[i] = size
    return [min(w + 2, MAX_COLUMN_WIDTH) for w in widths]


def _text_cell(sheet, value, font=None):
    """A cell that holds `value` as written: text that starts with "=" is not a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def export_xlsx(dataset: tablib.Dataset, *, sheet: str = "Danh sách", progress=None) -> bytes:
    """The dataset as an .xlsx file, streamed row by row (openpyxl's write-only mode), on a
    sheet named `dataset.title` or `sheet` (in Vietnamese, never "Tablib Dataset"), with a
    bold frozen header and columns as wide as their content. Stored text never fails the
    export (`excel_text`). Text that starts with "=" stays text: a list opened in Excel runs
    no formula, and the same text comes back when the file is imported again. `progress(done,
    total)`, when given, is told every few hundred rows (a worker's progress bar)."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook(write_only=True)
    worksheet = book.create_sheet(sheet_name(dataset.title or sheet))
    for index, width in enumerate(_column_widths(dataset), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    if dataset.headers:
        worksheet.freeze_panes = "A2"
        bold = Font(bold=True)
        worksheet.append([_text_cell(worksheet, excel_text(h), bold) for h in dataset.headers])
    total = len(dataset)
    for done, row in enumerate(dataset, start=1):
        if progress is not None and (done % 250 == 0 or done == total):
            progress(done, total)
        worksheet.append(
            [
                _text_cell(worksheet, excel_text(value))
                if isinstance(value, str) and value.startswith("=")
                else excel_text(value)
                for value in row
            ]
        )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or error.__class__.__name__]


def check_headers(resource: Resource, dataset: tablib.Dataset, required: list[str]) -> None:
    """Refuse a file without a required column (headers compared in NFC: Excel on a Mac may
    have typed them decomposed)."""
    present = {nfc(str(h)) for h in dataset.headers if h is not None}
    missing = [c for c in required if c not in present]
    if missing:
        raise DomainError(
            "Tệp thiếu cột: " + ", ".join(f"“{c}”" for c in missing) + ". Hãy dùng tệp mẫu."
        )


# --- Rows checked one by one, written in bulk ---------------------------------------------------
# An import reads the file (read_xlsx), cleans each row's cells with the resource's widgets and
# the model fields' validators (the limits a form applies), checks the rows with the rule
# functions the forms' services use, and writes them through those services' bulk forms.

Progress = Callable[[str, int, int], None]  # (phase: "read", "check" or "write", done, total)
PROGRESS_EVERY = 500  # rows between two progress reports


def no_progress(phase: str, done: int, total: int) -> None:
    """The progress callback of an import nobody watches."""


@dataclass
class ImportRow:
    number: int  # as Excel shows it
    values: dict[str, Any]
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def refuse(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def refuse_rule(self, exc: DomainError, columns: dict[str, str]) -> None:
        """A rule of a service said no: name the column of the field it names."""
        self.refuse(columns.get(exc.field or "", ""), exc.message)


def clean_rows(
    resource: Resource, dataset: tablib.Dataset, *, progress: Progress = no_progress
) -> list[ImportRow]:
    """Each data row's cells through the resource's widgets, then through the validators of
    the model field each column fills (a too-long name is refused as the form refuses it).
    A column the file does not have leaves its field out of the row's values."""
    index = {nfc(str(h)): i for i, h in enumerate(dataset.headers) if h is not None}
    columns = [
        (name, f, index[f.column_name], _model_field(resource, f.attribute))
        for name, f in resource.fields.items()
        if f.column_name in index
    ]
    numbers = getattr(dataset, "excel_rows", None) or range(2, len(dataset) + 2)
    rows = []
    for count, (number, values) in enumerate(zip(numbers, dataset, strict=False)):
        if count % PROGRESS_EVERY == 0:
            progress("check", count, len(dataset))
        rows.append(_clean_row(number, values, columns))
    return rows


def _model_field(resource: Resource, attribute: str | None):
    try:
        model_field = resource._meta.model._meta.get_field(attribute or "")
    except FieldDoesNotExist:
        return None
    return None if model_field.is_relation else model_field


def _clean_row(number: int, values, columns) -> ImportRow:
    row = ImportRow(number, {})
    for name, f, at, model_field in columns:
        try:
            value = f.widget.clean(values[at])
            if model_field is not None and value not in model_field.empty_values:
                model_field.run_validators(value)
        except (ValueError, ValidationError) as exc:
            for message in _messages(exc):
                row.refuse(f.column_name, message)
        else:
            row.values[name] = value
    return row


def report_of(
    rows: list[ImportRow],
    *,
    new: int = 0,
    updated: int = 0,
    details: dict[str, int] | None = None,
    file_errors: list[str] = (),
) -> ImportReport:
    """The report of a file: the errors of every row, in the order of the rows."""
    errors = [RowError(0, "", message) for message in file_errors]
    errors += sorted((e for r in rows for e in r.errors), key=lambda e: e.row)
    return ImportReport(
        total=len(rows), new=new, updated=updated, errors=errors, details=details or {}
    )


# --- Which uploads run in the worker ------------------------------------------------------------
_ROW_TAG = re.compile(rb"<(?:\w{1,16}:)?row[\s>/]")
SCAN_BYTES = 16 * 1024 * 1024


def has_more_rows_than(data: bytes, limit: int) -> bool:
    """True when the workbook's sheets hold more than `limit` rows (header rows included),
    counted from the row tags of the sheets' XML as it is decompressed, stopping at the
    limit (or after SCAN_BYTES).
    Only decides where an import runs: the page or the worker run the same import, and
    read_xlsx reads (and bounds) the file in both. A file that is not a zip stays here, where
    read_xlsx refuses it at once; one that cannot be scanned goes to the worker."""
    try:
        book = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        return False
    try:
        budget, count = SCAN_BYTES, 0
        for info in book.infolist():
            if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                continue
            with book.open(info) as stream:
                count, budget = _count_rows(stream, count, budget, limit)
            if count > limit or budget <= 0:
                return True
        return False
    except Exception:  # a broken member: let the worker's read_xlsx say what is wrong
        return True


def _count_rows(stream, count: int, budget: int, limit: int) -> tuple[int, int]:
    tail = b""
    while count <= limit and budget > 0 and (chunk := stream.read(64 * 1024)):
        budget -= len(chunk)
        text = tail + chunk
        # A tag cut by the chunk boundary is counted once, in the pass where it ends.
        count += sum(1 for m in _ROW_TAG.finditer(text) if m.end() > len(tail))
        tail = text[-32:]
    return count, budget


def add_list_validation(sheet, column: int, formula: str, title: str, rows: int) -> None:
    """A drop-down on rows 2..rows+1 of a template's column: `formula` is a quoted list
    ('"Nam,Nữ"') or a range of a list sheet ("'Danh mục'!$A$2:$A$55")."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(column)
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.error, validation.errorTitle = f"Chọn {title} trong danh sách.", title
    validation.showErrorMessage = True
    validation.add(f"{letter}2:{letter}{rows + 1}")
    sheet.add_data_validation(validation)
