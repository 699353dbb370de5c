"""The summary report's pages in the authorisation harness (tests/authz.py)."""

from reports import services
from reports.models import ReportSection, SummaryReport
from tests.authz import CASES, Case

READERS = ("staff", "leader", "council", "admin", "clerk", "superuser")
EDITORS = ("staff", "superuser")
# Office members who see the conference but may not do this; the units see the conference
# (it is organised above them) and are refused too.
NOT_EDITORS = dict.fromkeys(("leader", "council", "admin", "clerk", "submitter", "reporter"), 403)
LEADERS = ("leader", "superuser")
NOT_LEADERS = dict.fromkeys(("staff", "council", "admin", "clerk", "submitter", "reporter"), 403)
ISSUERS = ("staff", "leader", "clerk", "superuser")
NOT_ISSUERS = dict.fromkeys(("council", "admin", "submitter", "reporter"), 403)
UNITS = {"submitter": 403, "reporter": 403}


def _report(w, status="draft") -> SummaryReport:
    conference = w["conference_a"]
    report = SummaryReport.objects.filter(conference=conference).first()
    if report is None:
        report = services.create_report(conference=conference, by=w["users"]["staff"])
    if status != "draft":
        SummaryReport.objects.filter(pk=report.pk).update(status=status)
    return report


def _conference(status="draft"):
    return lambda w: {"conference_pk": _report(w, status).conference_id}


def _section(w):
    return {"pk": _report(w).sections.first().pk}


def _status(w, kw):
    return SummaryReport.objects.get(conference_id=kw["conference_pk"]).status


def _sections(w, kw):
    conference = (
        kw.get("conference_pk") or ReportSection.objects.get(pk=kw["pk"]).report.conference_id
    )
    return list(
        ReportSection.objects.filter(report__conference_id=conference).values_list(
            "heading", "content"
        )
    )


def _order(w, kw):
    report = ReportSection.objects.get(pk=kw["pk"]).report
    return list(report.sections.values_list("pk", flat=True))


def _section_exists(w, kw):
    return ReportSection.objects.filter(pk=kw["pk"]).exists()


def _section_row(w, kw):
    return ReportSection.objects.filter(pk=kw["pk"]).values_list("heading", "content").first()


def _header(w, kw):
    return (
        SummaryReport.objects.filter(conference_id=kw["conference_pk"])
        .values_list("place", "subject")
        .get()
    )


def _header_data(w):
    return {
        "parent_body": "UBND TỈNH THỬ", "issuing_body": "ỦY BAN NHÂN DÂN XÃ AN THỊNH",
        "type_code": "BC-UBND", "place": "An Thịnh", "subject": "Tổng kết phong trào năm 2026",
        "recipients": "- Như trên;\n- Lưu: VT.", "signer_head_title": "CHỦ TỊCH",
    }  # fmt: skip


def _section_data(w):
    pk = _section(w)["pk"]
    return {f"s{pk}-heading": "TÌNH HÌNH CHUNG", f"s{pk}-level": "1", f"s{pk}-text": "- Mới"}


CASES += [
    Case("reports:start", kwargs=lambda w: {"conference_pk": w["conference_a"].pk}, allowed=EDITORS, overrides=NOT_EDITORS),
    Case("reports:start", kwargs=lambda w: {"conference_pk": w["conference_a"].pk}, method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=lambda w, kw: SummaryReport.objects.filter(conference_id=kw["conference_pk"]).count()),
    Case("reports:detail", kwargs=_conference(), allowed=READERS, overrides=UNITS),
    Case("report_preview", kwargs=_conference(), allowed=READERS, overrides=UNITS),
    Case("reports:header", kwargs=_conference(), method="post", data=_header_data, ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_header),
    Case("reports:section_add", kwargs=_conference(), method="post", data=lambda w: {"new-heading": "KIẾN NGHỊ", "new-level": "1", "new-kind": "text", "new-text": "- Đề nghị"}, ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_sections),
    Case("reports:section_edit", kwargs=_section, method="post", data=_section_data, ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_section_row),
    Case("reports:section_move", kwargs=lambda w: {**_section(w), "direction": "xuong"}, method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_order),
    Case("reports:section_delete", kwargs=_section, method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_section_exists),
    Case("reports:submit", kwargs=_conference(), method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_status),
    Case("reports:approve", kwargs=_conference("pending_approval"), method="post", ok=302, allowed=LEADERS, overrides=NOT_LEADERS, state=_status),
    Case("reports:return", kwargs=_conference("pending_approval"), method="post", data=lambda w: {"comment": "Bổ sung số liệu"}, ok=302, allowed=LEADERS, overrides=NOT_LEADERS, state=_status),
    Case("reports:issue", kwargs=_conference("approved"), method="post", data=lambda w: {"issued_on": "2026-12-01"}, ok=302, allowed=ISSUERS, overrides=NOT_ISSUERS, state=_status),
]  # fmt: skip
