"""The three reference plans load into blocks and render to both formats."""

import io

import docx
import pypdf
import pytest

from documents.engine.blocks import Heading, Signature
from documents.engine.docx_renderer import render_docx
from documents.engine.pdf_renderer import render_pdf
from documents.engine.seed_plans import inline_runs, logical_lines, plan_from_text
from tests.fixtures import plan_text

EXPECTED = {
    "duc-giang-2020-2025-dien-hinh-tien-tien.txt": ("II. PHÂN CÔNG NHIỆM VỤ", "Lương Hồng Điệp"),
    "thanh-tri-2024-nguoi-tot-viec-tot.txt": ("VI. TỔ CHỨC THỰC HIỆN", "Nguyễn Xuân Phong"),
    "van-yen-2020-2025-dien-hinh-tien-tien.txt": ("III. TỔ CHỨC THỰC HIỆN:", "Lê Đình Thắng"),
}


def load(name: str):
    return plan_from_text(plan_text(name), "ỦY BAN NHÂN DÂN PHƯỜNG")


def test_inline_runs_split_bold_and_italic():
    runs = inline_runs("- **Nội dung:** Tổ chức *Phan*")
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("- ", False, False), ("Nội dung:", True, False), (" Tổ chức ", False, False), ("Phan", False, True),
    ]  # fmt: skip


def test_logical_lines_join_multiline_bold_block():
    lines = logical_lines(["**TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH**", "", "**1. Thời gian:** sáng"])
    assert lines == [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", True),
        ("", False),
        ("**1. Thời gian:** sáng", False),
    ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reference_plan_loads_sections_and_signer(name):
    document = load(name)
    last_section, signer = EXPECTED[name]
    sections = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert len(sections) >= 2 and sections[-1] == last_section
    signature = document.blocks[-1]
    assert isinstance(signature, Signature) and signature.signer == signer
    assert signature.authority == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert signature.recipients[-1].startswith("- Lưu")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reference_plan_renders_to_pdf_and_docx(name):
    document = load(name)
    last_section, signer = EXPECTED[name]
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document)))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) >= 2 and "**" not in text
    assert text.index("KẾ HOẠCH") < text.index(last_section) < text.index(signer)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_docx(document))).paragraphs]
    assert last_section in paragraphs and not any("**" in p for p in paragraphs)
