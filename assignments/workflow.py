"""The duty's states: the table of allowed moves and the one function that moves a duty.

todo -> in_progress -> done, back to work from done, and a report with the same status
again (a progress note without a move). Overdue is derived from the deadline, never stored.
Nothing else sets a duty's status."""

from __future__ import annotations

from django.utils import timezone

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError

from .models import Duty, DutyStatus

S = DutyStatus
DUTY_TRANSITIONS: dict[str, frozenset[str]] = {
    S.TODO: frozenset({S.TODO, S.IN_PROGRESS, S.DONE}),
    S.IN_PROGRESS: frozenset({S.IN_PROGRESS, S.TODO, S.DONE}),
    S.DONE: frozenset({S.DONE, S.IN_PROGRESS}),
}


def duty_can_move(duty: Duty, to: str) -> bool:
    return to in DUTY_TRANSITIONS.get(duty.status, frozenset())


def status_choices(duty: Duty) -> list[tuple[str, str]]:
    """The statuses a report on `duty` may give, in the order of DutyStatus."""
    return [(value, label) for value, label in S.choices if duty_can_move(duty, value)]


def transition_duty(
    *, duty: Duty, to: str, by: User, action: str, summary: str, changes: dict | None = None
) -> Duty:
    """The one place a duty's status changes: check the move against DUTY_TRANSITIONS, set the
    status and its completion time (kept while it stays done), save those columns.
    Side effects: the duty row, a log row."""
    if to not in S.values:
        raise DomainError("Trạng thái không hợp lệ.", field="status")
    if not duty_can_move(duty, to):
        raise DomainError(
            f"Không thể chuyển từ “{duty.get_status_display()}” sang “{S(to).label}”.",
            field="status",
        )
    duty.done_at = (duty.done_at or timezone.now()) if to == S.DONE else None
    duty.status = to
    duty.save(update_fields=["status", "done_at", "updated_at"])
    conference = duty.assignment.conference
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=duty,
        conference=conference,
        changes=changes,
    )
    return duty
