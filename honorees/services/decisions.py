import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from conferences import review_chain
from conferences.models import Role, User
from conferences.numbering import next_number
from conferences.selectors import holders_over
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError
from core.extensions import decision_issued
from core.notifications import notify
from core.signers import SIGNER_FIELDS
from core.vntext import nfc

from ..models import AwardDecision, AwardLine, Nomination, NominationRound
from ..ordering import in_list_order
from ..permissions import (
    can_approve_decision,
    can_check_decision,
    can_edit_decision,
    can_issue_decision,
    can_manage_decisions,
    can_return_decision,
    decision_awaits_check,
    is_decision_clerk,
)
from ..prizes import PrizeTable
from ..workflow import (
    decision_is_draft,
    decision_is_issued,
    transition_decision,
    transition_nominations,
)
from .verification import create_verification_codes

DECISION_FIELDS = (
    "date",
    "place",
    "subject",
    "authority",
    "legal_bases",
    "proposing_body",
    "prize_source",
    "executors",
    "recipients",
    *SIGNER_FIELDS,
    "type_code",
    "issuer_code",
)


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(DECISION_FIELDS)
    if unknown:
        raise TypeError(f"unknown decision fields: {sorted(unknown)}")
    return {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}


LINE_PRIZE_FIELDS = ["amount", "coefficient", "base_amount", "base_series", "rule_set"]


def refresh_amounts(decision: AwardDecision) -> None:
    """Recompute every line's prize for the decision's date (rules may differ by date) and
    keep how it was computed on the line: constant queries for any number of lines (the
    rules and the base are read once)."""
    lines = list(decision.lines.select_related("nomination", "award_form"))
    table = PrizeTable(on=decision.date)
    for line in lines:
        prize = table.prize(
            award_form=line.award_form, kind=line.nomination.kind, round=decision.round
        )
        line.amount, line.coefficient = prize.amount, prize.coefficient
        line.base_amount, line.base_series = prize.base_amount, prize.base_series
        line.rule_set = prize.rule_set
    AwardLine.objects.bulk_update(lines, LINE_PRIZE_FIELDS)


@transaction.atomic
def create_decision(*, round: NominationRound, by: User, **fields: Any) -> AwardDecision:
    """A draft decision listing every approved nomination of the round not yet in a decision,
    with the prize of its proposed award. Side effects: the decision and its lines, a log entry."""
    if not can_manage_decisions(by, round):
        raise PermissionDeniedError("Bạn không có quyền lập quyết định khen thưởng.")
    nominations = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(round=round, status=Nomination.Status.APPROVED, award_line__isnull=True)
        .select_related("proposed_award")
    )
    if not nominations:
        raise DomainError("Chưa có hồ sơ nào được thông qua mà chưa có quyết định.")
    decision = AwardDecision.objects.create(round=round, created_by=by, **_clean(fields))
    AwardLine.objects.bulk_create(
        AwardLine(decision=decision, nomination=n, award_form=n.proposed_award) for n in nominations
    )
    refresh_amounts(decision)
    log_activity(
        actor=by,
        action="decision.created",
        summary=f"Lập dự thảo quyết định “{decision.subject}”",
        target=decision,
        conference=round.conference,
    )
    return decision


@transaction.atomic
def update_decision(*, decision: AwardDecision, by: User, **fields: Any) -> AwardDecision:
    """Edit a draft decision; prizes follow a new date. Side effects: the decision row, its
    lines' amounts, a log entry."""
    decision = AwardDecision.objects.select_for_update().get(pk=decision.pk)
    if not can_edit_decision(by, decision):
        raise PermissionDeniedError("Quyết định này không sửa được.")
    fields = _clean(fields)
    changes = diff_fields(decision, fields)
    for name, value in fields.items():
        setattr(decision, name, value)
    if changes:  # what was checked is no longer what the leader would sign
        for name, value in review_chain.cleared().items():
            setattr(decision, name, value)
    decision.save()
    refresh_amounts(decision)
    log_activity(
        actor=by,
        action="decision.updated",
        summary=f"Sửa dự thảo quyết định “{decision.subject}”",
        target=decision,
        conference=decision.round.conference,
        changes=changes,
    )
    return decision


def _locked(decision: AwardDecision) -> AwardDecision:
    return (
        AwardDecision.objects.select_for_update()
        .select_related("round__conference__organiser")
        .get(pk=decision.pk)
    )


@transaction.atomic
def approve_decision(*, decision: AwardDecision, by: User) -> AwardDecision:
    """The leader approves (signs) the draft: its prizes are recomputed for its date and the
    reason of an earlier return is cleared. No number yet: the văn thư gives it at issue.
    Side effects: the decision row, the lines' amounts, a log entry."""
    decision = _locked(decision)
    if decision_is_draft(decision) and not can_approve_decision(by, decision):
        if decision_awaits_check(decision):
            offices = ", ".join(
                u.name for u in review_chain.drafting_offices(decision.round.conference.organiser)
            )
            raise DomainError(
                f"Dự thảo chưa được {offices} kiểm tra. Lãnh đạo duyệt sau khi cơ quan tham mưu "
                "kiểm tra và trình."
            )
        raise PermissionDeniedError("Chỉ lãnh đạo được duyệt quyết định khen thưởng.")
    transition_decision(
        decision=decision,
        to=AwardDecision.Status.APPROVED,
        by=by,
        action="decision.approved",
        summary=f"Duyệt dự thảo quyết định “{decision.subject}”",
        fields={"signed_by": by, "signed_at": timezone.now(), "return_reason": ""},
    )
    refresh_amounts(decision)
    return decision


