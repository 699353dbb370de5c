"""The council's sitting: attendance, absent members' written votes, the number each award
form may honour, and finalising every nominee at once by the vote and the ranking."""

from datetime import datetime

from django.db import transaction

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from .. import council, eligibility, selectors
from ..models import (
    AwardForm,
    CouncilResult,
    CouncilSitting,
    CouncilVote,
    Nomination,
    NominationRound,
    RoundAwardLimit,
)
from ..permissions import (
    can_enter_written_votes,
    can_finalise_sitting,
    can_manage_round,
    can_record_sitting,
    can_set_award_limits,
)
from ..workflow import close_sitting
from .review import finalise_nomination

S = Nomination.Status
NO_SITTING = "Chưa ghi phiên họp Hội đồng (thời gian, địa điểm, thành viên có mặt)."
CLOSED = "Phiên họp đã chốt kết quả, không thay đổi được nữa."


def _locked(round: NominationRound) -> NominationRound:
    return (
        NominationRound.objects.select_for_update(of=("self",))
        .select_related("conference__organiser")
        .get(pk=round.pk)
    )


@transaction.atomic
def save_sitting(
    *,
    round: NominationRound,
    by: User,
    held_at: datetime,
    place: str,
    chair: User,
    secretary_name: str,
    present: list[User],
    secretary_title: str = "",
) -> CouncilSitting:
    """Record (or correct) the round's council sitting: time, place, chair, secretary and the
    members present. Side effects: the sitting row and its attendance, a log entry."""
    round = _locked(round)
    sitting = selectors.get_sitting(round)
    if not can_manage_round(by, round):
        raise PermissionDeniedError("Bạn không có quyền ghi phiên họp Hội đồng của đợt này.")
    if not can_record_sitting(by, round, sitting):
        raise DomainError(CLOSED)
    members = {m.pk for m in selectors.council_members(round)}
    present_ids = {u.pk for u in present}
    if present_ids - members:
        raise DomainError("Chỉ đánh dấu có mặt cho thành viên Hội đồng.", field="present")
    if chair is None or chair.pk not in present_ids:
        raise DomainError("Người chủ trì phải là thành viên Hội đồng có mặt.", field="chair")
    fields = {
        "held_at": held_at,
        "place": nfc(place).strip(),
        "chair": chair,
        "secretary_name": nfc(secretary_name).strip(),
        "secretary_title": (nfc(secretary_title) or "").strip(),
    }
    for name, label in (("place", "địa điểm"), ("secretary_name", "thư ký")):
        if not fields[name]:
            raise DomainError(f"Hãy ghi {label} của phiên họp.", field=name)
    sitting, _ = CouncilSitting.objects.update_or_create(
        round=round, defaults=fields, create_defaults={**fields, "created_by": by}
    )
    sitting.present.set(present_ids)
    log_activity(
        actor=by,
        action="sitting.saved",
        summary=f"Ghi phiên họp Hội đồng ngày {held_at:%d/%m/%Y}: có mặt "
        f"{len(present_ids)}/{len(members)} thành viên",
        target=sitting,
        conference=round.conference,
    )
    return sitting


@transaction.atomic
def record_written_votes(
    *, round: NominationRound, member: User, choices: dict[int, str], by: User
) -> int:
    """Enter an absent member's written votes (phiếu bằng văn bản), nomination id -> choice
    ("" removes the written vote). Returns the number of votes written.
    Side effects: CouncilVote rows marked in writing with who entered them, a log entry."""
    round = _locked(round)
    sitting = selectors.get_sitting(round)
    if not can_manage_round(by, round):
        raise PermissionDeniedError("Bạn không có quyền ghi phiếu bằng văn bản.")
    if sitting is None:
        raise DomainError(NO_SITTING)
    if not can_enter_written_votes(by, round, sitting):
        raise DomainError(CLOSED)
    the_council = council.round_council(round)
    if member.pk not in the_council.member_ids or member.pk in the_council.present_ids:
        raise DomainError("Chỉ ghi phiếu bằng văn bản cho thành viên Hội đồng vắng mặt.")
    nominations = {n.pk: n for n in council.under_review(round) if n.pk in choices}
    written = 0
    for pk, choice in choices.items():
        nomination = nominations.get(pk)
        if nomination is None:
            raise DomainError("Hồ sơ không còn chờ Hội đồng bình xét.")
        if not choice:
            CouncilVote.objects.filter(
                nomination=nomination, member=member, in_writing=True
            ).delete()
            continue
        if choice not in CouncilVote.Choice.values:
            raise DomainError("Ý kiến không hợp lệ.")
        CouncilVote.objects.update_or_create(
            nomination=nomination,
            member=member,
            defaults={"choice": choice, "comment": "", "in_writing": True, "entered_by": by},
        )
        written += 1
    log_activity(
        actor=by,
        action="sitting.written_votes",
        summary=f"Ghi phiếu bằng văn bản của {member} (vắng mặt): {written} hồ sơ",
        target=sitting,
        conference=round.conference,
    )
    return written


