"""Sample documents built with the block model: previews, tests and benchmarks."""

from __future__ import annotations

from .blocks import (
    Cell,
    Document,
    Header,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Slot,
    Table,
    Title,
    items,
    para,
)
from .seed_plans import plan_from_text

__all__ = ["award_decision", "invitation", "people_list", "plan_from_text", "programme"]

COMMUNE_HEADER = Header(
    parent_body="UBND THÀNH PHỐ HẢI PHÒNG",
    issuing_body="ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
    number="Số: 15/GM-UBND",
    place_date="Thượng Hồng, ngày 02 tháng 10 năm 2025",
)
COMMUNE_SIGNATURE = Signature(
    authority=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    signer="Nguyễn Văn Hùng",
    recipients=("- Như trên;", "- Lưu: VT, VHXH."),
)


def invitation(
    header: Header = COMMUNE_HEADER, signature: Signature = COMMUNE_SIGNATURE
) -> Document:
    """A personalised invitation (Giấy mời, mẫu 1.7) with slots name, position and unit."""
    blocks = (
        header,
        Title(
            "GIẤY MỜI",
            ("Dự Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt năm 2025",),
        ),
        para("Ủy ban nhân dân xã Thượng Hồng trân trọng kính mời:"),
        Slot("name", "Ông/Bà: ", bold=True),
        Slot("position", "Chức vụ: ", bold=False),
        Slot("unit", "Đơn vị: ", bold=False),
        Paragraph(
            (
                Run("Tới dự: ", bold=True),
                Run(
                    "Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt xã Thượng Hồng năm 2025."
                ),
            )
        ),
        Paragraph(
            (
                Run("Thời gian: ", bold=True),
                Run("08 giờ 00 phút, thứ Tư, ngày 08 tháng 10 năm 2025."),
            )
        ),
        Paragraph(
            (Run("Địa điểm: ", bold=True), Run("Hội trường Ủy ban nhân dân xã Thượng Hồng."))
        ),
        para(
            "Đề nghị đại biểu mang theo giấy mời và đến đúng giờ. Thông tin liên hệ: bà Trần Thị Lan, Phòng Văn hóa - Xã hội, điện thoại 0912 345 678./.",
            "note",
        ),
        signature,
    )
    return Document(blocks=blocks, title="Giấy mời")


def _award_rows(collectives: list[tuple[str, str]], people: list[tuple[str, str]]) -> list[tuple]:
    rows: list[tuple] = [(Cell("I. TẬP THỂ", colspan=3, bold=True, align="left"),)]
    rows += [(str(i), name, note) for i, (name, note) in enumerate(collectives, 1)]
    rows.append((Cell("II. CÁ NHÂN", colspan=3, bold=True, align="left"),))
    rows += [(str(i), name, note) for i, (name, note) in enumerate(people, 1)]
    return rows


