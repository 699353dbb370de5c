import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.errors import DomainError
from delegates import services
from delegates.models import Delegate
from documents.models import GeneratedDocument
from tests.delegates.factories import CategoryFactory, DelegateFactory


@pytest.fixture
def ready(setup):
    conference = setup["conference"]
    conference.venue = "Hội trường Ủy ban nhân dân xã"
    conference.save()
    return setup


def test_print_invitations_renders_one_page_each_and_marks_invited(
    ready, django_capture_on_commit_callbacks
):
    other = CategoryFactory(conference=ready["conference"], title="Đại biểu khách mời")
    chosen = [
        DelegateFactory(conference=ready["conference"], category=ready["category"], full_name=n)
        for n in ("Lê Thị Hoa", "Trần Văn An")
    ]
    outsider = DelegateFactory(
        conference=ready["conference"], category=other, full_name="Phạm Văn Khách"
    )

    with django_capture_on_commit_callbacks(execute=True):
        document = services.print_invitations(
            conference=ready["conference"], category=ready["category"], by=ready["staff"]
        )

    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    pages = PdfReader(io.BytesIO(document.file.read())).pages
    assert len(pages) == 2
    text = [" ".join(p.extract_text().split()) for p in pages]
    assert "Trần Văn An" in text[0] and "Lê Thị Hoa" in text[1]  # Vietnamese name order
    assert all("GIẤY MỜI" in t for t in text)
    assert set(
        Delegate.objects.filter(invitation_status="invited").values_list("pk", flat=True)
    ) == {d.pk for d in chosen}
    outsider.refresh_from_db()
    assert outsider.invitation_status == "to_invite"


def test_print_invitations_with_nobody_chosen_is_refused(ready):
    with pytest.raises(DomainError, match="Không có đại biểu nào"):
        services.print_invitations(conference=ready["conference"], by=ready["staff"])
    assert not GeneratedDocument.objects.exists()


def test_invitations_view_previews_then_prints(client, ready, django_capture_on_commit_callbacks):
    DelegateFactory(
        conference=ready["conference"], category=ready["category"], full_name="Lê Thị Hoa"
    )
    url = reverse("delegates_invitations", args=[ready["conference"].pk])
    client.force_login(ready["staff"])
    preview = client.get(url, {"category": ready["category"].pk}).content.decode()
    assert "1 đại biểu sẽ nhận giấy mời" in preview and "Lê Thị Hoa" in preview
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"category": ready["category"].pk, "status": ""})
    document = GeneratedDocument.objects.get()
    assert response.url == reverse("document_detail", args=[document.pk])
    assert Delegate.objects.get().invitation_status == "invited"


def test_invitations_view_refuses_leader(client, ready):
    client.force_login(ready["leader"])
    assert (
        client.get(reverse("delegates_invitations", args=[ready["conference"].pk])).status_code
        == 403
    )
