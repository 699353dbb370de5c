"""The plan's "THÀNH PHẦN, SỐ LƯỢNG" section, worded as the plans write it.

    1. Đại biểu Thành phố: 10 đại biểu
    - Đồng chí Giám đốc Sở ...

Targets read "10 đại biểu", "120-150 đại biểu", "tối đa 100 đại biểu" or "70%"; description
lines are kept as typed (with their own "-" or "+"). Sub-lines are numbered "2.1." under a
numbered line, or marked like their parent otherwise."""

from dataclasses import dataclass

from conferences.models import Conference

from .models import CompositionRule, DelegateCategory, DelegateRound, TargetKind
from .models.categories import LineMarker
from .wording import bounds_wording

MARKERS = {DelegateRound.LineMarker.PLUS: "+", DelegateRound.LineMarker.DASH: "-"}


@dataclass(frozen=True)
class CompositionLine:
    number: str  # "1.", "2.1.", "1.1.1.", "+", "-", "*" or "" (unmarked)
    title: str
    target: str  # "" when the plan gives no number
    description_lines: tuple[str, ...] = ()
    sub_lines: tuple["CompositionLine", ...] = ()
    note: str = ""  # printed after the line: "(dự và đưa tin)"

    @property
    def text(self) -> str:
        text = f"{self.title}: {self.target}" if self.target else self.title
        return f"{text} {self.note}" if self.note else text

    @property
    def heading(self) -> str:
        return f"{self.number} {self.text}".strip()

    def text_lines(self) -> list[str]:
        lines = [self.heading, *self.description_lines]
        for sub in self.sub_lines:
            lines += sub.text_lines()
        return lines


def _line(category: DelegateCategory, number: str, subs=()) -> CompositionLine:
    return CompositionLine(
        number=number,
        title=category.title,
        target=category.target_text,
        description_lines=tuple(category.description_lines),
        sub_lines=tuple(subs),
        note=category.note,
    )


def _marker(conference: Conference) -> str | None:
    delegate_round = DelegateRound.objects.filter(conference=conference).first()
    style = delegate_round.line_marker if delegate_round else DelegateRound.LineMarker.NUMBERS
    return MARKERS.get(style)


def _number(category: DelegateCategory, default: str | None, path: str, index: int) -> str:
    """The line's mark: its own marker, else the conference's; numbers nest "1.", "1.1."."""
    marker = category.marker or ("numbered" if default is None else default)
    if marker == "numbered":
        return f"{path}{index}."
    return "" if marker == LineMarker.NONE else marker


def _lines(rows: list, parent_id, default: str | None, path: str = "") -> list[CompositionLine]:
    out = []
    children = [c for c in rows if c.parent_id == parent_id]
    for index, category in enumerate(children, start=1):
        number = _number(category, default, path, index)
        deeper = f"{path}{index}." if number.endswith(".") else path
        out.append(_line(category, number, _lines(rows, category.pk, default, deeper)))
    return out


def composition_for_plan(conference: Conference) -> list[CompositionLine]:
    """The categories as plan lines, in order, sub-lines inside their parent (three levels)."""
    rows = list(DelegateCategory.objects.filter(conference=conference).order_by("order", "id"))
    return _lines(rows, None, _marker(conference))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def share_wording(conference: Conference) -> str:
    """ "đại biểu điển hình tiên tiến 70%, đại biểu khách mời 30%" ("" without shares)."""
    shared = DelegateCategory.objects.filter(
        conference=conference, parent=None, target_kind=TargetKind.SHARE
    ).order_by("order", "id")
    return ", ".join(f"{_lower_first(c.title)} {c.share_percent}%" for c in shared)


def _rule_wording(rule: CompositionRule) -> str:
    if rule.kind == CompositionRule.Kind.TOTAL:
        bounds = bounds_wording(rule.total_min, rule.total_max, "đại biểu")
        if rule.note:
            text = f"Số lượng đại biểu: {rule.note} ({bounds})."
        else:
            text = f"Tổng số đại biểu: {bounds}."
        return f"Dự kiến {text[:1].lower()}{text[1:]}" if rule.expected else text
    parts = []
    if rule.min_percent is not None:
        parts.append(f"ít nhất {rule.min_percent}%")
    if rule.max_percent is not None:
        parts.append(f"nhiều nhất {rule.max_percent}%")
    return f"Cơ cấu: {rule.get_attribute_display()} {' và '.join(parts)}."


def composition_rules_for_plan(conference: Conference) -> list[str]:
    """The conference-wide wording: total ("Số lượng đại biểu: ... (tối đa 100 đại biểu)."),
    shares ("Tỷ lệ: đại biểu điển hình tiên tiến 70%, đại biểu khách mời 30%.") and structure
    rules, in that order."""
    rules = list(CompositionRule.objects.filter(conference=conference).order_by("kind", "id"))
    lines = [_rule_wording(r) for r in rules if r.kind == CompositionRule.Kind.TOTAL]
    shares = share_wording(conference)
    if shares:
        lines.append(f"Tỷ lệ: {shares}.")
    lines += [_rule_wording(r) for r in rules if r.kind == CompositionRule.Kind.STRUCTURE]
    return lines


# --- The plan's composition section (conferences.plans.outline provider) --------------------

_LEADS = ("- + ", "- ", "+ ", "* ")


def _typed_line(text: str, level: int):
    """A description line kept as typed: its own "-" or "+" becomes the marker."""
    from conferences.plans.outline import Line

    for lead in _LEADS:
        if text.startswith(lead):
            return Line("item", text[len(lead) :], marker=lead.strip()[-1], level=level)
    return Line("para", text)


def _composition_lines(line: CompositionLine, level: int = 0) -> list:
    from conferences.plans.outline import Line

    out = [Line("item", line.text, marker=line.number, level=level)]
    out += [_typed_line(t, level) for t in line.description_lines]
    for sub in line.sub_lines:
        out += _composition_lines(sub, level + 1)
    return out


def plan_section_lines(conference: Conference, content: dict) -> list:
    """The composition as plan lines. "lines": one line per category with its target, then
    the conference-wide rules. "summary": one "Thành phần:" line in the plan's words with the
    shares in brackets, then the total; the numbers always come from this app."""
    from conferences.plans.outline import Line

    marker = _marker(conference) or "-"
    rules = composition_rules_for_plan(conference)
    if content.get("style") == "summary":
        shares = share_wording(conference)
        words = content.get("summary_text", "").rstrip(". ")
        text = f"{words} ({shares})." if shares else f"{words}."
        out = [Line("item", text, lead="Thành phần:", marker=marker)] if words or shares else []
        return out + [Line("item", r, marker=marker) for r in rules if not r.startswith("Tỷ lệ")]
    out = [row for line in composition_for_plan(conference) for row in _composition_lines(line)]
    return out + [Line("item", r, marker=marker) for r in rules]
