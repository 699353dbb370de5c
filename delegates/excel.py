"""The unit's Excel template for its delegates: the list sheet with drop-downs (its
categories, title, gender, the 54 ethnic groups, sector, yes/no), the lists they read, and a
sheet of instructions. The columns are the import's (resources.DelegateResource)."""

from io import BytesIO

import openpyxl
from openpyxl.styles import Alignment, Font

from core.importing import add_list_validation, excel_text
from core.vocabulary import ETHNIC_GROUPS

from .models import Gender, Sector, Title
from .resources import (
    COL_BIRTH,
    COL_CATEGORY,
    COL_ETHNICITY,
    COL_GENDER,
    COL_NAME,
    COL_PHONE,
    COL_POSITION,
    COL_PRODUCER,
    COL_SECTOR,
    COL_TITLE,
)

COLUMNS = (
    COL_CATEGORY, COL_TITLE, COL_NAME, COL_GENDER, COL_BIRTH, COL_ETHNICITY, COL_POSITION,
    COL_SECTOR, COL_PRODUCER, COL_PHONE,
)  # fmt: skip
TEMPLATE_ROWS = 300
WIDTHS = {COL_CATEGORY: 36, COL_NAME: 28, COL_POSITION: 30, COL_SECTOR: 26}


def _instructions(unit_name: str, categories: list[str]) -> list[str]:
    return [
        f"HƯỚNG DẪN ĐIỀN DANH SÁCH ĐẠI BIỂU — {unit_name.upper()}",
        "",
        "1. Mỗi đại biểu một dòng ở trang “Danh sách”; giữ nguyên dòng tiêu đề.",
        "2. “Thành phần”: chọn trong danh sách (các thành phần đơn vị được phân bổ: "
        + "; ".join(categories)
        + ").",
        "3. “Họ và tên”, “Giới tính” bắt buộc; “Năm sinh” ghi 4 chữ số.",
        "4. “Dân tộc”: chọn một trong 54 dân tộc (để trống là Kinh). “Lĩnh vực”, “Trực tiếp sản "
        "xuất”: chọn trong danh sách.",
        "5. Tải tệp lên, bấm “Kiểm tra tệp”; hệ thống báo mọi lỗi theo dòng và cột. Có lỗi ở bất "
        "kỳ dòng nào thì không dòng nào được ghi.",
    ]


def template_xlsx(*, unit_name: str, categories: list[str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(COLUMNS)
    for index, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = WIDTHS.get(name, 14)
    sheet.freeze_panes = "A2"
    col = {name: i for i, name in enumerate(COLUMNS, start=1)}
    lists = book.create_sheet("Danh mục")
    columns = {
        COL_CATEGORY: [excel_text(c) for c in categories],
        COL_ETHNICITY: list(ETHNIC_GROUPS),
        COL_SECTOR: [str(label) for _, label in Sector.choices],
    }
    lists.append(list(columns))
    for row in range(max(len(values) for values in columns.values())):
        lists.append([values[row] if row < len(values) else None for values in columns.values()])
    for letter, (name, values) in zip("ABC", columns.items(), strict=True):
        lists.column_dimensions[letter].width = 40
        if values:
            formula = f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}"
            add_list_validation(sheet, col[name], formula, name.lower(), TEMPLATE_ROWS)
    quoted = {
        COL_TITLE: [str(label) for _, label in Title.choices],
        COL_GENDER: [str(label) for _, label in Gender.choices],
        COL_PRODUCER: ["Có", "Không"],
    }
    for name, values in quoted.items():
        add_list_validation(sheet, col[name], f'"{",".join(values)}"', name.lower(), TEMPLATE_ROWS)
    guide = book.create_sheet("Hướng dẫn")
    for line in _instructions(unit_name, categories):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    out = BytesIO()
    book.save(out)
    return out.getvalue()
