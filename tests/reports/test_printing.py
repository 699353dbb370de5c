"""The printed report (DOCX and PDF through the documents service) carries the figures as they
stand, in the national layout (title BÁO CÁO, number line, signer), and the awards table."""

import io

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from core.vntext import format_number
from documents import services as documents
from documents.models import GeneratedDocument
from honorees.models import AwardLine
from reports import services
from tests.reports.world import line

pytestmark = pytest.mark.django_db


def _print(report, fmt, user, capture) -> bytes:
    with capture(execute=True):
        document = documents.request_document(
            kind="summary_report", target=report, fmt=fmt, by=user
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document.file.read()


def _docx_text(content: bytes) -> str:
    doc = DocxDocument(io.BytesIO(content))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join([*(p.text for p in doc.paragraphs), *cells]).split())


def _pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split()
    )


def test_printed_report_has_the_figures(world_data, cast, django_capture_on_commit_callbacks):
    staff = cast["users"]["staff"]
    report = services.create_report(conference=world_data["conference"], by=staff)
    lines = AwardLine.objects.filter(decision__round__conference=world_data["conference"])
    total = sum(lines.values_list("amount", flat=True))
    docx = _docx_text(_print(report, "docx", staff, django_capture_on_commit_callbacks))
    assert "BÁO CÁO" in docx and "Số: /BC-UBND" in docx.replace("  ", "")
    assert f"Khen thưởng {lines.count():02d} tập thể, cá nhân" in docx
    assert f"Tổng tiền thưởng: {format_number(total)} đồng" in docx
    assert "Bốn triệu không trăm mười nghìn đồng" in docx
    assert "Hình thức khen thưởng" in docx and format_number(total) in docx  # the table
    pdf = _pdf_text(_print(report, "pdf", staff, django_capture_on_commit_callbacks))
    assert f"Khen thưởng {lines.count():02d} tập thể, cá nhân" in pdf

    # A new line on the draft decision: the next print says so.
    line(world_data["draft"], amount=1_000_000)
    again = _docx_text(_print(report, "docx", staff, django_capture_on_commit_callbacks))
    assert f"Tổng tiền thưởng: {format_number(total + 1_000_000)} đồng" in again
