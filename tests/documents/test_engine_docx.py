"""DOCX rendering of the block model, checked by opening the result with python-docx."""

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from documents.engine import samples
from documents.engine.blocks import (
    Cell,
    Document,
    Header,
    PageSetup,
    Paragraph,
    Run,
    Signature,
    Table,
    Title,
    para,
)
from documents.engine.docx_renderer import render_docx
from documents.engine.fonts import text_width_pt

TRICKY = '<b>đậm</b> &amp; "trích dẫn" {{ ten }} <script>alert(1)</script>'
HEADER = Header(
    "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
    "UBND THÀNH PHỐ HẢI PHÒNG",
    "Số: 330/KH-UBND",
    "Thượng Hồng, ngày 20 tháng 9 năm 2025",
)
SIGNATURE = Signature(
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    "Nguyễn Văn Hùng",
    ("- Sở Nội vụ thành phố;", "- Lưu: VT, VHXH."),
)


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def all_text(document) -> str:
    """Every paragraph of the body (tables included) in document order; the no-break spaces
    that keep a place name together read as spaces."""
    paragraphs = document.element.body.iter(qn("w:p"))
    text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)
    return text.replace("\u00a0", " ")


def assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def run_with_text(document, text: str):
    for paragraph in document.element.body.iter(qn("w:p")):
        for run in paragraph.iter(qn("w:r")):
            if "".join(t.text or "" for t in run.iter(qn("w:t"))).replace("\u00a0", " ") == text:
                return docx.text.run.Run(run, None)
    raise AssertionError(f"no run {text!r}")


def simple_document(**kwargs) -> Document:
    blocks = (
        HEADER,
        Title("KẾ HOẠCH", ("Tổ chức Hội nghị",)),
        para("Nội dung kế hoạch./."),
        SIGNATURE,
    )
    return Document(blocks=blocks, **kwargs)


def test_docx_content_present_in_order():
    text = all_text(open_docx(render_docx(simple_document())))
    assert_in_order(
        text,
        ["UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "Số: 330/KH-UBND", "Thượng Hồng, ngày 20 tháng 9 năm 2025",
         "KẾ HOẠCH", "Tổ chức Hội nghị", "Nội dung kế hoạch./.", "Nơi nhận:", "- Sở Nội vụ thành phố;",
         "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"],
    )  # fmt: skip


def test_docx_user_markup_appears_literally():
    document = Document(blocks=(para(TRICKY), Table(("Cột",), ((TRICKY,),))))
    text = all_text(open_docx(render_docx(document)))
    assert text.count(TRICKY) == 2


def test_docx_page_a4_portrait_with_decree_margins():
    section = open_docx(render_docx(simple_document())).sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [25, 20, 35, 20]


def test_docx_landscape_page():
    section = open_docx(render_docx(simple_document(page=PageSetup("landscape")))).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_docx_fonts_times_new_roman_for_all_scripts():
    document = open_docx(render_docx(simple_document()))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert defaults.get(qn(f"w:{attr}")) == "Times New Roman"
    assert defaults.get(qn("w:asciiTheme")) is None and defaults.get(qn("w:eastAsiaTheme")) is None
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)


def test_docx_body_justified_indented_with_space_after():
    document = open_docx(render_docx(simple_document()))
    body = next(p for p in document.paragraphs if p.text == "Nội dung kế hoạch./.")
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(body.paragraph_format.first_line_indent.cm - 1.27) < 0.01
    assert document.styles["Normal"].paragraph_format.space_after == Pt(6)


def test_docx_recipients_sizes_and_styles():
    document = open_docx(render_docx(simple_document()))
    title = run_with_text(document, "Nơi nhận:")
    assert title.bold and title.italic and title.font.size == Pt(12)
    assert run_with_text(document, "- Lưu: VT, VHXH.").font.size == Pt(11)
    signer = run_with_text(document, "Nguyễn Văn Hùng")
    assert signer.bold and signer.font.size == Pt(14)


def test_docx_header_sizes():
    document = open_docx(render_docx(simple_document()))
    assert run_with_text(document, "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG").bold
    assert run_with_text(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").font.size in (
        Pt(12),
        Pt(13),
    )
    assert run_with_text(document, "Số: 330/KH-UBND").font.size == Pt(13)
    assert run_with_text(document, "Thượng Hồng, ngày 20 tháng 9 năm 2025").italic


def test_docx_header_and_signature_tables_have_no_borders():
    document = open_docx(render_docx(simple_document()))
    assert len(document.tables) == 2
    for table in document.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def _rule_widths_mm(cell) -> list[float]:
    widths = []
    for paragraph in cell.paragraphs:
        if paragraph._p.find(".//" + qn("w:pBdr")) is not None:
            fmt = paragraph.paragraph_format
            widths.append(cell.width.mm - 4 - fmt.left_indent.mm - fmt.right_indent.mm)
    return widths


def test_docx_header_rules_short_under_issuer_and_motto_length():
    document = open_docx(render_docx(simple_document()))
    left, right = document.tables[0].rows[0].cells
    (issuer_rule,) = _rule_widths_mm(left)
    (motto_rule,) = _rule_widths_mm(right)
    issuer_mm = text_width_pt("ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", 12, bold=True) * 25.4 / 72
    assert 0.2 * min(issuer_mm, left.width.mm) < issuer_rule < 0.55 * issuer_mm
    motto_mm = text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True) * 25.4 / 72
    assert abs(motto_rule - motto_mm) < 1.0


def _has_page_field(part) -> bool:
    return any("PAGE" in (node.text or "") for node in part._element.iter(qn("w:instrText")))


def test_docx_page_numbers_from_second_page():
    section = open_docx(render_docx(simple_document())).sections[0]
    assert section.different_first_page_header_footer
    assert _has_page_field(section.header)
    assert not _has_page_field(section.first_page_header)
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_docx_page_numbers_on_every_page_or_none():
    every = open_docx(render_docx(simple_document(page_numbers_from=1))).sections[0]
    assert not every.different_first_page_header_footer and _has_page_field(every.header)
    none = open_docx(render_docx(simple_document(page_numbers_from=0))).sections[0]
    assert not _has_page_field(none.header)


def test_docx_table_header_repeats_and_colspan_merges():
    table_block = Table(
        ("STT", "Họ và tên", "Đơn vị"),
        ((Cell("I. TẬP THỂ", colspan=3),), ("1", "Thôn Đông", "Xã")),
        widths=(1, 5, 4),
    )
    table = open_docx(render_docx(Document(blocks=(table_block,)))).tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert table.rows[1]._tr.find(".//" + qn("w:gridSpan")).get(qn("w:val")) == "3"
    widths = [round(c.width.mm) for c in table.rows[2].cells]
    assert widths == [16, 78, 62]


def test_docx_slot_values_filled_literally():
    values = {"name": "Nguyễn Văn <An>", "position": "Bí thư", "unit": "Chi bộ & thôn"}
    text = all_text(open_docx(render_docx(samples.invitation(), values)))
    assert_in_order(
        text,
        [
            "GIẤY MỜI",
            "Ông/Bà: Nguyễn Văn <An>",
            "Chức vụ: Bí thư",
            "Đơn vị: Chi bộ & thôn",
            "Tới dự:",
        ],
    )


def test_docx_award_decision_contains_list_after_signature():
    document = samples.award_decision(
        [("Thôn Đông", "")], [("Nguyễn Văn An", "Thôn 1"), ("Trần Thị Bình", "")]
    )
    text = all_text(open_docx(render_docx(document)))
    assert_in_order(
        text,
        [
            "QUYẾT ĐỊNH",
            "Về việc khen thưởng",
            "Căn cứ",
            "QUYẾT ĐỊNH:",
            "Điều 1.",
            "Điều 3.",
            "Nguyễn Văn Hùng",
            "DANH SÁCH",
            "I. TẬP THỂ",
            "Thôn Đông",
            "II. CÁ NHÂN",
            "Nguyễn Văn An",
            "Trần Thị Bình",
        ],
    )


def test_docx_run_styles_kept():
    document = Document(
        blocks=(Paragraph((Run("Điều 1. ", bold=True), Run("nghiêng", italic=True))),)
    )
    rendered = open_docx(render_docx(document))
    assert run_with_text(rendered, "Điều 1. ").bold
    assert run_with_text(rendered, "nghiêng").italic


def test_docx_nested_list_markers_and_indent():
    from documents.engine.blocks import ListBlock, ListItem

    inner = ListBlock((ListItem((Run("Văn nghệ chào mừng"),)), ListItem((Run("Chào cờ"),))), "+")
    outer = ListBlock(
        (ListItem((Run("Chương trình:"),), inner), ListItem((Run("Thành phần"),))), "-"
    )
    document = open_docx(render_docx(Document(blocks=(outer,))))
    texts = [p.text for p in document.paragraphs]
    assert texts == ["- Chương trình:", "+ Văn nghệ chào mừng", "+ Chào cờ", "- Thành phần"]
    indents = [p.paragraph_format.left_indent for p in document.paragraphs]
    assert indents[0] is None and abs(indents[1].mm - 6.35) < 0.01 and indents[3] is None
