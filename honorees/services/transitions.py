"""The allowed state moves of rounds, nominations and decisions, checked in one place each."""

from django.utils import timezone

from core.errors import DomainError

from ..models import AwardDecision, Nomination, NominationEvent, NominationRound

S = Nomination.Status
NOMINATION_TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.RETURNED, S.APPROVED, S.REJECTED, S.WITHDRAWN},
    S.RETURNED: {S.SUBMITTED},
    S.APPROVED: {S.AWARDED},
}

R = NominationRound.State
ROUND_TRANSITIONS: dict[str, set[str]] = {
    R.OPEN: {R.EXTENDED, R.CLOSED},
    R.EXTENDED: {R.EXTENDED, R.CLOSED},
    R.CLOSED: {R.EXTENDED},
}

D = AwardDecision.Status
DECISION_TRANSITIONS: dict[str, set[str]] = {D.DRAFT: {D.SIGNED}}


def check_nomination_move(nomination: Nomination, target: str) -> None:
    if target not in NOMINATION_TRANSITIONS.get(nomination.status, set()):
        raise DomainError(
            f"Không thể chuyển hồ sơ từ “{nomination.get_status_display()}” "
            f"sang “{S(target).label}”."
        )


def check_round_move(round: NominationRound, target: str) -> None:
    if target not in ROUND_TRANSITIONS.get(round.state, set()):
        raise DomainError(
            f"Không thể chuyển đợt từ “{round.get_state_display()}” sang “{R(target).label}”."
        )


def check_decision_move(decision: AwardDecision, target: str) -> None:
    if target not in DECISION_TRANSITIONS.get(decision.status, set()):
        raise DomainError("Quyết định đã được ký, không thể thay đổi.")


def move_nomination(nomination: Nomination, target: str, *, by, comment: str = "") -> None:
    """Check and apply one move. Side effects: the nomination row, a NominationEvent."""
    check_nomination_move(nomination, target)
    previous = nomination.status
    nomination.status = target
    fields = ["status", "updated_at"]
    if target == S.SUBMITTED:
        nomination.submitted_at = timezone.now()
        nomination.return_comment = ""
        fields += ["submitted_at", "return_comment"]
    if target == S.RETURNED:
        nomination.return_comment = comment
        fields.append("return_comment")
    nomination.save(update_fields=fields)
    NominationEvent.objects.create(
        nomination=nomination,
        actor=by if by and by.is_authenticated else None,
        from_status=previous,
        to_status=target,
        comment=comment,
    )


def submit_new(nominations: list[Nomination], *, by, comment: str) -> None:
    """The bulk form of move_nomination(SUBMITTED) for new drafts, saved here in bulk.
    Side effects: the nomination rows, one NominationEvent each."""
    now = timezone.now()
    for nomination in nominations:
        check_nomination_move(nomination, S.SUBMITTED)
        nomination.status, nomination.submitted_at = S.SUBMITTED, now
    Nomination.objects.bulk_create(nominations, batch_size=500)
    actor = by if by and by.is_authenticated else None
    NominationEvent.objects.bulk_create(
        (
            NominationEvent(
                nomination=n, actor=actor, from_status=S.DRAFT, to_status=S.SUBMITTED,
                comment=comment,
            )
            for n in nominations
        ),
        batch_size=500,
    )  # fmt: skip
