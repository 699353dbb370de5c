from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from conferences.models import Role, Unit, User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.notifications import notify
from core.vntext import fold, nfc
from core.vocabulary import ethnic_group, sector_value

from ..models import AwardCondition, AwardForm, Nomination, NominationRound, RoundQuota
from ..permissions import (
    can_act_for_unit,
    can_edit_nomination,
    can_manage_round,
    can_restore_nomination,
)
from ..workflow import (
    create_submitted_nominations,
    nomination_is_editable,
    round_is_open,
    transition_nomination,
)

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
# A household: the head's name, gender, birth year and ethnicity, where it lives, its size.
HOUSEHOLD_FIELDS = (
    "full_name",
    "gender",
    "birth_year",
    "ethnicity",
    "unit_name",
    "member_count",
)
# NĐ 152/2025 Điều 4: what stops an award while it lasts (honorees.eligibility checks them).
FLAG_FIELDS = ("discipline_review", "under_inspection", "complaint_pending", "discipline_until")
COMMON_FIELDS = ("achievement_summary", "proposed_award", "note", *FLAG_FIELDS)
# States that keep a name "taken" in a round for duplicate checks.
ACTIVE = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.AWARDED)


def name_key(kind: str, name: str) -> str:
    return fold(name or "")


FIELDS_OF_KIND = {
    Nomination.Kind.INDIVIDUAL: INDIVIDUAL_FIELDS,
    Nomination.Kind.COLLECTIVE: COLLECTIVE_FIELDS,
    Nomination.Kind.HOUSEHOLD: HOUSEHOLD_FIELDS,
}


def _clean_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    allowed = COMMON_FIELDS + FIELDS_OF_KIND[kind]
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"fields not for a {kind} nomination: {sorted(unknown)}")
    cleaned = {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}
    if "ethnicity" in cleaned:
        cleaned["ethnicity"] = ethnic_group(cleaned["ethnicity"])
    if "sector" in cleaned:
        cleaned["sector"] = sector_value(cleaned["sector"])
    return cleaned


# --- The rules: one function each, used by the forms' services and the Excel import ----------
WHOM = {
    Nomination.Kind.INDIVIDUAL: "cá nhân",
    Nomination.Kind.COLLECTIVE: "tập thể",
    Nomination.Kind.HOUSEHOLD: "hộ gia đình",
}

# What a nomination must say before it is sent (the forms mark these fields required).
REQUIRED_FIELDS = {
    Nomination.Kind.INDIVIDUAL: ("full_name", "gender", "birth_year"),
    Nomination.Kind.COLLECTIVE: ("collective_name",),
    Nomination.Kind.HOUSEHOLD: ("full_name",),
}
REQUIRED_BOTH = ("achievement_summary", "proposed_award")
NO_QUOTA = "Đơn vị chưa được giao chỉ tiêu trong đợt này."


class Taken(NamedTuple):
    """A name already proposed in the round, and by which unit."""

    name: str
    unit: str


def name_field(kind: str) -> str:
    return "collective_name" if kind == Nomination.Kind.COLLECTIVE else "full_name"


def check_may_nominate(by: User, round: NominationRound, unit: Unit) -> None:
    if not can_act_for_unit(by, unit) or not unit.path.startswith(round.conference.organiser.path):
        raise PermissionDeniedError("Bạn không có quyền đề nghị khen thưởng cho đơn vị này.")


def check_round_open(round: NominationRound) -> None:
    if not round_is_open(round):
        raise DomainError("Đợt đề nghị khen thưởng đã khóa.")


def check_deadline(*, round: NominationRound, status: str) -> None:
    """Sending: a draft before the deadline; a nomination the office returned until closing."""
    if not round_is_open(round):
        raise DomainError("Đợt đề nghị khen thưởng đã khóa, không gửi được hồ sơ.")
    if status == S.DRAFT and round.is_past_deadline:
        raise DomainError(
            f"Đã quá hạn gửi hồ sơ ({timezone.localtime(round.deadline):%H:%M ngày %d/%m/%Y}). "
            "Hãy liên hệ cơ quan thường trực để được gia hạn."
        )


def missing_fields(nomination: Nomination) -> list[DomainError]:
    fields = [Nomination._meta.get_field(name) for name in REQUIRED_FIELDS[nomination.kind]]
    fields += [Nomination._meta.get_field(name) for name in REQUIRED_BOTH]
    return [
        DomainError(f"Chưa ghi {f.verbose_name}.", field=f.name)
        for f in fields
        if getattr(nomination, f.attname) in (None, "")
    ]


def check_award(*, award: AwardForm, kind: str, allowed: Collection[int]) -> None:
    """`allowed`: the ids of the award forms the round takes."""
    if award.pk not in allowed:
        raise DomainError(f"Đợt này không nhận đề nghị “{award.name}”.", field="proposed_award")
    if not award_fits(award, kind):
        raise DomainError(f"“{award.name}” không tặng cho {WHOM[kind]}.", field="proposed_award")


def check_duplicate(nomination: Nomination, *, taken: Taken | None) -> None:
    """`taken`: who already proposed the same name and birth year in the round, if anyone."""
    if taken is not None:
        raise DomainError(
            f"“{taken.name}” đã được đề nghị trong đợt này (đơn vị {taken.unit}).",
            field=name_field(nomination.kind),
        )


def award_fits(award: AwardForm, kind: str) -> bool:
    """Whether the award form is given to this kind of recipient."""
    return {
        Nomination.Kind.INDIVIDUAL: award.for_individuals,
        Nomination.Kind.COLLECTIVE: award.for_collectives,
        Nomination.Kind.HOUSEHOLD: award.for_households,
    }[kind]


def check_quota(*, quota: RoundQuota | None, kind: str, used: int) -> None:
    """`used`: the nominations that already take a place of the same quota before this one
    (`kind` is the nomination's kind; a household counts in the individuals' quota)."""
    if quota is None:
        raise DomainError(NO_QUOTA)
    counted_as = Nomination.QUOTA_KIND[kind]
    limit = quota.limit_for(counted_as)
    if used + 1 > limit:
        place = f"{WHOM[kind]} thứ {used + 1}"
        if kind != counted_as:
            place = f"{WHOM[kind]}, tính vào chỉ tiêu {WHOM[counted_as]}: thứ {used + 1}"
        raise DomainError(
            f"Vượt chỉ tiêu: đơn vị được đề nghị tối đa {limit} {WHOM[counted_as]}; "
            f"hồ sơ này là {place}."
        )


def kinds_sharing_quota(kind: str) -> list[str]:
    """The kinds that take places of the same quota as `kind`."""
    quota_kind = Nomination.QUOTA_KIND[kind]
    return [k for k, q in Nomination.QUOTA_KIND.items() if q == quota_kind]


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
    check_duplicate(nomination, taken=Taken(other.display_name, other.unit.name) if other else None)


def _allowed_awards(round: NominationRound) -> set[int]:
    return set(round.allowed_forms.values_list("pk", flat=True))


@transaction.atomic
def create_nomination(
    *,
    round: NominationRound,
    unit: Unit,
    kind: str,
    by: User,
    dossier: UploadedFile | None = None,
    declarations: Collection[AwardCondition] | None = None,
    **fields: Any,
) -> Nomination:
    """A draft nomination of the unit, with the declarations the unit ticks (those of the
    proposed award are kept). Side effects: the nomination row (and its dossier file), its
    declarations, a NominationEvent, a log entry."""
    check_may_nominate(by, round, unit)
    check_round_open(round)
    fields = _clean_fields(kind, fields)
    check_award(award=fields["proposed_award"], kind=kind, allowed=_allowed_awards(round))
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
    set_declarations(nomination, declarations or [])
    nomination.events.create(actor=by, from_status="", to_status=nomination.status)
    log_activity(
        actor=by,
        action="nomination.created",
        summary=f"Tạo hồ sơ đề nghị {nomination.display_name}",
        target=nomination,
        conference=round.conference,
    )
    return nomination


@transaction.atomic
def update_nomination(
    *,
    nomination: Nomination,
    by: User,
    dossier: UploadedFile | None = None,
    declarations: Collection[AwardCondition] | None = None,
    **fields: Any,
) -> Nomination:
    """Edit a draft or returned nomination (`declarations`, when given, replace the ticked
    ones). Side effects: the row (and dossier), its declarations, a log entry."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not can_edit_nomination(by, nomination):
        raise PermissionDeniedError("Hồ sơ này không sửa được (đã gửi hoặc bạn không có quyền).")
    fields = _clean_fields(nomination.kind, fields)
    if "proposed_award" in fields:
        award, round = fields["proposed_award"], nomination.round
        check_award(award=award, kind=nomination.kind, allowed=_allowed_awards(round))
    for name, value in fields.items():
        setattr(nomination, name, value)
    nomination.name_key = name_key(nomination.kind, nomination.display_name)
    _check_duplicate(nomination)
    if dossier is not None:
        nomination.dossier = dossier
    nomination.save()
    if declarations is not None:
        set_declarations(nomination, declarations)
    log_activity(
        actor=by,
        action="nomination.updated",
        summary=f"Sửa hồ sơ {nomination.display_name}",
        target=nomination,
        conference=nomination.round.conference,
    )
    return nomination


def set_declarations(nomination: Nomination, declarations: Collection[AwardCondition]) -> None:
    """Keep the ticked declarations that belong to the proposed award (a box ticked for
    another award of the round is dropped). Side effects: the nomination's declarations."""
    kept = [
        c
        for c in declarations
        if c.award_form_id == nomination.proposed_award_id
        and c.kind == AwardCondition.Kind.DECLARATION
    ]
    nomination.declarations.set(kept)


def declare_all(nominations: Collection[Nomination]) -> None:
    """Tick every declaration of its proposed award for each nomination (saved) that has
    `declares_all` set (the Excel list's "Có" in the declarations column): one query to read
    the conditions and one to write. Side effects: the nominations' declarations."""
    chosen = [n for n in nominations if getattr(n, "declares_all", False)]
    if not chosen:
        return
    conditions = list(
        AwardCondition.objects.filter(
            award_form_id__in={n.proposed_award_id for n in chosen},
            kind=AwardCondition.Kind.DECLARATION,
            active=True,
        ).values_list("pk", "award_form_id")
    )
    through = Nomination.declarations.through
    through.objects.bulk_create(
        through(nomination_id=n.pk, awardcondition_id=pk)
        for n in chosen
        for pk, form in conditions
        if form == n.proposed_award_id
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
    if not nomination_is_editable(nomination):
        raise DomainError("Hồ sơ đã được gửi.")
    check_deadline(round=nomination.round, status=nomination.status)
    used = Nomination.objects.filter(
        round=nomination.round,
        unit=nomination.unit,
        kind__in=kinds_sharing_quota(nomination.kind),
        status__in=Nomination.COUNTED,
    ).count()
    check_quota(quota=quota, kind=nomination.kind, used=used)
    return transition_nomination(
        nomination=nomination,
        to=S.SUBMITTED,
        by=by,
        action="nomination.submitted",
        summary=f"Gửi hồ sơ {nomination.display_name}",
    )


@transaction.atomic
def withdraw_nomination(*, nomination: Nomination, by: User) -> Nomination:
    """The unit takes back a draft or submitted nomination.
    Side effects: the state, a NominationEvent, a log entry."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not can_act_for_unit(by, nomination.unit):
        raise PermissionDeniedError("Bạn không có quyền rút hồ sơ của đơn vị này.")
    return transition_nomination(
        nomination=nomination,
        to=S.WITHDRAWN,
        by=by,
        action="nomination.withdrawn",
        summary=f"Rút hồ sơ {nomination.display_name}",
    )


@transaction.atomic
def restore_nomination(*, nomination: Nomination, by: User) -> Nomination:
    """Undo a withdrawal: the nomination is a draft again (it takes a quota place only when
    sent). Refused when the unit has since entered the same person again.
    Side effects: the state, a NominationEvent, a log entry."""
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round", "unit")
        .get(pk=nomination.pk)
    )
    if not can_restore_nomination(by, nomination):
        raise PermissionDeniedError("Hồ sơ này không khôi phục được.")
    try:
        with transaction.atomic():
            return transition_nomination(
                nomination=nomination,
                to=S.DRAFT,
                by=by,
                action="nomination.restored",
                summary=f"Khôi phục hồ sơ đã rút {nomination.display_name}",
            )
    except IntegrityError as exc:  # the same person was entered again meanwhile
        raise DomainError(
            f"Đợt này đã có hồ sơ khác của {nomination.display_name}; không khôi phục được."
        ) from exc


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
    transition_nomination(
        nomination=nomination,
        to=S.RETURNED,
        by=by,
        action="nomination.returned",
        summary=f"Trả lại hồ sơ {nomination.display_name}",
        comment=comment,
    )
    notify_unit(nomination, f"Hồ sơ {nomination.display_name} bị trả lại", comment)
    return nomination


def notify_unit(nomination: Nomination, subject: str, body: str) -> None:
    users = User.objects.filter(
        memberships__unit=nomination.unit, memberships__role=Role.SUBMITTER, is_active=True
    ).distinct()
    notify(users=list(users), subject=subject, body=body)


# --- Many at once: the unit's Excel list ----------------------------------------------------
@dataclass
class RoundBook:
    """What a unit's new nominations are checked against, read once (four queries): the
    awards the round takes, the unit's quota, the nominations of the unit that take a place,
    the names already proposed in the round. `take` counts a nomination that passed, so the
    next one is checked against it too."""

    quota: RoundQuota | None
    unit: Unit
    allowed: set[int]
    used: Counter
    taken: dict[tuple[str, int | None], Taken]

    @classmethod
    def load(cls, round: NominationRound, unit: Unit, *, lock: bool) -> "RoundBook":
        quota = (
            lock_quota(round, unit)
            if lock
            else RoundQuota.objects.filter(round=round, unit=unit).first()
        )
        counted = Nomination.objects.filter(round=round, unit=unit, status__in=Nomination.COUNTED)
        active = Nomination.objects.filter(round=round, status__in=ACTIVE).values_list(
            "name_key", "birth_year", "full_name", "collective_name", "unit__name"
        )
        return cls(
            quota=quota,
            unit=unit,
            allowed=_allowed_awards(round),
            used=Counter(Nomination.QUOTA_KIND[k] for k in counted.values_list("kind", flat=True)),
            taken={(k, y): Taken(person or group, where) for k, y, person, group, where in active},
        )

    def problems(self, nomination: Nomination, *, quota: bool = True) -> list[DomainError]:
        """Every rule the nomination breaks; the quota (unless `quota` is false) only for one
        that breaks no other."""
        errors = missing_fields(nomination)
        key = (nomination.name_key, nomination.birth_year)
        rules = [lambda: check_duplicate(nomination, taken=self.taken.get(key))]
        if nomination.proposed_award_id is not None:
            award, kind = nomination.proposed_award, nomination.kind
            rules.append(lambda: check_award(award=award, kind=kind, allowed=self.allowed))
        for rule in rules:
            try:
                rule()
            except DomainError as exc:
                errors.append(exc)
        if quota and not errors:
            try:
                used = self.used[nomination.quota_kind]
                check_quota(quota=self.quota, kind=nomination.kind, used=used)
            except DomainError as exc:
                errors.append(exc)
        return errors

    def take(self, nomination: Nomination) -> None:
        self.used[nomination.quota_kind] += 1
        key = (nomination.name_key, nomination.birth_year)
        self.taken[key] = Taken(nomination.display_name, self.unit.name)


def new_nomination(
    *, round: NominationRound, unit: Unit, kind: str, by: User, **fields: Any
) -> Nomination:
    """An unsaved draft with its text cleaned and its search key, as create_nomination makes."""
    nomination = Nomination(
        round=round, unit=unit, kind=kind, created_by=by, **_clean_fields(kind, fields)
    )
    nomination.name_key = name_key(kind, nomination.display_name)
    return nomination


@transaction.atomic
def submit_new_nominations(
    *, round: NominationRound, unit: Unit, by: User, nominations: list[Nomination], comment: str
) -> list[Nomination]:
    """Create and send many nominations of one unit at once (from new_nomination): the bulk
    form of create_nomination + submit_nomination, with their rules; the queries do not grow
    with each nomination (one INSERT per batch). The quota row is locked, so a submission at the same moment queues behind it.
    Side effects: the nomination rows (submitted) and their declarations, one NominationEvent
    each, one log entry."""
    check_may_nominate(by, round, unit)
    check_round_open(round)
    check_deadline(round=round, status=S.DRAFT)
    book = RoundBook.load(round, unit, lock=True)
    for nomination in nominations:
        errors = book.problems(nomination)
        if errors:
            raise errors[0]
        book.take(nomination)
    create_submitted_nominations(nominations=nominations, by=by, comment=comment)
    declare_all(nominations)
    log_activity(
        actor=by,
        action="nomination.imported",
        summary=f"{unit.name} gửi {len(nominations)} hồ sơ",
        target=round,
        scope_unit=round.conference.organiser,
        conference=round.conference,
    )
    return nominations
