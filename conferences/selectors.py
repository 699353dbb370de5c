"""Reads, scoped to what the user may see. A view fetches through these and answers 404 for
anything outside the user's world."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.db import Fold
from core.sorting import DATE_WORDS, NAME_WORDS, Bytewise, Sorting, SortOption
from core.vntext import fold

from .models import ActivityEntry, Conference, Membership, Role, Unit, User
from .models.users import OFFICE_ROLES
from .permissions import memberships_of


def _office_paths(user) -> list[str]:
    return [m.unit.path for m in memberships_of(user) if m.role in OFFICE_ROLES]


def _unit_ids(user) -> list[int]:
    return [m.unit_id for m in memberships_of(user) if m.role not in OFFICE_ROLES]


def _subtree_q(paths: list[str], field: str = "path") -> Q | None:
    if not paths:
        return None
    return reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths))


def visible_units(user) -> QuerySet[Unit]:
    """Units in the subtree of an office role, plus the units of unit roles."""
    if user.is_superuser:
        return Unit.objects.all()
    q = Q(pk__in=_unit_ids(user))
    subtree = _subtree_q(_office_paths(user))
    if subtree is not None:
        q |= subtree
    return Unit.objects.filter(q)


def office_units(user) -> QuerySet[Unit]:
    """The subtree the user works in for an office (empty for unit-only users)."""
    if user.is_superuser:
        return Unit.objects.all()
    subtree = _subtree_q(_office_paths(user))
    return Unit.objects.filter(subtree) if subtree is not None else Unit.objects.none()


def organiser_units(user, *, include: int | None = None) -> QuerySet[Unit]:
    """People's committees (province, district, commune) the user is staff of, directly or
    above: the organisers they may pick for a conference; `include` adds one unit by pk
    (the current organiser on an edit form)."""
    units = Unit.objects.all()
    if not user.is_superuser:
        paths = [m.unit.path for m in memberships_of(user) if m.role == Role.STAFF]
        subtree = _subtree_q(paths)
        units = units.filter(subtree) if subtree is not None else units.none()
    units = units.filter(kind__in=Unit.ORGANISER_KINDS, active=True)
    if include is not None:
        units = units | Unit.objects.filter(pk=include)
    return units.order_by("path")


def search_units(user, *, query: str = "") -> QuerySet[Unit]:
    units = visible_units(user).order_by("path")
    if query:
        folded = fold(query)
        units = units.filter(
            Q(name__fold__contains=folded)
            | Q(short_name__fold__contains=folded)
            | Q(code__icontains=query)
        )
    return units


def tree_roots(user) -> QuerySet[Unit]:
    """The tops of the user's part of the tree: the units of their office roles (every root
    for a superuser) and those of their unit roles that no office role covers."""
    if user.is_superuser:
        return Unit.objects.filter(depth=1).order_by("path")
    paths = set(_office_paths(user))
    heads = [p for p in paths if not any(p != o and p.startswith(o) for o in paths)]
    units = Unit.objects.filter(Q(path__in=heads) | Q(pk__in=_unit_ids(user)))
    if heads:  # a unit role inside an office's subtree is shown there
        units = units.exclude(_subtree_q(heads) & ~Q(path__in=heads))
    return units.order_by("path")


def tree_rows(user) -> list[Unit]:
    """The unit tree as first shown: its tops, each followed by its children (two queries);
    deeper levels are loaded when opened."""
    roots = list(tree_roots(user))
    if not roots:
        return []
    below = reduce(or_, (Q(path__startswith=r.path, depth=r.depth + 1) for r in roots))
    children = list(Unit.objects.filter(below).order_by("path"))
    rows = []
    for root in roots:
        root.opened = True
        rows.append(root)
        rows += [c for c in children if c.path.startswith(root.path)]
    return rows


def unit_children(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).order_by("path")


UNIT_SEARCH_LIMIT = 20


def unit_suggestions(user, *, query: str, within: Unit | None, include_root: bool) -> list[Unit]:
    """Active units whose name, short name or code matches `query` (marks and case aside),
    in the user's world and under `within`; at most UNIT_SEARCH_LIMIT + 1 (one more says
    that there are more). Nothing for fewer than two letters."""
    if len(fold(query).strip()) < 2:
        return []
    units = search_units(user, query=query.strip()).filter(active=True)
    if within is not None:
        units = units.filter(path__startswith=within.path)
        if not include_root:
            units = units.exclude(pk=within.pk)
    return list(units[: UNIT_SEARCH_LIMIT + 1])


def get_unit(user, pk: int) -> Unit:
    return get_object_or_404(visible_units(user), pk=pk)


def parent_unit(unit: Unit) -> Unit | None:
    """The unit one level up the tree (None for a root), e.g. the province over a commune."""
    return Unit.objects.get_parent(unit)


def unit_members(unit: Unit) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(unit=unit)
        .select_related("user")
        .order_by("user__full_name", "role")
    )


def holders_over(unit: Unit, roles) -> list[User]:
    """Active users holding one of `roles` in `unit` or a unit above it; for the staff role,
    also the staff and leaders of the offices drafting for `unit` (conferences.review_chain)."""
    people = list(
        User.objects.filter(
            is_active=True,
            memberships__unit__path__in=_ancestor_paths([unit.path]),
            memberships__role__in=roles,
        ).distinct()
    )
    if Role.STAFF in roles:
        from .review_chain import staff_of

        known = {u.pk for u in people}
        people += [u for u in staff_of(unit) if u.pk not in known]
    return people


def _ancestor_paths(paths: list[str]) -> set[str]:
    steplen = Unit.steplen
    return {p[:i] for p in paths for i in range(steplen, len(p) + 1, steplen)}


# The orders of the conference list (core.sorting): newest first unless the user asks.
CONFERENCE_SORTS = Sorting(
    {
        "thoi-gian": SortOption(
            "Thời gian", ("end_year", "date"), words=DATE_WORDS, descending_first=True
        ),
        "ten": SortOption("Tên hội nghị", (Bytewise(Fold("title")),), words=NAME_WORDS),
    },
    default="-thoi-gian",
)

# The orders of the activity log: newest first unless the user asks for the oldest.
ACTIVITY_SORTS = Sorting(
    {
        "thoi-gian": SortOption(
            "Thời điểm", ("created_at",), words=DATE_WORDS, descending_first=True
        ),
    },
    default="-thoi-gian",
)


def visible_conferences(user) -> QuerySet[Conference]:
    """Office users: conferences organised in their subtree. Unit users: conferences organised
    by a unit above theirs (they take part in those)."""
    qs = Conference.objects.select_related("organiser")
    if user.is_superuser:
        return qs
    q = Q(pk__in=[])
    subtree = _subtree_q(_office_paths(user), "organiser__path")
    if subtree is not None:
        q |= subtree
    unit_paths = [m.unit.path for m in memberships_of(user) if m.role not in OFFICE_ROLES]
    if unit_paths:
        q |= Q(organiser__path__in=_ancestor_paths(unit_paths))
    return qs.filter(q)


def get_conference(user, pk: int) -> Conference:
    return get_object_or_404(visible_conferences(user), pk=pk)


def visible_activity(user) -> QuerySet[ActivityEntry]:
    qs = ActivityEntry.objects.select_related("actor", "conference", "content_type", "scope_unit")
    if user.is_superuser:
        return qs
    subtree = _subtree_q(_office_paths(user), "scope_unit__path")
    return qs.filter(subtree) if subtree is not None else qs.none()


def manageable_users(user) -> QuerySet[User]:
    """People with a role somewhere in the user's office subtree."""
    return User.objects.filter(memberships__unit__in=office_units(user)).distinct()


def conferences_of_organisers(
    organisers: QuerySet[Unit], *, from_year: int, to_year: int, kind: str = ""
) -> QuerySet[Conference]:
    """Conferences organised by these units (a queryset, used as a subquery) whose period
    overlaps the years asked, of one kind or all. For roll-ups; the caller scopes `organisers`."""
    qs = Conference.objects.filter(
        organiser__in=organisers, start_year__lte=to_year, end_year__gte=from_year
    )
    return qs.filter(kind=kind) if kind else qs


def conferences_under(unit: Unit) -> QuerySet[Conference]:
    """Conferences organised by the unit or any unit below it (for a token scoped to it)."""
    return Conference.objects.filter(organiser__path__startswith=unit.path).select_related(
        "organiser", "plan"
    )


def locked_out_usernames(usernames) -> set[str]:
    """Which of these accounts django-axes refuses now: as many wrong passwords in a row from
    one address as LOGIN_FAILURE_LIMIT, within the lockout time."""
    from axes.models import AccessAttempt

    attempts = AccessAttempt.objects.filter(username__in=[u.lower() for u in usernames])
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    locked = (
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"] for row in locked}
