"""Before a batch: the office renders the first pages only (params {"preview": 3}) and sees them
as images on the document's page; the whole batch is not affected."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.errors import DomainError
from delegates import services as delegate_services
from delegates.models import Delegate
from documents import services
from documents.models import GeneratedDocument
from honorees.models import AwardLine, Nomination
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory, award

pytestmark = pytest.mark.django_db
GIVEN = ("An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga")


@pytest.fixture
def office(cast):
    """The cast's office A, its school and conference (with a venue), staff and leader."""
    conference = cast["conference_a"]
    conference.venue = "Hội trường Ủy ban nhân dân xã"
    conference.save(update_fields=["venue"])
    return {
        "commune": cast["office_a"],
        "school": cast["school"],
        "conference": conference,
        "staff": cast["users"]["staff"],
        "leader": cast["users"]["leader"],
    }


@pytest.fixture
def ten_delegates(office):
    category = CategoryFactory(conference=office["conference"], title="Đại biểu cơ sở")
    for given in GIVEN:
        DelegateFactory(category=category, full_name=f"Nguyễn Văn {given}", unit=office["school"])
    return category


@pytest.fixture
def signed_decision(office):
    round = RoundFactory(conference=office["conference"])
    decision = DecisionFactory(
        round=round, status="issued", number=5, signed_at=timezone.now(), issued_at=timezone.now()
    )
    for given in GIVEN:
        nomination = NominationFactory(
            round=round,
            unit=office["school"],
            full_name=f"Trần Thị {given}",
            status=Nomination.Status.AWARDED,
        )
        AwardLine.objects.create(
            decision=decision, nomination=nomination, award_form=award("gk-xa")
        )
    return decision


def _request(kind, target, by, capture, fmt="pdf", **params):
    with capture(execute=True):
        document = services.request_document(
            kind=kind, target=target, fmt=fmt, by=by, params=params
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document


def _pages(document) -> list[str]:
    pdf = PdfReader(io.BytesIO(document.file.read()))
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


def test_invitation_preview_renders_three_pages_of_ten_and_the_batch_is_whole(
    office, ten_delegates, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    preview = _request(
        "delegate_invitations", office["conference"], office["staff"], capture, preview="3"
    )
    pages = _pages(preview)
    assert len(pages) == 3
    assert "Nguyễn Văn An" in pages[0] and "Nguyễn Văn Cường" in pages[2]
    assert preview.params["preview"] == 3 and preview.title.startswith("Xem trước 3 trang đầu")
    # Looking is not inviting.
    assert not Delegate.objects.filter(invitation_status="invited").exists()

    with capture(execute=True):
        batch = delegate_services.print_invitations(
            conference=office["conference"], by=office["staff"]
        )
    batch.refresh_from_db()
    assert batch.pk != preview.pk and "preview" not in batch.params
    full = _pages(batch)
    assert len(full) == 10 and "Nguyễn Văn Nga" in full[-1]


def test_certificate_preview_renders_three_of_ten_certificates(
    office, signed_decision, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    preview = _request("award_certificates", signed_decision, office["leader"], capture, preview=3)
    pages = _pages(preview)
    assert len(pages) == 3 and "Trần Thị An" in pages[0] and "Trần Thị Cường" in pages[2]
    full = _request("award_certificates", signed_decision, office["leader"], capture)
    assert full.pk != preview.pk and len(_pages(full)) == 10


def test_the_same_preview_asked_twice_is_rendered_once(
    office, ten_delegates, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    first = _request(
        "delegate_invitations", office["conference"], office["staff"], capture, preview=3
    )
    again = _request(
        "delegate_invitations", office["conference"], office["staff"], capture, preview=3
    )
    assert again.pk == first.pk and GeneratedDocument.objects.count() == 1


@pytest.mark.parametrize(
    "kind, fmt, preview, message",
    [
        ("delegate_invitations", "pdf", "abc", "từ 1 đến 10"),
        ("delegate_invitations", "pdf", 50, "từ 1 đến 10"),
        ("delegate_list", "pdf", 3, "chỉ xem trước được bản PDF của một đợt in"),
        ("award_certificates", "zip", 3, "chỉ xem trước được bản PDF"),
    ],
)
def test_preview_refused_when_it_makes_no_sense(
    office, ten_delegates, signed_decision, kind, fmt, preview, message
):
    target = signed_decision if kind == "award_certificates" else office["conference"]
    with pytest.raises(DomainError, match=message):
        services.request_document(
            kind=kind, target=target, fmt=fmt, by=office["staff"], params={"preview": preview}
        )
    assert not GeneratedDocument.objects.exists()


def test_detail_page_shows_every_preview_page_as_an_image(
    client, office, ten_delegates, django_capture_on_commit_callbacks
):
    preview = _request(
        "delegate_invitations",
        office["conference"],
        office["staff"],
        django_capture_on_commit_callbacks,
        preview=3,
    )
    client.force_login(office["staff"])
    html = client.get(reverse("document_detail", args=[preview.pk])).content.decode()
    assert 'data-testid="preview-note"' in html
    for page in (1, 2, 3):
        assert reverse("document_preview", args=[preview.pk, page]) in html
    png = client.get(reverse("document_preview", args=[preview.pk, 3]))
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert client.get(reverse("document_preview", args=[preview.pk, 4])).status_code == 404


def test_invitation_and_certificate_pages_offer_the_preview_button(
    client, office, ten_delegates, signed_decision, django_capture_on_commit_callbacks
):
    client.force_login(office["staff"])
    url = reverse("delegates_invitations", args=[office["conference"].pk])
    page = client.get(url, {"category": ten_delegates.pk}).content.decode()
    assert 'data-testid="preview-delegate_invitations"' in page
    assert f'name="param_category" value="{ten_delegates.pk}"' in page
    decision_page = client.get(
        reverse("honorees:decision_detail", args=[signed_decision.pk])
    ).content.decode()
    assert 'data-testid="preview-award_certificates"' in decision_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_request", args=["delegate_invitations", office["conference"].pk]),
            {
                "fmt": "pdf",
                "param_preview": "3",
                "param_category": ten_delegates.pk,
                "param_unit": "",
                "param_status": "",
            },
        )
    document = GeneratedDocument.objects.get(kind="delegate_invitations")
    assert response.url == reverse("document_detail", args=[document.pk])
    document.refresh_from_db()
    assert len(_pages(document)) == 3


def test_render_document_command_takes_the_preview_param(office, ten_delegates, tmp_path):
    from django.core.management import call_command

    output = tmp_path / "xem-truoc.pdf"
    call_command(
        "render_document",
        "delegate_invitations",
        office["conference"].pk,
        "--param",
        "preview=3",
        "--output",
        str(output),
    )
    assert len(PdfReader(output).pages) == 3
