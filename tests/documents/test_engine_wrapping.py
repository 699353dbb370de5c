"""A long unbroken string (a pasted 10,000-character banner) wraps inside the page in PDF
and gives Word and LibreOffice places to break in DOCX."""

import io
import re
import subprocess

import docx
import pytest

from documents.engine.blocks import Document, Table, para
from documents.engine.docx_renderer import render_docx
from documents.engine.pdf_renderer import render_pdf
from documents.engine.textutil import BREAK_EVERY, breakable

BANNER = "CHÀOMỪNGHỘINGHỊĐIỂNHÌNHTIÊNTIẾN" * 320  # 10,240 letters, no space
A4_WIDTH_PT = 595.3


def _word_boxes(pdf: bytes, tmp_path) -> list[tuple[float, float]]:
    path = tmp_path / "banner.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(x_min), float(x_max))
        for x_min, x_max in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
    ]


@pytest.mark.parametrize(
    "blocks",
    [(para(BANNER),), (Table(("Nội dung",), ((BANNER,),)),)],
    ids=["paragraph", "table-cell"],
)
def test_pdf_long_unbroken_text_stays_on_the_page(blocks, tmp_path):
    boxes = _word_boxes(render_pdf(Document(blocks=blocks)), tmp_path)

    assert len(boxes) > 20  # wrapped over many lines
    assert max(x_max for _, x_max in boxes) < A4_WIDTH_PT


def test_breakable_adds_break_chances_only_to_long_runs():
    assert breakable("Nguyễn Văn An") == "Nguyễn Văn An"
    link = "https://thiduakhenthuong.example.vn/van-ban/330-kh-ubnd"
    assert breakable(link) == link
    long = breakable(BANNER)
    assert long.replace("\u200b", "") == BANNER
    assert max(len(part) for part in long.split("\u200b")) == BREAK_EVERY


def test_docx_long_unbroken_text_has_break_chances():
    data = render_docx(Document(blocks=(para(BANNER), Table(("Nội dung",), ((BANNER,),)))))
    document = docx.Document(io.BytesIO(data))
    texts = [t for t in [p.text for p in document.paragraphs] if "CHÀO" in t] + [
        document.tables[0].cell(1, 0).text
    ]

    for text in texts:
        assert text.replace("\u200b", "") == BANNER
        assert max(len(part) for part in text.split("\u200b")) <= BREAK_EVERY
