"""Writes of the summary report. Each service checks permission and state, writes, logs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from conferences.models import Conference, User
from conferences.numbering import next_number
from conferences.plans import content as C
from conferences.plans.services import default_header
from conferences.services import log_activity
from core.errors import DomainError, require_permission
from core.signers import SIGNER_FIELDS
from core.vntext import nfc

from . import permissions as perms
from .figures import compute_figures
from .models import ReportSection, SummaryReport
from .models import ReportStatus as S
from .templates import sections_for, subject_for
from .workflow import transition_report

HEADER_FIELDS = ("parent_body", "issuing_body", "type_code", "place", "subject", "recipients",
                 *SIGNER_FIELDS)  # fmt: skip
DEFAULT_RECIPIENTS = ["- Thường trực Đảng ủy, HĐND;", "- Chủ tịch, các PCT UBND;", "- Lưu: VT."]


@transaction.atomic
def create_report(*, conference: Conference, by: User) -> SummaryReport:
    """A draft report from the template of the conference's kind. Side effects: the report,
    its sections, a log row."""
    require_permission(
        perms.can_create_report(by, conference), "Bạn không có quyền lập báo cáo tổng kết."
    )
    if SummaryReport.objects.filter(conference=conference).exists():
        raise DomainError("Hội nghị này đã có báo cáo tổng kết.")
    header = {k: v for k, v in default_header(conference).items() if k in HEADER_FIELDS}
    report = SummaryReport.objects.create(
        conference=conference,
        created_by=by,
        **{**header, "subject": subject_for(conference), "recipients": DEFAULT_RECIPIENTS},
    )
    ReportSection.objects.bulk_create(
        ReportSection(
            report=report,
            order=(i + 1) * 10,
            level=level,
            kind=kind,
            heading=heading,
            content={"items": C.items_from_text(text)} if kind == "text" else {},
        )
        for i, (level, kind, heading, text) in enumerate(sections_for(conference.kind))
    )
    log_activity(
        actor=by,
        action="report.created",
        summary="Lập dự thảo báo cáo tổng kết từ mẫu",
        target=report,
        conference=conference,
    )
    return report


def _editable(report: SummaryReport, by: User) -> SummaryReport:
    """The report as it is now (locked until the edit commits), if `by` may still edit it: a
    page opened before the report was sent cannot change it after."""
    report = _locked(report)
    require_permission(perms.can_edit_report(by, report), "Bạn không có quyền sửa báo cáo này.")
    return report


@transaction.atomic
def update_report_header(*, report: SummaryReport, by: User, **fields: Any) -> SummaryReport:
    report = _editable(report, by)
    unknown = set(fields) - set(HEADER_FIELDS)
    if unknown:
        raise TypeError(f"unknown report fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(report, name, nfc(value) if isinstance(value, str) else value)
    report.save(update_fields=[*fields, "updated_at"])
    log_activity(
        actor=by,
        action="report.header_updated",
        summary="Sửa phần đầu báo cáo tổng kết",
        target=report,
        conference=report.conference,
    )
    return report


@transaction.atomic
def save_section(
    *,
    report: SummaryReport,
    by: User,
    section: ReportSection | None = None,
    heading: str,
    level: int,
    kind: str = ReportSection.Kind.TEXT,
    text: str = "",
) -> ReportSection:
    """Add a section at the end (no `section`) or change one. Side effects: the section, a
    log row."""
    report = _editable(report, by)
    if section is None:
        last = report.sections.order_by("-order").values_list("order", flat=True).first() or 0
        section = ReportSection(report=report, order=last + 10, kind=kind)
    section.heading, section.level = nfc(heading).strip(), level
    section.content = {"items": C.items_from_text(text)} if section.kind == "text" else {}
    section.updated_by, section.updated_at = by, timezone.now()
    section.save()
    log_activity(
        actor=by,
        action="report.section_saved",
        summary=f"Sửa mục “{section}” của báo cáo tổng kết",
        target=report,
        conference=report.conference,
    )
    return section


@transaction.atomic
def delete_section(*, section: ReportSection, by: User) -> None:
    report = _editable(section.report, by)
    label = str(section)
    section.delete()
    log_activity(
        actor=by,
        action="report.section_deleted",
        summary=f"Xóa mục “{label}” của báo cáo tổng kết",
        target=report,
        conference=report.conference,
    )


@transaction.atomic
def move_section(*, section: ReportSection, by: User, up: bool) -> None:
    """Swap the section with the one before (up) or after it; nothing at either end. Side
    effects: the two sections' order, a log row."""
    report = _editable(section.report, by)
    sections = list(report.sections.order_by("order", "id"))
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(sections):
        return
    sections[index], sections[other] = sections[other], sections[index]
    for position, item in enumerate(sections, start=1):
        item.order = position * 10
    ReportSection.objects.bulk_update(sections, ["order"])
    log_activity(
        actor=by,
        action="report.section_moved",
        summary=f"Chuyển mục “{section}” {'lên' if up else 'xuống'}",
        target=report,
        conference=report.conference,
    )


