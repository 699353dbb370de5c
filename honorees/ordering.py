"""The order of an award list (the decision's annex, the certificates, the printed lists):
collectives first, then individuals, then households; people in Vietnamese name order (given
name, middle names, family name; a household by its head's name), collectives by their name as
written."""

from collections.abc import Callable, Iterable
from typing import TypeVar

from core.vntext import name_sort_key

from .models import Nomination

T = TypeVar("T")
KIND_RANK = {kind: rank for rank, kind in enumerate(Nomination.LIST_ORDER)}
# The heading of each kind's part of a list ("I. TẬP THỂ").
KIND_HEADINGS = {
    Nomination.Kind.COLLECTIVE: "TẬP THỂ",
    Nomination.Kind.INDIVIDUAL: "CÁ NHÂN",
    Nomination.Kind.HOUSEHOLD: "HỘ GIA ĐÌNH",
}


def list_key(nomination: Nomination) -> tuple:
    """A collective by its name as written ("Trường Tiểu học Kim Đồng" under T, not under Đ)."""
    as_written = nomination.kind == Nomination.Kind.COLLECTIVE
    return KIND_RANK.get(nomination.kind, len(KIND_RANK)), name_sort_key(
        nomination.sort_name, as_written=as_written
    )


def in_list_order(
    items: Iterable[T], nomination: Callable[[T], Nomination] = lambda x: x
) -> list[T]:
    """`items` (nominations, or what `nomination` reads one from) in the list's order."""
    return sorted(items, key=lambda item: list_key(nomination(item)))


def grouped_by_kind(
    items: Iterable[T], nomination: Callable[[T], Nomination] = lambda x: x
) -> list[tuple[str, list[T]]]:
    """[(kind, items of that kind in name order)] for the kinds present, in the list's order."""
    groups: dict[str, list[T]] = {}
    for item in in_list_order(items, nomination):
        groups.setdefault(nomination(item).kind, []).append(item)
    return list(groups.items())
