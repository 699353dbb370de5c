"""The plan's documents as users get them: requested through the documents service, rendered
by the task (eager here), then opened with python-docx and pypdf.

The programme and the maket are printed from the demo Thanh Trì plan (organiser HN-TT),
which is the reference plan 330/KH-UBND entered as data."""

import io
from io import StringIO
from unittest.mock import patch

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from pypdf import PdfReader

from conferences.models import Plan, Role, User
from conferences.plans import services as plan_services
from conferences.plans.forms import TextSectionForm
from core.errors import DomainError
from documents import services
from documents.builders import get_builder
from documents.models import GeneratedDocument
from tests.factories import ConferenceFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db

PT_PER_MM = 72 / 25.4
VENUE = "Địa điểm: Trung tâm Văn hóa, Thông tin và Thể thao huyện Thanh Trì"
PROGRAMME = [
    "Thời gian: Dự kiến ngày 08 tháng 10 năm 2024 (Thứ ba)",
    VENUE,
    "* Từ 8h00 - 8h30: Đón tiếp đại biểu;",
    "* Từ 8h30 - 11h00:",
    "1. Văn nghệ chào mừng",
    "2. Tuyên bố lý do, giới thiệu đại biểu.",
    "3. Phóng sự tuyên truyền về các gương ĐHTT, NTVT tiêu biểu năm 2024.",
    "4. Giao lưu, tọa đàm biểu dương gương điển hình tiên tiến, người tốt, việc tốt và các "
    "giải pháp đổi mới, nâng cao chất lượng công tác phát hiện, bồi dưỡng, tuyên truyền nhân "
    "rộng điển hình tiên tiến, lan tỏa những việc làm tốt, những hành động đẹp trên địa bàn "
    "huyện.",
    "5. Phát biểu chỉ đạo của lãnh đạo Thành phố.",
    "6. Phát biểu của lãnh đạo huyện tiếp thu, ghi nhận kết quả đạt được của phong trào và "
    "quán triệt nhiệm vụ trong thời gian tiếp theo.",
    "7. Công bố Quyết định khen thưởng và tổ chức trao thưởng.",
    "8. Kết thúc Hội nghị.",
]
CONFERENCE_TITLE = (
    "Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt; Tổng kết Cuộc thi viết về "
    "gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước huyện "
    "Thanh Trì năm 2024"
)
MAKET = [
    "HUYỆN ỦY - HĐND - UBND - ỦY BAN MTTQ VIỆT NAM HUYỆN THANH TRÌ",
    "HỘI NGHỊ",
    "BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT; TỔNG KẾT CUỘC THI VIẾT VỀ GƯƠNG ĐIỂN "
    "HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT TRONG PHONG TRÀO THI ĐUA YÊU NƯỚC HUYỆN THANH TRÌ NĂM 2024",
    "Thanh Trì, ngày 08 tháng 10 năm 2024",
]
BANNER = (
    "CHÀO MỪNG QUÝ VỊ ĐẠI BIỂU VỀ DỰ HỘI NGHỊ BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC "
    "TỐT; TỔNG KẾT CUỘC THI VIẾT VỀ GƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT TRONG PHONG "
    "TRÀO THI ĐUA YÊU NƯỚC HUYỆN THANH TRÌ NĂM 2024"
)


@pytest.fixture
def thanh_tri():
    """The base demo world and the reference plans (other apps' demo data is not needed:
    the programme and the maket are the plan's own sections)."""
    with patch("conferences.management.commands.seed_demo.demo_seeders", return_value=[]):
        call_command("seed_demo", "--quiet-logins", stdout=StringIO())
    plan = Plan.objects.get(conference__organiser__code="HN-TT")
    return plan, User.objects.get(username="thanhtri")


def _print(kind: str, plan: Plan, fmt: str, user, capture) -> bytes:
    with capture(execute=True):
        document = services.request_document(kind=kind, target=plan, fmt=fmt, by=user)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document.file.read()


def _docx(content: bytes):
    return DocxDocument(io.BytesIO(content))


def _paragraphs(document) -> list[str]:
    return [p.text.strip() for p in document.paragraphs if p.text.strip()]


def _docx_pages(document) -> int:
    return len(document.element.body.xpath('.//w:br[@w:type="page"]')) + 1


def _docx_size_mm(document) -> tuple[int, int]:
    section = document.sections[0]
    return round(section.page_width.mm), round(section.page_height.mm)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_pages(content: bytes) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(io.BytesIO(content)).pages]


