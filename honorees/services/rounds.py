from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from conferences.models import Conference, Unit, User
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from ..models import AwardForm, NominationRound, RoundQuota
from ..permissions import can_create_round, can_manage_round
from ..workflow import round_is_open, transition_round

ROUND_FIELDS = (
    "title",
    "criteria",
    "deadline",
    "prize_first",
    "prize_second",
    "prize_third",
    "prize_consolation",
)


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(ROUND_FIELDS)
    if unknown:
        raise TypeError(f"unknown round fields: {sorted(unknown)}")
    return {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}


@transaction.atomic
def create_round(
    *, conference: Conference, by: User, allowed_forms: list[AwardForm], **fields: Any
) -> NominationRound:
    """Open a nomination round. Side effects: the round row, its allowed forms, a log entry."""
    if not can_create_round(by, conference):
        raise PermissionDeniedError("Bạn không có quyền mở đợt đề nghị khen thưởng.")
    if not allowed_forms:
        raise DomainError("Hãy chọn ít nhất một hình thức khen thưởng.", field="allowed_forms")
    round = NominationRound.objects.create(conference=conference, created_by=by, **_clean(fields))
    round.allowed_forms.set(allowed_forms)
    log_activity(
        actor=by,
        action="round.created",
        summary=f"Mở đợt đề nghị khen thưởng “{round.title}”",
        target=round,
        conference=conference,
    )
    return round


@transaction.atomic
def update_round(
    *,
    round: NominationRound,
    by: User,
    allowed_forms: list[AwardForm] | None = None,
    **fields: Any,
) -> NominationRound:
    """Edit a round. Side effects: the round row, its allowed forms, a log entry."""
    if not can_manage_round(by, round):
        raise PermissionDeniedError("Bạn không có quyền sửa đợt này.")
    fields = _clean(fields)
    changes = diff_fields(round, fields)
    for name, value in fields.items():
        setattr(round, name, value)
    # Only these columns: a full save of this copy could undo a state changed meanwhile.
    round.save(update_fields=list(fields))
    if allowed_forms is not None:
        if not allowed_forms:
            raise DomainError("Hãy chọn ít nhất một hình thức khen thưởng.", field="allowed_forms")
        round.allowed_forms.set(allowed_forms)
    log_activity(
        actor=by,
        action="round.updated",
        summary=f"Sửa đợt “{round.title}”",
        target=round,
        conference=round.conference,
        changes=changes,
    )
    return round


def _check_new_deadline(round: NominationRound, deadline: datetime | None) -> None:
    if deadline is None:
        raise DomainError("Hãy ghi hạn mới.", field="deadline")
    if deadline <= timezone.now():
        raise DomainError("Hạn mới phải ở tương lai.", field="deadline")
    if round_is_open(round) and deadline <= round.deadline:
        raise DomainError("Hạn mới phải sau hạn hiện tại.", field="deadline")


@transaction.atomic
def change_round_state(
    *, round: NominationRound, by: User, state: str, deadline: datetime | None = None
) -> NominationRound:
    """Extend (with a new deadline, also reopens a closed round) or close a round.
    Side effects: the round row, a log entry."""
    if not can_manage_round(by, round):
        raise PermissionDeniedError("Bạn không có quyền thay đổi trạng thái đợt này.")
    changes = {"state": [round.state, state]}
    fields = {}
    if state == NominationRound.State.EXTENDED:
        _check_new_deadline(round, deadline)
        changes["deadline"] = [str(round.deadline), str(deadline)]
        fields["deadline"] = deadline
    label = dict(NominationRound.State.choices).get(state, state)
    return transition_round(
        round=round,
        to=state,
        by=by,
        action=f"round.{state}",
        summary=f"Đợt “{round.title}”: {label}",
        fields=fields,
        changes=changes,
    )


@transaction.atomic
@transaction.atomic
def set_quotas(*, round: NominationRound, by: User, rows: dict) -> int:
    """Quotas for many units at once ({unit: (individuals, collectives)}), each by the rules of
    set_quota; all or none. Returns how many were set. Side effects: those of set_quota."""
    for unit, (individuals, collectives) in rows.items():
        set_quota(
            round=round,
            unit=unit,
            by=by,
            max_individuals=individuals,
            max_collectives=collectives,
        )
    return len(rows)


def set_quota(
    *, round: NominationRound, unit: Unit, by: User, max_individuals: int, max_collectives: int
) -> RoundQuota:
    """Give a unit its quota in a round. Side effects: the quota row, a log entry."""
    if not can_manage_round(by, round):
        raise PermissionDeniedError("Bạn không có quyền giao chỉ tiêu.")
    organiser = round.conference.organiser
    if not unit.path.startswith(organiser.path) or unit.pk == organiser.pk:
        raise DomainError("Chỉ giao chỉ tiêu cho đơn vị trực thuộc đơn vị tổ chức.", field="unit")
    quota, _ = RoundQuota.objects.update_or_create(
        round=round,
        unit=unit,
        defaults={"max_individuals": max_individuals, "max_collectives": max_collectives},
    )
    log_activity(
        actor=by,
        action="round.quota_set",
        summary=(
            f"Giao chỉ tiêu cho {unit.name}: {max_individuals} cá nhân, {max_collectives} tập thể"
        ),
        target=round,
        conference=round.conference,
    )
    return quota
