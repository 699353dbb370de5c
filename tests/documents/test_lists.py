"""The honouree list of a nomination round and the delegate list of a conference, printed as
PDF and DOCX through the worker path."""

import io

import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from conferences.models import Role, Unit
from documents import services
from documents.builders.lists import roman
from documents.models import GeneratedDocument
from honorees.models import AwardLine, Nomination
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory, award

pytestmark = pytest.mark.django_db
S = Nomination.Status


def _print(kind, target, fmt, user, capture) -> bytes:
    with capture(execute=True):
        document = services.request_document(kind=kind, target=target, fmt=fmt, by=user)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document.file.read()


def _pdf_text(content: bytes) -> tuple[PdfReader, str]:
    pdf = PdfReader(io.BytesIO(content))
    return pdf, " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


def _cells(content: bytes) -> list[str]:
    docx = DocxDocument(io.BytesIO(content))
    return [c.text for t in docx.tables for r in t.rows for c in r.cells]


@pytest.fixture
def commune(db):
    parent = UnitFactory(name="Ủy ban nhân dân tỉnh Thử", kind=Unit.Kind.PROVINCE)
    office = UnitFactory(parent=parent, name="Ủy ban nhân dân xã Thượng Hồng")
    school = UnitFactory(parent=office, name="Trường Tiểu học Thượng Hồng", kind="school")
    conference = ConferenceFactory(
        organiser=office, title="Hội nghị biểu dương điển hình tiên tiến năm 2025"
    )
    return {
        "office": office,
        "school": school,
        "conference": conference,
        "staff": member(office, Role.STAFF),
        "council": member(office, Role.COUNCIL),
        "other": member(UnitFactory(parent=parent), Role.STAFF),
        "submitter": member(school, Role.SUBMITTER),
    }


def _nominate(round, unit, name, status=S.APPROVED, **fields):
    if fields.get("kind") == "collective":
        fields.update(collective_name=name, full_name="")
    else:
        fields.setdefault("full_name", name)
    return NominationFactory(round=round, unit=unit, status=status, **fields)


@pytest.fixture
def honoured_round(commune):
    round = RoundFactory(conference=commune["conference"], title="Đợt khen thưởng năm 2025")
    school = commune["school"]
    _nominate(round, school, "Trần Văn Bình", position="Giáo viên", achievement_summary="Dạy giỏi")
    _nominate(round, school, "Nguyễn Thị An", position="Hiệu trưởng")
    _nominate(round, school, "Tổ Toán", kind="collective", proposed_award=award("gk-xa"))
    _nominate(round, school, "Lê Văn Chờ", status=S.SUBMITTED)
    _nominate(round, school, "Phạm Văn Trượt", status=S.REJECTED)
    awarded = _nominate(round, school, "Hoàng Văn Cường", status=S.AWARDED)
    # The signed decision gave another award than the one proposed: the list follows it.
    AwardLine.objects.create(
        decision=DecisionFactory(round=round), nomination=awarded, award_form=award("cstd-cs")
    )
    return round


def test_roman_numbers_for_sections():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]


