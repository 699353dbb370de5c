"""The statistical forms as an Excel workbook (one sheet per form and one for the checks)
and as a PDF (A4 landscape, WeasyPrint, Liberation Serif standing in for Times New Roman)."""

import tempfile
from pathlib import Path

from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
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


def statistics_pdf(stats: Statistics) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("province/statistics_pdf.html", {"stats": stats, "circular": CIRCULAR})
    stylesheet = CSS(filename=str(Path(__file__).with_name("statistics_pdf.css")))
    return HTML(string=html).write_pdf(stylesheets=[stylesheet])


def statistics_pdf_response(stats: Statistics) -> HttpResponse:
    response = HttpResponse(statistics_pdf(stats), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(stats, "pdf")}"'
    return response


def _filename(stats: Statistics, ext: str) -> str:
    stamp = timezone.localdate().strftime("%Y%m%d")
    return f"thong-ke-tdkt-{stats.scope.code}-{stats.date_from.year}-{stats.date_to.year}-{stamp}.{ext}"