@transaction.atomic
def set_award_limits(
    *, round: NominationRound, seats: dict[AwardForm, int | None], by: User
) -> None:
    """How many nominees the round may honour with each award form (số lượng được khen); none
    or 0 removes a form's limit. Side effects: the limit rows, a log entry."""
    round = _locked(round)
    if not can_set_award_limits(by, round):
        raise PermissionDeniedError("Bạn không có quyền đặt số lượng được khen.")
    allowed = set(round.allowed_forms.values_list("pk", flat=True))
    if any(form.pk not in allowed for form in seats):
        raise DomainError("Hình thức này không có trong đợt.")
    for form, number in seats.items():
        if number:
            RoundAwardLimit.objects.update_or_create(
                round=round, award_form=form, defaults={"seats": number}
            )
        else:
            RoundAwardLimit.objects.filter(round=round, award_form=form).delete()
    text = "; ".join(f"{form.name}: {number or 'không giới hạn'}" for form, number in seats.items())
    log_activity(
        actor=by,
        action="round.award_limits",
        summary=f"Số lượng được khen — {text}"[:500],
        target=round,
        conference=round.conference,
    )


@transaction.atomic
def finalise_sitting(*, round: NominationRound, by: User) -> tuple[int, int]:
    """The office finalises the sitting: every nominee under review is approved when it passes
    its form's vote with a quorum and falls within the number to honour, and rejected otherwise
    (with the reason), each through finalise_nomination; then the sitting closes. Refused while
    a quorum is not met or a tie at the cut waits for the office's choice.
    Returns (approved, rejected). Side effects: those of finalise_nomination for each nominee,
    the sitting closed, a log entry."""
    round = _locked(round)
    sitting = selectors.get_sitting(round)
    if not can_manage_round(by, round):
        raise PermissionDeniedError("Bạn không có quyền chốt kết quả phiên họp.")
    if sitting is None:
        raise DomainError(NO_SITTING)
    if not can_finalise_sitting(by, round, sitting):
        raise DomainError(CLOSED)
    tallies = council.round_tallies(round)
    problems = sorted({t.quorum_problem for t in tallies if not t.quorum_ok})
    if problems:
        raise DomainError(" ".join(problems))
    tied = [t.nomination.display_name for t in tallies if t.tied]
    if tied:
        raise DomainError(
            f"Bằng phiếu ở vị trí cuối, ý kiến Chủ tịch Hội đồng không phân định được: "
            f"{', '.join(tied)}. Hãy chọn hồ sơ được thông qua (ghi lý do) trước khi chốt."
        )
    chosen = [t for t in tallies if t.chosen]
    blocked = [t.nomination.display_name for t in chosen if not _eligible(t.nomination)]
    if blocked:
        raise DomainError(
            f"Chưa thể chốt phiên họp: {', '.join(blocked)} đạt tỷ lệ nhưng chưa đủ điều kiện "
            "hoặc còn ý kiến không đồng ý của cơ quan được hỏi. Hãy xét vượt điều kiện (ghi lý "
            "do), xử lý ý kiến của cơ quan, hoặc chốt riêng hồ sơ đó ở trang Kết quả bình xét."
        )
    for tally in chosen:
        finalise_nomination(nomination=tally.nomination, by=by, outcome=S.APPROVED)
    others = [t for t in tallies if not t.chosen]
    for tally in others:
        finalise_nomination(
            nomination=tally.nomination, by=by, outcome=S.REJECTED, comment=_why_not(tally)
        )
    _keep_sitting_ranking(tallies)
    close_sitting(
        sitting=sitting,
        by=by,
        summary=f"Chốt kết quả phiên họp Hội đồng: thông qua {len(chosen)}, "
        f"không thông qua {len(others)} hồ sơ",
    )
    return len(chosen), len(others)


def _eligible(nomination) -> bool:
    try:
        eligibility.check_approvable(nomination)
    except DomainError:
        return False
    return True


def _keep_sitting_ranking(tallies: list[council.Tally]) -> None:
    """The ranking as the sitting saw it before any nominee was finalised (finalising them one
    by one leaves fewer places each time, so a later result would read "places all given"
    where the sitting's reason was the chair's vote)."""
    for tally in tallies:
        if tally.rank is not None:
            CouncilResult.objects.filter(nomination=tally.nomination).update(
                rank=tally.rank, note=tally.note[:500]
            )


def _why_not(tally: council.Tally) -> str:
    if not tally.passes:
        return (
            f"Không đạt tỷ lệ: đồng ý {tally.agree}/{tally.base} ({tally.percent}), "
            f"cần {tally.form.vote_rule_text}."
        )
    return tally.note or (
        f"Đạt tỷ lệ nhưng xếp thứ {tally.rank}, ngoài số lượng được khen ({tally.seats})."
    )
