"""The roll-up of an office's communes: each commune's conferences in a period, their
delegates and honourees, summed per commune and for the whole office.

Every figure is aggregated in the database, grouped by conference (one query per kind of
figure, whatever the number of communes), then added up per commune in Python. The figures
per conference are cached per period; the key carries fingerprints of the conferences, the
signed decisions and the delegates, so a change shows at once."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils import timezone
from django.utils.html import format_html_join

from conferences.models import Conference, Unit
from conferences.selectors import conferences_of_organisers
from core.vntext import format_number
from core.vocabulary import Sector
from delegates.selectors import delegate_tally_by_conference, delegates_stamp
from honorees.selectors import (
    award_breakdown_by_conference,
    award_forms_by_id,
    signed_decisions_stamp,
)

from .selectors import row_units, succession_map

NO_SECTOR = "Chưa ghi lĩnh vực"
SECTOR_LABELS = {value: str(label) for value, label in Sector.choices}
CACHE_SECONDS = 15 * 60
ADDITIVE = (
    "conferences",
    "held",
    "delegates",
    "delegates_female",
    "delegates_minority",
    "delegates_direct",
    "honourees",
    "individuals",
    "collectives",
    "female",
    "male",
    "minority",
    "direct",
    "amount",
)


@dataclass(frozen=True)
class RollupFilter:
    from_year: int
    to_year: int
    kind: str = ""

    @classmethod
    def default(cls) -> RollupFilter:
        year = timezone.localdate().year
        return cls(from_year=year, to_year=year)

    @property
    def label(self) -> str:
        years = (
            str(self.from_year)
            if self.from_year == self.to_year
            else f"{self.from_year} - {self.to_year}"
        )
        kind = Conference.Kind(self.kind).label if self.kind else "mọi loại hội nghị"
        return f"{years}, {kind}"


@dataclass
class Figures:
    """Additive counts: a conference's, a commune's (sum of its conferences') or the
    office's (sum of its communes')."""

    conferences: int = 0
    held: int = 0
    delegates: int = 0
    delegates_female: int = 0
    delegates_minority: int = 0
    delegates_direct: int = 0
    honourees: int = 0
    individuals: int = 0
    collectives: int = 0
    female: int = 0
    male: int = 0
    minority: int = 0
    direct: int = 0
    amount: int = 0
    by_form: Counter = field(default_factory=Counter)
    by_sector: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)

    def add(self, other: Figures) -> None:
        for name in ADDITIVE:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.by_form.update(other.by_form)
        self.by_sector.update(other.by_sector)
        self.by_category.update(other.by_category)


@dataclass
class ConferenceRow:
    id: int
    organiser_id: int
    title: str
    kind_label: str
    period: str
    date: dt.date | None
    date_precision: str
    plan_number: str
    figures: Figures = field(default_factory=Figures)

    @property
    def held(self) -> bool:
        return (
            self.date is not None
            and self.date_precision == Conference.DatePrecision.DAY
            and self.date <= timezone.localdate()
        )

    @property
    def status_label(self) -> str:
        if self.held:
            return "Đã tổ chức"
        return "Dự kiến" if self.date else "Chưa có ngày"


@dataclass
class CommuneRow:
    unit: Unit
    conferences: list[ConferenceRow] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)
    cells: list = field(default_factory=list)  # the table's figures, see table_cells
    url: str = ""  # the drill-down page, set by the view

    @property
    def cells_html(self) -> str:
        return cells_html(self.cells)

    @property
    def latest(self) -> ConferenceRow | None:
        return self.conferences[0] if self.conferences else None

    @property
    def has_conference(self) -> bool:
        return bool(self.conferences)


@dataclass
class Rollup:
    scope: Unit
    filter: RollupFilter
    rows: list[CommuneRow]
    totals: Figures
    forms: list  # award forms that appear, in catalogue order
    categories: list[str]  # delegate categories that appear, most delegates first

    @property
    def communes_held(self) -> int:
        return sum(1 for r in self.rows if any(c.held for c in r.conferences))

    @property
    def communes_with_conference(self) -> int:
        return sum(1 for r in self.rows if r.conferences)

    @property
    def total_cells(self) -> list:
        return table_cells(self.totals, self.forms)

    @property
    def total_cells_html(self) -> str:
        return cells_html(self.total_cells)

    def row_for(self, unit_id: int) -> CommuneRow | None:
        return next((r for r in self.rows if r.unit.pk == unit_id), None)


def table_cells(f: Figures, forms: list) -> list:
    """The figures of one row of the roll-up table, in the order of its columns (computed
    here once, so the template renders plain values)."""
    return [
        f.delegates, f.delegates_female, f.delegates_minority, f.delegates_direct,
        f.honourees, f.individuals, f.collectives, f.female, f.minority, f.direct,
        *(f.by_form[form.pk] for form in forms), format_number(f.amount),
    ]  # fmt: skip


def cells_html(cells: list) -> str:
    """The row's figure cells as HTML, built once in Python (a 120-row table of 20 columns is
    thousands of template nodes otherwise)."""
    return format_html_join("", '<td class="text-end">{}</td>', ((c,) for c in cells))


def _plan_number(number: int | None, type_code: str | None) -> str:
    return f"{number:02d}/{type_code}" if number else ""


def _conference_rows(conferences) -> dict[int, ConferenceRow]:
    kinds = dict(Conference.Kind.choices)
    rows = {}
    values = conferences.values(
        "id", "organiser_id", "title", "kind", "start_year", "end_year", "date",
        "date_precision", "plan__number", "plan__type_code",
    ).order_by("-date", "-end_year", "-id")  # fmt: skip
    for v in values:
        period = str(v["start_year"])
        if v["end_year"] != v["start_year"]:
            period = f"{v['start_year']} - {v['end_year']}"
        row = ConferenceRow(
            id=v["id"],
            organiser_id=v["organiser_id"],
            title=v["title"],
            kind_label=str(kinds.get(v["kind"], v["kind"])),
            period=period,
            date=v["date"],
            date_precision=v["date_precision"],
            plan_number=_plan_number(v["plan__number"], v["plan__type_code"]),
        )
        row.figures.conferences = 1
        row.figures.held = int(row.held)
        rows[row.id] = row
    return rows


def _add_delegates(rows: dict[int, ConferenceRow], conferences) -> None:
    for t in delegate_tally_by_conference(conferences):
        f = rows[t["conference_id"]].figures
        f.delegates += t["total"]
        f.delegates_female += t["female"]
        f.delegates_minority += t["minority"]
        f.delegates_direct += t["direct"]
        f.by_category[t["category_title"]] += t["total"]


AWARD_COUNTS = ("individuals", "collectives", "female", "male", "minority", "direct", "amount")


def _add_awards(rows: dict[int, ConferenceRow], conferences) -> None:
    for t in award_breakdown_by_conference(conferences):
        f = rows[t["conference_id"]].figures
        f.honourees += t["lines"]
        for name in AWARD_COUNTS:
            setattr(f, name, getattr(f, name) + t[name])
        f.by_form[t["award_form_id"]] += t["lines"]
        f.by_sector[SECTOR_LABELS.get(t["sector"], NO_SECTOR)] += t["lines"]


def organiser_map(units: list[Unit]) -> dict[int, int]:
    """Organiser unit id -> the row (commune) its conferences count for: each row unit, and
    every old unit that (through one or more mergers) became one of them."""
    mapping = {u.pk: u.pk for u in units}
    successors = succession_map()
    for old in successors:
        new, seen = successors[old], {old}
        while new in successors and new not in seen:
            seen.add(new)
            new = successors[new]
        if new in mapping:
            mapping[old] = new
    return mapping


def _stamp(conferences) -> str:
    """The cache key of these conferences' figures: the query itself (organisers, years,
    kind) and fingerprints that change whenever a figure can (a conference or its plan edited,
    a decision signed, a delegate added, edited or removed)."""
    own = conferences.aggregate(
        n=Count("id"), ids=Sum("id"), changed=Max("updated_at"), plans=Max("plan__updated_at")
    )
    raw = repr(
        (
            str(conferences.query),
            own,
            signed_decisions_stamp(conferences),
            delegates_stamp(conferences),
        )
    )
    return "province:rollup:" + hashlib.sha256(raw.encode()).hexdigest()


def _conference_data(conferences) -> dict[int, ConferenceRow]:
    """Each conference's row and figures, cached per period (and kind, and set of
    organisers) until a fingerprint changes or CACHE_SECONDS pass."""
    key = _stamp(conferences)
    data = cache.get(key)
    if data is None:
        data = _conference_rows(conferences)
        _add_delegates(data, conferences)
        _add_awards(data, conferences)
        cache.set(key, data, CACHE_SECONDS)
    return data


def build_rollup(scope: Unit, flt: RollupFilter) -> Rollup:
    """The roll-up of `scope` for the period and kind in `flt`. Constant query count."""
    units = list(row_units(scope).order_by("path"))
    mapping = organiser_map(units)
    conferences = conferences_of_organisers(
        list(mapping), from_year=flt.from_year, to_year=flt.to_year, kind=flt.kind
    )
    by_conference = _conference_data(conferences)
    rows = {u.pk: CommuneRow(unit=u) for u in units}
    for conf in by_conference.values():  # newest first, so each row's first is its latest
        row = rows[mapping[conf.organiser_id]]
        row.conferences.append(conf)
        row.figures.add(conf.figures)
    totals = Figures()
    for row in rows.values():
        totals.add(row.figures)
    forms = [f for f in award_forms_by_id().values() if totals.by_form[f.pk]]
    forms.sort(key=lambda f: (f.order, f.name))
    for row in rows.values():
        row.cells = table_cells(row.figures, forms)
    categories = [title for title, _ in totals.by_category.most_common()]
    return Rollup(scope, flt, list(rows.values()), totals, forms, categories)
