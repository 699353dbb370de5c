"""The estimate's states: draft -> submitted (the Tờ trình sent) -> approved; submitted ->
draft when the leader returns it. The table and the one function that moves an estimate."""

from __future__ import annotations

from typing import Any

from conferences.services import log_activity
from core.errors import DomainError

from .models import BudgetEstimate

S = BudgetEstimate.Status
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.DRAFT}),
    S.APPROVED: frozenset(),
}


def can_move(estimate: BudgetEstimate, to: str) -> bool:
    return to in TRANSITIONS.get(estimate.status, frozenset())


def is_editable(estimate: BudgetEstimate) -> bool:
    return estimate.status == S.DRAFT


def prizes_are_live(estimate: BudgetEstimate) -> bool:
    """While a draft, the prize lines are computed from the decisions at each look."""
    return estimate.status == S.DRAFT


def spending_recordable(estimate: BudgetEstimate) -> bool:
    return estimate.status != S.DRAFT


def awaits_review(estimate: BudgetEstimate) -> bool:
    return can_move(estimate, S.APPROVED)


def transition_estimate(
    *, estimate: BudgetEstimate, to: str, by, action: str, summary: str, fields: dict[str, Any]
) -> BudgetEstimate:
    """The one place an estimate's status changes. Side effects: the estimate, a log row."""
    if not can_move(estimate, to):
        raise DomainError(
            f"Dự trù đang ở trạng thái “{estimate.get_status_display()}”, không thể chuyển sang "
            f"“{S(to).label}”."
        )
    for name, value in fields.items():
        setattr(estimate, name, value)
    estimate.status = to
    estimate.save(update_fields=["status", *fields, "updated_at"])
    log_activity(
        actor=by, action=action, summary=summary, target=estimate, conference=estimate.conference
    )
    return estimate
