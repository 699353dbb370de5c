"""The invitation status of a delegate: the table of allowed moves and the one function that
moves it (with a bulk form for printed invitations). Nothing else sets the status."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Model
from django.utils import timezone

from conferences.models import Conference, User
from conferences.services import log_activity
from core.errors import DomainError

from .models import Delegate, InvitationStatus

S = InvitationStatus
INVITATION_TRANSITIONS: dict[str, frozenset[str]] = {
    S.TO_INVITE: frozenset({S.INVITED, S.DECLINED}),
    S.INVITED: frozenset({S.CONFIRMED, S.DECLINED, S.TO_INVITE}),
    S.CONFIRMED: frozenset({S.DECLINED, S.INVITED}),
    S.DECLINED: frozenset({S.TO_INVITE, S.INVITED}),
}


def _allowed(current: str, to: str) -> bool:
    return to in INVITATION_TRANSITIONS.get(current, frozenset())


def invitation_can_move(delegate: Delegate, to: str) -> bool:
    return _allowed(delegate.invitation_status, to)


def invitation_choices(delegate: Delegate) -> list[tuple[str, str, bool]]:
    """(value, label, selected) for the register's select: the current status and the ones
    it may move to, in the order of InvitationStatus."""
    current = delegate.invitation_status
    return [
        (value, label, value == current)
        for value, label in S.choices
        if value == current or _allowed(current, value)
    ]


def _check(current: str, to: str) -> None:
    if not _allowed(current, to):
        labels = dict(S.choices)
        raise DomainError(
            f"Không thể chuyển từ “{labels.get(current, current)}” sang “{labels.get(to, to)}”."
        )


def transition_invitation(
    *, delegate: Delegate, to: str, by: User, action: str, summary: str, changes: dict | None = None
) -> Delegate:
    """The one place a delegate's invitation status changes: check the move against
    INVITATION_TRANSITIONS, set it, save that column. Side effects: the row, a log row."""
    _check(delegate.invitation_status, to)
    delegate.invitation_status = to
    delegate.save(update_fields=["invitation_status", "updated_at"])
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=delegate,
        conference=delegate.conference,
        changes=changes,
    )
    return delegate


def transition_invitations(
    *,
    delegates: Sequence[Delegate],
    to: str,
    by: User,
    conference: Conference,
    action: str,
    summary: str,
    target: Model,
) -> int:
    """The bulk form: every row must be allowed to move, or none moves; one log row for the
    batch (on `target`). Constant queries for any number of rows.
    Side effects: the rows (and the given objects, kept in step), one log row."""
    if not delegates:
        return 0
    pks = [d.pk for d in delegates]
    current = dict(
        Delegate.objects.select_for_update()
        .filter(pk__in=pks)
        .values_list("pk", "invitation_status")
    )
    for pk in pks:
        _check(current.get(pk, ""), to)
    now = timezone.now()
    Delegate.objects.filter(pk__in=pks).update(invitation_status=to, updated_at=now)
    for delegate in delegates:
        delegate.invitation_status, delegate.updated_at = to, now
    log_activity(actor=by, action=action, summary=summary, target=target, conference=conference)
    return len(pks)
