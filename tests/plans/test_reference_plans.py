"""Each reference plan, entered as data (the demo seeder), prints as DOCX and PDF carrying
every section, item and number of the original, in order.

The comparison is by words and numbers: the original's words must appear in the printed
text in the same order, section by section (punctuation, bold marks and zero-padding of
numbers aside: "08h30" is the number 8h30). Lines that are not plan content are named below."""

import io
import re
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument
from pypdf import PdfReader

from conferences.models import Plan
from documents.builders import get_builder
from tests.fixtures import plan_text

pytestmark = pytest.mark.django_db

FILES = {
    "HN-DG": "duc-giang-2020-2025-dien-hinh-tien-tien.txt",
    "HN-TT": "thanh-tri-2024-nguoi-tot-viec-tot.txt",
    "HT-VY": "van-yen-2020-2025-dien-hinh-tien-tien.txt",
}
# Not plan content: a stray italic initial in the scan and a digital-signature timestamp.
NOT_CONTENT = ("*Phan*", "Giờ ký: 18/3/2020 5:08:42 PM")
SECTION = re.compile(r"^\**([IVX]+)\.\s")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    return [re.sub(r"^0+(?=\d)", "", w) for w in re.findall(r"\w+", text)]


def _first(lines: list[str], test) -> int:
    return next(i for i, text in enumerate(lines) if test(text))


def original_sections(name: str) -> list[tuple[str, str]]:
    """(label, text) for the title block, the preamble, each Roman-numbered section, the
    closing, the recipients and the signature, in the original's order."""
    text = plan_text(name)
    for noise in NOT_CONTENT:
        text = text.replace(noise, "")
    lines = text.splitlines()
    cuts = [("đầu văn bản", 0)]
    first_basis = _first(lines, lambda t: t.startswith(("Thực hiện", "Căn cứ")))
    cuts.append(("căn cứ, mở đầu", first_basis))
    for i, line in enumerate(lines):
        if SECTION.match(line):
            cuts.append((line.replace("*", "").strip(), i))
    closing = _first(lines, lambda t: t.startswith("Trên đây"))
    recipients = _first(lines, lambda t: t.replace("*", "").startswith("Nơi nhận"))
    cuts += [("kết thúc", closing), ("nơi nhận, người ký", recipients), ("", len(lines))]
    return [
        (label, "\n".join(lines[start:end]))
        for (label, start), (_, end) in zip(cuts, cuts[1:], strict=False)
    ]


def assert_carries(printed: str, name: str) -> None:
    target = words(printed)
    position = 0
    for label, section in original_sections(name):
        for word in words(section):
            try:
                position = target.index(word, position) + 1
            except ValueError:
                context = " ".join(target[max(position - 8, 0) : position + 8])
                pytest.fail(f"{name}, section “{label}”: “{word}” missing after …{context}…")


def render(plan: Plan, fmt: str) -> bytes:
    builder = get_builder("plan")
    return builder.render(builder.collect(plan, {}), fmt, lambda done, total: None).content


def docx_text(content: bytes) -> str:
    document = DocxDocument(io.BytesIO(content))
    parts = []
    for table in document.tables[:1]:  # the header table comes first
        parts += [c.text for row in table.rows for c in row.cells]
    parts += [p.text for p in document.paragraphs]
    for table in document.tables[1:]:  # the signature table comes last
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


@pytest.fixture
def seeded():
    call_command("seed_demo", "--quiet-logins", stdout=StringIO())


@pytest.mark.parametrize("code", FILES)
def test_reference_plan_docx_carries_every_section_in_order(seeded, code):
    plan = Plan.objects.get(conference__organiser__code=code)
    assert_carries(docx_text(render(plan, "docx")), FILES[code])


@pytest.mark.parametrize("code", FILES)
def test_reference_plan_pdf_carries_every_section_in_order(seeded, code):
    plan = Plan.objects.get(conference__organiser__code=code)
    pdf = PdfReader(io.BytesIO(render(plan, "pdf")))
    assert pdf.pages[0].mediabox.width < pdf.pages[0].mediabox.height  # A4 portrait
    assert_carries("\n".join(page.extract_text() for page in pdf.pages), FILES[code])


def test_reference_plan_check_fails_when_an_item_is_missing(seeded):
    """The comparison is not vacuous: drop one programme item and it names what is missing."""
    plan = Plan.objects.get(conference__organiser__code="HT-VY")
    programme = plan.sections.get(kind="programme")
    content = dict(programme.content)
    content["items"] = [
        i for i in content["items"] if i["text"] != "Phát biểu chỉ đạo của cấp trên;"
    ]
    programme.content = content
    programme.save()
    with pytest.raises(pytest.fail.Exception, match="NỘI DUNG, HÌNH THỨC TỔ CHỨC"):
        assert_carries(docx_text(render(plan, "docx")), FILES["HT-VY"])


def test_thanh_tri_prints_its_number_and_date(seeded):
    plan = Plan.objects.get(conference__organiser__code="HN-TT")
    text = docx_text(render(plan, "docx"))
    assert "Số: 330/KH-UBND" in text
    assert "Thanh Trì, ngày 20 tháng 9 năm 2024" in text
