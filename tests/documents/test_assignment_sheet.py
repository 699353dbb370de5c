"""The assignment sheet prints the "Tổ chức thực hiện" section of a reference plan as written."""

import io
import re

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from conferences.models import Conference
from documents import services
from documents.models import GeneratedDocument
from tests.assignments.test_plan_sections import _section, _seed

pytestmark = pytest.mark.django_db


def _print(conference, fmt, user, capture) -> bytes:
    with capture(execute=True):
        doc = services.request_document(
            kind="assignment_sheet", target=conference, fmt=fmt, by=user
        )
    doc.refresh_from_db()
    assert doc.status == GeneratedDocument.Status.READY, doc.error
    return doc.file.read()


def test_assignment_sheet_prints_thanh_tri_section_in_order_and_wording(
    django_capture_on_commit_callbacks,
):
    _seed()
    conference = Conference.objects.get(organiser__code="HN-TT")
    from conferences.models import User

    admin = User.objects.get(username="admin")
    expected = _section(
        "thanh-tri-2024-nguoi-tot-viec-tot.txt", "VI. TỔ CHỨC THỰC HIỆN", "Trên đây"
    )

    docx = DocxDocument(
        io.BytesIO(_print(conference, "docx", admin, django_capture_on_commit_callbacks))
    )
    printed = [p.text.strip() for p in docx.paragraphs if p.text.strip()]
    start = printed.index("TỔ CHỨC THỰC HIỆN") + 1
    body = [re.sub(r"^-\s*", "- ", line) for line in printed[start:]]
    assert body[: len(expected)] == expected
    assert "Thanh Trì" in " ".join(c.text for t in docx.tables for r in t.rows for c in r.cells)

    pdf = PdfReader(
        io.BytesIO(_print(conference, "pdf", admin, django_capture_on_commit_callbacks))
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    positions = [
        text.index(line.split(" ", 1)[1][:40]) for line in expected if re.match(r"^\d+\. ", line)
    ]
    assert positions == sorted(positions) and len(positions) == 10


def test_assignment_sheet_without_assignments_is_refused(world):
    with pytest.raises(Exception, match="chưa có phân công"):
        services.request_document(
            kind="assignment_sheet",
            target=world["conference_a"],
            fmt="pdf",
            by=world["users"]["staff"],
        )


def test_board_offers_the_sheet_and_the_button_prints_it(
    client, world, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from tests.assignments.factories import AssignmentFactory, DutyFactory

    assignment = AssignmentFactory(conference=world["conference_a"], unit=world["agency"])
    DutyFactory(assignment=assignment, text="Bảo đảm an ninh trật tự")
    client.force_login(world["users"]["staff"])
    board = client.get(
        reverse("assignment_board", args=[world["conference_a"].pk])
    ).content.decode()
    assert 'data-testid="print-assignment_sheet-docx"' in board
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_request", args=["assignment_sheet", world["conference_a"].pk]),
            {"fmt": "docx"},
        )
    document = GeneratedDocument.objects.get()
    assert response.url == reverse("document_detail", args=[document.pk])
    document.refresh_from_db()
    text = "\n".join(p.text for p in DocxDocument(io.BytesIO(document.file.read())).paragraphs)
    assert "Bảo đảm an ninh trật tự" in text
