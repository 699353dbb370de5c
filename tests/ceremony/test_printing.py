"""The ceremony script, the call sheets and the A3 posters print through the documents
builders (requested via documents.services, rendered by the worker task)."""

import io
import re

import pytest
from pypdf import PdfReader

from ceremony import selectors, services
from core.errors import DomainError
from documents import services as documents
from documents.models import GeneratedDocument
from tests.ceremony.factories import jpeg
from tests.printed import docx_pieces

pytestmark = pytest.mark.django_db


def _print(conference, kind, fmt, by, capture, **params):
    with capture(execute=True):
        doc = documents.request_document(
            kind=kind, target=conference, fmt=fmt, by=by, params=params
        )
    doc.refresh_from_db()
    assert doc.status == GeneratedDocument.Status.READY, doc.error
    return doc.file.read()


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_script_docx_has_each_group_words_and_line(issued, django_capture_on_commit_callbacks):
    services.update_ceremony_setting(
        conference=issued["conference"], by=issued["staff"], group_size=3
    )
    groups = selectors.stage_groups(issued["conference"])
    content = _print(issued["conference"], "ceremony_script", "docx", issued["staff"],
                     django_capture_on_commit_callbacks)  # fmt: skip
    text = " ".join(piece[0] for piece in docx_pieces(content))
    assert "KỊCH BẢN TRAO THƯỞNG" in text
    positions = [text.index(g.title) for g in groups]
    assert positions == sorted(positions)
    for group in groups:
        assert group.words in text
        for entry in group.entries:
            assert entry.name in text


def test_call_sheets_pdf_one_page_per_group_with_positions(
    issued, django_capture_on_commit_callbacks
):
    services.update_ceremony_setting(
        conference=issued["conference"], by=issued["staff"], group_size=4
    )
    groups = selectors.stage_groups(issued["conference"])
    content = _print(issued["conference"], "ceremony_call_sheets", "pdf", issued["staff"],
                     django_capture_on_commit_callbacks)  # fmt: skip
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == len(groups)
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "PHIẾU XẾP HÀNG" in first
    assert groups[0].entries[0].name in first


def test_poster_of_one_consenting_honouree(issued, django_capture_on_commit_callbacks):
    line = selectors.stage_lines(issued["conference"])[3]
    services.save_profile(
        conference=issued["conference"], line=line, by=issued["staff"], slide_line="Gương sáng",
        story="Câu chuyện đẹp.", consent=True, photo=jpeg(300, 400),
    )  # fmt: skip
    content = _print(issued["conference"], "honour_poster", "pdf", issued["staff"],
                     django_capture_on_commit_callbacks, line=str(line.pk))  # fmt: skip
    reader = PdfReader(io.BytesIO(content))
    page = reader.pages[0]
    assert len(reader.pages) == 1
    # A3 portrait: 297 x 420 mm.
    assert round(float(page.mediabox.width) / 72 * 25.4) == 297
    assert round(float(page.mediabox.height) / 72 * 25.4) == 420
    assert line.nomination.display_name in _pdf_text(content)
    assert len(page.images) == 1


def test_poster_refused_without_consent(issued):
    line = selectors.stage_lines(issued["conference"])[0]
    services.save_profile(
        conference=issued["conference"], line=line, by=issued["staff"], slide_line="",
        story="", consent=False, photo=jpeg(300, 400),
    )  # fmt: skip
    with pytest.raises(DomainError, match="đồng ý công khai"):
        documents.request_document(
            kind="honour_poster", target=issued["conference"], fmt="pdf", by=issued["staff"],
            params={"line": str(line.pk)},
        )  # fmt: skip


def test_script_refused_without_issued_decision(cast):
    with pytest.raises(DomainError, match="chưa có quyết định"):
        documents.request_document(
            kind="ceremony_script",
            target=cast["conference_a"],
            fmt="pdf",
            by=cast["users"]["staff"],
        )
