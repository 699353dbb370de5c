"""Excel import on top of django-import-export, the way offices need it: all or nothing,
every error named by its Excel row and column, in Vietnamese."""

from dataclasses import dataclass, field
from io import BytesIO

import openpyxl
import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from import_export.formats.base_formats import XLSX
from import_export.resources import Resource

from . import uploads
from .errors import DomainError
from .vntext import strip_invisible

XLSX_CONTENT_TYPE = XLSX.CONTENT_TYPE


@dataclass(frozen=True)
class RowError:
    row: int  # the row number as Excel shows it (the header is row 1)
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row}" + (f", cột “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    total: int = 0
    new: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


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


def excel_text(value):
    """A value openpyxl can write: text without the control characters XML forbids (one
    stored ESC would otherwise fail the whole file) and without invisible characters."""
    return strip_invisible(value) if isinstance(value, str) else value


def _printable(dataset: tablib.Dataset) -> tablib.Dataset:
    clean = tablib.Dataset(headers=[excel_text(h) for h in dataset.headers or []])
    for row in dataset:
        clean.append([excel_text(value) for value in row])
    return clean


def export_xlsx(dataset: tablib.Dataset) -> bytes:
    """The dataset as an .xlsx file. Stored text never fails the export (`excel_text`).
    Text that starts with "=" stays text: a list opened in Excel runs no formula, and the
    same text comes back when the file is imported again."""
    book = openpyxl.load_workbook(BytesIO(_printable(dataset).export("xlsx")))
    for row in book.active.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _column_of(resource: Resource, key: str) -> str:
    if key == NON_FIELD_ERRORS:
        return ""
    for name, f in resource.fields.items():
        if key in (name, f.attribute, f.column_name):
            return f.column_name
    return key


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or error.__class__.__name__]


def collect_errors(
    resource: Resource, result, excel_rows: list[int] | None = None
) -> list[RowError]:
    """`excel_rows[i]`: the Excel row of data row i + 1 (import-export counts from 1);
    without it the header is taken as row 1 and no line as skipped."""

    def excel_row(number: int) -> int:
        return excel_rows[number - 1] if excel_rows else number + 1

    errors = [RowError(0, "", m) for e in result.base_errors for m in _messages(e.error)]
    for invalid in result.invalid_rows:
        for key, messages in invalid.error_dict.items():
            errors.extend(
                RowError(excel_row(invalid.number), _column_of(resource, key), m) for m in messages
            )
    for number, row_errors in result.row_errors():
        errors.extend(
            RowError(excel_row(number), "", m) for e in row_errors for m in _messages(e.error)
        )
    return sorted(errors, key=lambda e: (e.row, e.column))


def check_headers(resource: Resource, dataset: tablib.Dataset, required: list[str]) -> None:
    present = {str(h).strip() for h in dataset.headers if h is not None}
    missing = [c for c in required if c not in present]
    if missing:
        raise DomainError(
            "Tệp thiếu cột: " + ", ".join(f"“{c}”" for c in missing) + ". Hãy dùng tệp mẫu."
        )


def run_import(resource: Resource, dataset: tablib.Dataset, *, dry_run: bool) -> ImportReport:
    """Import every row or none. Rows that fail roll the whole file back."""
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        collect_failed_rows=False,
    )
    totals = result.totals
    return ImportReport(
        total=len(dataset),
        new=totals.get("new", 0),
        updated=totals.get("update", 0),
        errors=collect_errors(resource, result, getattr(dataset, "excel_rows", None)),
    )
