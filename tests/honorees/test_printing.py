"""Printing a decision and its certificates through the documents engine."""

import io
import zipfile

import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from documents import services as documents
from documents.builders import get_builder
from documents.models import GeneratedDocument
from honorees import permissions, services
from honorees.models import Nomination
from tests.honorees.factories import NominationFactory, approve_and_issue, award
from tests.honorees.test_services import DECISION

S = Nomination.Status


def _signed_decision(office):
    for name in ("Trần Văn Bình", "Nguyễn Thị An"):
        NominationFactory(
            round=office["round"], unit=office["school"], status=S.APPROVED, full_name=name
        )
    NominationFactory(
        round=office["round"],
        unit=office["school"],
        status=S.APPROVED,
        kind="collective",
        full_name="",
        collective_name="Tổ Toán",
        proposed_award=award("tt-ldtt"),
    )
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office)
    decision.refresh_from_db()
    return decision


def _print(decision, kind, fmt, by, capture):
    with capture(execute=True):
        doc = documents.request_document(kind=kind, target=decision, fmt=fmt, by=by)
    doc.refresh_from_db()
    assert doc.status == GeneratedDocument.Status.READY, doc.error
    return doc.file.read()


def test_decision_prints_as_pdf_and_docx_with_list_and_money_in_words(
    office, django_capture_on_commit_callbacks
):
    decision = _signed_decision(office)
    pdf = PdfReader(
        io.BytesIO(
            _print(
                decision,
                "award_decision",
                "pdf",
                office["staff"],
                django_capture_on_commit_callbacks,
            )
        )
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Số: 01/QĐ-UBND" in text and "QUYẾT ĐỊNH" in text
    assert text.index("I. TẬP THỂ") < text.index("Tổ Toán") < text.index("II. CÁ NHÂN")
    assert text.index("Nguyễn Thị An") < text.index("Trần Văn Bình")
    assert "3.300.000" in text and "Ba triệu ba trăm nghìn đồng" in text
    assert len(pdf.pages) >= 2 and float(pdf.pages[0].mediabox.height) > float(
        pdf.pages[0].mediabox.width
    )

    docx = DocxDocument(
        io.BytesIO(
            _print(
                decision,
                "award_decision",
                "docx",
                office["staff"],
                django_capture_on_commit_callbacks,
            )
        )
    )
    cells = [c.text for t in docx.tables for r in t.rows for c in r.cells]
    paragraphs = "\n".join(p.text for p in docx.paragraphs)
    assert "Tổ Toán" in cells and "Nguyễn Thị An" in cells and "3.300.000" in cells
    assert "Điều 1." in paragraphs and "Ba triệu ba trăm nghìn đồng" in paragraphs


def test_certificates_of_a_signed_decision_one_page_per_honouree(
    office, django_capture_on_commit_callbacks
):
    decision = _signed_decision(office)
    pdf = PdfReader(
        io.BytesIO(
            _print(
                decision,
                "award_certificates",
                "pdf",
                office["leader"],
                django_capture_on_commit_callbacks,
            )
        )
    )
    # Tổ Toán's "Tập thể lao động tiên tiến" carries money only: no paper (NĐ 152/2025 Điều 50).
    assert len(pdf.pages) == 2
    assert float(pdf.pages[0].mediabox.width) > float(pdf.pages[0].mediabox.height)
    names = [" ".join(p.extract_text().split()) for p in pdf.pages]
    assert "Nguyễn Thị An" in names[0] and "Trần Văn Bình" in names[1]
    assert all("01/QĐ-UBND" in n and "GIẤY KHEN" in n for n in names)

    archive = zipfile.ZipFile(
        io.BytesIO(
            _print(
                decision,
                "award_certificates",
                "zip",
                office["staff"],
                django_capture_on_commit_callbacks,
            )
        )
    )
    names = archive.namelist()
    assert len(names) == 4
    stems = [n.removesuffix(".docx") for n in names if n.endswith(".docx")]
    assert sorted(names) == sorted([f"{s}.docx" for s in stems] + [f"{s}.pdf" for s in stems])
    for stem, honouree in zip(stems, ("Nguyễn Thị An", "Trần Văn Bình"), strict=True):
        doc = DocxDocument(io.BytesIO(archive.read(f"{stem}.docx")))
        assert honouree in doc.element.xml
        pages = PdfReader(io.BytesIO(archive.read(f"{stem}.pdf"))).pages
        assert len(pages) == 1 and honouree in " ".join(pages[0].extract_text().split())
        size = (float(pages[0].mediabox.width), float(pages[0].mediabox.height))
        assert size == pytest.approx((842, 595), abs=1)  # A4 landscape


def test_certificates_of_a_draft_decision_are_refused(office):
    NominationFactory(
        round=office["round"], unit=office["school"], status=S.APPROVED, full_name="Lê Văn Cường"
    )
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    with pytest.raises(Exception, match="chưa được ban hành"):
        documents.request_document(
            kind="award_certificates", target=decision, fmt="pdf", by=office["staff"]
        )
    assert not GeneratedDocument.objects.exists()


def test_council_member_cannot_print_a_decision(office):
    decision = _signed_decision(office)
    with pytest.raises(Exception, match="quyền"):
        documents.request_document(
            kind="award_decision", target=decision, fmt="pdf", by=office["council"][0]
        )


@pytest.mark.parametrize(
    ("who", "allowed"), [("staff", True), ("leader", True), ("council", False)]
)
def test_who_may_print_a_decision_is_one_predicate(client, office, who, allowed):
    """honorees.permissions.can_print_decision answers for the page's buttons and for both
    builders of a decision (the decision and its certificates)."""
    decision = _signed_decision(office)
    user = office["council"][0] if who == "council" else office[who]
    assert permissions.can_print_decision(user, decision) is allowed
    builders = [get_builder(kind) for kind in ("award_decision", "award_certificates")]
    assert [b.can_request(user, decision) for b in builders] == [allowed, allowed]
    client.force_login(user)
    response = client.get(reverse("honorees:decision_detail", args=[decision.pk]))
    assert response.status_code == 200
    assert response.context["actions"].print is allowed
    assert ("In quyết định" in response.content.decode()) is allowed