def test_honoree_list_groups_approved_by_award_form_in_both_formats(
    commune, honoured_round, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    pdf, text = _pdf_text(_print("honoree_list", honoured_round, "pdf", commune["staff"], capture))
    assert "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "DANH SÁCH" in text and "Đợt khen thưởng năm 2025" in text
    first, second = "I. GIẤY KHEN CỦA CHỦ TỊCH UBND XÃ", "II. CHIẾN SĨ THI ĐUA CƠ SỞ"
    # Collectives before individuals, individuals by given name (An before Bình).
    assert text.index(first) < text.index("Tổ Toán") < text.index("Nguyễn Thị An")
    assert text.index("Nguyễn Thị An") < text.index("Trần Văn Bình") < text.index(second)
    assert text.index(second) < text.index("Hoàng Văn Cường")
    assert "Lê Văn Chờ" not in text and "Phạm Văn Trượt" not in text
    assert "Dạy giỏi" in text and "Hiệu trưởng" in text
    assert "1 tập thể và 3 cá nhân" in text
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape: the table is wide
    assert round(float(box.width) / 72 * 25.4) == 297

    docx_bytes = _print("honoree_list", honoured_round, "docx", commune["staff"], capture)
    cells = _cells(docx_bytes)
    assert first in cells and second in cells and "Tổ Toán" in cells
    assert "Tập thể" in cells and "Cá nhân" in cells  # sub-headings where both kinds appear
    assert "Lê Văn Chờ" not in cells
    section = DocxDocument(io.BytesIO(docx_bytes)).sections[0]
    assert section.page_width > section.page_height


def test_honoree_list_of_a_round_without_approved_nominations_is_refused(commune):
    round = RoundFactory(conference=commune["conference"])
    _nominate(round, commune["school"], "Lê Văn Chờ", status=S.SUBMITTED)
    with pytest.raises(Exception, match="chưa có hồ sơ nào được Hội đồng thông qua"):
        services.request_document(kind="honoree_list", target=round, fmt="pdf", by=commune["staff"])
    assert not GeneratedDocument.objects.exists()


@pytest.mark.parametrize(
    "who, allowed", [("staff", True), ("council", True), ("other", False), ("submitter", False)]
)
def test_honoree_list_is_for_the_organisers_office(commune, honoured_round, who, allowed):
    from documents.builders import get_builder

    assert get_builder("honoree_list").can_request(commune[who], honoured_round) is allowed


def test_round_page_offers_the_honoree_list_to_the_office_only(commune, honoured_round, client):
    url = reverse("honorees:round_detail", args=[honoured_round.pk])
    client.force_login(commune["staff"])
    page = client.get(url).content.decode()
    assert 'data-testid="print-honoree_list-pdf"' in page
    assert 'data-testid="print-honoree_list-docx"' in page
    client.force_login(commune["submitter"])
    assert "print-honoree_list" not in client.get(url, follow=True).content.decode()


# --- delegates ---------------------------------------------------------------------------------
@pytest.fixture
def register(commune):
    conference = commune["conference"]
    leaders = CategoryFactory(conference=conference, title="Đại biểu lãnh đạo", order=1)
    base = CategoryFactory(conference=conference, title="Đại biểu cơ sở", order=2)
    village = CategoryFactory(
        conference=conference, title="Trưởng thôn", order=3, parent=base, target_min=5
    )
    CategoryFactory(conference=conference, title="Khách mời", order=4)  # nobody: no heading
    make = DelegateFactory
    make(category=leaders, full_name="Vũ Văn Lãnh", position="Bí thư Đảng ủy", gender="male")
    make(category=leaders, full_name="Đỗ Thị Đạo", position="Chủ tịch UBND", gender="female")
    make(category=village, full_name="Bùi Văn Thôn", unit=commune["school"], seat_or_zone="A3")
    make(category=village, full_name="Ngô Văn Từ Chối", invitation_status="declined")
    return conference


def test_delegate_list_by_category_in_plan_order_in_both_formats(
    commune, register, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    pdf, text = _pdf_text(_print("delegate_list", register, "pdf", commune["staff"], capture))
    assert "DANH SÁCH ĐẠI BIỂU" in text and "Dự Hội nghị biểu dương điển hình tiên tiến" in text
    assert text.index("I. Đại biểu lãnh đạo") < text.index("Đỗ Thị Đạo")
    assert text.index("Đỗ Thị Đạo") < text.index("Vũ Văn Lãnh")  # Đạo before Lãnh
    assert text.index("Vũ Văn Lãnh") < text.index("II. Đại biểu cơ sở")
    assert text.index("II. Đại biểu cơ sở") < text.index("1. Trưởng thôn")
    assert text.index("1. Trưởng thôn") < text.index("Bùi Văn Thôn")
    assert "Khách mời" not in text and "Ngô Văn Từ Chối" not in text
    assert "Tổng số: 3 đại biểu, trong đó 1 nữ" in text
    box = pdf.pages[0].mediabox
    assert float(box.height) > float(box.width)  # A4 portrait

    cells = _cells(_print("delegate_list", register, "docx", commune["staff"], capture))
    row = cells.index("Bùi Văn Thôn")
    assert cells[row - 1 : row + 5] == [
        "3", "Bùi Văn Thôn", "Nam", "", "Trường Tiểu học Thượng Hồng", "A3",
    ]  # fmt: skip
    assert "Nữ" in cells and "Ngô Văn Từ Chối" not in cells


def test_delegate_list_without_delegates_is_refused(commune):
    with pytest.raises(Exception, match="chưa có đại biểu nào"):
        services.request_document(
            kind="delegate_list", target=commune["conference"], fmt="pdf", by=commune["staff"]
        )


def test_register_page_print_button_prints_the_delegate_list(
    commune, register, client, django_capture_on_commit_callbacks
):
    client.force_login(commune["staff"])
    page = client.get(reverse("delegates_register", args=[register.pk])).content.decode()
    assert 'data-testid="print-delegate_list-docx"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_request", args=["delegate_list", register.pk]), {"fmt": "docx"}
        )
    document = GeneratedDocument.objects.get()
    assert response.url == reverse("document_detail", args=[document.pk])
    document.refresh_from_db()
    assert "Vũ Văn Lãnh" in _cells(document.file.read())


def test_print_buttons_tag_shows_only_to_users_the_builder_lets_print(commune, rf):
    from django.template import Context, Template

    template = Template(
        '{% load printing %}{% print_buttons "delegate_list" conference "In" formats="docx" %}'
    )
    for who, shown in (("staff", True), ("other", False), ("submitter", False)):
        request = rf.get("/")
        request.user = commune[who]
        html = template.render(Context({"request": request, "conference": commune["conference"]}))
        assert ('data-testid="print-delegate_list-docx"' in html) is shown, who
        assert "print-delegate_list-pdf" not in html
