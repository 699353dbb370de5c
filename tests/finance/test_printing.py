"""The Tờ trình prints the total and the words, and the estimate table attached."""

import io
from decimal import Decimal

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from core.vntext import format_number, money_in_words
from documents import services as documents
from documents.models import GeneratedDocument
from finance import selectors, services
from finance.models import LineGroup

pytestmark = pytest.mark.django_db


def _print(estimate, fmt, user, capture) -> bytes:
    with capture(execute=True):
        document = documents.request_document(
            kind="funding_request", target=estimate, fmt=fmt, by=user
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    return document.file.read()


def test_funding_request_prints_total_and_words(
    world_data, cast, django_capture_on_commit_callbacks
):
    staff = cast["users"]["staff"]
    estimate = services.create_estimate(conference=world_data["conference"], by=staff)
    services.save_line(
        estimate=estimate, by=staff, group=LineGroup.DECORATION, description="Phông sân khấu",
        unit_label="bộ", quantity=Decimal("2.5"), unit_price=1_000_000,
    )  # fmt: skip
    total = selectors.estimate_totals(selectors.estimate_rows(estimate))["estimate"]
    assert total == 2_500_000 + 1_420_000
    content = _print(estimate, "docx", staff, django_capture_on_commit_callbacks)
    doc = DocxDocument(io.BytesIO(content))
    text = " ".join(p.text for p in doc.paragraphs)
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "TỜ TRÌNH" in text and "DỰ TRÙ KINH PHÍ" in text
    assert f"Tổng kinh phí đề nghị: {format_number(total)} đồng." in text
    assert f"Bằng chữ: {money_in_words(total)}" in text
    assert money_in_words(total) == "Ba triệu chín trăm hai mươi nghìn đồng"
    assert "Phông sân khấu" in cells and "2,5" in cells and format_number(total) in cells
    assert "Tiền thưởng" in cells
    pdf = _print(estimate, "pdf", staff, django_capture_on_commit_callbacks)
    pdf_text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert f"Tổng kinh phí đề nghị: {format_number(total)} đồng." in pdf_text


def test_sent_funding_request_prints_its_number(
    world_data, cast, django_capture_on_commit_callbacks
):
    staff = cast["users"]["staff"]
    estimate = services.create_estimate(conference=world_data["conference"], by=staff)
    services.submit_estimate(estimate=estimate, by=staff)
    estimate.refresh_from_db()
    content = _print(estimate, "docx", staff, django_capture_on_commit_callbacks)
    doc = DocxDocument(io.BytesIO(content))
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    header = " ".join(cells.split())  # the engine keeps a body's last words together (nbsp)
    assert "Số: 01/TTr-VHXH" in header and "PHÒNG VĂN HÓA - XÃ HỘI" in header
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
