"""The plan resolved into plain lines: numbering applied, sections from other apps filled in.

One outline feeds the printed document (the documents app turns it into blocks), the live
preview, the revision snapshots and their diff, so what a leader compares is what prints.

Sections whose content lives in another app (composition from delegates; implementation and
steps from assignments) are filled by providers those apps register with
`register_section_provider(kind, provider)`; provider(conference, content) -> list[Line].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from conferences.models import Plan, PlanSection
from core.vntext import format_place_date

from . import content as C

Style = Literal["h1", "h2", "h3", "para", "legal", "item", "centered", "note"]
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")

_providers: dict[str, Callable] = {}


def register_section_provider(kind: str, provider: Callable) -> None:
    _providers[kind] = provider


@dataclass(frozen=True)
class Line:
    """One printed line. `lead` prints bold before `text`; `marker` ("-", "+", "1.") before
    both; `level` nests list items."""

    style: Style
    text: str = ""
    lead: str = ""
    marker: str = ""
    level: int = 0
    bold: bool = False
    italic: bool = False
    # "3.2" on the last line of the 2nd duty of the 3rd agency: where a section placed
    # after that duty (PlanSection.after_duty) is printed.
    anchor: str = ""

    @property
    def plain(self) -> str:
        parts = (self.marker, self.lead, self.text)
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class OutlineSection:
    key: str  # stable across revisions: "s<pk>"
    label: str  # "II. THỜI GIAN, ĐỊA ĐIỂM" or the kind's name for unheaded sections
    kind: str
    lines: tuple[Line, ...]
    empty_hint: str = ""  # why a generated section has nothing yet
    # The key of the section this one prints inside (placed after one of its duties): the
    # plan prints it there, not here; the editor still shows it in its own place.
    placed_in: str = ""


@dataclass(frozen=True)
class Outline:
    issuing_body: str
    parent_body: str
    number_line: str
    place_date: str
    subject: tuple[str, ...]
    sections: tuple[OutlineSection, ...]
    recipients: tuple[str, ...]
    signer: tuple[str, ...]
    signer_name: str
    title: str = "KẾ HOẠCH"
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


class _Numbering:
    """Counters for heading levels 1-3; an explicit number restarts the count from it."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0]

    def label(self, level: int, override: str) -> str:
        index = level - 1
        self.counts[index] = _parsed(override, level) or self.counts[index] + 1
        for deeper in range(index + 1, 3):
            self.counts[deeper] = 0
        if override:
            return override
        if level == 1:
            return f"{roman(self.counts[0])}."
        if level == 2:
            return f"{self.counts[1]}."
        return f"{self.counts[1]}.{self.counts[2]}."


# The heading counters, shared with documents that number their sections like the plan (the
# summary report).
Numbering = _Numbering


def _parsed(override: str, level: int) -> int:
    text = override.strip().rstrip(".,")
    if level == 1 and text in ROMAN:
        return ROMAN.index(text) + 1
    tail = text.rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _heading_line(section: PlanSection, label: str) -> Line:
    heading = section.heading.strip()
    if section.level == 1:
        return Line("h1", heading.upper(), marker=label)
    if section.level == 4:
        return Line("item", "", lead=heading, marker="-")
    return Line("h2" if section.level == 2 else "h3", heading, marker=label)


def _merge_inline(head: Line, body: list[Line]) -> list[Line]:
    """ "1. Thời gian:" + "Dự kiến ngày ..." -> one paragraph with a bold lead."""
    if not body or body[0].style not in ("para", "item"):
        return [head, *body]
    first = body[0]
    lead = " ".join(
        p for p in (head.marker if head.style != "item" else "", head.lead or head.text) if p
    )
    marker = head.marker if head.style == "item" else ""
    merged = Line("item" if marker else "para", first.plain, lead=lead, marker=marker)
    return [merged, *body[1:]]


