"""The statutory statistics of emulation and commendation work (thi đua, khen thưởng), per
unit and rolled up, from the signed decisions dated within a period.

Form codes follow Thông tư 02/2023/TT-BNV (biểu 0601.N-0605.N/BNV-TĐKT). Neither the
circular's own column layout nor the forms of Thông tư 18/2025/TT-BNV, which replaces it,
could be found to verify against, so the columns are ours, drawn from what the decisions
record; FORM_TITLES and TITLE_CODES are data to correct when the official layout is at hand.
Each form's total row is the sum of its unit rows, and `checks` compares the forms with
each other and with a separate count of the decisions."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from conferences.models import Conference, Unit
from conferences.selectors import conferences_of_organisers
from honorees.selectors import (
    award_breakdown_by_organiser,
    award_forms_by_id,
    signed_decision_totals,
)

from .rollup import organiser_map
from .selectors import row_units

CIRCULAR = "Thông tư 02/2023/TT-BNV"
FORM_TITLES = {
    "0601": "Phong trào thi đua, hội nghị thi đua - khen thưởng",
    "0602": "Danh hiệu thi đua",
    "0603": "Hình thức khen thưởng",
    "0604": "Tập thể, cá nhân được khen thưởng theo đối tượng",
    "0605": "Tiền thưởng",
}
# Award forms that are emulation titles (danh hiệu thi đua, Luật TĐKT Điều 8); every other
# form of the catalogue counts as a form of commendation (hình thức khen thưởng).
TITLE_CODES = frozenset({"ldtt", "cstt", "cstd-cs", "tt-ldtt", "tt-ldxs", "thon-vh", "co-tinh"})
KIND_LABEL = {"individual": "cá nhân", "collective": "tập thể"}


@dataclass
class StatForm:
    code: str
    title: str
    columns: list[str]
    rows: list[tuple[Unit, list[int]]] = field(default_factory=list)

    @property
    def full_code(self) -> str:
        return f"{self.code}.N/BNV-TĐKT"

    @property
    def total(self) -> list[int]:
        return [sum(values[i] for _, values in self.rows) for i in range(len(self.columns))]


@dataclass(frozen=True)
class Check:
    label: str
    left: int
    right: int

    @property
    def ok(self) -> bool:
        return self.left == self.right


@dataclass
class Statistics:
    scope: Unit
    date_from: dt.date
    date_to: dt.date
    forms: list[StatForm]
    checks: list[Check]

    @property
    def all_agree(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def period_label(self) -> str:
        return f"từ {self.date_from:%d/%m/%Y} đến {self.date_to:%d/%m/%Y}"

    def as_payload(self) -> dict:
        """Plain data with the names the PDF's template reads (a worker renders it)."""
        return {
            "scope": {"name": self.scope.name, "code": self.scope.code},
            "period_label": self.period_label,
            "years": [self.date_from.year, self.date_to.year],
            "forms": [
                {
                    "code": form.code,
                    "full_code": form.full_code,
                    "title": form.title,
                    "columns": list(form.columns),
                    "rows": [
                        [{"name": unit.name, "official_code": unit.official_code}, list(values)]
                        for unit, values in form.rows
                    ],
                    "total": form.total,
                }
                for form in self.forms
            ],
            "checks": [
                {"label": c.label, "left": c.left, "right": c.right, "ok": c.ok}
                for c in self.checks
            ],
        }


def _grouped(scope: Unit, units: list[Unit], date_from, date_to):
    """{row unit id: Counter} of award lines, and {row unit id: Counter} of conferences."""
    mapping = organiser_map(units)
    organisers = list(mapping)
    awards: dict[int, Counter] = defaultdict(Counter)
    for r in award_breakdown_by_organiser(organisers, date_from=date_from, date_to=date_to):
        c = awards[mapping[r["organiser_id"]]]
        # The forms count collectives and individuals; a household counts as an individual.
        kind = "collective" if r["kind"] == "collective" else "individual"
        c[("lines", r["award_form_id"], kind)] += r["lines"]
        c[("amount", r["award_form_id"])] += r["amount"]
        for name in ("female", "minority", "direct"):
            c[name] += r[name]
    conferences: dict[int, Counter] = defaultdict(Counter)
    held = conferences_of_organisers(
        organisers, from_year=date_from.year, to_year=date_to.year
    ).filter(date__gte=date_from, date__lte=date_to)
    for organiser_id, kind in held.values_list("organiser_id", "kind"):
        conferences[mapping[organiser_id]][kind] += 1
    return awards, conferences