@transaction.atomic
def return_decision(*, decision: AwardDecision, by: User, reason: str) -> AwardDecision:
    """The leader sends the draft (or an approved decision not yet issued) back to the office
    with a reason, shown on the decision until it is approved.
    Side effects: the decision row, a log entry."""
    decision = _locked(decision)
    if not can_return_decision(by, decision) and not decision_is_issued(decision):
        raise PermissionDeniedError("Chỉ lãnh đạo được trả lại dự thảo quyết định.")
    reason = (nfc(reason) or "").strip()
    if not reason:
        raise DomainError("Hãy ghi lý do trả lại để cán bộ sửa dự thảo.", field="reason")
    return transition_decision(
        decision=decision,
        to=AwardDecision.Status.DRAFT,
        by=by,
        action="decision.returned",
        summary=f"Trả lại dự thảo quyết định “{decision.subject}”: {reason}",
        fields={
            "return_reason": reason,
            "signed_by": None,
            "signed_at": None,
            **review_chain.cleared(),
        },
    )


@transaction.atomic
def check_decision(*, decision: AwardDecision, by: User) -> AwardDecision:
    """The drafting office's leader has checked the draft and passes it to the organiser's
    leader to sign (conferences.review_chain). Side effects: reviewed_by/at, a log entry, an
    email to the organiser's leaders."""
    decision = _locked(decision)
    if not can_check_decision(by, decision):
        raise PermissionDeniedError("Bạn không có quyền kiểm tra dự thảo quyết định này.")
    for name, value in review_chain.checked_by(by).items():
        setattr(decision, name, value)
    decision.save(update_fields=["reviewed_by", "reviewed_at"])
    conference = decision.round.conference
    log_activity(
        actor=by,
        action="decision.reviewed",
        summary=f"Kiểm tra dự thảo quyết định “{decision.subject}”, trình lãnh đạo ký",
        target=decision,
        conference=conference,
    )
    notify(
        users=holders_over(conference.organiser, {Role.LEADER}),
        subject="Dự thảo quyết định khen thưởng chờ ký",
        body=f"{by} đã kiểm tra dự thảo quyết định “{decision.subject}” và trình lãnh đạo ký."
        f"\n\nHội nghị: {conference}",
        link=reverse("honorees:decision_detail", args=[decision.pk]),
    )
    return decision


def _number_gold_book(decision: AwardDecision) -> None:
    """Số sổ vàng 1..n in the list's order (collectives, individuals, households, by name)."""
    lines = in_list_order(decision.lines.select_related("nomination"), lambda x: x.nomination)
    for number, line in enumerate(lines, start=1):
        line.gold_book_number = number
    AwardLine.objects.bulk_update(lines, ["gold_book_number"])


@transaction.atomic
def issue_decision(
    *, decision: AwardDecision, by: User, date: dt.date | None = None
) -> AwardDecision:
    """The văn thư issues the approved decision: the date of issue (today unless given, for a
    decision signed on paper earlier), the next number of the organiser's register, the
    prizes fixed for that date, "số sổ vàng" 1..n in the list's order; its nominations become
    awarded, and the decision and each certificate get a verification code. Side effects: the
    decision row, the register, the verification codes, the lines (amounts and how they
    were computed, gold-book numbers), each nomination's state and event, a log entry, and
    what the apps registered with core.extensions.register_decision_issued write."""
    decision = _locked(decision)
    if decision_is_issued(decision):
        raise DomainError("Quyết định đã được ban hành, không thể thay đổi.")
    if not can_issue_decision(by, decision):
        if not is_decision_clerk(by, decision):
            raise PermissionDeniedError("Chỉ văn thư được vào số và ban hành quyết định.")
        raise DomainError("Quyết định chưa được lãnh đạo duyệt, chưa ban hành được.")
    today = date or timezone.localdate()
    decision.date = today
    refresh_amounts(decision)
    _number_gold_book(decision)
    number = next_number(
        unit=decision.round.conference.organiser, year=today.year, type_code=decision.type_code
    )
    transition_decision(
        decision=decision,
        to=AwardDecision.Status.ISSUED,
        by=by,
        action="decision.issued",
        summary=f"Vào số, ban hành quyết định số {decision.format_number(number)}",
        fields={"number": number, "date": today, "issued_by": by, "issued_at": timezone.now()},
    )
    listed = Nomination.objects.filter(award_line__decision=decision).only("pk")
    transition_nominations(nominations=list(listed), to=Nomination.Status.AWARDED, by=by)
    create_verification_codes(decision=decision, by=by)
    decision_issued(decision)  # the apps that follow the awards (the fund's spending entry)
    return decision
