"""The report's states: draft -> pending_approval -> approved -> issued; pending_approval ->
returned -> pending_approval. The table and the one function that moves a report."""

from __future__ import annotations

from typing import Any

from conferences.services import log_activity
from core.errors import DomainError

from .models import ReportStatus as S
from .models import SummaryReport

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.PENDING_APPROVAL}),
    S.RETURNED: frozenset({S.PENDING_APPROVAL}),
    S.PENDING_APPROVAL: frozenset({S.APPROVED, S.RETURNED}),
    S.APPROVED: frozenset({S.ISSUED}),
    S.ISSUED: frozenset(),
}
EDITABLE = frozenset({S.DRAFT, S.RETURNED})


def can_move(report: SummaryReport, to: str) -> bool:
    return to in TRANSITIONS.get(report.status, frozenset())


def is_editable(report: SummaryReport) -> bool:
    return report.status in EDITABLE


def transition_report(
    *, report: SummaryReport, to: str, by, action: str, summary: str, fields: dict[str, Any]
) -> SummaryReport:
    """The one place a report's status changes. Side effects: the report row, a log row."""
    if not can_move(report, to):
        raise DomainError(
            f"Báo cáo đang ở trạng thái “{report.get_status_display()}”, không thể chuyển sang "
            f"“{S(to).label}”."
        )
    for name, value in fields.items():
        setattr(report, name, value)
    report.status = to
    report.save(update_fields=["status", *fields, "updated_at"])
    log_activity(
        actor=by, action=action, summary=summary, target=report, conference=report.conference
    )
    return report
