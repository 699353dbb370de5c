"""Checking a conference's delegate composition against its plan, and the plan's wording.

`evaluate(...)` is pure: it takes plain facts (categories, rules, seat and head counts) and
returns violations, so it is tested without a database. `check_composition(conference)` (in
selectors) gathers the facts and calls it."""

from dataclasses import dataclass, field
from math import ceil, floor

from .models import CompositionRule, TargetKind
from .wording import bounds_wording, target_wording


@dataclass(frozen=True)
class Violation:
    """Something outside the plan's rules. `level`: "error" (over a limit, a rule broken)
    or "warning" (not yet reached)."""

    code: str
    message: str
    level: str = "error"
    category_id: int | None = None


@dataclass(frozen=True)
class CategoryFacts:
    id: int
    title: str
    kind: str
    target_min: int | None
    target_max: int | None
    share_percent: int | None
    noun: str = "đại biểu"
    parent_id: int | None = None
    allocated: int = 0  # seats allocated to units
    actual: int = 0  # delegates in the register (declined ones left out), sub-lines included


@dataclass(frozen=True)
class RuleFacts:
    kind: str
    total_min: int | None = None
    total_max: int | None = None
    attribute: str = ""
    attribute_label: str = ""
    min_percent: int | None = None
    max_percent: int | None = None


@dataclass(frozen=True)
class CompositionFacts:
    categories: list[CategoryFacts]
    rules: list[RuleFacts]
    attribute_counts: dict[str, int] = field(default_factory=dict)

    @property
    def actual_total(self) -> int:
        return sum(c.actual for c in self.categories if c.parent_id is None)


def _limits(c: CategoryFacts) -> tuple[int | None, int | None]:
    if c.kind in (TargetKind.EXACT, TargetKind.RANGE):
        return c.target_min, c.target_max
    return None, None


def _target_text(c: CategoryFacts) -> str:
    return target_wording(c.kind, c.target_min, c.target_max, c.share_percent, c.noun)


# --- checks ------------------------------------------------------------------------------------
def _check_category(c: CategoryFacts) -> list[Violation]:
    low, high = _limits(c)
    out = []
    if high is not None and c.allocated > high:
        out.append(
            Violation(
                "allocation_over_target",
                f"Đã phân bổ {c.allocated} chỗ cho “{c.title}”, vượt chỉ tiêu {_target_text(c)}.",
                category_id=c.id,
            )
        )
    if high is not None and c.actual > high:
        out.append(
            Violation(
                "actual_over_target",
                f"“{c.title}” có {c.actual} {c.noun}, vượt chỉ tiêu {_target_text(c)}.",
                category_id=c.id,
            )
        )
    elif low is not None and c.actual < low:
        out.append(
            Violation(
                "actual_under_target",
                f"“{c.title}” mới có {c.actual}/{_target_text(c)}.",
                level="warning",
                category_id=c.id,
            )
        )
    return out


def _check_sublines(parent: CategoryFacts, children: list[CategoryFacts]) -> list[Violation]:
    """The sub-lines' own minimums must fit inside the parent's maximum."""
    _low, high = _limits(parent)
    floor_sum = sum((_limits(c)[0] or 0) for c in children)
    if high is None or floor_sum <= high:
        return []
    return [
        Violation(
            "sublines_over_parent",
            f"Các dòng con của “{parent.title}” cộng lại {floor_sum}, "
            f"vượt số lượng của thành phần ({_target_text(parent)}).",
            category_id=parent.id,
        )
    ]


def _check_shares(top: list[CategoryFacts], total: int) -> list[Violation]:
    shared = [c for c in top if c.kind == TargetKind.SHARE and c.share_percent]
    out = []
    percent_sum = sum(c.share_percent for c in shared)
    if percent_sum > 100:
        out.append(
            Violation("shares_over_100", f"Tổng tỷ lệ các thành phần là {percent_sum}%, quá 100%.")
        )
    if not total:
        return out
    for c in shared:
        expected = c.share_percent * total / 100
        if not floor(expected) <= c.actual <= ceil(expected):
            actual_pct = round(c.actual * 100 / total)
            out.append(
                Violation(
                    "share_off",
                    f"“{c.title}” chiếm {actual_pct}% ({c.actual}/{total}), "
                    f"kế hoạch là {c.share_percent}%.",
                    level="error" if c.actual > expected else "warning",
                    category_id=c.id,
                )
            )
    return out


def _planned_bounds(top: list[CategoryFacts]) -> tuple[int, int | None]:
    """The smallest and largest total the category targets allow (None: no upper bound)."""
    low, high = 0, 0
    for c in top:
        c_low, c_high = _limits(c)
        low += c_low or 0
        high = None if high is None or c_high is None else high + c_high
    return low, high


def _check_total(rule: RuleFacts, facts: CompositionFacts) -> list[Violation]:
    top = [c for c in facts.categories if c.parent_id is None]
    wording = bounds_wording(rule.total_min, rule.total_max, "đại biểu")
    total = facts.actual_total
    out = []
    plan_low, plan_high = _planned_bounds(top)
    if rule.total_max is not None and plan_low > rule.total_max:
        out.append(
            Violation(
                "plan_over_total",
                f"Số lượng các thành phần cộng lại ít nhất {plan_low}, vượt tổng số {wording}.",
            )
        )
    if rule.total_min is not None and plan_high is not None and plan_high < rule.total_min:
        out.append(
            Violation(
                "plan_under_total",
                f"Số lượng các thành phần cộng lại nhiều nhất {plan_high}, chưa đạt tổng số {wording}.",
            )
        )
    if rule.total_max is not None and total > rule.total_max:
        out.append(Violation("total_over", f"Danh sách có {total} đại biểu, vượt {wording}."))
    elif rule.total_min is not None and total < rule.total_min:
        out.append(
            Violation(
                "total_under", f"Danh sách mới có {total} đại biểu ({wording}).", level="warning"
            )
        )
    return out


def _check_structure(rule: RuleFacts, facts: CompositionFacts) -> list[Violation]:
    total = facts.actual_total
    if not total:
        return []
    count = facts.attribute_counts.get(rule.attribute, 0)
    pct = count * 100 / total
    label = rule.attribute_label
    if rule.min_percent is not None and pct < rule.min_percent:
        return [
            Violation(
                "structure_under",
                f"{label}: {count}/{total} ({round(pct)}%), kế hoạch ít nhất {rule.min_percent}%.",
                level="warning",
            )
        ]
    if rule.max_percent is not None and pct > rule.max_percent:
        return [
            Violation(
                "structure_over",
                f"{label}: {count}/{total} ({round(pct)}%), kế hoạch nhiều nhất {rule.max_percent}%.",
            )
        ]
    return []


def evaluate(facts: CompositionFacts) -> list[Violation]:
    """Every way the register and the allocation differ from the plan. Pure."""
    top = [c for c in facts.categories if c.parent_id is None]
    out = []
    for c in facts.categories:
        out += _check_category(c)
        children = [s for s in facts.categories if s.parent_id == c.id]
        if children:
            out += _check_sublines(c, children)
    out += _check_shares(top, facts.actual_total)
    for rule in facts.rules:
        if rule.kind == CompositionRule.Kind.TOTAL:
            out += _check_total(rule, facts)
        else:
            out += _check_structure(rule, facts)
    return out
