"""Writes for the seating plan: set the hall up, edit its blocks, place the delegates
automatically, move one by hand. Every service checks the office's permission, runs in one
transaction and logs."""

import string
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from conferences.services import log_activity
from core.errors import DomainError
from core.errors import require_permission as require
from core.extensions import stage_order

from ..models import AisleSide, Delegate, HallBlock, InvitationStatus, Seat, SeatingPlan, Source
from ..permissions import can_manage_delegates
from ..selectors import categories_in_order

NO_RIGHT = "Bạn không có quyền xếp chỗ ngồi cho hội nghị này."
LEADER_WORDS = ("lanh dao", "khach moi", "cap tren", "thuong truc")


def _require(by, conference) -> None:
    require(can_manage_delegates(by, conference), NO_RIGHT)


def get_or_create_plan(conference) -> SeatingPlan:
    plan, created = SeatingPlan.objects.get_or_create(conference=conference)
    if created:
        plan.front_categories.set(default_front_categories(conference))
    return plan


def default_front_categories(conference) -> list:
    """Top-level categories whose title names leaders or guests ("Đại biểu cấp trên",
    "khách mời", "lãnh đạo"); else the first category of the plan (not the honourees')."""
    from core.vntext import fold

    tops = [c for c in categories_in_order(conference) if c.parent_id is None]
    named = [c for c in tops if any(w in fold(c.title) for w in LEADER_WORDS)]
    if named:
        return named
    first = next((c for c in tops if not c.is_honoree_category), None)
    return [first] if first else []


def block_names(count: int) -> list[str]:
    """ "Khu A (bên trái)", "Khu B (giữa)", "Khu C (bên phải)" for three blocks."""
    letters = string.ascii_uppercase
    names = [f"Khu {letters[i % 26]}" for i in range(count)]
    if count == 1:
        return names
    names[0] += " (bên trái)"
    names[-1] += " (bên phải)"
    if count == 3:
        names[1] += " (giữa)"
    return names


def default_aisle(index: int, count: int) -> str:
    """The left block's aisle is on its right, the right block's on its left; the others
    have aisles on both sides."""
    if count > 1 and index == 0:
        return AisleSide.RIGHT
    if count > 1 and index == count - 1:
        return AisleSide.LEFT
    return AisleSide.BOTH


def _check_size(rows: int, seats: int, reserved: int) -> None:
    if not (1 <= rows <= 60 and 1 <= seats <= 60):
        raise DomainError("Mỗi khu có từ 1 đến 60 hàng, mỗi hàng từ 1 đến 60 ghế.")
    if reserved > rows:
        raise DomainError("Số hàng dành cho lãnh đạo không được nhiều hơn số hàng.")


def _make_seats(block: HallBlock) -> None:
    """Create the block's missing seats, drop those beyond its size (their delegates lose
    their seats) and mark the reserved rows."""
    block.seats.filter(row__gt=block.rows).delete()
    block.seats.filter(number__gt=block.seats_per_row).delete()
    have = set(block.seats.values_list("row", "number"))
    Seat.objects.bulk_create(
        Seat(block=block, row=r, number=n)
        for r in range(1, block.rows + 1)
        for n in range(1, block.seats_per_row + 1)
        if (r, n) not in have
    )
    block.seats.update(reserved=False)
    block.seats.filter(row__lte=block.reserved_rows).update(reserved=True)


@transaction.atomic
def set_up_hall(
    *, conference, blocks: int, rows: int, seats_per_row: int, reserved_rows: int = 0, by
) -> SeatingPlan:
    """The quick set-up ("3 khu, 12 hàng, 10 ghế"): replaces the hall's blocks (everyone
    loses their seat) with `blocks` equal blocks named left to right.
    Side effects: the plan (created if missing), blocks and seats, an activity entry."""
    _require(by, conference)
    if not 1 <= blocks <= 8:
        raise DomainError("Hội trường có từ 1 đến 8 khu ghế.")
    _check_size(rows, seats_per_row, reserved_rows)
    plan = get_or_create_plan(conference)
    SeatingPlan.objects.select_for_update().get(pk=plan.pk)
    plan.blocks.all().delete()
    for i, name in enumerate(block_names(blocks)):
        block = HallBlock.objects.create(
            plan=plan,
            order=i + 1,
            name=name,
            rows=rows,
            seats_per_row=seats_per_row,
            aisle_side=default_aisle(i, blocks),
            reserved_rows=reserved_rows,
        )
        _make_seats(block)
    log_activity(
        actor=by,
        conference=conference,
        action="seating.set_up",
        summary=f"Thiết lập hội trường: {blocks} khu, {rows} hàng, {seats_per_row} ghế mỗi hàng",
        target=conference,
    )
    return plan


