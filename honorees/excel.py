"""Excel files the units and the office download: the round's template (drop-downs,
instructions in Vietnamese) and lists of nominations (safe against formula injection)."""

from io import BytesIO

import openpyxl
import tablib
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from core.importing import add_list_validation, excel_text, export_xlsx
from core.vocabulary import ETHNIC_GROUPS, Sector

from .eligibility import declaration_conditions
from .models import Nomination, NominationRound
from .resources import (
    COL_BIRTH,
    COL_ETHNIC,
    COL_SECTOR,
    COLUMNS,
    GENDER_LABELS,
    KIND_LABELS,
    REQUIRED_COLUMNS,
    YES_NO_COLUMNS,
)

TEMPLATE_ROWS = 500
WIDTHS = {"Họ và tên": 28, "Tóm tắt thành tích": 60, "Hình thức đề nghị": 36, "Đơn vị": 28}

INSTRUCTIONS = [
    "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    "",
    "1. Mỗi dòng của trang “Danh sách” là một cá nhân, một tập thể hoặc một hộ gia đình. "
    "Không sửa dòng tiêu đề.",
    "2. Cột “Cá nhân/Tập thể”: chọn “Cá nhân”, “Tập thể” hoặc “Hộ gia đình”; để trống được "
    "hiểu là cá nhân.",
    "3. Với tập thể: ghi tên tập thể vào cột “Họ và tên”, ghi người đứng đầu và số thành viên; "
    "bỏ trống năm sinh, giới tính, dân tộc. Với hộ gia đình: ghi họ tên, năm sinh, giới tính "
    "của chủ hộ, thôn (cột “Đơn vị”) và số nhân khẩu (cột “Số thành viên”); hộ gia đình tính "
    "vào chỉ tiêu cá nhân.",
    "4. Năm sinh ghi 4 chữ số (ví dụ 1975); bắt buộc với cá nhân.",
    "5. Giới tính, Trực tiếp sản xuất, Hình thức đề nghị: chọn trong danh sách thả xuống.",
    "6. Cột bắt buộc: " + ", ".join(REQUIRED_COLUMNS) + ".",
    "7. Một người (cùng họ tên và năm sinh) chỉ được đề nghị một lần trong đợt, kể cả ở đơn vị khác.",
    "8. Số dòng không vượt chỉ tiêu còn lại của đơn vị.",
    "9. Các cột “Đang bị xem xét kỷ luật”, “Đang bị thanh tra, kiểm tra”, “Đang xác minh khiếu "
    "nại, tố cáo”: ghi “Có” nếu đúng (Nghị định 152/2025/NĐ-CP, Điều 4: chưa khen thưởng khi "
    "đang có một trong các tình trạng này); để trống là “Không”. “Hết thời hạn kỷ luật ngày”: "
    "ghi ngày/tháng/năm nếu từng bị kỷ luật (thành tích chỉ tính từ sau ngày đó). Thời gian "
    "nghỉ thai sản vẫn được tính là thời gian công tác, không cần ghi.",
    "10. Cột “Đạt các điều kiện đơn vị xác nhận”: ghi “Có” khi người, tập thể được đề nghị đạt "
    "mọi điều kiện đơn vị phải xác nhận của hình thức đề nghị (xem trang “Điều kiện”).",
    "11. Tải tệp lên, bấm “Kiểm tra tệp” để xem trước; hệ thống báo mọi lỗi theo dòng và cột. "
    "Có lỗi ở bất kỳ dòng nào thì không dòng nào được ghi. Sửa xong, bấm “Gửi danh sách”.",
]


def _list_validation(sheet, column_index: int, formula: str, title: str) -> None:
    add_list_validation(sheet, column_index, formula, title, TEMPLATE_ROWS)


