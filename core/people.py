"""One person across the registers of a conference (delegates, honourees): the same folded
name (diacritics, case, spacing and old/new tone placement, "hoà"/"hòa", all fold alike), and
no contradiction in birth year or unit (a missing one does not contradict)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .vntext import fold


@dataclass(frozen=True)
class PersonRow:
    pk: int
    name: str
    birth_year: int | None = None
    unit_id: int | None = None

    @property
    def key(self) -> str:
        return fold(self.name)


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def same_person(a: PersonRow, b: PersonRow) -> bool:
    return (
        a.key == b.key
        and bool(a.key)
        and _agree(a.birth_year, b.birth_year)
        and _agree(a.unit_id, b.unit_id)
    )


def duplicates(rows: Iterable[PersonRow]) -> dict[int, list[int]]:
    """{pk: the other pks that are the same person} for every row that has a twin; rows are
    compared only within the same folded name, so this is linear in practice."""
    by_key: dict[str, list[PersonRow]] = defaultdict(list)
    for row in rows:
        by_key[row.key].append(row)
    twins: dict[int, list[int]] = {}
    for group in by_key.values():
        if len(group) < 2:
            continue
        for row in group:
            others = [o.pk for o in group if o.pk != row.pk and same_person(row, o)]
            if others:
                twins[row.pk] = others
    return twins
