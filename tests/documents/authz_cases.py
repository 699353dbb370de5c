from documents.models import CertificateSetting, GeneratedDocument
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
