"""The states of nominations, rounds and award decisions: one table of allowed moves each and
the one function that moves each model (plus a bulk form for nominations). Permission
predicates and services read these tables; nothing else sets a status or a state."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.utils import timezone

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError

from .models import AwardDecision, CouncilSitting, Nomination, NominationEvent, NominationRound

S = Nomination.Status
NOMINATION_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.RETURNED, S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.RETURNED: frozenset({S.SUBMITTED}),
    S.APPROVED: frozenset({S.AWARDED}),
    S.WITHDRAWN: frozenset({S.DRAFT}),  # restored by the unit while the round is open
}

R = NominationRound.State
ROUND_TRANSITIONS: dict[str, frozenset[str]] = {
    R.OPEN: frozenset({R.EXTENDED, R.CLOSED}),
    R.EXTENDED: frozenset({R.EXTENDED, R.CLOSED}),
    R.CLOSED: frozenset({R.EXTENDED}),
}

D = AwardDecision.Status
# The leader approves a draft or returns it (it stays a draft, with the reason); an approved
# decision not yet issued may still be returned; the văn thư issues an approved one.
DECISION_TRANSITIONS: dict[str, frozenset[str]] = {
    D.DRAFT: frozenset({D.APPROVED, D.DRAFT}),
    D.APPROVED: frozenset({D.ISSUED, D.DRAFT}),
}


def _label(choices, value: str) -> str:
    return dict(choices).get(value, value)


# --- Nominations -------------------------------------------------------------------------------


def nomination_can_move(nomination: Nomination, to: str) -> bool:
    return to in NOMINATION_TRANSITIONS.get(nomination.status, frozenset())


def nomination_is_editable(nomination: Nomination) -> bool:
    """The unit may change a nomination while it can still be sent (a draft, or returned)."""
    return nomination_can_move(nomination, S.SUBMITTED)


def nomination_under_review(nomination: Nomination) -> bool:
    """Sent and without a result: the council votes and the office may decide."""
    return nomination_can_move(nomination, S.APPROVED)


def _check_nomination_move(status: str, to: str) -> None:
    if to not in NOMINATION_TRANSITIONS.get(status, frozenset()):
        raise DomainError(
            f"Không thể chuyển hồ sơ từ “{_label(S.choices, status)}” "
            f"sang “{_label(S.choices, to)}”."
        )


def _moved_fields(to: str, comment: str, now: datetime) -> dict[str, Any]:
    """What goes with a move: sending stamps the time and clears the old reason for return;
    returning keeps the reason."""
    if to == S.SUBMITTED:
        return {"submitted_at": now, "return_comment": ""}
    if to == S.RETURNED:
        return {"return_comment": comment}
    return {}


def _actor(by: User | None) -> User | None:
    return by if by and by.is_authenticated else None


def transition_nomination(
    *, nomination: Nomination, to: str, by: User, action: str, summary: str, comment: str = ""
) -> Nomination:
    """The one place a nomination's status changes (one at a time): check the move against
    NOMINATION_TRANSITIONS, set the status and what goes with it, save those columns.
    Side effects: the nomination row, a NominationEvent, a log row."""
    _check_nomination_move(nomination.status, to)
    previous = nomination.status
    fields = _moved_fields(to, comment, timezone.now())
    for name, value in fields.items():
        setattr(nomination, name, value)
    nomination.status = to
    nomination.save(update_fields=["status", *fields, "updated_at"])
    NominationEvent.objects.create(
        nomination=nomination,
        actor=_actor(by),
        from_status=previous,
        to_status=to,
        comment=comment,
    )
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=nomination,
        conference=nomination.round.conference,
    )
    return nomination


def transition_nominations(
    *, nominations: Sequence[Nomination], to: str, by: User | None, comment: str = ""
) -> int:
    """The bulk form (a signed decision awards its list, an Excel list is sent): every row
    must be allowed to move, or none moves. Constant queries for any number of rows.
    Side effects: the rows (and the given objects, kept in step), one NominationEvent per
    row. The batch's log row is the caller's (the decision signed, the list imported)."""
    if not nominations:
        return 0
    pks = [n.pk for n in nominations]
    current = dict(
        Nomination.objects.select_for_update().filter(pk__in=pks).values_list("pk", "status")
    )
    for pk in pks:
        _check_nomination_move(current.get(pk, ""), to)
    now = timezone.now()
    fields = _moved_fields(to, comment, now)
    Nomination.objects.filter(pk__in=pks).update(status=to, updated_at=now, **fields)
    NominationEvent.objects.bulk_create(
        NominationEvent(
            nomination_id=pk,
            actor=_actor(by),
            from_status=current[pk],
            to_status=to,
            comment=comment,
        )
        for pk in pks
    )
    for nomination in nominations:
        for name, value in {"status": to, "updated_at": now, **fields}.items():
            setattr(nomination, name, value)
    return len(pks)


def create_submitted_nominations(
    *, nominations: Sequence[Nomination], by: User | None, comment: str = ""
) -> int:
    """The bulk form for new nominations sent at once (an Excel list): each unsaved draft
    moves draft -> submitted as the table allows, and all are inserted together. Constant
    queries for any number of rows. Side effects: the rows, one NominationEvent each; the
    batch's log row is the caller's."""
    now = timezone.now()
    fields = _moved_fields(S.SUBMITTED, comment, now)
    for nomination in nominations:
        _check_nomination_move(S.DRAFT, S.SUBMITTED)
        nomination.status = S.SUBMITTED
        for name, value in fields.items():
            setattr(nomination, name, value)
    Nomination.objects.bulk_create(nominations, batch_size=500)
    NominationEvent.objects.bulk_create(
        (
            NominationEvent(
                nomination=n,
                actor=_actor(by),
                from_status=S.DRAFT,
                to_status=S.SUBMITTED,
                comment=comment,
            )
            for n in nominations
        ),
        batch_size=500,
    )
    return len(nominations)


# --- Rounds ------------------------------------------------------------------------------------


def round_can_move(round: NominationRound, to: str) -> bool:
    return to in ROUND_TRANSITIONS.get(round.state, frozenset())


def round_is_open(round: NominationRound) -> bool:
    """Not closed: units may still add nominations (before the deadline, send them)."""
    return round_can_move(round, R.CLOSED)


def transition_round(
    *,
    round: NominationRound,
    to: str,
    by: User,
    action: str,
    summary: str,
    fields: dict[str, Any] | None = None,
    changes: dict | None = None,
) -> NominationRound:
    """The one place a round's state changes: check the move against ROUND_TRANSITIONS, set
    the state and `fields`, save those columns. Side effects: the round row, a log row."""
    fields = dict(fields or {})
    if not round_can_move(round, to):
        raise DomainError(
            f"Không thể chuyển đợt từ “{round.get_state_display()}” sang “{_label(R.choices, to)}”."
        )
    for name, value in fields.items():
        setattr(round, name, value)
    round.state = to
    round.save(update_fields=["state", *fields])
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=round,
        conference=round.conference,
        changes=changes,
    )
    return round


# --- Decisions ---------------------------------------------------------------------------------


def decision_can_move(decision: AwardDecision, to: str) -> bool:
    return to in DECISION_TRANSITIONS.get(decision.status, frozenset())


def decision_is_draft(decision: AwardDecision) -> bool:
    """A draft may still be edited and approved."""
    return decision_can_move(decision, D.APPROVED)


def decision_is_issued(decision: AwardDecision) -> bool:
    """Issued: numbered, dated, its honourees awarded; it never changes again."""
    return decision.status == D.ISSUED


def transition_decision(
    *,
    decision: AwardDecision,
    to: str,
    by: User,
    action: str,
    summary: str,
    fields: dict[str, Any] | None = None,
) -> AwardDecision:
    """The one place a decision's status changes: check the move against
    DECISION_TRANSITIONS, set the status and `fields`, save those columns.
    Side effects: the decision row, a log row."""
    fields = dict(fields or {})
    if not decision_can_move(decision, to):
        if decision_is_issued(decision):
            raise DomainError("Quyết định đã được ban hành, không thể thay đổi.")
        raise DomainError(
            f"Không thể chuyển quyết định từ “{decision.get_status_display()}” "
            f"sang “{_label(D.choices, to)}”."
        )
    for name, value in fields.items():
        setattr(decision, name, value)
    decision.status = to
    decision.save(update_fields=["status", *fields])
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=decision,
        conference=decision.round.conference,
    )
    return decision


def decision_as_if(*, decision: AwardDecision, status: str) -> AwardDecision:
    """An unsaved copy of the decision in another state, to ask a predicate what a user could have
    done before a move that has happened meanwhile (a repeated click). Never saved."""
    copied = copy.copy(decision)
    copied.status = status
    return copied


# --- The council's sitting --------------------------------------------------------------------
# A sitting is open (attendance and written votes may change) until the office finalises its
# results; then it is closed for good, and the minutes print what was decided.


def sitting_is_open(sitting: CouncilSitting | None) -> bool:
    return sitting is not None and sitting.closed_at is None


def close_sitting(*, sitting: CouncilSitting, by: User, summary: str) -> CouncilSitting:
    """The one place a sitting closes. Side effects: the sitting row, a log row."""
    if not sitting_is_open(sitting):
        raise DomainError("Phiên họp đã chốt kết quả, không thay đổi được nữa.")
    sitting.closed_at = timezone.now()
    sitting.save(update_fields=["closed_at", "updated_at"])
    log_activity(
        actor=by,
        action="sitting.closed",
        summary=summary,
        target=sitting,
        conference=sitting.round.conference,
    )
    return sitting