def _data_sheet(book, round: NominationRound) -> None:
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(COLUMNS)
    for index, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(name, 14)
    sheet.freeze_panes = "A2"
    col = {name: i for i, name in enumerate(COLUMNS, start=1)}
    _list_validation(sheet, col["Cá nhân/Tập thể"], f'"{",".join(KIND_LABELS)}"', "loại")
    _list_validation(sheet, col["Giới tính (Nam/Nữ)"], f'"{",".join(GENDER_LABELS)}"', "giới tính")
    _list_validation(sheet, col["Trực tiếp sản xuất"], '"Có,Không"', "Có hoặc Không")
    for name in YES_NO_COLUMNS:
        _list_validation(sheet, col[name], '"Có,Không"', "Có hoặc Không")
    forms = list(round.allowed_forms.order_by("order", "name").values_list("name", flat=True))
    _list_validation(
        sheet, col["Hình thức đề nghị"], f"'Danh mục'!$A$2:$A${len(forms) + 1}", "hình thức"
    )
    year = DataValidation(type="whole", operator="between", formula1="1900", formula2="2100")
    letter = openpyxl.utils.get_column_letter(col[COL_BIRTH])
    year.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    sheet.add_data_validation(year)
    _list_validation(
        sheet, col[COL_ETHNIC], f"'Danh mục'!$B$2:$B${len(ETHNIC_GROUPS) + 1}", "dân tộc"
    )
    sectors = [str(label) for label in Sector.labels]
    _list_validation(sheet, col[COL_SECTOR], f"'Danh mục'!$C$2:$C${len(sectors) + 1}", "lĩnh vực")
    lists = book.create_sheet("Danh mục")
    lists.append(["Hình thức khen thưởng của đợt", "Dân tộc (54 dân tộc Việt Nam)", "Lĩnh vực"])
    for index in range(max(len(forms), len(ETHNIC_GROUPS))):
        form = excel_text(forms[index]) if index < len(forms) else None
        group = ETHNIC_GROUPS[index] if index < len(ETHNIC_GROUPS) else None
        sector = sectors[index] if index < len(sectors) else None
        lists.append([form, group, sector])
    lists.column_dimensions["A"].width = 50
    lists.column_dimensions["B"].width = 30
    lists.column_dimensions["C"].width = 30


def _conditions_sheet(book, round: NominationRound) -> None:
    """The declarations the column “Đạt các điều kiện đơn vị xác nhận” stands for, per award."""
    sheet = book.create_sheet("Điều kiện")
    sheet.append(["Hình thức", "Điều kiện đơn vị xác nhận", "Căn cứ"])
    for condition in declaration_conditions(round.allowed_forms.all()):
        row = [condition.award_form.name, condition.text, condition.source]
        sheet.append([excel_text(value) for value in row])
    for letter, width in (("A", 36), ("B", 90), ("C", 60)):
        sheet.column_dimensions[letter].width = width


def template_xlsx(round: NominationRound) -> bytes:
    book = openpyxl.Workbook()
    _data_sheet(book, round)
    guide = book.create_sheet("Hướng dẫn")
    for line in [*INSTRUCTIONS, "", f"Đợt: {round.title}", f"Tiêu chuẩn: {round.criteria}"]:
        guide.append([excel_text(line)])
    guide["A1"].font = Font(bold=True)
    guide.column_dimensions["A"].width = 120
    _conditions_sheet(book, round)
    book.active = 0
    out = BytesIO()
    book.save(out)
    return out.getvalue()


EXPORT_COLUMNS = [
    "STT", "Đơn vị đề nghị", "Cá nhân/Tập thể", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc",
    "Chức vụ", "Đơn vị", "Lĩnh vực", "Trực tiếp sản xuất", "Người đứng đầu (tập thể)",
    "Số thành viên (tập thể)", "Tóm tắt thành tích", "Hình thức đề nghị", "Trạng thái", "Ghi chú",
]  # fmt: skip


def _export_row(index: int, n: Nomination) -> list:
    return [
        index, n.unit.name, n.get_kind_display(), n.sort_name, n.birth_year or "",
        n.get_gender_display(), n.ethnicity, n.position, n.unit_name, n.get_sector_display(),
        "Có" if n.works_directly_in_production else "", n.head_name, n.member_count or "",
        n.achievement_summary, n.proposed_award.name, n.get_status_display(), n.note,
    ]  # fmt: skip


def nominations_table(nominations) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=EXPORT_COLUMNS)
    for index, nomination in enumerate(nominations, start=1):
        dataset.append(_export_row(index, nomination))
    return dataset


def export_nominations(nominations) -> bytes:
    return export_xlsx(nominations_table(nominations))