def section_lines(section: PlanSection, label: str) -> list[Line]:
    body = body_lines(section)
    if section.level == 0 or not section.heading.strip():
        return nested(body, section.nest)
    head = _heading_line(section, label)
    return nested(_merge_inline(head, body) if section.inline else [head, *body], section.nest)


def nested(lines: list[Line], depth: int) -> list[Line]:
    """A whole section placed inside the item above it: every line becomes an item `depth`
    levels deeper (headings keep their number as a bold lead); centred lines stay centred."""
    if not depth:
        return lines
    out = []
    for line in lines:
        if line.style == "centered":
            out.append(line)
        elif line.style in ("h1", "h2", "h3"):
            out.append(Line("item", "", lead=f"{line.marker} {line.text}".strip(), level=depth))
        else:
            level = line.level + depth if line.style == "item" else depth
            italic = line.italic or line.style == "note"
            out.append(replace(line, style="item", level=level, italic=italic))
    return out


def body_lines(section: PlanSection) -> list[Line]:
    kind, data = section.kind, C.clean(section.kind, section.content)
    conference = section.plan.conference
    if kind in _providers:
        return list(_providers[kind](conference, data))
    builder = _BODIES.get(kind)
    return builder(conference, data) if builder else []


def text_lines(data: dict) -> list[Line]:
    """Items at any depth; a number typed ("1.1.", "a)", "3," twice) prints as typed, the
    others count per level; an unmarked item below the top level is an indented item."""
    lines, counters = [], {}
    for item in data["items"]:
        marker, level = item["marker"], item["level"]
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if marker == "numbered":
            counters[level] = C._number_value(item["number"]) or counters.get(level, 0) + 1
            shown = item["number"] or f"{counters[level]}."
        else:
            if marker == "" and level == 0:
                counters.pop(0, None)
            shown = marker
        style = {"": "para", "centered": "centered", "note": "note"}.get(marker, "item")
        if style == "para" and level:
            style = "item"
        if style != "item":
            shown = ""
        lines.append(Line(style, item["text"], lead=item["lead"], marker=shown, level=level))
    return lines


def legal_basis_lines(data: dict) -> list[Line]:
    cited = [C.cite(doc) for doc in data["documents"]]
    cited = [c for c in cited if c]
    if not cited:
        return []
    verb = data["verb"].strip()
    if data["joined"]:
        return [Line("legal", f"{verb} {'; '.join(cited)};".strip())]
    ends = [";"] * (len(cited) - 1) + ["."]
    return [Line("legal", f"{verb} {c}{end}".strip()) for c, end in zip(cited, ends, strict=True)]


def time_lines(conference, data: dict) -> list[Line]:
    """ "Dự kiến ngày 08 tháng 10 năm 2024 (Thứ ba)", "½ ngày, sáng 15/3/2026", "ngày 10 hoặc
    ngày 11/01/2027": the length, then the date from the conference worded as the section says
    (or in the plan's own words), the hours, the extra words."""
    parts = []
    length = data["length_text"] or (conference.get_length_display() if conference.length else "")
    if data["show_length"] and length:
        parts.append(length)
    when = when_wording(conference, data)
    parts.append(when[:1].lower() + when[1:] if parts and not data["when_text"] else when)
    text = ", ".join(p for p in parts if p)
    if data["show_times"] and conference.start_time:
        end = f" đến {_hm(conference.end_time)}" if conference.end_time else ""
        text += f", từ {_hm(conference.start_time)}{end}"
    if data["extra"]:
        text += f" {data['extra']}"
    return [Line("para", text + ("" if text.endswith(".") else "."))]


def when_wording(conference, data: dict) -> str:
    """The date part of the time line; the conference's own wording unless the section asks
    for a session, a short date, no weekday, or gives its own words."""
    from core.vntext import format_date_short, format_date_vn, weekday_vn

    if data.get("when_text"):
        return data["when_text"]
    day = conference.exact_date
    plain = not data.get("session") and not data.get("short_date")
    if day is None or (plain and data.get("show_weekday", True)):
        return conference.date_wording()
    text = format_date_short(day) if data.get("short_date") else format_date_vn(day)
    if data.get("session"):
        text = f"{data['session']} {text}"
    if data.get("show_weekday", True):
        text += f" ({weekday_vn(day)})"
    if conference.date_is_expected:
        text = f"dự kiến {text}"
    if conference.date_note:
        text += f" ({conference.date_note.strip().rstrip('.')})"
    return text[:1].upper() + text[1:]


def _hm(value) -> str:
    return f"{value.hour}h{value.minute:02d}"


def venue_lines(conference, data: dict) -> list[Line]:
    venue = conference.venue or "(chưa xác định)"
    text = f"{venue} {data['extra']}".strip()
    return [Line("para", text)]


def programme_lines(conference, data: dict) -> list[Line]:
    lines, counter = [], 0
    for item in data["items"]:
        span = C.time_span(item)
        if span:
            counter = 0
            lines.append(Line("item", item["text"], lead=f"{span}:", marker=data["slot_marker"]))
            continue
        counter += 1
        marker = f"{counter}." if data["marker"] == "numbered" else data["marker"]
        text = with_performer(item["text"], item["performer"], data["performer_italic"])
        lines.append(Line("item", text, marker=marker, level=1 if item["sub"] else 0))
    return lines


def with_performer(text: str, performer: str, italic: bool = True) -> str:
    """ "Báo cáo tổng kết (Văn phòng thực hiện);": the item's closing punctuation follows the
    bracket; the bracket is italic unless the staff marked emphasis in it themselves."""
    if not performer:
        return text
    body = text.rstrip(";.,:")
    end = text[len(body) :]
    bracket = f"({performer})"
    if italic and "*" not in performer:
        bracket = f"*{bracket}*"
    return f"{body} {bracket}{end}".strip()


def decoration_lines(conference, data: dict) -> list[Line]:
    maket = [Line("centered", t, bold=True) for t in data["maket_lines"]]
    inside = [Line("item", t, marker="-") for t in data["inside"]]
    outside = [Line("item", t, marker="-") for t in data["outside"]]
    banner = data["banner"].strip()
    if not inside and not outside and not banner:
        return maket
    parts, number = [], 0
    for title, lines, text in (
        (data["maket_title"], maket, ""),
        ("Trang trí trong Hội trường:", inside, ""),
        ("Trang trí ngoài Hội trường:", outside, f"Băng khẩu hiệu “{banner}”." if banner else ""),
    ):
        if not lines and not text:
            continue
        number += 1
        parts.append(Line("para", text, lead=f"{number}. {title}"))
        parts += lines
    return parts


_BODIES = {
    PlanSection.Kind.TEXT: lambda conference, data: text_lines(data),
    PlanSection.Kind.LEGAL_BASIS: lambda conference, data: legal_basis_lines(data),
    PlanSection.Kind.TIME: time_lines,
    PlanSection.Kind.VENUE: venue_lines,
    PlanSection.Kind.PROGRAMME: programme_lines,
    PlanSection.Kind.DECORATION: decoration_lines,
}

HINTS = {
    PlanSection.Kind.COMPOSITION: "Chưa có thành phần đại biểu: nhập ở mục Đại biểu của hội nghị.",
    PlanSection.Kind.IMPLEMENTATION: "Chưa có phân công: nhập ở mục Phân công nhiệm vụ.",
    PlanSection.Kind.STEPS: "Chưa có các bước: nhập mốc tiến độ ở mục Phân công nhiệm vụ.",
}


def outline_sections(plan: Plan, sections=None) -> list[OutlineSection]:
    numbering = _Numbering()
    out = []
    sections = list(plan.sections.all() if sections is None else sections)
    for section in sections:
        section.plan = plan  # share the loaded plan and conference
        label = ""
        if section.level in (1, 2, 3) and section.heading.strip():
            label = numbering.label(section.level, section.number.strip())
        lines = section_lines(section, label)
        title = (
            f"{label} {section.heading}".strip() if section.heading else section.get_kind_display()
        )
        hint = HINTS.get(section.kind, "") if not body_lines_present(lines, section) else ""
        out.append(OutlineSection(f"s{section.pk}", title, section.kind, tuple(lines), hint))
    return _placed_after_duties(out, [s.after_duty for s in sections])


def _placed_after_duties(out: list[OutlineSection], anchors: list[str]) -> list[OutlineSection]:
    """Sections placed after a duty ("3.2") print inside the section holding that duty,
    right after its last line, in their own order; one whose duty is not (or no longer) in
    the plan stays where it is."""
    hosts = {
        line.anchor: index for index, part in enumerate(out) for line in part.lines if line.anchor
    }
    guests: dict[int, list[tuple[str, OutlineSection]]] = {}
    for index, (part, anchor) in enumerate(zip(out, anchors, strict=True)):
        if anchor and anchor in hosts and hosts[anchor] != index:
            guests.setdefault(hosts[anchor], []).append((anchor, part))
            out[index] = replace(part, placed_in=out[hosts[anchor]].key)
    for host, placed in guests.items():
        lines = list(out[host].lines)
        for anchor, part in placed:
            at = max(i for i, line in enumerate(lines) if line.anchor == anchor) + 1
            while at < len(lines) and lines[at].anchor == anchor:
                at += 1  # after the sections already placed there
            lines[at:at] = [replace(line, anchor=anchor) for line in part.lines]
        out[host] = replace(out[host], lines=tuple(lines))
    return out


def body_lines_present(lines: list[Line], section: PlanSection) -> bool:
    headed = section.level in (1, 2, 3, 4) and section.heading.strip() and not section.inline
    return len(lines) > (1 if headed else 0)


def build_outline(plan: Plan, sections=None) -> Outline:
    conference = plan.conference
    sections = list(plan.sections.all() if sections is None else sections)
    blank_day = plan.issued_on is None
    place_date = format_place_date(
        plan.place, plan.issued_on or draft_date(plan), blank_day=blank_day
    )
    return Outline(
        issuing_body=plan.issuing_body.upper(),
        parent_body=plan.parent_body.upper(),
        number_line=plan.number_line,
        place_date=place_date,
        subject=tuple(plan.subject_lines),
        sections=tuple(outline_sections(plan, sections)),
        recipients=tuple(plan.recipients),
        signer=tuple(plan.signer_lines),
        signer_name=plan.signer_name,
        # For the programme page and the maket: frozen with the plan when it is issued.
        extra={
            "conference_title": conference.title,
            "when": _programme_when(sections, conference),
            "venue": conference.venue,
        },
    )


def _programme_when(sections: list[PlanSection], conference) -> str:
    """The programme sheet says the time as the plan's time section does."""
    section = next((s for s in sections if s.kind == PlanSection.Kind.TIME), None)
    if section is None:
        return conference.date_wording()
    return time_lines(conference, C.clean("time", section.content))[0].text.rstrip(".")


def draft_date(plan: Plan):
    """The month an unsigned plan shows ("ngày    tháng 9 năm 2024"): the month the staff
    set, else the month it was first sent for approval, else (a draft never sent) today's."""
    from django.utils import timezone

    from conferences.models import PlanRevision

    if plan.undated_month:
        return plan.undated_month
    sent = (
        PlanRevision.objects.filter(
            plan=plan, event=PlanRevision.Event.SUBMITTED, amendment=plan.amendment
        )
        .order_by("number")
        .values_list("created_at", flat=True)
        .first()
    )
    return timezone.localdate(sent) if sent else timezone.localdate()
