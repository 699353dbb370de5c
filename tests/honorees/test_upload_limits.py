"""The nomination import shares the bounded reader; dossiers that carry scripts are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.errors import DomainError
from honorees import services
from honorees.models import Nomination
from honorees.resources import COLUMNS
from tests.files import docx_bytes, pdf_bytes, xlsx_bomb
from tests.honorees.test_views import _individual_post

pytestmark = pytest.mark.django_db


def test_nomination_import_zip_bomb_refused_nothing_written(office):
    with pytest.raises(DomainError, match="Tệp khi giải nén quá lớn"):
        services.import_nominations(
            round=office["round"], unit=office["school"], data=xlsx_bomb(COLUMNS),
            by=office["submitter"], dry_run=False,
        )  # fmt: skip
    assert Nomination.objects.count() == 0


def _post_dossier(client, office, name: str, content: bytes):
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:nomination_create",
        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk, "kind": "individual"},
    )
    return client.post(url, _individual_post(dossier=SimpleUploadedFile(name, content)))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hs.pdf", pdf_bytes(javascript="app.alert(1)"), "mã chạy tự động"),
        ("hs.pdf", pdf_bytes(launch="cmd.exe"), "mã chạy tự động"),
        ("hs.docx", docx_bytes(macro=True), "macro"),
        ("hs.docx", docx_bytes(external_template="http://203.0.113.5/a.dotm"), "liên kết tự tải"),
    ],
    ids=["pdf-javascript", "pdf-launch", "docx-macro", "docx-remote-template"],
)
def test_nomination_dossier_with_active_content_refused(client, office, name, content, message):
    response = _post_dossier(client, office, name, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Nomination.objects.count() == 0


def test_nomination_dossier_plain_docx_accepted(client, office):
    response = _post_dossier(client, office, "hs.docx", docx_bytes())

    assert response.status_code == 302
    assert Nomination.objects.get().dossier.name.endswith(".docx")
