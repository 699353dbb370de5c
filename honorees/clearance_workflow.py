"""The states of an agency's answer about one nominee (ClearanceAnswer): the table of allowed
moves and the one function that moves an answer. Predicates and services read the table;
nothing else sets the status."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError

from .models import ClearanceAnswer

A = ClearanceAnswer.Status
# The agency answers (and may change its answer) until the office has resolved an objection.
ANSWER_TRANSITIONS: dict[str, frozenset[str]] = {
    A.PENDING: frozenset({A.CLEARED, A.OBJECTED}),
    A.CLEARED: frozenset({A.OBJECTED}),
    A.OBJECTED: frozenset({A.CLEARED, A.OBJECTED, A.RESOLVED}),
}
AGENCY_MOVES = frozenset({A.CLEARED, A.OBJECTED})


def answer_can_move(answer: ClearanceAnswer, to: str) -> bool:
    return to in ANSWER_TRANSITIONS.get(answer.status, frozenset())


def answer_is_open(answer: ClearanceAnswer) -> bool:
    """The agency may still answer (or change its answer)."""
    return any(answer_can_move(answer, to) for to in AGENCY_MOVES)


def answer_awaits_resolution(answer: ClearanceAnswer) -> bool:
    """An objection the office has not resolved: it holds the nominee."""
    return answer_can_move(answer, A.RESOLVED)


def answer_is_pending(answer: ClearanceAnswer) -> bool:
    return answer.status == A.PENDING


def transition_answer(
    *, answer: ClearanceAnswer, to: str, by: User, summary: str, fields: dict[str, Any]
) -> ClearanceAnswer:
    """The one place an answer's status changes: check the move against ANSWER_TRANSITIONS,
    set the status and `fields`, stamp who and when. Side effects: the answer row, a log row."""
    if not answer_can_move(answer, to):
        raise DomainError(
            f"Không thể chuyển ý kiến từ “{answer.get_status_display()}” sang “{A(to).label}”."
        )
    stamp = (
        {"resolved_by": by, "resolved_at": timezone.now()}
        if to == A.RESOLVED
        else {"answered_by": by, "answered_at": timezone.now()}
    )
    for name, value in {**fields, **stamp}.items():
        setattr(answer, name, value)
    answer.status = to
    answer.save(update_fields=["status", *fields, *stamp])
    round = answer.request.round
    log_activity(
        actor=by,
        action=f"clearance.{to}",
        summary=summary,
        target=answer.nomination,
        conference=round.conference,
    )
    return answer
