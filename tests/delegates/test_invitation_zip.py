"""Invitations as a ZIP: per delegate a DOCX to touch up (the code as text) and a PDF page
with the code as a QR image, under one file name."""

import io
import zipfile

import pikepdf
import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from documents import services as documents
from documents.models import GeneratedDocument
from tests.delegates.factories import DelegateFactory

pytestmark = pytest.mark.django_db
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")


@pytest.fixture
def invited(setup):
    setup["conference"].venue = "Hội trường Ủy ban nhân dân xã"
    setup["conference"].save()
    return [
        DelegateFactory(category=setup["category"], full_name=name, unit=setup["school_a"])
        for name in NAMES
    ]


def _zip(setup, capture) -> zipfile.ZipFile:
    with capture(execute=True):
        document = documents.request_document(
            kind="delegate_invitations", target=setup["conference"], fmt="zip", by=setup["staff"]
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    assert document.filename == "giay-moi-dai-bieu.zip"
    return zipfile.ZipFile(io.BytesIO(document.file.read()))


def _rectangles(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return sum(1 for _, op in pikepdf.parse_content_stream(opened.pages[0]) if str(op) == "re")


def test_invitation_zip_has_a_docx_and_a_portrait_pdf_per_delegate(
    setup, invited, django_capture_on_commit_callbacks
):
    archive = _zip(setup, django_capture_on_commit_callbacks)
    names = archive.namelist()
    assert len(names) == 2 * len(NAMES)
    stems = [n.removesuffix(".docx") for n in names if n.endswith(".docx")]
    assert sorted(names) == sorted([f"{s}.docx" for s in stems] + [f"{s}.pdf" for s in stems])
    by_name = {d.full_name: d for d in invited}
    for stem in stems:
        docx_text = "\n".join(
            p.text for p in DocxDocument(io.BytesIO(archive.read(f"{stem}.docx"))).paragraphs
        )
        delegate = next(d for name, d in by_name.items() if name in docx_text)
        assert f"Mã giấy mời (quét khi đón tiếp): {delegate.invitation_token}" in docx_text
        pdf = archive.read(f"{stem}.pdf")
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = " ".join(pages[0].extract_text().split())
        assert len(pages) == 1 and delegate.full_name in text and "GIẤY MỜI" in text
        assert [n for n in NAMES if n in text] == [delegate.full_name]
        size = (float(pages[0].mediabox.width), float(pages[0].mediabox.height))
        assert size == pytest.approx((595, 842), abs=1)  # A4 portrait
        assert _rectangles(pdf) > 50  # the QR code's modules
        del by_name[delegate.full_name]
    assert not by_name


def test_invitation_page_offers_the_zip_button(client, setup, invited):
    client.force_login(setup["staff"])
    url = reverse("delegates_invitations", args=[setup["conference"].pk])
    page = client.get(url, {"category": setup["category"].pk}).content.decode()
    assert 'data-testid="print-delegate_invitations-zip"' in page
    assert "ZIP từng người: DOCX và PDF" in page
    assert 'data-testid="print-delegate_invitations-pdf"' not in page
