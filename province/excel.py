"""The roll-up as an Excel workbook, written row by row (openpyxl's write-only mode keeps
memory flat whatever the number of communes) into a temporary file that the response then
streams in chunks."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from core.importing import XLSX_CONTENT_TYPE

from .rollup import Rollup

COMMUNE_HEADERS = [
    "STT", "Đơn vị", "Mã ĐVHC", "Số hội nghị", "Đã tổ chức", "Ngày hội nghị gần nhất",
    "Số kế hoạch", "Đại biểu", "Đại biểu nữ", "Đại biểu DTTS", "Đại biểu trực tiếp SX",
    "Được khen", "Cá nhân", "Tập thể", "Nam", "Nữ", "Dân tộc thiểu số",
    "Trực tiếp sản xuất", "Tiền thưởng (đồng)",
]  # fmt: skip
CONFERENCE_HEADERS = [
    "Đơn vị", "Hội nghị", "Loại", "Giai đoạn", "Ngày", "Tình trạng", "Số kế hoạch",
    "Đại biểu", "Được khen", "Tiền thưởng (đồng)",
]  # fmt: skip


def _cells(sheet, values: list) -> list:
    """Text is always written as text: a name starting with "=" runs no formula in Excel."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        cells.append(cell)
    return cells


def _commune_sheet(book: Workbook, rollup: Rollup) -> None:
    sheet = book.create_sheet("Tổng hợp theo xã")
    sheet.append([f"{rollup.scope.name}: {rollup.filter.label}"])
    forms = rollup.forms
    sheet.append(COMMUNE_HEADERS + [f.name for f in forms] + rollup.categories)
    for number, row in enumerate(rollup.rows, start=1):
        f, latest = row.figures, row.latest
        values = [
            number, row.unit.name, row.unit.official_code, f.conferences, f.held,
            latest.date.strftime("%d/%m/%Y") if latest and latest.date else "",
            latest.plan_number if latest else "", f.delegates, f.delegates_female,
            f.delegates_minority, f.delegates_direct, f.honourees, f.individuals,
            f.collectives, f.male, f.female, f.minority, f.direct, f.amount,
        ]  # fmt: skip
        values += [f.by_form[form.pk] for form in forms]
        values += [f.by_category[title] for title in rollup.categories]
        sheet.append(_cells(sheet, values))
    t = rollup.totals
    sheet.append(
        ["", "Tổng cộng", "", t.conferences, t.held, "", "", t.delegates, t.delegates_female,
         t.delegates_minority, t.delegates_direct, t.honourees, t.individuals, t.collectives,
         t.male, t.female, t.minority, t.direct, t.amount]
        + [t.by_form[form.pk] for form in forms]
        + [t.by_category[title] for title in rollup.categories]
    )  # fmt: skip


def _conference_sheet(book: Workbook, rollup: Rollup) -> None:
    sheet = book.create_sheet("Danh sách hội nghị")
    sheet.append(CONFERENCE_HEADERS)
    for row in rollup.rows:
        for c in row.conferences:
            date = c.date.strftime("%d/%m/%Y") if c.date else ""
            values = [
                row.unit.name, c.title, c.kind_label, c.period, date, c.status_label,
                c.plan_number, c.figures.delegates, c.figures.honourees, c.figures.amount,
            ]  # fmt: skip
            sheet.append(_cells(sheet, values))


def _sector_sheet(book: Workbook, rollup: Rollup) -> None:
    sheet = book.create_sheet("Theo lĩnh vực")
    sheet.append(["Lĩnh vực", "Số được khen"])
    for sector, count in rollup.totals.by_sector.most_common():
        sheet.append(_cells(sheet, [sector, count]))


def rollup_xlsx_response(rollup: Rollup) -> FileResponse:
    book = Workbook(write_only=True)
    _commune_sheet(book, rollup)
    _conference_sheet(book, rollup)
    _sector_sheet(book, rollup)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    book.save(handle)
    handle.seek(0)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"tong-hop-{rollup.scope.code}-{stamp}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )
