from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from conferences.errors import DomainError, PermissionDeniedError
from conferences.models import Role, Unit, User
from conferences.notifications import notify
from conferences.services import log_activity
from conferences.vntext import fold, nfc

from ..models import AwardForm, Nomination, NominationRound, RoundQuota
from ..permissions import can_act_for_unit, can_edit_nomination, can_manage_round
from .transitions import move_nomination

S = Nomination.Status
INDIVIDUAL_FIELDS = (
    "full_name",
    "gender",
    "birth_year",
    "ethnicity",
    "position",
    "unit_name",
    "sector",
    "works_directly_in_production",
)
COLLECTIVE_FIELDS = ("collective_name", "head_name", "member_count")
COMMON_FIELDS = ("achievement_summary", "proposed_award", "note")
# States that keep a name "taken" in a round for duplicate checks.
ACTIVE = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.AWARDED)


def name_key(kind: str, name: str) -> str:
    return fold(name or "")


def _clean_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    allowed = COMMON_FIELDS + (
        COLLECTIVE_FIELDS if kind == Nomination.Kind.COLLECTIVE else INDIVIDUAL_FIELDS
    )
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"fields not for a {kind} nomination: {sorted(unknown)}")
    return {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}


def check_award_allowed(round: NominationRound, kind: str, award: AwardForm) -> None:
    if not round.allowed_forms.filter(pk=award.pk).exists():
        raise DomainError(f"Đợt này không nhận đề nghị “{award.name}”.", field="proposed_award")
    fits = award.for_collectives if kind == Nomination.Kind.COLLECTIVE else award.for_individuals
    if not fits:
        whom = "tập thể" if kind == Nomination.Kind.COLLECTIVE else "cá nhân"
        raise DomainError(f"“{award.name}” không tặng cho {whom}.", field="proposed_award")


def find_duplicate(
    round: NominationRound, key: str, birth_year: int | None, exclude_pk: int | None = None
) -> Nomination | None:
    return (
        Nomination.objects.filter(
            round=round, name_key=key, birth_year=birth_year, status__in=ACTIVE
        )
        .exclude(pk=exclude_pk)
        .select_related("unit")
        .first()
    )


def _check_duplicate(nomination: Nomination) -> None:
    other = find_duplicate(
        nomination.round, nomination.name_key, nomination.birth_year, nomination.pk
    )
    if other is not None:
        raise DomainError(
            f"“{other.display_name}” đã được đề nghị trong đợt này (đơn vị {other.unit.name}).",
            field="full_name"
            if nomination.kind == Nomination.Kind.INDIVIDUAL
            else "collective_name",
        )


def _log(nomination: Nomination, by: User, action: str, summary: str) -> None:
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=nomination,
        scope_unit=nomination.round.conference.organiser,
        conference=nomination.round.conference,
    )


@transaction.atomic
def create_nomination(
    *,
    round: NominationRound,
    unit: Unit,
    kind: str,
    by: User,
    dossier: UploadedFile | None = None,
    **fields: Any,
) -> Nomination:
    """A draft nomination of the unit. Side effects: the nomination row (and its dossier
    file), a NominationEvent, a log entry."""
    if not can_act_for_unit(by, unit) or not unit.path.startswith(round.conference.organiser.path):
        raise PermissionDeniedError("Bạn không có quyền đề nghị khen thưởng cho đơn vị này.")
    if round.state == NominationRound.State.CLOSED:
        raise DomainError("Đợt đề nghị khen thưởng đã khóa.")
    fields = _clean_fields(kind, fields)
    check_award_allowed(round, kind, fields["proposed_award"])
    nomination = Nomination(round=round, unit=unit, kind=kind, created_by=by, **fields)
    nomination.name_key = name_key(kind, nomination.display_name)
    _check_duplicate(nomination)
    if dossier is not None:
        nomination.dossier = dossier
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        # The same person sent at the same moment (a double click): name the saved one.
        _check_duplicate(nomination)
        raise
    move_event_created(nomination, by)
    _log(nomination, by, "nomination.created", f"Tạo hồ sơ đề nghị {nomination.display_name}")
    return nomination


def move_event_created(nomination: Nomination, by: User) -> None:
    nomination.events.create(actor=by, from_status="", to_status=nomination.status)


@transaction.atomic
def update_nomination(
    *, nomination: Nomination, by: User, dossier: UploadedFile | None = None, **fields: Any
) -> Nomination:
    """Edit a draft or returned nomination. Side effects: the row (and dossier), a log entry."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not can_edit_nomination(by, nomination):
        raise PermissionDeniedError("Hồ sơ này không sửa được (đã gửi hoặc bạn không có quyền).")
    fields = _clean_fields(nomination.kind, fields)
    if "proposed_award" in fields:
        check_award_allowed(nomination.round, nomination.kind, fields["proposed_award"])
    for name, value in fields.items():
        setattr(nomination, name, value)
    nomination.name_key = name_key(nomination.kind, nomination.display_name)
    _check_duplicate(nomination)
    if dossier is not None:
        nomination.dossier = dossier
    nomination.save()
    _log(nomination, by, "nomination.updated", f"Sửa hồ sơ {nomination.display_name}")
    return nomination


def _check_deadline(nomination: Nomination) -> None:
    round = nomination.round
    if round.state == NominationRound.State.CLOSED:
        raise DomainError("Đợt đề nghị khen thưởng đã khóa, không gửi được hồ sơ.")
    # A nomination the office returned may be sent back after the deadline, until closing.
    if nomination.status == S.DRAFT and round.is_past_deadline:
        raise DomainError(
            f"Đã quá hạn gửi hồ sơ ({round.deadline:%H:%M ngày %d/%m/%Y}). "
            "Hãy liên hệ cơ quan thường trực để được gia hạn."
        )


def check_quota_room(quota: RoundQuota | None, kind: str, used: int, adding: int = 1) -> None:
    whom = "tập thể" if kind == Nomination.Kind.COLLECTIVE else "cá nhân"
    if quota is None:
        raise DomainError("Đơn vị chưa được giao chỉ tiêu trong đợt này.")
    limit = quota.limit_for(kind)
    if used + adding > limit:
        raise DomainError(
            f"Vượt chỉ tiêu: đơn vị được đề nghị tối đa {limit} {whom}, "
            f"đã gửi {used}, còn lại {max(limit - used, 0)}."
        )


def lock_quota(round: NominationRound, unit: Unit) -> RoundQuota | None:
    """Lock the quota row: concurrent submissions of one unit queue here."""
    return RoundQuota.objects.select_for_update().filter(round=round, unit=unit).first()


@transaction.atomic
def submit_nomination(*, nomination: Nomination, by: User) -> Nomination:
    """Send a draft (or a returned nomination, again) to the office, within the quota.
    Side effects: the nomination's state, a NominationEvent, a log entry."""
    quota = lock_quota(nomination.round, nomination.unit)
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round")
        .get(pk=nomination.pk)
    )
    if not can_act_for_unit(by, nomination.unit):
        raise PermissionDeniedError("Bạn không có quyền gửi hồ sơ của đơn vị này.")
    if nomination.status not in Nomination.EDITABLE:
        raise DomainError("Hồ sơ đã được gửi.")
    _check_deadline(nomination)
    used = Nomination.objects.filter(
        round=nomination.round,
        unit=nomination.unit,
        kind=nomination.kind,
        status__in=Nomination.COUNTED,
    ).count()
    check_quota_room(quota, nomination.kind, used)
    move_nomination(nomination, S.SUBMITTED, by=by)
    _log(nomination, by, "nomination.submitted", f"Gửi hồ sơ {nomination.display_name}")
    return nomination


@transaction.atomic
def withdraw_nomination(*, nomination: Nomination, by: User) -> Nomination:
    """The unit takes back a draft or submitted nomination.
    Side effects: the state, a NominationEvent, a log entry."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not can_act_for_unit(by, nomination.unit):
        raise PermissionDeniedError("Bạn không có quyền rút hồ sơ của đơn vị này.")
    move_nomination(nomination, S.WITHDRAWN, by=by)
    _log(nomination, by, "nomination.withdrawn", f"Rút hồ sơ {nomination.display_name}")
    return nomination


@transaction.atomic
def return_nomination(*, nomination: Nomination, by: User, comment: str) -> Nomination:
    """The office returns a submitted nomination for correction.
    Side effects: the state and comment, a NominationEvent, a log entry, an email to the
    unit's submitters (after commit)."""
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round", "unit")
        .get(pk=nomination.pk)
    )
    if not can_manage_round(by, nomination.round):
        raise PermissionDeniedError("Bạn không có quyền trả lại hồ sơ.")
    comment = nfc(comment) or ""
    if not comment:
        raise DomainError("Hãy ghi lý do trả lại để đơn vị sửa.", field="comment")
    move_nomination(nomination, S.RETURNED, by=by, comment=comment)
    _log(nomination, by, "nomination.returned", f"Trả lại hồ sơ {nomination.display_name}")
    notify_unit(nomination, f"Hồ sơ {nomination.display_name} bị trả lại", comment)
    return nomination


def notify_unit(nomination: Nomination, subject: str, body: str) -> None:
    users = User.objects.filter(
        memberships__unit=nomination.unit, memberships__role=Role.SUBMITTER, is_active=True
    ).distinct()
    notify(users=list(users), subject=subject, body=body)
