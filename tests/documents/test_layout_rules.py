"""Layout rules of Nghị định 30 the renderers keep: the subject's rule is 1/3 to 1/2 of the
text width; a long issuing body breaks before its place name, never inside it; the maket sheet
prints in large type fitted to an A4 landscape page."""

import io

from docx import Document as DocxDocument
from docx.oxml.ns import qn

from documents.builders.plans import _maket_pages
from documents.engine.blocks import Document, Header, PageSetup, Paragraph, Title
from documents.engine.docx_renderer import render_docx
from documents.engine.html_renderer import document_html
from documents.engine.pdf_renderer import render_pdf
from documents.engine.textutil import NBSP, keep_place_together, place_parts

LONG_BODY = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"


def _document():
    return Document(
        blocks=(
            Header(LONG_BODY, "BAN CHỈ ĐẠO THÀNH PHỐ HẠ LONG", "Số: 01/KH-UBND", "Hạ Long"),
            Title("KẾ HOẠCH", ("Tổ chức Hội nghị",)),
        )
    )


def test_place_parts_and_keep_place_together():
    assert place_parts(LONG_BODY) == ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH")
    assert place_parts("ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY")[1] == "THỊ XÃ SƠN TÂY"
    assert place_parts("HỘI ĐỒNG THI ĐUA") == ("HỘI ĐỒNG THI ĐUA", "")
    assert keep_place_together(LONG_BODY) == f"ỦY BAN NHÂN DÂN TỈNH{NBSP}QUẢNG{NBSP}NINH"


def test_pdf_breaks_a_long_issuing_body_before_its_place():
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(render_pdf(_document()))).pages[0].extract_text()
    lines = [" ".join(line.replace(NBSP, " ").split()) for line in text.splitlines()]
    assert "TỈNH QUẢNG NINH" in lines
    assert not any(line.endswith("QUẢNG") for line in lines)


def test_docx_keeps_the_place_name_unbreakable():
    document = DocxDocument(io.BytesIO(render_docx(_document())))
    issuer = document.tables[0].rows[0].cells[0].paragraphs[1].text
    assert issuer == keep_place_together(LONG_BODY)


def _title_rule_mm(document) -> float:
    for paragraph in document.paragraphs:
        if paragraph._p.find(f".//{qn('w:pBdr')}") is not None:
            fmt = paragraph.paragraph_format
            return 155 - fmt.left_indent.mm - fmt.right_indent.mm
    raise AssertionError("no rule under the title")


def test_title_rule_between_a_third_and_a_half_of_the_text_width():
    document = DocxDocument(io.BytesIO(render_docx(_document())))
    assert 155 / 3 <= _title_rule_mm(document) <= 155 / 2
    assert 'class="rule" style="width:40%"' in document_html(_document())


def test_maket_lines_large_and_fitted_to_one_landscape_page():
    from pypdf import PdfReader

    page = PageSetup("landscape", 20, 20, 20, 20)
    lines = ["ỦY BAN NHÂN DÂN XÃ AN THỊNH", "HỘI NGHỊ", "BIỂU DƯƠNG NGƯỜI TỐT, VIỆC TỐT NĂM 2026"]
    blocks = _maket_pages({"maket_lines": lines}, page)
    sizes = [b.size for b in blocks if isinstance(b, Paragraph)]
    assert len(sizes) == 3 and min(sizes) >= 28
    assert sizes[1] == max(sizes)  # the short line stands out
    pdf = PdfReader(io.BytesIO(render_pdf(Document(page=page, blocks=tuple(blocks)))))
    assert len(pdf.pages) == 1
