from django.db import transaction

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from .. import council, eligibility
from ..models import CouncilResult, CouncilVote, Nomination, NominationRound
from ..permissions import can_manage_round, is_council_member
from ..workflow import nomination_under_review, transition_nomination
from .delegates_join import join_delegate_register
from .nominations import notify_unit

S = Nomination.Status
OUTCOMES = (S.APPROVED, S.REJECTED, S.RETURNED)


@transaction.atomic
def cast_vote(*, nomination: Nomination, by: User, choice: str, comment: str = "") -> CouncilVote:
    """A council member's vote (a new one replaces the old while the nomination is open).
    Side effects: the vote row, a log entry."""
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round")
        .get(pk=nomination.pk)
    )
    if not is_council_member(by, nomination.round):
        raise PermissionDeniedError("Chỉ thành viên Hội đồng Thi đua - Khen thưởng được bỏ phiếu.")
    if not nomination_under_review(nomination):
        raise DomainError("Hồ sơ đã có kết quả, không bỏ phiếu được nữa.")
    if choice not in CouncilVote.Choice.values:
        raise DomainError("Ý kiến không hợp lệ.", field="choice")
    vote, _ = CouncilVote.objects.update_or_create(
        nomination=nomination,
        member=by,
        defaults={"choice": choice, "comment": nfc(comment) or ""},
    )
    log_activity(
        actor=by,
        action="nomination.voted",
        summary=f"Bỏ phiếu “{vote.get_choice_display()}” cho {nomination.display_name}",
        target=nomination,
        conference=nomination.round.conference,
    )
    return vote


@transaction.atomic
def finalise_nomination(
    *, nomination: Nomination, by: User, outcome: str, comment: str = ""
) -> Nomination:
    """The office records the council's result: approved (only when the counted votes reach
    the share the proposed award form asks, the sitting had its quorum, the nominee falls
    within the number the round may honour, no eligibility check fails without an override
    and no agency's objection waits; a tie the chair's vote cannot split needs the office's
    reason in `comment`), rejected, or returned to the unit (with a comment).
    Side effects: the state, a NominationEvent, a log entry; the council's result kept when
    approved or rejected; an email to the unit's submitters when returned; when approved, the
    honouree joins the delegate register."""
    # The round first (as finalise_sitting does): two offices deciding the last places of a
    # form at once see each other's approvals.
    NominationRound.objects.select_for_update().filter(pk=nomination.round_id).exists()
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round__conference__organiser", "unit", "proposed_award")
        .get(pk=nomination.pk)
    )
    if not can_manage_round(by, nomination.round):
        raise PermissionDeniedError("Bạn không có quyền chốt kết quả bình xét.")
    if outcome not in OUTCOMES:
        raise DomainError("Kết quả không hợp lệ.", field="outcome")
    comment = nfc(comment) or ""
    if outcome == S.RETURNED and not comment:
        raise DomainError("Hãy ghi lý do trả lại để đơn vị sửa.", field="comment")
    tally = _tally_of(nomination) if outcome != S.RETURNED else None
    if outcome == S.APPROVED:
        _check_council_result(tally, reason=comment)
        eligibility.check_approvable(nomination)
    transition_nomination(
        nomination=nomination,
        to=outcome,
        by=by,
        action=f"nomination.{outcome}",
        summary=f"Hồ sơ {nomination.display_name}: {S(outcome).label}",
        comment=comment,
    )
    if tally is not None:
        _keep_result(tally, outcome=outcome, comment=comment)
    if outcome == S.RETURNED:
        notify_unit(nomination, f"Hồ sơ {nomination.display_name} bị trả lại", comment)
    if outcome == S.APPROVED:
        join_delegate_register(nomination, by=by)
    return nomination


@transaction.atomic
def cast_votes(*, by: User, votes: dict[int, tuple[str, str]]) -> int:
    """A council member's opinions on many nominations at once ({pk: (choice, comment)}), each
    by the rules of cast_vote; all or none. Returns how many were recorded.
    Side effects: the vote rows, a log entry each."""
    nominations = Nomination.objects.in_bulk(list(votes))
    for pk, (choice, comment) in votes.items():
        cast_vote(nomination=nominations[pk], by=by, choice=choice, comment=comment)
    return len(votes)


def _tally_of(nomination: Nomination) -> council.Tally | None:
    """The nomination's count and place in its round's ranking (while it is under review)."""
    tally = council.nomination_tally(nomination)
    if tally is not None:
        tally.nomination = nomination
    return tally


def _check_council_result(tally: council.Tally | None, *, reason: str) -> None:
    if tally is None:
        return  # not under review: the transition refuses the move
    form = tally.form
    if not tally.quorum_ok:
        raise DomainError(tally.quorum_problem)
    if not tally.passes:
        raise DomainError(
            f"Chưa đủ tỷ lệ đồng ý: {tally.agree}/{tally.base} ({tally.percent}); "
            f"hình thức “{form.name}” cần {form.vote_rule_text}."
        )
    if tally.ranking == council.BEYOND:
        raise DomainError(
            f"{tally.nomination.display_name} đạt tỷ lệ nhưng xếp thứ {tally.rank}, ngoài số "
            f"lượng được khen ({tally.seats}) của hình thức “{form.name}”. {tally.note}".strip()
        )
    if tally.tied and not reason:
        raise DomainError(
            f"{tally.note} Hãy ghi lý do chọn {tally.nomination.display_name}.", field="comment"
        )


def _keep_result(tally: council.Tally, *, outcome: str, comment: str) -> None:
    """The count as it stood when the office decided (the minutes print it)."""
    ranking, reason = tally.ranking, ""
    if tally.tied:  # the office decided the tie: its reason goes with the result
        ranking = "office" if outcome == S.APPROVED else council.BEYOND
        reason = comment
    CouncilResult.objects.update_or_create(
        nomination=tally.nomination,
        defaults={
            "agree": tally.agree,
            "disagree": tally.disagree,
            "abstain": tally.abstain,
            "written": tally.written,
            "base": tally.base,
            "members": tally.council_total,
            "present": tally.council_present,
            "rule_text": tally.form.vote_rule_text,
            "passed": tally.passes,
            "rank": tally.rank,
            "seats": tally.seats,
            "ranking": ranking if tally.passes and tally.quorum_ok else "",
            "reason": reason,
            "note": tally.note[:500],
        },
    )


@transaction.atomic
def set_delegate_above(*, nomination: Nomination, by: User, chosen: bool) -> Nomination:
    """Mark an approved honouree as a delegate to the conference of the level above.
    Side effects: the flag, a log entry."""
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round")
        .get(pk=nomination.pk)
    )
    if not can_manage_round(by, nomination.round):
        raise PermissionDeniedError("Bạn không có quyền chọn đại biểu.")
    if nomination.status not in (S.APPROVED, S.AWARDED):
        raise DomainError("Chỉ chọn đại biểu trong số hồ sơ đã được thông qua.")
    nomination.is_delegate_above = chosen
    nomination.save(update_fields=["is_delegate_above", "updated_at"])
    verb = "Chọn" if chosen else "Bỏ chọn"
    log_activity(
        actor=by,
        action="nomination.delegate_above",
        summary=f"{verb} {nomination.display_name} làm đại biểu dự hội nghị cấp trên",
        target=nomination,
        conference=nomination.round.conference,
    )
    return nomination
