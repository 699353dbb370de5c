"""Writes to the delegate register: add, change, remove, invitation status, check-in."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from conferences.services import activity_entry, diff_fields, log_activities, log_activity
from core.errors import DomainError
from core.errors import require_permission as require
from core.vocabulary import ethnic_group

from ..models import Delegate, DelegateCategory, Gender, InvitationStatus, Source, Title
from ..permissions import can_manage_delegates, can_submit_for_unit
from ..selectors import round_of
from ..workflow import invitation_can_move, transition_invitation, transition_invitations
from .allocation import SeatBook, claim_seat
from .common import clean_text

EDITABLE = (
    "title",
    "full_name",
    "is_collective",
    "gender",
    "birth_year",
    "ethnicity",
    "position",
    "unit_name",
    "sector",
    "works_directly_in_production",
    "phone",
    "seat_or_zone",
)


def clean_delegate_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The values every delegate is saved with: a name, a plausible birth year, a title
    from the gender, Kinh when no ethnicity is given."""
    fields = clean_text(fields)
    if not fields.get("full_name"):
        raise DomainError("Hãy ghi họ và tên.", field="full_name")
    year = fields.get("birth_year")
    if year is not None and not 1900 <= year <= timezone.localdate().year:
        raise DomainError("Năm sinh không hợp lệ.", field="birth_year")
    if not fields.get("is_collective"):
        if not fields.get("title") and fields.get("gender"):
            fields["title"] = Title.MRS if fields["gender"] == Gender.FEMALE else Title.MR
        fields["ethnicity"] = ethnic_group(fields.get("ethnicity")) or "Kinh"
    return fields


def check_may_submit(by, conference, unit) -> bool:
    """Who may add delegates for `unit`: the office at any time, the unit's submitters before
    the deadline. True when `by` acts for the office (no allocation needed, no deadline)."""
    if can_manage_delegates(by, conference):
        return True
    if unit is None:
        require(False, "Bạn không có quyền thêm đại biểu cho hội nghị này.")
    if not can_submit_for_unit(by, conference, unit, round_of(conference)):
        require(
            False,
            "Đã hết hạn gửi danh sách đại biểu; hãy liên hệ cơ quan tổ chức để thay đổi."
            if can_submit_for_unit(by, conference, unit, None)
            else "Bạn không có quyền gửi đại biểu cho đơn vị này.",
        )
    return False


def check_category(conference, category: DelegateCategory) -> None:
    if category.conference_id != conference.pk:
        raise DomainError("Thành phần không thuộc hội nghị này.", field="category")


@transaction.atomic
def add_delegate(
    *,
    conference,
    category: DelegateCategory,
    by,
    unit=None,
    source: str = Source.UNIT,
    source_key: str = "",
    **fields,
) -> Delegate:
    """Add a person to the register. A unit's submitter adds within the unit's seats and
    before the deadline; the office at any time, within the seats of units that have them.
    Side effects: the delegate row, an activity entry."""
    office = check_may_submit(by, conference, unit)
    check_category(conference, category)
    fields = clean_delegate_fields(fields)
    claim_seat(category=category, unit=unit, by_office=office)
    if unit is not None and not fields.get("unit_name"):
        fields["unit_name"] = unit.name
    delegate = Delegate.objects.create(
        conference=conference,
        category=category,
        unit=unit,
        source=source,
        source_key=source_key,
        created_by=by if by and by.is_authenticated else None,
        **fields,
    )
    log_activity(
        actor=by,
        conference=conference,
        action="delegate.added",
        summary=f"Thêm đại biểu {delegate} ({category.title})",
        target=delegate,
    )
    return delegate


@transaction.atomic
def add_delegates(
    *, conference, unit, by, people: list[tuple[DelegateCategory, dict]], source: str = Source.UNIT
) -> list[Delegate]:
    """The bulk form of add_delegate for one unit's list: each (category, fields) checked with
    the same rules, the seats counted once with the unit's allocation rows locked, the rows
    inserted together (the queries do not grow with each row: one INSERT
    per batch).
    Side effects: the delegate rows, one activity entry each."""
    office = check_may_submit(by, conference, unit)
    seats = SeatBook.load(conference=conference, unit=unit, lock=True)
    creator = by if by and by.is_authenticated else None
    delegates = []
    for category, fields in people:
        check_category(conference, category)
        fields = clean_delegate_fields(fields)
        seats.claim(category, by_office=office)
        if not fields.get("unit_name"):
            fields["unit_name"] = unit.name
        delegates.append(
            Delegate(conference=conference, category=category, unit=unit, source=source,
                     created_by=creator, **fields)
        )  # fmt: skip
    Delegate.objects.bulk_create(delegates, batch_size=500)
    log_activities(
        [
            activity_entry(actor=by, action="delegate.added", target=d,
                           summary=f"Thêm đại biểu {d} ({d.category.title})",
                           scope_unit=conference.organiser, conference=conference)
            for d in delegates
        ]
    )  # fmt: skip
    return delegates


@transaction.atomic
def update_delegate(
    *, delegate: Delegate, by, category: DelegateCategory | None = None, **fields
) -> Delegate:
    """Change a delegate's details (and category, within the unit's seats).
    Side effects: the delegate row, an activity entry with the previous values."""
    conference = delegate.conference
    office = check_may_submit(by, conference, delegate.unit)
    fields = clean_delegate_fields({k: v for k, v in fields.items() if k in EDITABLE})
    if category is not None and category.pk != delegate.category_id:
        check_category(conference, category)
        claim_seat(category=category, unit=delegate.unit, by_office=office, exclude_pk=delegate.pk)
        fields["category"] = category
    changes = diff_fields(delegate, fields)
    for name, value in fields.items():
        setattr(delegate, name, value)
    # Only these columns: a full save of this copy could undo a status changed meanwhile.
    delegate.save(update_fields=[*fields, "updated_at"])
    log_activity(
        actor=by,
        conference=conference,
        action="delegate.updated",
        summary=f"Sửa thông tin đại biểu {delegate}",
        target=delegate,
        changes=changes,
    )
    return delegate


@transaction.atomic
def remove_delegate(*, delegate: Delegate, by) -> None:
    """Side effects: deletes the delegate, an activity entry."""
    conference = delegate.conference
    check_may_submit(by, conference, delegate.unit)
    log_activity(
        actor=by,
        conference=conference,
        action="delegate.removed",
        summary=f"Xóa đại biểu {delegate} ({delegate.category.title})",
        target=conference,
    )
    delegate.delete()


@transaction.atomic
def change_invitation_status(*, delegate: Delegate, status: str, by) -> Delegate:
    """Move the invitation status along the workflow's table. A declined delegate who comes
    back takes a seat again. Side effects: the delegate row, an activity entry."""
    conference = delegate.conference
    require(can_manage_delegates(by, conference), "Bạn không có quyền đổi tình trạng mời.")
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    old = delegate.invitation_status
    if old == InvitationStatus.DECLINED and invitation_can_move(delegate, status):
        claim_seat(
            category=delegate.category, unit=delegate.unit, by_office=True, exclude_pk=delegate.pk
        )
    return transition_invitation(
        delegate=delegate,
        to=status,
        by=by,
        action="delegate.status",
        summary=f"{delegate}: {dict(InvitationStatus.choices).get(status, status)}",
        changes={"invitation_status": [old, status]},
    )


@transaction.atomic
def change_invitation_statuses(*, conference, delegates: list[Delegate], status: str, by) -> int:
    """The same status for many delegates (the register's checked rows), each by the rules of
    change_invitation_status; all or none. Rows already there are left alone.
    Returns how many changed. Side effects: those of change_invitation_status."""
    require(can_manage_delegates(by, conference), "Bạn không có quyền đổi tình trạng mời.")
    changed = 0
    for delegate in delegates:
        if delegate.conference_id != conference.pk or delegate.invitation_status == status:
            continue
        change_invitation_status(delegate=delegate, status=status, by=by)
        changed += 1
    return changed


