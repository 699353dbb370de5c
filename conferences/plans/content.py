"""The structured content of each kind of plan section, as stored in PlanSection.content.

Every text may carry the staff's inline emphasis, *nghiêng* and **đậm** (kept as typed here;
the documents engine turns it into runs when printing).

`clean(kind, raw)` returns the content with every key present and every value of the right
type, so readers never guess; unknown keys are dropped. Text is NFC-normalised.

    text:        {"items": [Item]}            Item: text, lead (bold), marker, level, number
    legal_basis: {"verb", "joined", "documents": [{doc_type, number, date, issuer, subject}]}
    time:        {"show_length", "show_times", "extra"}
    venue:       {"extra"}
    composition: {"style": "lines" | "summary", "summary_text"}
    programme:   {"marker", "slot_marker", "performer_italic",
                  "items": [{start, end, text, performer, sub}]}
    decoration:  {"maket_title", "maket_lines", "inside", "banner", "outside"}
    implementation, steps: {}
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


def _text(value: Any, limit: int = 5000) -> str:
    return nfc(str(value or "")).strip()[:limit]


def _bool(value: Any, default: bool = False) -> bool:
    return default if value is None else bool(value)


def _choice(value: Any, choices: tuple[str, ...], default: str) -> str:
    return value if value in choices else default


def _strings(values: Any) -> list[str]:
    return [t for t in (_text(v, 1000) for v in values or []) if t]


def clean_item(raw: dict) -> dict:
    return {
        "text": _text(raw.get("text")),
        "lead": _text(raw.get("lead"), 300),
        "marker": _choice(raw.get("marker", ""), ITEM_MARKERS, ""),
        "level": 1 if raw.get("level") in (1, "1") else 0,
        "number": _text(raw.get("number"), 10),
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


NUMBER = re.compile(r"^(\d+[.,])\s+")
LEAD = re.compile(r"^\*\*(.+?)\*\*\s*")
MARKS = {"- ": "-", "+ ": "+", "* ": "*"}


def items_from_text(text: str) -> list[dict]:
    """Items from the editor's text box, one per line:

        - item          + item          * item         1. numbered item
        > - a sub-item (nested under the line above)
        **Nội dung:** text   (a bold lead-in)
        any other line is a paragraph

    A number typed out of sequence ("3." twice) is kept as typed."""
    items, expected = [], 0
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        level = 0
        if line.startswith("> ") or raw.startswith(("    ", "\t")):
            level, line = 1, line.removeprefix("> ").strip()
        marker, number = "", ""
        found = next((m for m in MARKS if line.startswith(m)), None)
        if found:
            marker, line = MARKS[found], line[len(found) :]
        elif match := NUMBER.match(line):
            marker, line = "numbered", line[match.end() :]
            expected += 1
            typed = match.group(1)
            if typed.rstrip(".,") != str(expected) or typed.endswith(","):
                number = typed
                expected = int(typed.rstrip(".,"))
        lead = ""
        if match := LEAD.match(line):
            lead, line = match.group(1).strip(), line[match.end() :]
        if marker != "numbered":
            expected = 0 if marker == "" else expected
        items.append(
            clean_item(
                {"text": line, "lead": lead, "marker": marker, "level": level, "number": number}
            )
        )
    return items


def items_to_text(items: list[dict]) -> str:
    """The editor's text for stored items (the inverse of `items_from_text`)."""
    lines, counter = [], 0
    for item in items:
        marker = item.get("marker", "")
        if marker == "numbered":
            counter = int(item["number"].rstrip(".,")) if item.get("number") else counter + 1
            prefix = (item.get("number") or f"{counter}.") + " "
        else:
            counter = 0 if marker == "" else counter
            prefix = f"{marker} " if marker in ("-", "+", "*") else ""
        lead = f"**{item['lead']}** " if item.get("lead") else ""
        nest = "> " if item.get("level") else ""
        lines.append(f"{nest}{prefix}{lead}{item.get('text', '')}".rstrip())
    return "\n".join(lines)
