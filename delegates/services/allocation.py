"""Seats per category for each unit, the notice to units, and the rule that keeps every
unit within its seats."""

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from conferences.models import Membership, Role, Unit
from conferences.services import log_activity
from core.errors import DomainError
from core.errors import require_permission as require
from core.outbox import Letter, Outbox, Paper, SendReport, build_outbox
from core.vntext import format_date_short

from ..models import Delegate, DelegateCategory, DelegateRound, InvitationStatus, SeatAllocation
from ..permissions import can_manage_delegates

NO_RIGHT = "Bạn không có quyền phân bổ đại biểu của hội nghị này."


def used_seats(*, category: DelegateCategory, unit: Unit, exclude_pk: int | None = None) -> int:
    qs = Delegate.objects.filter(category=category, unit=unit).exclude(
        invitation_status=InvitationStatus.DECLINED
    )
    return qs.exclude(pk=exclude_pk).count() if exclude_pk else qs.count()


def check_seat(
    *, category: DelegateCategory, seats: int | None, used: int, by_office: bool
) -> None:
    """The rule that keeps a unit within its seats. `seats`: the unit's allocation in the
    category (None when it has none); `used`: its delegates there that take a seat already.
    The office may add people for a unit without an allocation."""
    if seats is None:
        if by_office:
            return
        raise DomainError(
            f"Đơn vị chưa được phân bổ đại biểu cho “{category.title}”.", field="category"
        )
    if used >= seats:
        raise DomainError(
            f"Đơn vị đã đủ {used}/{seats} đại biểu được phân bổ cho “{category.title}”.",
            field="category",
        )


def claim_seat(
    *, category: DelegateCategory, unit: Unit | None, by_office: bool, exclude_pk=None
) -> None:
    """Inside the caller's transaction: lock the unit's allocation row, count, and refuse
    when no seat is left. Two submitters taking the last seat at the same moment queue on the
    row lock, so the second one counts the first one's delegate and is refused."""
    if unit is None:
        return
    allocation = (
        SeatAllocation.objects.select_for_update().filter(category=category, unit=unit).first()
    )
    used = used_seats(category=category, unit=unit, exclude_pk=exclude_pk) if allocation else 0
    seats = allocation.seats if allocation else None
    check_seat(category=category, seats=seats, used=used, by_office=by_office)


@dataclass
class SeatBook:
    """A unit's seats and the delegates that take them, per category, read once (two
    queries), for checking many new delegates; `claim` counts the one that passed."""

    seats: dict[int, int]
    used: Counter

    @classmethod
    def load(cls, *, conference, unit: Unit, lock: bool) -> "SeatBook":
        allocations = SeatAllocation.objects.filter(category__conference=conference, unit=unit)
        if lock:
            allocations = allocations.select_for_update()
        taking = Delegate.objects.filter(conference=conference, unit=unit).exclude(
            invitation_status=InvitationStatus.DECLINED
        )
        return cls(
            seats={a.category_id: a.seats for a in allocations},
            used=Counter(taking.values_list("category_id", flat=True)),
        )

    def claim(self, category: DelegateCategory, *, by_office: bool) -> None:
        check_seat(
            category=category,
            seats=self.seats.get(category.pk),
            used=self.used[category.pk],
            by_office=by_office,
        )
        self.used[category.pk] += 1


def _check_unit(conference, unit: Unit) -> None:
    if unit.pk == conference.organiser_id or not unit.path.startswith(conference.organiser.path):
        raise DomainError(f"“{unit.name}” không thuộc đơn vị tổ chức hội nghị.")


@transaction.atomic
def allocate_seats(
    *, category: DelegateCategory, unit: Unit, seats: int, by
) -> SeatAllocation | None:
    """Give `unit` `seats` seats in `category` (0 removes the allocation).
    Side effects: the allocation row, an activity entry. Refused below the seats in use."""
    conference = category.conference
    require(can_manage_delegates(by, conference), NO_RIGHT)
    _check_unit(conference, unit)
    if seats < 0:
        raise DomainError("Số đại biểu không được âm.")
    allocation = (
        SeatAllocation.objects.select_for_update().filter(category=category, unit=unit).first()
    )
    used = used_seats(category=category, unit=unit)
    if seats < used:
        raise DomainError(
            f"{unit.name} đã có {used} đại biểu trong “{category.title}”, không thể giảm còn {seats}."
        )
    old = allocation.seats if allocation else 0
    if old == seats:
        return allocation
    if seats == 0:
        allocation.delete()
        allocation = None
    elif allocation is None:
        allocation = SeatAllocation.objects.create(category=category, unit=unit, seats=seats)
    else:
        allocation.seats = seats
        allocation.save(update_fields=["seats", "updated_at"])
    log_activity(
        actor=by,
        conference=conference,
        action="seat_allocation.changed",
        summary=f"Phân bổ {seats} đại biểu “{category.title}” cho {unit.name}",
        target=allocation or category,
        changes={"seats": [old, seats]},
    )
    return allocation


@transaction.atomic
def save_allocation_grid(*, conference, by, seats: dict[tuple[int, int], int]) -> int:
    """Apply a grid, or a part of it, {(category_id, unit_id): seats}; all or nothing.
    Cells not given are left as they are.
    Side effects: see allocate_seats. Returns how many cells changed."""
    require(can_manage_delegates(by, conference), NO_RIGHT)
    categories = {c.pk: c for c in DelegateCategory.objects.filter(conference=conference)}
    units = {u.pk: u for u in Unit.objects.filter(pk__in={u for _c, u in seats})}
    current = {
        (a.category_id, a.unit_id): a.seats
        for a in SeatAllocation.objects.filter(category__conference=conference, unit__in=units)
    }
    changed = 0
    for (category_id, unit_id), value in sorted(seats.items()):
        if current.get((category_id, unit_id), 0) == value:
            continue
        if category_id not in categories or unit_id not in units:
            raise DomainError("Bảng phân bổ có thành phần hoặc đơn vị không thuộc hội nghị.")
        allocate_seats(category=categories[category_id], unit=units[unit_id], seats=value, by=by)
        changed += 1
    return changed


