"""Reads of the seating plan: the hall as blocks, rows and seats with who sits there, the
delegates still without a seat, and the printed chart's and place cards' data. Re-exported
by delegates.selectors (the documents app reads them from there)."""

from dataclasses import dataclass, field

from conferences.models import Conference
from core.vntext import name_sort_key

from .models import Delegate, HallBlock, InvitationStatus, Seat, SeatingPlan


def short_name(delegate: Delegate) -> str:
    """What fits in a seat's cell: "N.V. An" for Nguyễn Văn An; a collective's name as is."""
    words = delegate.full_name.split()
    if delegate.is_collective or len(words) < 3:
        return delegate.full_name
    return ".".join(w[0] for w in words[:-1]) + ". " + words[-1]


@dataclass
class BlockView:
    block: HallBlock
    rows: list[list[Seat]] = field(default_factory=list)


def seating_plan(conference: Conference) -> SeatingPlan | None:
    return SeatingPlan.objects.filter(conference=conference).first()


def hall(plan: SeatingPlan | None) -> list[BlockView]:
    """The blocks left to right, each with its rows front to back, each row's seats from the
    left; a seat's `delegate` is loaded. Three queries whatever the size of the hall."""
    if plan is None:
        return []
    blocks = {b.pk: BlockView(b) for b in plan.blocks.all()}
    seats = (
        Seat.objects.filter(block__plan=plan)
        .select_related("delegate__category", "delegate__unit")
        .order_by("block__order", "row", "number")
    )
    for seat in seats:
        view = blocks[seat.block_id]
        seat.block = view.block
        seat.short = short_name(seat.delegate) if seat.delegate else ""
        if not view.rows or view.rows[-1][0].row != seat.row:
            view.rows.append([])
        view.rows[-1].append(seat)
    return list(blocks.values())


def unseated_delegates(conference: Conference) -> list[Delegate]:
    """Who comes (not declined) and has no seat yet, in category order."""
    return list(
        Delegate.objects.filter(conference=conference, seat__isnull=True)
        .exclude(invitation_status=InvitationStatus.DECLINED)
        .select_related("category")
        .order_by("category__order", "full_name", "pk")
    )


def seat_list(conference: Conference) -> list[Delegate]:
    """Every delegate who comes, with `seat` (and its block) loaded or None, in name order:
    the page to move someone with the keyboard or a phone."""
    people = list(
        Delegate.objects.filter(conference=conference)
        .exclude(invitation_status=InvitationStatus.DECLINED)
        .select_related("category", "unit", "seat__block")
    )
    return sorted(people, key=lambda d: (name_sort_key(d.full_name), d.pk))


def seat_counts(blocks: list[BlockView]) -> dict:
    seats = [s for b in blocks for row in b.rows for s in row]
    return {"seats": len(seats), "taken": sum(1 for s in seats if s.delegate_id)}


# --- printing (documents.builders.seating) ----------------------------------------------------
def seating_chart_data(conference: Conference) -> dict:
    """The chart as plain data: the stage's label and per block its name and its rows of
    seats, each seat's number, the sitter's full and short name (or "" when empty); and
    `lookup`, everyone seated in name order with their unit and seat (the chart's last page,
    where the ushers find a name)."""
    plan = seating_plan(conference)
    blocks, seated = [], []
    for view in hall(plan):
        seated += [s for row in view.rows for s in row if s.delegate]
        rows = [
            [
                {
                    "number": s.number,
                    "name": s.delegate.full_name if s.delegate else "",
                    "short": short_name(s.delegate) if s.delegate else "",
                    "reserved": s.reserved,
                }
                for s in row
            ]
            for row in view.rows
        ]
        blocks.append(
            {"name": view.block.name, "seats_per_row": view.block.seats_per_row, "rows": rows}
        )
    seated.sort(key=lambda s: (name_sort_key(s.delegate.full_name), s.delegate.pk))
    lookup = [
        {"name": str(s.delegate), "unit": s.delegate.unit_label, "seat": s.label} for s in seated
    ]
    return {"stage": plan.stage_label if plan else "SÂN KHẤU", "blocks": blocks, "lookup": lookup}


def place_card_data(conference: Conference) -> list[dict]:
    """One card per seated delegate, in seat order: name, position and unit, the seat."""
    seats = (
        Seat.objects.filter(block__plan__conference=conference, delegate__isnull=False)
        .select_related("block", "delegate__unit")
        .order_by("block__order", "row", "number")
    )
    return [
        {
            "name": str(s.delegate),
            "detail": ", ".join(p for p in (s.delegate.position, s.delegate.unit_label) if p),
            "seat": s.label,
        }
        for s in seats
    ]
