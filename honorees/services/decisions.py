from typing import Any

from django.db import transaction
from django.utils import timezone

from conferences.models import User
from conferences.numbering import next_number
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError
from core.signers import SIGNER_FIELDS
from core.vntext import nfc

from ..models import AwardDecision, AwardLine, Nomination, NominationRound
from ..permissions import can_edit_decision, can_manage_decisions, can_sign_decision
from ..prizes import PrizeTable
from ..workflow import decision_is_draft, transition_decision, transition_nominations

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


@transaction.atomic
def sign_decision(*, decision: AwardDecision, by: User) -> AwardDecision:
    """The leader signs: the decision takes the next number of the organiser's register, its
    prizes are fixed and its nominations become awarded.
    Side effects: the decision row, the register, the lines' amounts, each nomination's
    state and event, a log entry."""
    decision = (
        AwardDecision.objects.select_for_update()
        .select_related("round__conference__organiser")
        .get(pk=decision.pk)
    )
    if decision_is_draft(decision) and not can_sign_decision(by, decision):
        raise PermissionDeniedError("Chỉ lãnh đạo được ký quyết định khen thưởng.")
    refresh_amounts(decision)
    number = next_number(
        unit=decision.round.conference.organiser,
        year=decision.date.year,
        type_code=decision.type_code,
    )
    transition_decision(
        decision=decision,
        to=AwardDecision.Status.SIGNED,
        by=by,
        action="decision.signed",
        summary=f"Ký quyết định số {decision.format_number(number)}",
        fields={"number": number, "signed_by": by, "signed_at": timezone.now()},
    )
    listed = Nomination.objects.filter(award_line__decision=decision).only("pk")
    transition_nominations(nominations=list(listed), to=Nomination.Status.AWARDED, by=by)
    return decision