def _pdf_sizes_mm(content: bytes) -> set[tuple[int, int]]:
    return {
        (round(float(p.mediabox.width) / PT_PER_MM), round(float(p.mediabox.height) / PT_PER_MM))
        for p in PdfReader(io.BytesIO(content)).pages
    }


def _in_order(text: str, phrases: list[str]) -> bool:
    positions, start = [], 0
    for phrase in phrases:
        found = text.find(_flat(phrase), start)
        if found < 0:
            return False
        positions.append(found)
        start = found + 1
    return positions == sorted(positions)


# --- Programme ---------------------------------------------------------------------------------


def test_programme_docx_prints_slots_and_items_in_order_on_one_a4_page(
    thanh_tri, django_capture_on_commit_callbacks
):
    plan, user = thanh_tri
    document = _docx(_print("programme", plan, "docx", user, django_capture_on_commit_callbacks))

    lines = _paragraphs(document)
    assert lines[:2] == ["CHƯƠNG TRÌNH", CONFERENCE_TITLE]
    assert lines[2:] == PROGRAMME
    assert [line for line in lines if line[:2] in {f"{n}." for n in range(1, 10)}] == PROGRAMME[4:]
    header = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ" in header.replace("\u00a0", " ")
    assert "NỘI DUNG CHƯƠNG TRÌNH" not in lines  # the plan's heading is not repeated
    assert _docx_pages(document) == 1
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert _docx_size_mm(document) == (210, 297)


def test_programme_pdf_prints_slots_and_items_in_order_on_one_a4_page(
    thanh_tri, django_capture_on_commit_callbacks
):
    plan, user = thanh_tri
    content = _print("programme", plan, "pdf", user, django_capture_on_commit_callbacks)

    pages = _pdf_pages(content)
    assert len(pages) == 1
    text = pages[0]
    assert _in_order(text, ["CHƯƠNG TRÌNH", CONFERENCE_TITLE, *PROGRAMME])
    assert _in_order(text, ["Từ 8h00 - 8h30", "Đón tiếp đại biểu", "Từ 8h30 - 11h00"])
    assert VENUE in text
    assert "MAKÉT" not in text and "TỔ CHỨC THỰC HIỆN" not in text
    assert _pdf_sizes_mm(content) == {(210, 297)}


# --- Maket -------------------------------------------------------------------------------------


def test_maket_docx_prints_maket_lines_then_banner_on_two_landscape_pages(
    thanh_tri, django_capture_on_commit_callbacks
):
    plan, user = thanh_tri
    document = _docx(_print("maket", plan, "docx", user, django_capture_on_commit_callbacks))

    assert _paragraphs(document) == ["MAKÉT HỘI NGHỊ", *MAKET, "BĂNG KHẨU HIỆU", BANNER]
    assert _docx_pages(document) == 2
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert _docx_size_mm(document) == (297, 210)


def test_maket_pdf_prints_maket_lines_then_banner_on_two_landscape_pages(
    thanh_tri, django_capture_on_commit_callbacks
):
    plan, user = thanh_tri
    content = _print("maket", plan, "pdf", user, django_capture_on_commit_callbacks)

    first, second = _pdf_pages(content)
    assert _in_order(first, ["MAKÉT HỘI NGHỊ", *MAKET])
    assert "BĂNG KHẨU HIỆU" not in first
    assert _in_order(second, ["BĂNG KHẨU HIỆU", BANNER])
    assert _pdf_sizes_mm(content) == {(297, 210)}


# --- Refusals ----------------------------------------------------------------------------------


@pytest.fixture
def draft():
    conference = ConferenceFactory(title="Hội nghị điển hình tiên tiến xã An Thịnh")
    staff = member(conference.organiser, Role.STAFF)
    return plan_for(conference, staff=staff), staff