def _form_0601(units, conferences) -> StatForm:
    kinds = list(Conference.Kind.choices)
    form = StatForm("0601", FORM_TITLES["0601"], [str(label) for _, label in kinds] + ["Tổng số"])
    for u in units:
        values = [conferences[u.pk][k] for k, _ in kinds]
        form.rows.append((u, [*values, sum(values)]))
    return form


def _lines_form(code, units, awards, forms, kinds) -> StatForm:
    columns = [(f, k) for f in forms for k in kinds if _offers(f, k)]
    labels = [f"{f.name} ({KIND_LABEL[k]})" for f, k in columns]
    form = StatForm(code, FORM_TITLES[code], [*labels, "Tổng số"])
    for u in units:
        values = [awards[u.pk][("lines", f.pk, k)] for f, k in columns]
        form.rows.append((u, [*values, sum(values)]))
    return form


def _offers(form, kind: str) -> bool:
    if kind == "collective":
        return form.for_collectives
    return form.for_individuals or form.for_households


def _form_0604(units, awards) -> StatForm:
    columns = [
        "Tổng số", "Tập thể", "Cá nhân", "Trong đó: nữ", "Dân tộc thiểu số",
        "Trực tiếp lao động, sản xuất",
    ]  # fmt: skip
    form = StatForm("0604", FORM_TITLES["0604"], columns)
    for u in units:
        c = awards[u.pk]
        by_kind = Counter()
        for key, n in c.items():
            if isinstance(key, tuple) and key[0] == "lines":
                by_kind[key[2]] += n
        total = by_kind["collective"] + by_kind["individual"]
        values = [total, by_kind["collective"], by_kind["individual"]]
        form.rows.append((u, values + [c["female"], c["minority"], c["direct"]]))
    return form


def _form_0605(units, awards, forms) -> StatForm:
    form = StatForm("0605", FORM_TITLES["0605"], [f.name for f in forms] + ["Tổng số (đồng)"])
    for u in units:
        values = [awards[u.pk][("amount", f.pk)] for f in forms]
        form.rows.append((u, [*values, sum(values)]))
    return form


def _checks(forms: dict[str, StatForm], decided: dict) -> list[Check]:
    titles, commendations = forms["0602"].total[-1], forms["0603"].total[-1]
    by_target = forms["0604"].total
    return [
        Check("Biểu 0602 + biểu 0603 = tổng số của biểu 0604", titles + commendations, by_target[0]),
        Check("Biểu 0604: tập thể + cá nhân = tổng số", by_target[1] + by_target[2], by_target[0]),
        Check("Biểu 0604 = số tập thể, cá nhân trong các quyết định", by_target[0], decided["lines"]),
        Check("Biểu 0605 = tiền thưởng trong các quyết định", forms["0605"].total[-1], decided["amount"]),
    ]  # fmt: skip


def build_statistics(scope: Unit, *, date_from: dt.date, date_to: dt.date) -> Statistics:
    """The five forms for the office itself and the units of its roll-up, and the checks."""
    units = list(row_units(scope).order_by("path"))
    if scope.kind != Unit.Kind.COMMUNE:
        units.insert(0, scope)  # the office's own decisions (Bằng khen, Cờ thi đua...)
    awards, conferences = _grouped(scope, units, date_from, date_to)
    catalogue = sorted(award_forms_by_id().values(), key=lambda f: (f.order, f.name))
    used = {key[1] for c in awards.values() for key in c if isinstance(key, tuple)}
    catalogue = [f for f in catalogue if f.active or f.pk in used]
    titles = [f for f in catalogue if f.code in TITLE_CODES]
    others = [f for f in catalogue if f.code not in TITLE_CODES]
    kinds = ("collective", "individual")
    forms = {
        "0601": _form_0601(units, conferences),
        "0602": _lines_form("0602", units, awards, titles, kinds),
        "0603": _lines_form("0603", units, awards, others, kinds),
        "0604": _form_0604(units, awards),
        "0605": _form_0605(units, awards, catalogue),
    }
    # Counted apart: every decision of the subtree (and of merged units), so a decision the
    # forms leave out (say, one a school signed) shows as a disagreement.
    merged = [old for old, new in organiser_map(units).items() if old != new]
    subtree = Unit.objects.filter(Q(path__startswith=scope.path) | Q(pk__in=merged))
    decided = signed_decision_totals(subtree, date_from=date_from, date_to=date_to)
    return Statistics(scope, date_from, date_to, list(forms.values()), _checks(forms, decided))