@dataclass(frozen=True)
class NoticeReport:
    """Who an allocation notice would reach (the line under the allocation grid): units with
    someone to e-mail, units without (they need the printed notice). The preview and the
    sending itself are `allocation_outbox` and `notify_units`."""

    reached: tuple = ()
    unreached: tuple = ()

    @property
    def units(self) -> int:
        return len(self.reached) + len(self.unreached)


def notice_audience(conference) -> NoticeReport:
    """Before sending: the units the notice would go to, split by whether anyone there can
    receive an e-mail (an active submitter with an address)."""
    units = Unit.objects.filter(
        seat_allocations__category__conference=conference, seat_allocations__seats__gt=0
    ).distinct()
    with_address = set(
        Membership.objects.filter(unit__in=units, role=Role.SUBMITTER, user__is_active=True)
        .exclude(user__email="")
        .values_list("unit_id", flat=True)
    )
    ordered = list(units.order_by("path"))
    return NoticeReport(
        reached=tuple(u for u in ordered if u.pk in with_address),
        unreached=tuple(u for u in ordered if u.pk not in with_address),
    )


def _notice_body(conference, unit, rows, delegate_round) -> str:
    lines = [f"{conference.organiser.name} phân bổ đại biểu dự {conference.title} cho {unit.name}:"]
    lines += [f"- {a.category.title}: {a.seats} đại biểu" for a in rows]
    if delegate_round and delegate_round.deadline:
        lines.append(
            f"Hạn gửi danh sách: {format_date_short(timezone.localtime(delegate_round.deadline).date())}."
        )
    if delegate_round and delegate_round.instructions:
        lines.append(delegate_round.instructions)
    return "\n".join(lines)


def allocation_outbox(conference, delegate_round: DelegateRound | None = None) -> Outbox:
    """The allocation notice as it would go now: one letter per unit with seats (its seats per
    category, the deadline, the instructions, the link to the unit's delegate page) to the
    unit's submitters; a unit without anyone to e-mail gets the printed notice. No side
    effect. The time of the last notice is part of the fingerprint (a second click is stale).
    Four queries."""
    if delegate_round is None:
        delegate_round = DelegateRound.objects.filter(conference=conference).first()
    allocations = list(
        SeatAllocation.objects.filter(category__conference=conference, seats__gt=0)
        .select_related("category", "unit")
        .order_by("unit__path", "category__order", "category__pk")
    )
    by_unit: dict[int, list[SeatAllocation]] = {}
    for a in allocations:
        by_unit.setdefault(a.unit_id, []).append(a)
    submitters: dict[int, list] = {}
    for m in Membership.objects.filter(unit__in=by_unit, role=Role.SUBMITTER).select_related(
        "user"
    ):
        submitters.setdefault(m.unit_id, []).append(m.user)
    paper_url = reverse("document_request", args=["quota_notice", conference.pk])
    back = reverse("delegates_notify", kwargs={"conference_pk": conference.pk})
    letters = []
    for unit_id, rows in by_unit.items():
        unit = rows[0].unit
        letters.append(
            Letter(
                recipient=unit.name,
                users=tuple(submitters.get(unit_id, ())),
                subject=f"Phân bổ đại biểu dự {conference.title}",
                body=_notice_body(conference, unit, rows, delegate_round),
                link=reverse(
                    "delegates_unit", kwargs={"conference_pk": conference.pk, "unit_pk": unit.pk}
                ),
                paper=Paper(
                    url=paper_url,
                    fields=(("param_unit", str(unit.pk)), ("fmt", "pdf"), ("back", back)),
                    label="In thông báo phân bổ (PDF)",
                ),
            )
        )
    notified = delegate_round.notified_at if delegate_round else None
    return build_outbox(letters, state=notified.isoformat() if notified else "")


@transaction.atomic
def notify_units(*, conference, by, count, fingerprint) -> SendReport:
    """Send the allocation notice previewed (see `allocation_outbox`): refused as stale
    (`StaleOutbox`, nothing sent) when the letters are no longer those the office confirmed
    (`count`, `fingerprint`). Returns the honest report: letters sent, e-mails, the units
    nobody can receive it at (they need the printed notice).
    Side effects: one email per submitter of each unit (after commit), the round's
    notified_at, an activity entry."""
    require(can_manage_delegates(by, conference), NO_RIGHT)
    delegate_round, _ = DelegateRound.objects.select_for_update().get_or_create(
        conference=conference
    )
    outbox = allocation_outbox(conference, delegate_round)
    if not outbox.letters:
        raise DomainError("Chưa phân bổ đại biểu cho đơn vị nào.")
    outbox.check(count=count, fingerprint=fingerprint)
    report = outbox.send()
    delegate_round.notified_at = timezone.now()
    delegate_round.save(update_fields=["notified_at"])
    log_activity(
        actor=by,
        conference=conference,
        action="seat_allocation.notified",
        summary=f"Thông báo phân bổ đại biểu: {report.letters} đơn vị nhận thư "
        f"({report.emails} thư điện tử), {len(report.unreached)} đơn vị chưa có tài khoản "
        "nhận thư",
        target=delegate_round,
    )
    return report