def _refused(kind: str, plan: Plan, user, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        services.request_document(kind=kind, target=plan, fmt="pdf", by=user)
    assert not GeneratedDocument.objects.filter(kind=kind).exists()


def _missing(kind: str, plan: Plan) -> list[str]:
    builder = get_builder(kind)
    return builder.missing(builder.collect(plan, {}))


def _section(plan: Plan, kind: str):
    return plan.sections.get(kind=kind)


def test_programme_of_a_plan_without_programme_section_is_refused(draft):
    plan, staff = draft
    assert _missing("programme", plan) == []  # the template's plan prints
    plan_services.delete_section(section=_section(plan, "programme"), by=staff)

    _refused("programme", plan, staff, "Chưa đủ thông tin để in: kế hoạch chưa có mục chương trình")


def test_programme_of_a_plan_whose_programme_is_empty_is_refused(draft):
    plan, staff = draft
    plan_services.update_section(section=_section(plan, "programme"), by=staff, content={})

    _refused("programme", plan, staff, "kế hoạch chưa có mục chương trình")


def test_programme_leaves_out_a_level_four_heading(draft, django_capture_on_commit_callbacks):
    """Đức Giang's programme is a "- Chương trình:" line under "Nội dung, chương trình, thành
    phần"; on its own page the items follow the time and venue directly."""
    plan, staff = draft
    section = _section(plan, "programme")
    plan_services.update_section(section=section, by=staff, level=4, heading="Chương trình:")
    document = _docx(_print("programme", plan, "docx", staff, django_capture_on_commit_callbacks))

    lines = _paragraphs(document)
    assert not any("Chương trình:" in line for line in lines)
    assert lines[0] == "CHƯƠNG TRÌNH" and lines[2].startswith("Thời gian:")
    body = [line for line in lines[3:] if not line.startswith("Địa điểm:")]
    assert body[0].startswith("1. ")


def test_programme_with_only_a_level_four_heading_is_refused(draft):
    plan, staff = draft
    section = _section(plan, "programme")
    plan_services.update_section(
        section=section, by=staff, level=4, heading="Chương trình:", content={}
    )

    _refused("programme", plan, staff, "kế hoạch chưa có mục chương trình")


def test_maket_of_a_plan_without_decoration_is_refused(draft):
    plan, staff = draft
    assert _missing("maket", plan) == []  # the template's plan prints
    plan_services.delete_section(section=_section(plan, "decoration"), by=staff)

    _refused("maket", plan, staff, "Chưa đủ thông tin để in: kế hoạch chưa có makét")


def test_maket_of_a_plan_with_only_hall_decoration_is_refused(draft):
    plan, staff = draft
    plan_services.update_section(
        section=_section(plan, "decoration"), by=staff, content={"inside": ["Hoa tươi"]}
    )

    _refused("maket", plan, staff, "kế hoạch chưa có makét hoặc băng khẩu hiệu")


# --- User text is printed as typed (only *...* and **...** become emphasis) ----------------

TYPED = (
    "- Ký hiệu <b>thẻ</b> & dấu “ngoặc kép”, \"thẳng\" và 'đơn' giữ nguyên\n"
    "**Lưu ý:** chữ **in đậm** & a < b > c\n"
    "**chưa đóng và &amp; viết sẵn"
)
PRINTED = [
    "- Ký hiệu <b>thẻ</b> & dấu “ngoặc kép”, \"thẳng\" và 'đơn' giữ nguyên",
    "Lưu ý: chữ in đậm & a < b > c",
    "**chưa đóng và &amp; viết sẵn",
    'Mục <đích> & "yêu cầu"',
    'Tổ chức Hội nghị "Tuổi trẻ & Tương lai" <2026>',
]


@pytest.fixture
def marked_up(draft):
    """A plan whose text, heading and subject carry markup characters, typed in the editor."""
    plan, staff = draft
    section = plan.sections.filter(kind="text", level=2).first()
    form = TextSectionForm({"level": 2, "heading": 'Mục <đích> & "yêu cầu"', "items_text": TYPED})
    assert form.is_valid(), form.errors
    fields = {k: form.cleaned_data[k] for k in ("heading", "level", "number", "inline")}
    plan_services.update_section(section=section, by=staff, content=form.content(), **fields)
    plan_services.update_plan_header(
        plan=plan, by=staff, subject='Tổ chức Hội nghị "Tuổi trẻ & Tương lai" <2026>'
    )
    return plan, staff


def test_plan_docx_prints_markup_characters_literally(
    marked_up, django_capture_on_commit_callbacks
):
    plan, staff = marked_up
    document = _docx(_print("plan", plan, "docx", staff, django_capture_on_commit_callbacks))

    lines = _paragraphs(document)
    for phrase in PRINTED:
        assert any(phrase in line for line in lines), phrase
    lead = next(p for p in document.paragraphs if p.text.startswith("Lưu ý:"))
    assert [(r.text.strip(), bool(r.bold)) for r in lead.runs if r.text.strip()] == [
        ("Lưu ý:", True),
        ("chữ", False),
        ("in đậm", True),
        ("& a < b > c", False),
    ]


def test_plan_pdf_prints_markup_characters_literally(marked_up, django_capture_on_commit_callbacks):
    plan, staff = marked_up
    content = _print("plan", plan, "pdf", staff, django_capture_on_commit_callbacks)

    text = " ".join(_pdf_pages(content))
    for phrase in PRINTED:
        assert _flat(phrase) in text, phrase
    assert "&lt;" not in text and "&amp;amp;" not in text
