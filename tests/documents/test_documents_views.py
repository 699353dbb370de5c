import pytest
from django.urls import reverse

from documents.models import CertificateSetting, GeneratedDocument
from tests.documents.factories import make_document
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db


def test_detail_of_pending_document_polls_progress(client, world):
    doc = make_document(
        scope_unit=world["office_a"], requested_by=world["users"]["staff"], status="rendering"
    )
    GeneratedDocument.objects.filter(pk=doc.pk).update(progress_done=3, progress_total=10)
    client.force_login(world["users"]["staff"])
    html = client.get(reverse("document_detail", args=[doc.pk])).content.decode()
    assert f'hx-get="{reverse("document_progress", args=[doc.pk])}"' in html
    assert "3/10" in html and "30%" in html


def test_ready_document_downloads_and_previews(client, world):
    doc = make_document(scope_unit=world["office_a"], requested_by=world["users"]["staff"])
    client.force_login(world["users"]["leader"])
    progress = client.get(reverse("document_progress", args=[doc.pk])).content.decode()
    assert "hx-get" not in progress and "Tải về thu.pdf" in progress
    response = client.get(reverse("document_download", args=[doc.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert 'filename="thu.pdf"' in response["Content-Disposition"]
    png = client.get(reverse("document_preview", args=[doc.pk, 1]))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")


def test_download_of_unfinished_document_is_not_served(client, world):
    doc = make_document(
        scope_unit=world["office_a"], requested_by=world["users"]["staff"], status="rendering"
    )
    client.force_login(world["users"]["staff"])
    assert client.get(reverse("document_download", args=[doc.pk])).status_code == 404


def test_failed_document_shows_reason_and_retry(client, world, django_capture_on_commit_callbacks):
    doc = make_document(
        scope_unit=world["office_a"], requested_by=world["users"]["staff"], status="failed"
    )
    GeneratedDocument.objects.filter(pk=doc.pk).update(error="Thiếu phông chữ")
    client.force_login(world["users"]["staff"])
    html = client.get(reverse("document_detail", args=[doc.pk])).content.decode()
    assert "Thiếu phông chữ" in html and reverse("document_retry", args=[doc.pk]) in html


def test_certificate_settings_save_offsets_and_print_test_sheet(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["users"]["staff"])
    url = reverse("certificate_settings", args=[world["office_a"].pk, "giay_khen"])
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "mode": "blank",
            "issuer_title": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH",
            "shift_x_mm": "1.5",
            "shift_y_mm": "-2",
            "dx_name": "3",
            "dy_name": "0",
        },
    )
    assert response.status_code == 302
    setting = CertificateSetting.objects.get(organiser=world["office_a"])
    assert setting.mode == "blank" and setting.shift_x_mm == 1.5
    assert [float(v) for v in setting.offsets["name"]] == [3.0, 0.0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_request", args=["certificate_test", setting.pk]), {"fmt": "pdf"}
        )
    doc = GeneratedDocument.objects.get()
    assert response.url == reverse("document_detail", args=[doc.pk])
    doc.refresh_from_db()
    assert doc.status == "ready"


def test_certificate_settings_refuse_non_image_background(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world["users"]["staff"])
    url = reverse("certificate_settings", args=[world["office_a"].pk, "giay_khen"])
    upload = SimpleUploadedFile("nen.jpg", b"<html>not an image</html>", content_type="image/jpeg")
    response = client.post(
        url,
        {
            "mode": "design",
            "issuer_title": "X",
            "shift_x_mm": "0",
            "shift_y_mm": "0",
            "background": upload,
        },
    )
    assert "JPEG hoặc PNG" in response.content.decode()
    assert not CertificateSetting.objects.exists()


def test_conference_documents_list_queries_do_not_grow(client, world):
    client.force_login(world["users"]["staff"])
    url = reverse("conference_documents", args=[world["conference_a"].pk])

    def add(i):
        requester = world["users"]["staff"] if i else world["users"]["admin"]
        document = make_document(
            scope_unit=world["office_a"], requested_by=requester, conference=world["conference_a"]
        )
        document.title = f"Giấy mời thử {i}"
        document.save(update_fields=["title"])
        return document.title

    assert_queries_constant(client, url, add)