@transaction.atomic
def mark_invited(*, conference, delegates: list[Delegate], by) -> int:
    """After invitations are printed: those not yet invited become invited.
    Side effects: delegate rows, one activity entry. Returns how many changed."""
    require(can_manage_delegates(by, conference), "Bạn không có quyền đổi tình trạng mời.")
    ids = [d.pk for d in delegates if d.conference_id == conference.pk]
    waiting = list(
        Delegate.objects.select_for_update()
        .filter(pk__in=ids, invitation_status=InvitationStatus.TO_INVITE)
        .only("pk")
    )
    return transition_invitations(
        delegates=waiting,
        to=InvitationStatus.INVITED,
        by=by,
        conference=conference,
        action="delegate.invited",
        summary=f"Đánh dấu đã mời {len(waiting)} đại biểu",
        target=conference,
    )


@transaction.atomic
def check_in(*, delegate: Delegate, by) -> Delegate:
    """Mark present (idempotent: the first time counts).
    Side effects: present_at, an activity entry the first time."""
    conference = delegate.conference
    require(can_manage_delegates(by, conference), "Bạn không có quyền đón tiếp đại biểu.")
    delegate = (
        Delegate.objects.select_for_update(of=("self",))
        .select_related("category")
        .get(pk=delegate.pk)
    )
    if delegate.present_at is None:
        delegate.present_at = timezone.now()
        delegate.save(update_fields=["present_at", "updated_at"])
        log_activity(
            actor=by,
            conference=conference,
            action="delegate.checked_in",
            summary=f"{delegate} có mặt",
            target=delegate,
        )
    return delegate


def check_in_by_token(*, conference, token: str, by) -> Delegate:
    """The QR code (or a USB scanner typing it) names the invitation."""
    require(can_manage_delegates(by, conference), "Bạn không có quyền đón tiếp đại biểu.")
    delegate = Delegate.objects.filter(
        conference=conference, invitation_token=(token or "").strip()
    ).first()
    if delegate is None:
        raise DomainError("Mã giấy mời không đúng hoặc không thuộc hội nghị này.", field="token")
    return check_in(delegate=delegate, by=by)


@transaction.atomic
def merge_delegates(*, keep: Delegate, drop: Delegate, by) -> Delegate:
    """One person entered twice: `keep` stays, takes what only `drop` knew (details left
    empty, the nomination's key, attendance) and keeps its own invitation status; `drop` goes.
    Side effects: the kept row, the other row deleted, an activity entry."""
    conference = keep.conference
    require(can_manage_delegates(by, conference), "Bạn không có quyền sửa danh sách đại biểu.")
    rows = Delegate.objects.select_for_update().in_bulk([keep.pk, drop.pk])
    if len(rows) != 2 or keep.pk == drop.pk or rows[drop.pk].conference_id != conference.pk:
        raise DomainError("Không gộp được: hai người này không cùng danh sách đại biểu.")
    keep, drop = rows[keep.pk], rows[drop.pk]
    changes = {}
    for name in (*EDITABLE, "source_key", "present_at"):
        if getattr(keep, name) in ("", None) and getattr(drop, name) not in ("", None):
            changes[name] = getattr(drop, name)
    for name, value in changes.items():
        setattr(keep, name, value)
    dropped = str(drop)
    drop.delete()
    keep.save()
    log_activity(
        actor=by,
        conference=conference,
        action="delegate.merged",
        summary=f"Gộp hai dòng trùng của đại biểu {keep} (bỏ dòng “{dropped}”)",
        target=keep,
        changes={name: [None, str(value)] for name, value in changes.items()},
    )
    return keep


@transaction.atomic
def undo_check_in(*, delegate: Delegate, by) -> Delegate:
    """Side effects: present_at cleared, an activity entry."""
    conference = delegate.conference
    require(can_manage_delegates(by, conference), "Bạn không có quyền đón tiếp đại biểu.")
    if delegate.present_at is not None:
        delegate.present_at = None
        delegate.save(update_fields=["present_at", "updated_at"])
        log_activity(
            actor=by,
            conference=conference,
            action="delegate.check_in_undone",
            summary=f"Bỏ đánh dấu có mặt: {delegate}",
            target=delegate,
        )
    return delegate
