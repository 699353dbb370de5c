"""The structured content of each kind of plan section, as stored in PlanSection.content.

Every text may carry the staff's inline emphasis, *nghiêng* and **đậm** (kept as typed here;
the documents engine turns it into runs when printing).

`clean(kind, raw)` returns the content with every key present and every value of the right
type, so readers never guess; unknown keys are dropped. Text is NFC-normalised.

    text:        {"items": [Item]}            Item: text, lead (bold run-in head), marker, level
                                              (0-6), number (the label as typed: "1.1.", "a)")
    legal_basis: {"verb", "joined", "documents": [{doc_type, number, date, issuer, subject}]}
    time:        {"show_length", "show_times", "extra", "length_text" ("½ ngày"), "when_text"
                  (the date in the plan's own words), "session" (sáng, chiều, tối),
                  "short_date" (15/3/2026), "show_weekday"}
    venue:       {"extra"}
    composition: {"style": "lines" | "summary", "summary_text"}
    programme:   {"marker", "slot_marker", "performer_italic",
                  "items": [{start, end, text, performer, sub}]}
    decoration:  {"maket_title", "maket_lines", "inside", "banner", "outside"}
    implementation: {"run_in", "numbering": "numbered" | "none", "first", "last" (the agencies
                     printed, 1-based; last 0 = to the end: a block can sit between two parts)}
    steps: {}
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from core.vntext import format_date_short, nfc

# "" paragraph; "-", "+", "*" bullets; "numbered" 1. 2. 3.; "centered" bold centred line;
# "note" an italic line.
ITEM_MARKERS = ("", "-", "+", "*", "numbered", "centered", "note")
PROGRAMME_MARKERS = ("-", "+", "*", "numbered")
SESSIONS = ("", "sáng", "chiều", "tối")
MAX_LEVEL = 6  # items nest this deep (I. > 1. > 1.1. > a) > - > + > *)


def _text(value: Any, limit: int = 5000) -> str:
    return nfc(str(value or "")).strip()[:limit]


def _bool(value: Any, default: bool = False) -> bool:
    return default if value is None else bool(value)


def _choice(value: Any, choices: tuple[str, ...], default: str) -> str:
    return value if value in choices else default


def _strings(values: Any) -> list[str]:
    return [t for t in (_text(v, 1000) for v in values or []) if t]


def _int(value: Any, low: int, high: int) -> int:
    try:
        return min(max(int(value), low), high)
    except (TypeError, ValueError):
        return low


def clean_item(raw: dict) -> dict:
    return {
        "text": _text(raw.get("text")),
        "lead": _text(raw.get("lead"), 300),
        "marker": _choice(raw.get("marker", ""), ITEM_MARKERS, ""),
        "level": _int(raw.get("level"), 0, MAX_LEVEL),
        "number": _text(raw.get("number"), 12),
    }


def clean_document(raw: dict) -> dict:
    date = raw.get("date") or ""
    if isinstance(date, dt.date):
        date = date.isoformat()
    return {
        "doc_type": _text(raw.get("doc_type"), 100),
        "number": _text(raw.get("number"), 60),
        "date": _text(date, 10),
        "issuer": _text(raw.get("issuer"), 300),
        "subject": _text(raw.get("subject"), 1000),
    }


def clean_programme_item(raw: dict) -> dict:
    return {
        "start": _text(raw.get("start"), 5),
        "end": _text(raw.get("end"), 5),
        "text": _text(raw.get("text"), 1000),
        "performer": _text(raw.get("performer"), 300),
        "sub": _bool(raw.get("sub")),
    }


def _items(raw: dict, key: str, cleaner) -> list[dict]:
    return [cleaner(item) for item in raw.get(key) or [] if isinstance(item, dict)]


def _drop_empty(items: list[dict], *keys: str) -> list[dict]:
    return [item for item in items if any(item[k] for k in keys)]


def clean(kind: str, raw: dict | None) -> dict:
    raw = raw if isinstance(raw, dict) else {}
    if kind == "text":
        return {"items": _drop_empty(_items(raw, "items", clean_item), "text", "lead")}
    if kind == "legal_basis":
        documents = _items(raw, "documents", clean_document)
        return {
            "verb": _text(raw.get("verb") or "Căn cứ", 50),
            "joined": _bool(raw.get("joined")),
            "documents": _drop_empty(documents, "number", "subject", "issuer"),
        }
    if kind == "time":
        return {
            "show_length": _bool(raw.get("show_length"), True),
            "show_times": _bool(raw.get("show_times")),
            "extra": _text(raw.get("extra"), 500),
            "length_text": _text(raw.get("length_text"), 100),
            "when_text": _text(raw.get("when_text"), 300),
            "session": _choice(raw.get("session"), SESSIONS, ""),
            "short_date": _bool(raw.get("short_date")),
            "show_weekday": _bool(raw.get("show_weekday"), True),
        }
    if kind == "venue":
        return {"extra": _text(raw.get("extra"), 500)}
    if kind == "composition":
        return {
            "style": _choice(raw.get("style"), ("lines", "summary"), "lines"),
            "summary_text": _text(raw.get("summary_text"), 2000),
        }
    if kind == "programme":
        items = _drop_empty(_items(raw, "items", clean_programme_item), "text", "start")
        return {
            "marker": _choice(raw.get("marker"), PROGRAMME_MARKERS, "-"),
            "slot_marker": _choice(raw.get("slot_marker"), ("-", "+", "*"), "*"),
            "performer_italic": _bool(raw.get("performer_italic"), True),
            "items": items,
        }
    if kind == "implementation":
        return {
            "run_in": _bool(raw.get("run_in")),
            "numbering": _choice(raw.get("numbering"), ("numbered", "none"), "numbered"),
            "first": _int(raw.get("first") or 1, 1, 999),
            "last": _int(raw.get("last"), 0, 999),
        }
    if kind == "decoration":
        return {
            "maket_title": _text(raw.get("maket_title") or "Makét Hội nghị:", 200),
            "maket_lines": _strings(raw.get("maket_lines")),
            "inside": _strings(raw.get("inside")),
            "banner": _text(raw.get("banner"), 1000),
            "outside": _strings(raw.get("outside")),
        }
    return {}


def cite(doc: dict) -> str:
    """ "Kế hoạch số 154/KH-UBND ngày 08/7/2019 của UBND Thành phố Hà Nội về tổ chức ..." """
    parts = [doc["doc_type"]]
    if doc["number"]:
        parts.append(f"số {doc['number']}")
    if doc["date"]:
        try:
            parts.append(f"ngày {format_date_short(dt.date.fromisoformat(doc['date']))}")
        except ValueError:
            parts.append(f"ngày {doc['date']}")
    if doc["issuer"]:
        parts.append(f"của {doc['issuer']}")
    if doc["subject"]:
        parts.append(doc["subject"])
    return " ".join(p for p in parts if p)


def _clock(value: str) -> str:
    """ "08:30" -> "8h30"."""
    hour, _, minute = value.partition(":")
    if not hour.isdigit():
        return value
    return f"{int(hour)}h{minute or '00'}"


def time_span(item: dict) -> str:
    """ "Từ 8h00 - 8h30" for a programme slot, "" when the item has no time."""
    if not item["start"]:
        return ""
    if item["end"]:
        return f"Từ {_clock(item['start'])} - {_clock(item['end'])}"
    return _clock(item["start"])


# A typed label: "1." "2," "1.1." "1.1.1." "3)" "a)" "đ)" "IV." (kept as typed when not the next
# plain number of its level).
NUMBER = re.compile(r"^((?:\d+[.,])+|\d+\)|[a-zđ]\)|[IVXLC]+\.)\s+")
LEAD = re.compile(r"^\*\*(.+?)\*\*\s*")
MARKS = {"- ": "-", "+ ": "+", "* ": "*", "• ": "-"}
NEST = re.compile(r"^(?:>\s?)+")


def _level(raw: str) -> tuple[int, str]:
    """Nesting from "> " marks (one per level) or the indentation (4 spaces or a tab)."""
    expanded = raw.replace("\t", "    ")
    indent = (len(expanded) - len(expanded.lstrip(" "))) // 4
    line = expanded.strip()
    marks = NEST.match(line)
    if marks:
        return min(indent + marks.group().count(">"), MAX_LEVEL), line[marks.end() :].strip()
    return min(indent, MAX_LEVEL), line


def _label(line: str, level: int, expected: dict[int, int]) -> tuple[str, str, str]:
    """(marker, number, rest): bullets, typed labels, or a paragraph."""
    found = next((m for m in MARKS if line.startswith(m)), None)
    if found:
        return MARKS[found], "", line[len(found) :]
    match = NUMBER.match(line)
    if not match:
        return "", "", line
    typed = match.group(1)
    expected[level] = expected.get(level, 0) + 1
    plain = re.fullmatch(r"\d+\.", typed)
    if plain and int(typed[:-1]) == expected[level]:
        typed = ""  # the plain next number: numbered automatically
    elif plain or re.fullmatch(r"\d+,", typed):
        expected[level] = int(typed[:-1])
    return "numbered", typed, line[match.end() :]


def items_from_text(text: str) -> list[dict]:
    """Items from the editor's text box, one per line:

        - item          + item          * item          a paragraph (any other line)
        1. 2. numbered  1.1. 1.1.1. a) I. kept as typed
        > - a sub-item, > > + one level deeper (or indent by four spaces per level);
          an indented line with no marker is an indented unmarked item
        **Cơ quan:** nhiệm vụ   (a bold run-in head before the text)

    A number typed out of sequence ("3." twice) is kept as typed."""
    items, expected = [], {}
    for raw in (text or "").splitlines():
        level, line = _level(raw)
        if not line:
            continue
        for deeper in [k for k in expected if k > level]:
            del expected[deeper]
        marker, number, line = _label(line, level, expected)
        if marker == "" and level == 0:
            expected.pop(0, None)
        lead = ""
        if match := LEAD.match(line):
            lead, line = match.group(1).strip(), line[match.end() :]
        items.append(
            clean_item(
                {"text": line, "lead": lead, "marker": marker, "level": level, "number": number}
            )
        )
    return items


def items_to_text(items: list[dict]) -> str:
    """The editor's text for stored items (the inverse of `items_from_text`)."""
    lines, counters = [], {}
    for item in items:
        marker, level = item.get("marker", ""), int(item.get("level") or 0)
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if marker == "numbered":
            counters[level] = _number_value(item.get("number", "")) or counters.get(level, 0) + 1
            prefix = (item.get("number") or f"{counters[level]}.") + " "
        else:
            if marker == "" and level == 0:
                counters.pop(0, None)
            prefix = f"{marker} " if marker in ("-", "+", "*") else ""
        lead = f"**{item['lead']}** " if item.get("lead") else ""
        nest = "> " * level
        lines.append(f"{nest}{prefix}{lead}{item.get('text', '')}".rstrip())
    return "\n".join(lines)


def _number_value(label: str) -> int:
    """The count a typed label sets: "3," -> 3, "2.1." -> 1; 0 for "a)", "IV."."""
    tail = label.strip().rstrip(".,)").rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else 0
