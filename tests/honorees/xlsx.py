"""Build nominee workbooks for tests and the benchmark."""

import datetime as dt
from io import BytesIO

import openpyxl

from honorees.resources import COLUMNS

AWARD = "Giấy khen của Chủ tịch UBND xã"


def person_row(i: int, **overrides) -> dict:
    row = {
        "STT": i,
        "Cá nhân/Tập thể": "Cá nhân",
        "Họ và tên": f"Nguyễn Văn Thử {i}",
        "Năm sinh": 1960 + i % 40,
        "Giới tính (Nam/Nữ)": "Nam",
        "Dân tộc": "Kinh",
        "Chức vụ": "Giáo viên",
        "Đơn vị": "Trường Tiểu học",
        "Lĩnh vực": "Xã hội",
        "Trực tiếp sản xuất": "Không",
        "Tóm tắt thành tích": "Hoàn thành xuất sắc nhiệm vụ năm học.",
        "Hình thức đề nghị": AWARD,
    }
    row.update(overrides)
    return row


def workbook(rows: list[dict], columns: list[str] = COLUMNS) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c) for c in columns])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def date_cell(year: int) -> dt.datetime:
    return dt.datetime(year, 1, 1)
