"""The notice telling a unit how many delegates it sends (Thông báo phân bổ số lượng đại biểu)."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from conferences.models import Role, Unit
from documents import services
from documents.models import GeneratedDocument
from tests.delegates.factories import AllocationFactory, CategoryFactory
from tests.delegates.factories import RoundFactory as DelegateRoundFactory
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import QuotaFactory
from tests.honorees.factories import RoundFactory as NominationRoundFactory

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def allocated(db):
    office = UnitFactory(name="Ủy ban nhân dân xã Thượng Hồng")
    school = UnitFactory(parent=office, name="Trường Tiểu học Thượng Hồng", kind=Unit.Kind.SCHOOL)
    village = UnitFactory(parent=office, name="Thôn Đông", kind=Unit.Kind.VILLAGE)
    idle = UnitFactory(parent=office, name="Thôn Tây", kind=Unit.Kind.VILLAGE)
    conference = ConferenceFactory(
        organiser=office,
        title="Hội nghị biểu dương điển hình tiên tiến năm 2025",
        date=dt.date(2025, 10, 8),
        start_time=dt.time(8, 0),
        venue="Hội trường Ủy ban nhân dân xã",
    )
    base = CategoryFactory(conference=conference, title="Đại biểu cơ sở", order=1)
    guests = CategoryFactory(conference=conference, title="Đại biểu điển hình", order=2)
    AllocationFactory(category=base, unit=school, seats=3)
    AllocationFactory(category=guests, unit=school, seats=1)
    AllocationFactory(category=base, unit=village, seats=2)
    DelegateRoundFactory(
        conference=conference,
        deadline=dt.datetime(2025, 10, 1, 17, 0, tzinfo=HANOI),
        instructions="Gửi kèm số điện thoại của từng đại biểu.",
    )
    return {
        "office": office,
        "school": school,
        "village": village,
        "idle": idle,
        "conference": conference,
        "staff": member(office, Role.STAFF),
        "leader": member(office, Role.LEADER),
        "submitter": member(school, Role.SUBMITTER),
    }


def _print(allocated, fmt, capture, **params):
    with capture(execute=True):
        document = services.request_document(
            kind="quota_notice",
            target=allocated["conference"],
            fmt=fmt,
            by=allocated["staff"],
            params=params,
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document


def _pages(content: bytes) -> tuple[PdfReader, list[str]]:
    pdf = PdfReader(io.BytesIO(content))
    return pdf, [" ".join(p.extract_text().split()) for p in pdf.pages]


def test_notice_to_one_unit_names_its_seats_deadline_and_signature(
    allocated, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    document = _print(allocated, "pdf", capture, unit=str(allocated["school"].pk))
    pdf, pages = _pages(document.file.read())
    text = " ".join(pages)
    assert len(pdf.pages) == 1 and float(pdf.pages[0].mediabox.height) > float(
        pdf.pages[0].mediabox.width
    )
    assert "Số: /TB-UBND" in text and "THÔNG BÁO" in text
    assert "08 giờ 00, ngày 08 tháng 10 năm 2025" in text
    assert "Hội trường Ủy ban nhân dân xã" in text
    assert "Đại biểu cơ sở: 03 đại biểu;" in text and "Đại biểu điển hình: 01 đại biểu." in text
    assert "Tổng số: 04 đại biểu." in text
    assert "trước 17 giờ 00, ngày 01 tháng 10 năm 2025" in text
    assert "Gửi kèm số điện thoại" in text
    assert "Nơi nhận:" in text and "- Trường Tiểu học Thượng Hồng;" in text
    assert "Thôn Đông" not in text
    assert document.filename == "thong-bao-phan-bo-truong-tieu-hoc-thuong-hong.pdf"

    docx_file = _print(allocated, "docx", capture, unit=allocated["school"].pk).file
    docx = DocxDocument(io.BytesIO(docx_file.read()))
    paragraphs = "\n".join(p.text for p in docx.paragraphs)
    cells = " ".join(c.text for t in docx.tables for r in t.rows for c in r.cells)
    assert "THÔNG BÁO" in paragraphs and "Tổng số: 04 đại biểu." in paragraphs
    assert "/TB-UBND" in cells and "Nơi nhận:" in cells


def test_notice_lists_the_units_nomination_quota_of_the_same_conference(
    allocated, django_capture_on_commit_callbacks
):
    round = NominationRoundFactory(
        conference=allocated["conference"],
        title="Đợt khen thưởng năm 2025",
        deadline=dt.datetime(2025, 9, 25, 17, 0, tzinfo=HANOI),
    )
    QuotaFactory(round=round, unit=allocated["school"], max_individuals=3, max_collectives=1)
    document = _print(
        allocated, "pdf", django_capture_on_commit_callbacks, unit=allocated["school"].pk
    )
    text = " ".join(_pages(document.file.read())[1])
    assert "(Đợt khen thưởng năm 2025): tối đa 3 cá nhân và 1 tập thể" in text
    assert "17 giờ 00, ngày 25 tháng 9 năm 2025" in text


def test_notice_to_every_unit_gives_each_its_own_page(
    allocated, django_capture_on_commit_callbacks
):
    document = _print(allocated, "pdf", django_capture_on_commit_callbacks)
    _pdf, pages = _pages(document.file.read())
    assert len(pages) == 2
    assert "Trường Tiểu học Thượng Hồng" in pages[0] and "Tổng số: 04 đại biểu." in pages[0]
    assert "Thôn Đông" in pages[1] and "Tổng số: 02 đại biểu." in pages[1]
    assert "Thôn Tây" not in " ".join(pages)


def test_notice_to_a_unit_without_seats_is_refused(allocated):
    with pytest.raises(Exception, match="đơn vị này chưa được phân bổ đại biểu"):
        services.request_document(
            kind="quota_notice",
            target=allocated["conference"],
            fmt="pdf",
            by=allocated["staff"],
            params={"unit": allocated["idle"].pk},
        )
    assert not GeneratedDocument.objects.exists()


def test_notice_without_a_deadline_is_refused(allocated):
    allocated["conference"].delegate_round.delete()
    with pytest.raises(Exception, match="chưa đặt hạn đơn vị gửi danh sách đại biểu"):
        services.request_document(
            kind="quota_notice", target=allocated["conference"], fmt="pdf", by=allocated["staff"]
        )


def test_notice_is_printed_by_the_office_not_by_the_unit(allocated):
    from documents.builders import get_builder

    builder = get_builder("quota_notice")
    assert builder.can_request(allocated["leader"], allocated["conference"])
    assert not builder.can_request(allocated["submitter"], allocated["conference"])


def test_allocation_screen_prints_the_notice_for_the_chosen_unit(
    allocated, client, django_capture_on_commit_callbacks
):
    conference = allocated["conference"]
    client.force_login(allocated["staff"])
    page = client.get(reverse("delegates_allocation", args=[conference.pk])).content.decode()
    assert 'data-testid="quota-notice-form"' in page
    assert f'<option value="{allocated["village"].pk}">Thôn Đông</option>' in page
    assert "Thôn Tây</option>" not in page  # no seats, nothing to announce
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_request", args=["quota_notice", conference.pk]),
            {"fmt": "pdf", "param_unit": allocated["village"].pk},
        )
    document = GeneratedDocument.objects.get()
    assert response.url == reverse("document_detail", args=[document.pk])
    document.refresh_from_db()
    text = " ".join(_pages(document.file.read())[1])
    assert "Thôn Đông" in text and "Trường Tiểu học" not in text