def award_decision(collectives: list[tuple[str, str]], people: list[tuple[str, str]]) -> Document:
    """An award decision (Quyết định khen thưởng, mẫu 1.2) with its attached list."""
    header = Header(
        "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "Số: 245/QĐ-UBND",
        "Thượng Hồng, ngày 06 tháng 10 năm 2025",
    )
    count = f"{len(collectives)} tập thể và {len(people)} cá nhân"
    blocks = [
        header,
        Title(
            "QUYẾT ĐỊNH",
            (
                "Về việc khen thưởng các tập thể, cá nhân có thành tích tiêu biểu",
                "trong phong trào “Người tốt, việc tốt” năm 2025",
            ),
        ),
        para("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", "centered", bold=True),
        para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "legal_basis"),
        para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "legal_basis"),
        para(
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 11 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
            "legal_basis",
        ),
        para("Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.", "legal_basis"),
        para("QUYẾT ĐỊNH:", "centered", bold=True),
        Paragraph(
            (
                Run("Điều 1. ", bold=True),
                Run(
                    f"Tặng Giấy khen cho {count} đã có thành tích tiêu biểu trong phong trào “Người tốt, việc tốt” năm 2025 (có danh sách kèm theo)."
                ),
            )
        ),
        Paragraph(
            (
                Run("Điều 2. ", bold=True),
                Run(
                    "Mỗi tập thể được thưởng 1.410.000 đồng, mỗi cá nhân được thưởng 710.000 đồng, từ nguồn quỹ thi đua, khen thưởng của xã năm 2025."
                ),
            )
        ),
        Paragraph(
            (
                Run("Điều 3. ", bold=True),
                Run(
                    "Chánh Văn phòng HĐND và UBND, Trưởng phòng Văn hóa - Xã hội, Trưởng phòng Kinh tế, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
                ),
            )
        ),
        Signature(("CHỦ TỊCH",), "Nguyễn Văn Hùng", ("- Như Điều 3;", "- Lưu: VT, VHXH.")),
        PageBreak(),
        Title(
            "DANH SÁCH",
            (
                "Tập thể, cá nhân được tặng Giấy khen trong phong trào “Người tốt, việc tốt” năm 2025",
            ),
            rule=False,
        ),
        para(
            "(Kèm theo Quyết định số 245/QĐ-UBND ngày 06/10/2025 của Chủ tịch UBND xã Thượng Hồng)",
            "centered",
            italic=True,
        ),
        Table(
            ("STT", "Tên tập thể, cá nhân", "Ghi chú"),
            tuple(_award_rows(collectives, people)),
            widths=(1.2, 9, 3),
            align=("center", "left", "left"),
        ),
    ]
    return Document(blocks=tuple(blocks), title="Quyết định khen thưởng")


def programme() -> Document:
    """A conference programme (Chương trình) as a three-column table."""
    rows = (
        ("07h30 - 08h00", "Đón tiếp đại biểu", "Văn phòng HĐND và UBND"),
        ("08h00 - 08h15", "Văn nghệ chào mừng", "Trung tâm Văn hóa"),
        ("08h15 - 08h25", "Tuyên bố lý do, giới thiệu đại biểu", "Chánh Văn phòng"),
        (
            "08h25 - 09h00",
            "Báo cáo tổng kết phong trào “Người tốt, việc tốt” năm 2025",
            "Phó Chủ tịch UBND xã",
        ),
        (
            "09h00 - 09h40",
            "Giao lưu, tọa đàm với các điển hình tiên tiến",
            "Người dẫn chương trình",
        ),
        ("09h40 - 10h10", "Công bố Quyết định khen thưởng và trao Giấy khen", "Lãnh đạo UBND xã"),
        ("10h10 - 10h30", "Phát biểu bế mạc Hội nghị", "Chủ tịch UBND xã"),
    )
    blocks = (
        Header(
            "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
            "UBND THÀNH PHỐ HẢI PHÒNG",
            "",
            "Thượng Hồng, ngày 02 tháng 10 năm 2025",
        ),
        Title(
            "CHƯƠNG TRÌNH",
            ("Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt năm 2025",),
        ),
        Table(
            ("Thời gian", "Nội dung", "Người thực hiện"),
            rows,
            widths=(3, 7, 4.5),
            align=("center", "left", "left"),
        ),
        items(
            [
                "Thời gian: 07 giờ 30 phút, ngày 08 tháng 10 năm 2025.",
                "Địa điểm: Hội trường Ủy ban nhân dân xã.",
            ],
            "+",
        ),
    )
    return Document(blocks=blocks, title="Chương trình")


def people_list(title: str, rows: list[tuple[str, ...]]) -> Document:
    """A numbered list of honourees or delegates (STT, name, position, unit)."""
    numbered = tuple((str(i), *row) for i, row in enumerate(rows, 1))
    blocks = (
        Title("DANH SÁCH", (title,), rule=False),
        Table(
            ("STT", "Họ và tên", "Chức vụ", "Đơn vị"),
            numbered,
            widths=(1.2, 4.5, 4, 5),
            align=("center", "left", "left", "left"),
        ),
    )
    return Document(blocks=blocks, title="Danh sách")
