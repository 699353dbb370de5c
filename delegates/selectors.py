"""Reads for the delegates app. Views fetch the conference through
`conferences.selectors.get_conference` (404 outside the user's world), then check a predicate.

Interfaces for other apps (documents, the plan):
- `composition_for_plan(conference) -> list[CompositionLine]` and
  `composition_rules_for_plan(conference) -> list[str]`: the plan's "THÀNH PHẦN, SỐ LƯỢNG"
  section, worded as plans write it (see delegates.plan).
- `check_composition(conference) -> list[Violation]`: what falls outside the plan's rules.
- `delegates_for_invitations(conference, *, category=None, unit=None, status=None)`: the
  delegates to print invitations for, in name order within each category.
- `invitation_qr_svg(delegate) -> str`: the QR code (SVG text) that identifies an invitation.
- `invitation_place_date(conference) -> str`: the invitations' place and date line.
- `seating_chart_data(conference)` and `place_card_data(conference)`: the seating plan's
  printed chart and place cards, as plain data (see delegates.hall).
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Max, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Substr
from django.shortcuts import get_object_or_404

from conferences.models import Conference, Role, Unit
from conferences.permissions import memberships_of
from core.sorting import NAME_WORDS, Sorting, SortOption
from core.vntext import fold, format_place_date, name_sort_key

from .composition import CategoryFacts, CompositionFacts, RuleFacts, Violation, evaluate
from .hall import (
    hall,
    place_card_data,
    seat_counts,
    seat_list,
    seating_chart_data,
    seating_plan,
    unseated_delegates,
)
from .models import (
    CompositionRule,
    Delegate,
    DelegateCategory,
    DelegateRound,
    InvitationStatus,
    SeatAllocation,
)
from .plan import CompositionLine, composition_for_plan, composition_rules_for_plan
from .report import attribute_counts

__all__ = [
    "CompositionLine",
    "composition_for_plan",
    "composition_rules_for_plan",
    "hall",
    "place_card_data",
    "seat_counts",
    "seat_list",
    "seating_chart_data",
    "seating_plan",
    "unseated_delegates",
]

ACTIVE = ~Q(invitation_status=InvitationStatus.DECLINED)


# --- categories and the round ------------------------------------------------------------------
def categories_in_order(conference: Conference) -> list[DelegateCategory]:
    """Top-level categories, each followed by its sub-lines (and theirs); `depth` is set
    (0, 1 or 2)."""
    rows = list(DelegateCategory.objects.filter(conference=conference).order_by("order", "id"))
    ordered: list[DelegateCategory] = []

    def visit(parent_id, depth: int) -> None:
        for category in (c for c in rows if c.parent_id == parent_id):
            category.depth = depth
            ordered.append(category)
            visit(category.pk, depth + 1)

    visit(None, 0)
    return ordered


def round_of(conference: Conference) -> DelegateRound | None:
    return DelegateRound.objects.filter(conference=conference).first()


def invitation_place_date(conference: Conference) -> str:
    """The place and date line of the invitations (mẫu 1.7), as the office set it on the
    round: its place (else the organiser's) and its date, the day left blank for the signer
    unless the office dated it. Unset, the month before the conference ("ngày    tháng 12
    năm 2026" for a January conference), never the month of printing; with no conference
    date either, day, month and year are all left to the signer."""
    delegate_round = round_of(conference)
    place = (delegate_round and delegate_round.invitation_place) or conference.organiser.place_name
    if delegate_round and delegate_round.invitation_date:
        return format_place_date(
            place, delegate_round.invitation_date, blank_day=delegate_round.invitation_day_blank
        )
    if conference.date is None:
        return f"{place}, ngày    tháng    năm     "
    month_before = conference.date.replace(day=1) - dt.timedelta(days=1)
    return format_place_date(place, month_before, blank_day=True)


def get_category(conference: Conference, pk: int) -> DelegateCategory:
    return get_object_or_404(DelegateCategory, conference=conference, pk=pk)


def get_rule(conference: Conference, pk: int) -> CompositionRule:
    return get_object_or_404(CompositionRule, conference=conference, pk=pk)


def get_delegate(conference: Conference, pk: int) -> Delegate:
    return get_object_or_404(
        Delegate.objects.select_related("category", "unit"), conference=conference, pk=pk
    )


# --- counts and checks -------------------------------------------------------------------------
def _counts_by_category(conference: Conference) -> tuple[Counter, Counter]:
    allocated = Counter()
    for category_id, seats in SeatAllocation.objects.filter(
        category__conference=conference
    ).values_list("category_id", "seats"):
        allocated[category_id] += seats
    actual = Counter(
        dict(
            Delegate.objects.filter(ACTIVE, conference=conference)
            .values("category_id")
            .annotate(n=Count("id"))
            .values_list("category_id", "n")
        )
    )
    return allocated, actual


def category_rows(conference: Conference) -> list[DelegateCategory]:
    """Categories in order with `allocated` and `actual` (sub-lines rolled up into parents)."""
    categories = categories_in_order(conference)
    allocated, actual = _counts_by_category(conference)
    for c in categories:
        c.allocated, c.actual = allocated[c.pk], actual[c.pk]
    for c in categories:
        if c.parent_id is not None:
            parent = next(p for p in categories if p.pk == c.parent_id)
            parent.actual += c.actual
            parent.allocated += c.allocated
    return categories


def _facts(conference: Conference, rows: list[DelegateCategory]) -> CompositionFacts:
    categories = [
        CategoryFacts(
            id=c.pk,
            title=c.title,
            kind=c.target_kind,
            target_min=c.target_min,
            target_max=c.target_max,
            share_percent=c.share_percent,
            noun=c.noun,
            parent_id=c.parent_id,
            allocated=c.allocated,
            actual=c.actual,
        )
        for c in rows
    ]
    rules = [
        RuleFacts(
            kind=r.kind,
            total_min=r.total_min,
            total_max=r.total_max,
            attribute=r.attribute,
            attribute_label=r.get_attribute_display() if r.attribute else "",
            min_percent=r.min_percent,
            max_percent=r.max_percent,
        )
        for r in CompositionRule.objects.filter(conference=conference)
    ]
    counts = attribute_counts(conference) if any(r.kind == "structure" for r in rules) else {}
    return CompositionFacts(categories=categories, rules=rules, attribute_counts=counts)


def check_composition(conference: Conference) -> list[Violation]:
    """Per category target vs allocated and registered, the total range or cap, the share
    targets and the structure rules. Errors first, then warnings."""
    violations = evaluate(_facts(conference, category_rows(conference)))
    return sorted(violations, key=lambda v: v.level != "error")


# --- allocation --------------------------------------------------------------------------------
def _allocatable(conference: Conference) -> QuerySet[Unit]:
    return (
        Unit.objects.filter(path__startswith=conference.organiser.path, active=True)
        .exclude(pk=conference.organiser_id)
        .order_by("path")
    )


def allocatable_unit_queryset(conference: Conference) -> QuerySet[Unit]:
    """The units below the organiser that can be given seats (for a form field to check)."""
    return _allocatable(conference)


def allocatable_units(conference: Conference) -> list[Unit]:
    """Units below the organiser that can be given seats, in tree order."""
    return list(_allocatable(conference))


# A part of the grid posts at most this many seat fields, well under Django's
# DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000): a province's grid (3,000 units x 5 categories) is
# shown and saved one unit group (a commune and its units) at a time, cut into pages.
GRID_FIELDS_PER_PART = 600


@dataclass(frozen=True)
class AllocationGroup:
    """A unit directly below the organiser with the units under it: one part of the grid."""

    unit: Unit
    units: int
    seats: int


@dataclass(frozen=True)
class AllocationPart:
    """The units of the grid shown and saved together (tree order)."""

    units: list[Unit]
    groups: list[AllocationGroup]  # empty when the whole grid fits in one part
    group: AllocationGroup | None
    page: int
    pages: int

    @property
    def page_numbers(self) -> range:
        return range(1, self.pages + 1)


def _group_prefix(conference: Conference):
    return Substr("path", 1, len(conference.organiser.path) + Unit.steplen)


def allocation_groups(conference: Conference) -> list[AllocationGroup]:
    """The units directly below the organiser, each with how many allocatable units its
    group holds (itself included) and the seats given to them (three queries)."""
    prefix = _group_prefix(conference)
    units = dict(
        _allocatable(conference)
        .order_by()
        .annotate(prefix=prefix)
        .values("prefix")
        .annotate(n=Count("id"))
        .values_list("prefix", "n")
    )
    seats = dict(
        SeatAllocation.objects.filter(
            category__conference=conference,
            unit__path__startswith=conference.organiser.path,
        )
        .order_by()
        .annotate(prefix=Substr("unit__path", 1, len(conference.organiser.path) + Unit.steplen))
        .values("prefix")
        .annotate(n=Sum("seats"))
        .values_list("prefix", "n")
    )
    heads = Unit.objects.filter(
        path__startswith=conference.organiser.path, depth=conference.organiser.depth + 1
    ).order_by("path")
    return [
        AllocationGroup(u, units[u.path], seats.get(u.path) or 0) for u in heads if u.path in units
    ]


def allocation_part(
    conference: Conference, *, categories: int, group_pk=None, page=None
) -> AllocationPart:
    """The part of the grid to show: every unit when they fit in one part, otherwise the
    units of one group (`group_pk`, the first group when absent or unknown), page `page`."""
    per_part = max(1, GRID_FIELDS_PER_PART // max(1, categories))
    units = _allocatable(conference)
    if units.count() <= per_part:
        return AllocationPart(list(units), [], None, 1, 1)
    groups = allocation_groups(conference)
    group = next((g for g in groups if str(g.unit.pk) == str(group_pk)), groups[0])
    paginator = Paginator(units.filter(path__startswith=group.unit.path), per_part)
    current = paginator.get_page(page)
    return AllocationPart(
        list(current.object_list), groups, group, current.number, paginator.num_pages
    )


def allocation_map(conference: Conference, *, units=None) -> dict[tuple[int, int], int]:
    """{(category_id, unit_id): seats}, for `units` only when given."""
    qs = SeatAllocation.objects.filter(category__conference=conference)
    if units is not None:
        qs = qs.filter(unit__in=units)
    return {(a.category_id, a.unit_id): a.seats for a in qs}


def units_with_allocations(conference: Conference) -> list[Unit]:
    ids = SeatAllocation.objects.filter(category__conference=conference, seats__gt=0).values(
        "unit_id"
    )
    return list(Unit.objects.filter(pk__in=ids).order_by("path"))


@dataclass(frozen=True)
class UnitAllocation:
    allocation: SeatAllocation
    used: int

    @property
    def left(self) -> int:
        return max(self.allocation.seats - self.used, 0)


def unit_allocations(conference: Conference, unit: Unit) -> list[UnitAllocation]:
    allocations = SeatAllocation.objects.filter(
        category__conference=conference, unit=unit
    ).select_related("category")
    used = dict(
        Delegate.objects.filter(ACTIVE, conference=conference, unit=unit)
        .values("category_id")
        .annotate(n=Count("id"))
        .values_list("category_id", "n")
    )
    return [UnitAllocation(a, used.get(a.category_id, 0)) for a in allocations]


def unit_delegates(conference: Conference, unit: Unit) -> list[Delegate]:
    rows = Delegate.objects.filter(conference=conference, unit=unit).select_related("category")
    return sorted(rows, key=lambda d: (d.category.order, name_sort_key(d.full_name)))


def get_allocated_unit(user, conference: Conference, unit_pk: int) -> Unit:
    """A unit that has seats in this conference (404 otherwise)."""
    return get_object_or_404(
        Unit.objects.filter(seat_allocations__category__conference=conference).distinct(),
        pk=unit_pk,
    )


def submitter_allocations(user) -> list[tuple[Conference, Unit, int, int, DelegateRound | None]]:
    """For the home page: (conference, unit, seats, used, round) per unit the user submits for."""
    unit_ids = [m.unit_id for m in memberships_of(user) if m.role == Role.SUBMITTER]
    if not unit_ids:
        return []
    allocations = (
        SeatAllocation.objects.filter(unit_id__in=unit_ids, seats__gt=0)
        .select_related("category__conference__delegate_round", "unit")
        .order_by("category__conference_id", "unit_id")
    )
    grouped: dict[tuple[int, int], list] = {}
    for a in allocations:
        grouped.setdefault((a.category.conference_id, a.unit_id), []).append(a)
    used = Counter()
    for conf_id, unit_id, n in (
        Delegate.objects.filter(ACTIVE, unit_id__in=unit_ids)
        .values("conference_id", "unit_id")
        .annotate(n=Count("id"))
        .values_list("conference_id", "unit_id", "n")
    ):
        used[(conf_id, unit_id)] = n
    result = []
    for (conf_id, unit_id), rows in grouped.items():
        conference = rows[0].category.conference
        delegate_round = getattr(conference, "delegate_round", None)
        seats = sum(a.seats for a in rows)
        result.append((conference, rows[0].unit, seats, used[(conf_id, unit_id)], delegate_round))
    return result


# --- register ----------------------------------------------------------------------------------
# The invitation statuses in the order of their moves (to invite, invited, confirmed, declined).
_STATUS_RANK = Case(
    *(When(invitation_status=value, then=Value(rank)) for rank, value in
      enumerate(InvitationStatus.values)),
    default=Value(len(InvitationStatus.values)),
    output_field=IntegerField(),
)  # fmt: skip

# The orders the register offers (core.sorting); by default each category (in the plan's
# order) lists its people in Vietnamese name order, given name first.
REGISTER_SORTS = Sorting(
    {
        "thanh-phan": SortOption("Thành phần", ("category__order", "category_id"), ("sort_key",)),
        "ten": SortOption("Họ và tên", ("sort_key",), words=NAME_WORDS),
        "don-vi": SortOption("Đơn vị", ("unit__path", "unit_name"), ("sort_key",)),
        "tinh-trang": SortOption("Tình trạng mời", (_STATUS_RANK,), ("sort_key",)),
    },
    default="thanh-phan",
)


def register(
    conference: Conference, *, filters: dict | None = None, sort: str | None = None
) -> QuerySet[Delegate]:
    """The register, filtered by category (its sub-lines included), unit, status, source, in
    the order `sort` names (REGISTER_SORTS; its default for None or an unknown name)."""
    filters = filters or {}
    qs = Delegate.objects.filter(conference=conference).select_related(
        "category", "unit", "seat__block"
    )
    if filters.get("category"):
        qs = qs.filter(
            Q(category_id=filters["category"]) | Q(category__parent_id=filters["category"])
        )
    for key in ("unit", "invitation_status", "source"):
        if filters.get(key):
            qs = qs.filter(**{key: filters[key]})
    if filters.get("q"):
        qs = qs.filter(full_name__fold__contains=fold(filters["q"]))
    return qs.order_by(*REGISTER_SORTS.order_by(sort))


def sorted_by_name(delegates) -> list[Delegate]:
    return sorted(
        delegates, key=lambda d: (d.category.order, d.category_id, name_sort_key(d.full_name))
    )


def delegates_for_invitations(
    conference: Conference, *, category=None, unit=None, status=None
) -> list[Delegate]:
    """Delegates to print invitations for (declined ones left out unless `status` asks for
    them), in category order then Vietnamese name order. `category` includes its sub-lines."""
    qs = register(
        conference,
        filters={"category": getattr(category, "pk", category), "unit": getattr(unit, "pk", unit)},
    )
    qs = qs.filter(invitation_status=status) if status else qs.filter(ACTIVE)
    return sorted_by_name(qs)


def invitation_qr_svg(delegate: Delegate) -> str:
    """An SVG QR code of the invitation token (what the reception desk scans)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(
        delegate.invitation_token, image_factory=qrcode.image.svg.SvgPathImage, box_size=10
    )
    return image.to_string(encoding="unicode")


# --- the same person twice --------------------------------------------------------------------
def _person_rows(qs) -> list:
    from core.people import PersonRow

    return [
        PersonRow(pk, name, year, unit)
        for pk, name, year, unit in qs.values_list("pk", "full_name", "birth_year", "unit_id")
    ]


def duplicate_delegates(conference: Conference) -> dict[int, list[int]]:
    """{delegate pk: the other delegates of the conference who are the same person} (core.people:
    folded name, birth year and unit not contradicting). Collectives are left out."""
    from core.people import duplicates

    people = Delegate.objects.filter(conference=conference, is_collective=False)
    return duplicates(_person_rows(people))


def same_person_as(conference: Conference, *, full_name: str, birth_year=None, unit=None):
    """Delegates of the conference who are the person described (for an honouree joining the
    register, or a warning on entry)."""
    from core.people import PersonRow, same_person
    from core.vntext import fold

    wanted = PersonRow(0, full_name, birth_year, unit.pk if unit else None)
    candidates = Delegate.objects.filter(
        conference=conference, is_collective=False, full_name__fold=fold(full_name)
    )
    rows = {r.pk: r for r in _person_rows(candidates)}
    return [d for d in candidates if same_person(wanted, rows[d.pk])]


# --- check-in ----------------------------------------------------------------------------------
def checkin_search(conference: Conference, query: str, *, limit: int = 15) -> list[Delegate]:
    """Delegates whose name holds every word typed, in any order and without diacritics:
    "dao nguyet" finds "Nguyễn Thị Nguyệt Đào"."""
    folded = fold(query or "")
    if len(folded.replace(" ", "")) < 2:
        return []
    words = Q()
    for word in folded.split():
        words &= Q(full_name__fold__contains=word)
    qs = (
        Delegate.objects.filter(words, conference=conference)
        .select_related("category", "unit", "seat__block")
        .order_by("full_name")[:limit]
    )
    return list(qs)


def checkin_counts(conference: Conference) -> list[DelegateCategory]:
    """Per top-level category: `expected` (not declined) and `present`."""
    rows = [c for c in categories_in_order(conference) if c.parent_id is None]
    stats = (
        Delegate.objects.filter(ACTIVE, conference=conference)
        .annotate(top=Coalesce(F("category__parent_id"), F("category_id")))
        .values("top")
        .annotate(expected=Count("id"), present=Count("id", filter=Q(present_at__isnull=False)))
    )
    by_top = {s["top"]: s for s in stats}
    for c in rows:
        s = by_top.get(c.pk, {})
        c.expected, c.present = s.get("expected", 0), s.get("present", 0)
    return rows


# --- Roll-ups for offices above the organiser (the province view) ------------------------------
def delegate_tally_by_conference(conferences: QuerySet) -> list[dict]:
    """Registered delegates (declined left out) of these conferences (a queryset, used as a
    subquery), one row per conference and top-level category title: total, women, ethnic
    minorities, direct producers."""
    return list(
        Delegate.objects.filter(ACTIVE, conference__in=conferences)
        .values(
            "conference_id", category_title=Coalesce("category__parent__title", "category__title")
        )
        .annotate(
            total=Count("id"),
            female=Count("id", filter=Q(gender="female")),
            minority=Count("id", filter=~Q(ethnicity__in=["", "Kinh"])),
            direct=Count("id", filter=Q(works_directly_in_production=True)),
        )
        .order_by()
    )


def delegates_stamp(conferences: QuerySet) -> dict:
    """A fingerprint of the registers of these conferences: it changes when a delegate is
    added, edited (status included) or removed."""
    return Delegate.objects.filter(conference__in=conferences).aggregate(
        n=Count("id"), ids=Sum("id"), changed=Max("updated_at")
    )


# --- The register's Excel list, rendered by the worker past a few thousand rows ---------------
def register_export_fingerprint(conference: Conference, filters: dict) -> list:
    """What changes whenever the filtered register does: rows, latest change, latest id."""
    facts = register(conference, filters=filters).aggregate(
        rows=Count("id"), changed=Max("updated_at"), last=Max("id")
    )
    changed = facts["changed"].isoformat() if facts["changed"] else ""
    return [facts["rows"], changed, facts["last"]]


def register_export_table(conference: Conference, filters: dict, sort: str | None = None) -> dict:
    """The filtered register as plain rows, in the order of the page it was asked from
    (`sort`, REGISTER_SORTS: by default categories, each in Vietnamese name order); a
    documents builder writes the .xlsx, the view streams it when the list is short."""
    from .resources import RegisterResource

    rows = register(conference, filters=filters, sort=sort)
    dataset = RegisterResource().export(queryset=rows)
    return {
        "sheet": "Đại biểu",
        "headers": list(dataset.headers),
        "rows": [list(r) for r in dataset],
    }


def attendance_totals(conference: Conference) -> dict[str, int]:
    """The register in three numbers for reports: everyone, those invited (an invitation
    sent, whatever the answer) and those present at check-in; one query."""
    return Delegate.objects.filter(conference=conference).aggregate(
        total=Count("id"),
        invited=Count("id", filter=~Q(invitation_status=Delegate.Status.TO_INVITE)),
        present=Count("id", filter=Q(present_at__isnull=False)),
    )
