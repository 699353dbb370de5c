from django.db import transaction

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from .. import eligibility, selectors
from ..models import CouncilVote, Nomination
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


def _tally_agree(nomination: Nomination) -> int:
    return nomination.votes.filter(choice=CouncilVote.Choice.AGREE).count()


@transaction.atomic
def finalise_nomination(
    *, nomination: Nomination, by: User, outcome: str, comment: str = ""
) -> Nomination:
    """The office records the council's result: approved (only when the agree votes reach
    the round's threshold and no eligibility check fails without an override, nor an agency's
    objection waits), rejected, or returned to the unit (with a comment).
    Side effects: the state, a NominationEvent, a log entry; an email to the unit's
    submitters when returned; when approved, the honouree joins the delegate register."""
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round", "unit")
        .get(pk=nomination.pk)
    )
    if not can_manage_round(by, nomination.round):
        raise PermissionDeniedError("Bạn không có quyền chốt kết quả bình xét.")
    if outcome not in OUTCOMES:
        raise DomainError("Kết quả không hợp lệ.", field="outcome")
    comment = nfc(comment) or ""
    if outcome == S.RETURNED and not comment:
        raise DomainError("Hãy ghi lý do trả lại để đơn vị sửa.", field="comment")
    if outcome == S.APPROVED:
        _check_threshold(nomination)
        eligibility.check_approvable(nomination)
    transition_nomination(
        nomination=nomination,
        to=outcome,
        by=by,
        action=f"nomination.{outcome}",
        summary=f"Hồ sơ {nomination.display_name}: {S(outcome).label}",
        comment=comment,
    )
    if outcome == S.RETURNED:
        notify_unit(nomination, f"Hồ sơ {nomination.display_name} bị trả lại", comment)
    if outcome == S.APPROVED:
        join_delegate_register(nomination, by=by)
    return nomination


def _check_threshold(nomination: Nomination) -> None:
    round = nomination.round
    members = selectors.council_size(round)
    agree = _tally_agree(nomination)
    if not selectors.threshold_met(round, agree, members):
        raise DomainError(
            f"Chưa đủ tỷ lệ đồng ý: {agree}/{members} thành viên Hội đồng đồng ý; "
            f"đợt này cần {round.get_threshold_display().lower()}."
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