@transaction.atomic
def save_hall(*, conference, settings: dict, blocks: list[dict], by) -> SeatingPlan:
    """Edit the hall: `settings` (stage_label, front_categories) and `blocks`, each a dict
    of the block's fields with "id" (None for a new block) and "delete". A block that shrinks
    drops the seats beyond its size (their delegates lose their seats).
    Side effects: plan, blocks and seats, an activity entry."""
    _require(by, conference)
    plan = get_or_create_plan(conference)
    SeatingPlan.objects.select_for_update().get(pk=plan.pk)
    plan.stage_label = settings.get("stage_label") or "SÂN KHẤU"
    plan.save(update_fields=["stage_label", "updated_at"])
    plan.front_categories.set(
        [c for c in settings.get("front_categories", []) if c.conference_id == conference.pk]
    )
    existing = {b.pk: b for b in plan.blocks.all()}
    kept = [row for row in blocks if not row.get("delete")]
    if not kept:
        raise DomainError("Hội trường phải có ít nhất một khu ghế.")
    for row in blocks:
        if row.get("delete") and row.get("id") in existing:
            existing.pop(row["id"]).delete()
    # Free the orders and names first: the unique constraints hold at each statement.
    for pk in existing:
        HallBlock.objects.filter(pk=pk).update(order=1000 + pk, name=f"~{pk}")
    for order, row in enumerate(kept, start=1):
        _check_size(row["rows"], row["seats_per_row"], row.get("reserved_rows") or 0)
        block = existing.get(row.get("id")) or HallBlock(plan=plan)
        block.order, block.name = order, row["name"].strip()
        block.rows, block.seats_per_row = row["rows"], row["seats_per_row"]
        block.aisle_side = row.get("aisle_side") or AisleSide.BOTH
        block.reserved_rows = row.get("reserved_rows") or 0
        try:
            with transaction.atomic():
                block.save()
        except IntegrityError as exc:
            raise DomainError(f"Hai khu cùng tên “{block.name}”.") from exc
        _make_seats(block)
    log_activity(
        actor=by,
        conference=conference,
        action="seating.hall_saved",
        summary=f"Sửa hội trường: {len(kept)} khu ghế",
        target=conference,
    )
    return plan


# --- automatic placement -----------------------------------------------------------------------
@dataclass(frozen=True)
class PlacementResult:
    placed: int  # everyone with a seat after the run (kept and new)
    kept: int  # placed by hand and left where they were
    unplaced: int  # no seat left for them


def _eligible(conference, present_only: bool) -> list[Delegate]:
    qs = Delegate.objects.filter(conference=conference).exclude(
        invitation_status=InvitationStatus.DECLINED
    )
    if present_only:
        qs = qs.filter(present_at__isnull=False)
    return list(qs.select_related("category").order_by("pk"))


def _groups(conference, plan: SeatingPlan, people: list[Delegate]):
    """(front, honourees, others): the front categories' people in category order; the
    honourees in stage order (core.extensions.stage_order), collectives first where the
    stage order does not know them; everyone else in category order."""
    from core.vntext import name_sort_key

    position = {c.pk: i for i, c in enumerate(categories_in_order(conference))}
    front_ids = set(plan.front_categories.values_list("pk", flat=True))
    stage = stage_order(conference)

    def in_categories(d: Delegate) -> tuple:
        return position.get(d.category_id, 10_000), name_sort_key(d.full_name), d.pk

    def on_stage(d: Delegate) -> tuple:
        return stage.get(d.source_key, 100_000), not d.is_collective, *in_categories(d)

    def is_honoree(d: Delegate) -> bool:
        c = d.category
        return c.is_honoree_category or d.source == Source.HONOREE or d.source_key in stage

    def is_front(d: Delegate) -> bool:
        return d.category_id in front_ids or d.category.parent_id in front_ids

    honourees = sorted((d for d in people if is_honoree(d)), key=on_stage)
    rest = [d for d in people if not is_honoree(d)]
    front = sorted((d for d in rest if is_front(d)), key=in_categories)
    others = sorted((d for d in rest if not is_front(d)), key=in_categories)
    return front, honourees, others


def _seat_keys(blocks: list[HallBlock]):
    """Sort keys for the three kinds of seat: the front (reserved seats first, then the
    front rows, the middle block and the middle of the row first), near the aisle (on the
    aisle first, front to back), and the rest (front to back, the middle block first)."""
    middle = (len(blocks) - 1) / 2
    centre = {b.pk: abs(i - middle) for i, b in enumerate(blocks)}
    by_pk = {b.pk: b for b in blocks}

    def front(s: Seat) -> tuple:
        b = by_pk[s.block_id]
        mid = abs(s.number - (b.seats_per_row + 1) / 2)
        return not s.reserved, s.row, centre[b.pk], b.order, mid, s.number

    def aisle(s: Seat) -> tuple:
        b = by_pk[s.block_id]
        return b.aisle_distance(s.number), s.row, centre[b.pk], b.order, s.number

    def rest(s: Seat) -> tuple:
        b = by_pk[s.block_id]
        return s.row, centre[b.pk], b.order, s.number

    return front, aisle, rest


@transaction.atomic
def place_automatically(
    *, conference, by, redo_all: bool = False, present_only: bool = False
) -> PlacementResult:
    """Seat the delegates who come (not those who declined; with `present_only`, only those
    checked in): the front categories in the reserved seats and the front rows, the
    honourees on the aisle seats in stage order, the others front to back in category order.
    Delegates moved by hand keep their seats unless `redo_all`. The same data give the same
    plan (idempotent).
    Side effects: every seat's delegate and by-hand mark, an activity entry."""
    _require(by, conference)
    plan = SeatingPlan.objects.select_for_update().filter(conference=conference).first()
    if plan is None or not plan.blocks.exists():
        raise DomainError("Hãy thiết lập hội trường (khu, hàng, ghế) trước khi xếp chỗ.")
    blocks = list(plan.blocks.all())
    seats = list(Seat.objects.filter(block__plan=plan))
    people = _eligible(conference, present_only)
    eligible_ids = {d.pk for d in people}
    kept = {
        s.pk: s.delegate_id
        for s in seats
        if s.by_hand and not redo_all and s.delegate_id in eligible_ids
    }
    Seat.objects.filter(block__plan=plan).exclude(pk__in=list(kept)).update(
        delegate=None, by_hand=False
    )
    seated = set(kept.values())
    front, honourees, others = _groups(conference, plan, [d for d in people if d.pk not in seated])
    free = [s for s in seats if s.pk not in kept]
    front_key, aisle_key, rest_key = _seat_keys(blocks)
    chosen: dict[int, int] = {}

    def fill(group: list[Delegate], candidates: list[Seat]) -> None:
        for delegate, seat in zip(group, candidates, strict=False):
            chosen[seat.pk] = delegate.pk

    fill(front, sorted(free, key=front_key))
    free = [s for s in free if s.pk not in chosen and not s.reserved]
    fill(honourees, sorted(free, key=aisle_key))
    free = [s for s in free if s.pk not in chosen]
    fill(others, sorted(free, key=rest_key))
    updates = [Seat(pk=pk, delegate_id=d, by_hand=False) for pk, d in chosen.items()]
    Seat.objects.bulk_update(updates, ["delegate", "by_hand"], batch_size=500)
    result = PlacementResult(
        placed=len(kept) + len(chosen),
        kept=len(kept),
        unplaced=len(front) + len(honourees) + len(others) - len(chosen),
    )
    log_activity(
        actor=by,
        conference=conference,
        action="seating.placed",
        summary=(
            f"Xếp chỗ tự động{' lại toàn bộ' if redo_all else ''}: {result.placed} đại biểu có "
            f"chỗ, {result.unplaced} chưa có chỗ"
        ),
        target=conference,
    )
    return result


# --- moving by hand ----------------------------------------------------------------------------
@transaction.atomic
def move_delegate(*, delegate: Delegate, seat: Seat | None, by) -> Seat | None:
    """Put `delegate` in `seat` (None: take the seat away). A seat someone holds is swapped:
    they get the mover's old seat (or none, if the mover had none). Both seats are marked as
    placed by hand, so automatic placement keeps them.
    Side effects: one or two seats, an activity entry. Returns the delegate's seat."""
    conference = delegate.conference
    _require(by, conference)
    if delegate.invitation_status == InvitationStatus.DECLINED and seat is not None:
        raise DomainError(f"{delegate} đã báo từ chối, không xếp chỗ.")
    wanted = [seat.pk] if seat is not None else []
    locked = _lock(wanted, delegate)
    current = next((s for s in locked if s.delegate_id == delegate.pk), None)
    target = next((s for s in locked if seat is not None and s.pk == seat.pk), None)
    if seat is not None and (target is None or target.block.plan.conference_id != conference.pk):
        raise DomainError("Ghế này không thuộc hội trường của hội nghị.")
    if target is not None and target == current:
        return current
    occupant = target.delegate_id if target is not None else None
    if current is not None:
        current.delegate_id, current.by_hand = None, False
        current.save(update_fields=["delegate", "by_hand"])
    if target is not None:
        target.delegate_id, target.by_hand = delegate.pk, True
        target.save(update_fields=["delegate", "by_hand"])
    if occupant and current is not None:
        current.delegate_id, current.by_hand = occupant, True
        current.save(update_fields=["delegate", "by_hand"])
    log_activity(
        actor=by,
        conference=conference,
        action="seating.moved",
        summary=_move_summary(delegate, target, current, occupant),
        target=delegate,
    )
    return target


def _lock(seat_ids: list[int], delegate: Delegate) -> list[Seat]:
    """The wanted seat and the delegate's own, locked in primary-key order (two people
    swapping at once wait for each other instead of deadlocking)."""
    from django.db.models import Q

    return list(
        Seat.objects.select_for_update(of=("self",))
        .select_related("block__plan")
        .filter(Q(pk__in=seat_ids) | Q(delegate=delegate))
        .order_by("pk")
    )


def _move_summary(delegate, target, current, occupant) -> str:
    if target is None:
        return f"Bỏ chỗ ngồi của {delegate}"
    text = f"Chuyển {delegate} đến {target.label}"
    if occupant and current is not None:
        text += f" (đổi chỗ với đại biểu đang ngồi, người đó sang {current.label})"
    elif occupant:
        text += " (người đang ngồi ghế này chưa có chỗ mới)"
    return text
