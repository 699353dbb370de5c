"""Inline emphasis: *nghiêng* and **đậm** typed in any text print as italic and bold runs in
DOCX, PDF and the HTML preview; stars that do not pair up, and \\*, print as stars."""

import pytest

from documents.engine.blocks import Document, Heading, Paragraph, Run
from documents.engine.docx_renderer import render_docx
from documents.engine.html_renderer import document_html
from documents.engine.inline import inline_runs, italic_passages, plain_text
from documents.engine.pdf_renderer import render_pdf
from tests.printed import docx_pieces, has_styled, pdf_pieces

PERFORMER = "Tuyên bố lý do *(Văn phòng HĐND và UBND thực hiện)*;"


def test_inline_italic_and_bold_become_runs():
    assert inline_runs("Đón *tiếp* đại biểu **đậm** x") == (
        Run("Đón "),
        Run("tiếp", italic=True),
        Run(" đại biểu "),
        Run("đậm", bold=True),
        Run(" x"),
    )


def test_inline_punctuation_after_an_italic_bracket():
    assert inline_runs(PERFORMER) == (
        Run("Tuyên bố lý do "),
        Run("(Văn phòng HĐND và UBND thực hiện)", italic=True),
        Run(";"),
    )


def test_inline_bold_and_italic_together():
    assert inline_runs("***cả hai*** rồi") == (Run("cả hai", True, True), Run(" rồi"))


@pytest.mark.parametrize(
    "typed, printed",
    [
        ("**chưa đóng", "**chưa đóng"),
        ("a * b * c", "a * b * c"),
        ("giá \\*5\\* đồng", "giá *5* đồng"),
        ("ngày ___ tháng _ab_ x_y_z", "ngày ___ tháng _ab_ x_y_z"),
        ("* Từ 8h00", "* Từ 8h00"),
        ("C:\\thu-muc", "C:\\thu-muc"),
    ],
)
def test_inline_unbalanced_or_escaped_stars_kept_literally(typed, printed):
    runs = inline_runs(typed)
    assert "".join(r.text for r in runs) == printed
    assert not any(r.italic or r.bold for r in runs)


def test_inline_base_style_applies_to_every_run():
    runs = inline_runs("Băng *khẩu hiệu*", bold=True)
    assert all(r.bold for r in runs) and [r.italic for r in runs] == [False, True]


def test_plain_text_and_italic_passages():
    assert plain_text(PERFORMER) == "Tuyên bố lý do (Văn phòng HĐND và UBND thực hiện);"
    assert italic_passages(PERFORMER) == ["(Văn phòng HĐND và UBND thực hiện)"]


def _document():
    return Document(
        blocks=(
            Heading(2, "1. Thời gian", inline_runs("1. Thời gian *(dự kiến)*")),
            Paragraph(inline_runs(PERFORMER)),
            Paragraph(inline_runs("Nội dung **rất quan trọng** của kế hoạch")),
        )
    )


def test_docx_prints_inline_emphasis():
    pieces = docx_pieces(render_docx(_document()))
    assert has_styled(pieces, "(Văn phòng HĐND và UBND thực hiện)", italic=True)
    assert not has_styled(pieces, "Tuyên bố lý do", italic=True)
    assert has_styled(pieces, "rất quan trọng", bold=True, italic=False)
    assert has_styled(pieces, "(dự kiến)", bold=True, italic=True)


def test_pdf_prints_inline_emphasis():
    pieces = pdf_pieces(render_pdf(_document()))
    assert has_styled(pieces, "(Văn phòng HĐND và UBND thực hiện)", italic=True)
    assert not has_styled(pieces, "Tuyên bố lý do", italic=True)
    assert has_styled(pieces, "rất quan trọng", bold=True, italic=False)


def test_html_preview_prints_inline_emphasis():
    html = document_html(_document())
    assert "<i>(Văn phòng HĐND và UBND thực hiện)</i>;" in html
    assert "<b>rất quan trọng</b>" in html
    assert "*" not in html
