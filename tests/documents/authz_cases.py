from documents.models import CertificateSetting, GeneratedDocument, SignedCopy
from tests.authz import CASES, OFFICE_A, Case
from tests.documents.factories import CertificateSettingFactory, make_document

PRINTERS = ("staff", "admin", "superuser")


def _doc(w, status="ready"):
    doc = make_document(
        scope_unit=w["office_a"],
        requested_by=w["users"]["staff"],
        status=status,
        conference=w["conference_a"],
    )
    return {"pk": doc.pk}


def _settings_data(w):
    return {
        "mode": "blank",
        "issuer_title": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH",
        "shift_x_mm": "1.5",
        "shift_y_mm": "-2",
    }


def _settings(w, kw):
    return list(
        CertificateSetting.objects.filter(organiser_id=kw["unit_pk"]).values_list(
            "kind", "shift_x_mm", "shift_y_mm"
        )
    )


CASES += [
    Case(
        "document_request",
        method="post",
        ok=302,
        allowed=PRINTERS,
        kwargs=lambda w: {
            "kind": "certificate_test",
            "target_pk": CertificateSettingFactory(organiser=w["office_a"]).pk,
        },
        data=lambda w: {"fmt": "pdf"},
        state=lambda w, kw: GeneratedDocument.objects.count(),
    ),
    Case("document_detail", kwargs=_doc),
    Case("document_progress", kwargs=_doc),
    Case("document_download", kwargs=_doc),
    Case("document_preview", kwargs=lambda w: {**_doc(w), "page": 1}),
    Case(
        "document_retry",
        method="post",
        ok=302,
        kwargs=lambda w: _doc(w, "failed"),
        state=lambda w, kw: GeneratedDocument.objects.get(pk=kw["pk"]).status,
    ),
    Case(
        "conference_documents",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        allowed=(*OFFICE_A, "submitter", "reporter"),
    ),
    Case(
        "certificate_settings",
        kwargs=lambda w: {"unit_pk": w["office_a"].pk, "kind": "giay_khen"},
        allowed=PRINTERS,
        overrides={"leader": 403, "council": 403},
    ),
    Case(
        "certificate_settings",
        kwargs=lambda w: {"unit_pk": w["office_a"].pk, "kind": "giay_khen"},
        method="post",
        data=_settings_data,
        ok=302,
        allowed=PRINTERS,
        overrides={"leader": 403, "council": 403},
        state=_settings,
    ),
]


# --- signed copies (bản ký số) of an issued decision -------------------------------------------
def _issued_decision(w):
    from django.utils import timezone

    from honorees.models import AwardDecision
    from tests.honorees.factories import DecisionFactory, RoundFactory

    now = timezone.now()
    return DecisionFactory(
        round=RoundFactory(conference=w["conference_a"]),
        status=AwardDecision.Status.ISSUED,
        number=3,
        signed_at=now,
        issued_at=now,
    )


def _signed_kw(w):
    return {"kind": "award_decision", "pk": _issued_decision(w).pk}


def _official_kw(w):
    """An issued decision whose official signed copy is on file."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile

    decision = _issued_decision(w)
    copy = SignedCopy(
        kind="award_decision",
        target_type=ContentType.objects.get_for_model(decision),
        target_id=str(decision.pk),
        scope_unit=w["office_a"],
        number_text=decision.number_text,
        filename="quyet-dinh.pdf",
        sha256="0" * 64,
        status=SignedCopy.Status.VALID,
    )
    copy.file.save("quyet-dinh.pdf", ContentFile(b"%PDF-1.7 signed"), save=True)
    return {"kind": "award_decision", "pk": decision.pk}


def _blank_pdf():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    return SimpleUploadedFile("ban-ky-so.pdf", buffer.getvalue(), "application/pdf")


CASES += [
    Case(
        "signed_copy_upload",
        method="post",
        ok=302,
        kwargs=_signed_kw,
        data=lambda w: {"file": _blank_pdf()},
        allowed=("clerk", "superuser"),
        overrides={"staff": 403, "leader": 403, "council": 403, "admin": 403},
        state=lambda w, kw: SignedCopy.objects.count(),
    ),
    Case("signed_official_download", kwargs=_official_kw, allowed=(*OFFICE_A, "clerk")),
]