def _locked(report: SummaryReport) -> SummaryReport:
    return (
        SummaryReport.objects.select_for_update(of=("self",))
        .select_related("conference__organiser")
        .get(pk=report.pk)
    )


@transaction.atomic
def submit_report(*, report: SummaryReport, by: User) -> SummaryReport:
    report = _locked(report)
    require_permission(perms.can_submit_report(by, report), "Bạn không gửi duyệt được báo cáo.")
    if not report.sections.exists():
        raise DomainError("Báo cáo chưa có mục nào.")
    return transition_report(
        report=report,
        to=S.PENDING_APPROVAL,
        by=by,
        action="report.submitted",
        summary="Gửi lãnh đạo duyệt báo cáo tổng kết",
        fields={"return_comment": ""},
    )


@transaction.atomic
def approve_report(*, report: SummaryReport, by: User) -> SummaryReport:
    report = _locked(report)
    require_permission(perms.can_review_report(by, report), "Chỉ lãnh đạo được duyệt báo cáo.")
    return transition_report(
        report=report,
        to=S.APPROVED,
        by=by,
        action="report.approved",
        summary="Duyệt báo cáo tổng kết",
        fields={},
    )


@transaction.atomic
def return_report(*, report: SummaryReport, by: User, comment: str) -> SummaryReport:
    report = _locked(report)
    require_permission(perms.can_review_report(by, report), "Chỉ lãnh đạo được trả lại báo cáo.")
    comment = nfc(comment).strip()
    if not comment:
        raise DomainError("Cần ghi lý do trả lại để cán bộ biết việc cần sửa.")
    return transition_report(
        report=report,
        to=S.RETURNED,
        by=by,
        action="report.returned",
        summary=f"Trả lại báo cáo tổng kết: {comment}",
        fields={"return_comment": comment},
    )


@transaction.atomic
def issue_report(
    *, report: SummaryReport, by: User, issued_on: dt.date | None = None
) -> SummaryReport:
    """The next number of the organiser's register for the report's type and year, the date,
    and the figures frozen as they are now. Side effects: the register row (locked), the
    report, a log row."""
    report = _locked(report)
    require_permission(perms.can_issue_report(by, report), "Bạn không ban hành được báo cáo này.")
    issued_on = issued_on or timezone.localdate()
    number = next_number(
        unit=report.conference.organiser, year=issued_on.year, type_code=report.type_code
    )
    return transition_report(
        report=report,
        to=S.ISSUED,
        by=by,
        action="report.issued",
        summary=f"Ban hành báo cáo tổng kết số {number:02d}/{report.type_code}",
        fields={
            "number": number,
            "issued_on": issued_on,
            "frozen_figures": compute_figures(report.conference),
        },
    )
