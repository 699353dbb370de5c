"""The statistical forms as an Excel workbook (one sheet per form and one for the checks); the
PDF is rendered by a worker (documents/builders/statistics.py)."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook

from core.importing import XLSX_CONTENT_TYPE

from .excel import _cells
from .statistics import CIRCULAR, Statistics


def _form_sheet(book: Workbook, stats: Statistics, form) -> None:
    sheet = book.create_sheet(f"Biểu {form.code}")
    sheet.append([f"Biểu {form.full_code} ({CIRCULAR})"])
    sheet.append([form.title.upper()])
    sheet.append([f"{stats.scope.name}, {stats.period_label}"])
    sheet.append(["STT", "Đơn vị", "Mã ĐVHC", *form.columns])
    for number, (unit, values) in enumerate(form.rows, start=1):
        sheet.append(_cells(sheet, [number, unit.name, unit.official_code, *values]))
    sheet.append(["", "Tổng cộng", "", *form.total])


def statistics_xlsx_response(stats: Statistics) -> FileResponse:
    book = Workbook(write_only=True)
    for form in stats.forms:
        _form_sheet(book, stats, form)
    checks = book.create_sheet("Kiểm tra")
    checks.append(["Đối chiếu", "Vế trái", "Vế phải", "Kết quả"])
    for c in stats.checks:
        checks.append([c.label, c.left, c.right, "Khớp" if c.ok else "KHÔNG KHỚP"])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    book.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename(stats, "xlsx"),
        content_type=XLSX_CONTENT_TYPE,
    )


def _filename(stats: Statistics, ext: str) -> str:
    stamp = timezone.localdate().strftime("%Y%m%d")
    return f"thong-ke-tdkt-{stats.scope.code}-{stats.date_from.year}-{stats.date_to.year}-{stamp}.{ext}"
