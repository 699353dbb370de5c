"""Text helpers shared by the renderers: normalisation and Vietnamese dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Characters XML 1.0 forbids (and therefore DOCX and our HTML parser), the private-use
# sentinels the engine uses to mark template slots, and the bidirectional overrides and
# isolates, which would show stored text reversed on paper.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000\ue001\u202a-\u202e\u2066-\u2069]"
)
_SPACE_RUN = re.compile(" {2,}")
# Word and LibreOffice may let a word longer than the line run past the margin (in table
# cells above all); a zero-width space every BREAK_EVERY letters of a word longer than
# LONG_WORD gives them a place to break (shorter words, e-mail addresses and most links,
# are left whole so that they copy out intact).
BREAK_EVERY = 30
LONG_WORD = 60
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")
ZERO_WIDTH_SPACE = "\u200b"

SLOT_OPEN = "\ue000"
SLOT_CLOSE = "\ue001"


def clean(text: object) -> str:
    """Return ``text`` as NFC with characters that cannot live in XML removed."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text))
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", value)


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every BREAK_EVERY characters of a word longer
    than LONG_WORD (a banner typed without spaces); other words are untouched."""

    def split(match: re.Match) -> str:
        word = match.group()
        return ZERO_WIDTH_SPACE.join(
            word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY)
        )

    return _LONG_WORD.sub(split, text)


def keep_spaces(text: str) -> str:
    """Turn runs of spaces into space + no-break spaces so HTML does not collapse them.

    The first space of a run stays breakable; "ngày    tháng" keeps its width.
    """
    return _SPACE_RUN.sub(lambda m: " " + "\u00a0" * (len(m.group()) - 1), text)


def slot_token(name: str) -> str:
    """The sentinel string that marks a template slot inside rendered XML."""
    return f"{SLOT_OPEN}{name}{SLOT_CLOSE}"


def vn_date(value: date, place: str = "") -> str:
    """Format a date the administrative way: "Thanh Trì, ngày 05 tháng 01 năm 2020".

    Days 1-9 and months 1-2 take a leading zero (Nghị định 30/2020, Phụ lục I).
    """
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    text = f"ngày {day} tháng {month} năm {value.year}"
    return f"{place}, {text}" if place else text


def blank_date(month: int, year: int, place: str = "") -> str:
    """A date line for a document not signed yet: "ngày    tháng 8 năm 2025"."""
    month_text = f"{month:02d}" if month < 3 else str(month)
    text = f"ngày    tháng {month_text} năm {year}"
    return f"{place}, {text}" if place else text


def ascii_slug(text: str, limit: int = 60) -> str:
    """An ASCII file-name part: "Nguyễn Văn Đức" gives "Nguyen-Van-Duc"."""
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in base if c.isascii() and (c.isalnum() or c in " -_"))
    return "-".join(ascii_text.split())[:limit]


def unique_name(name: str, used: set[str]) -> str:
    """``name``, or ``stem-2.ext``, ``stem-3.ext``... if already in ``used`` (which is updated)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}"
    used.add(candidate)
    return candidate


_DASHES = ("-", "–", "—", "•")
_KEEP_END = ("...", "…")


def recipient_text(line: str) -> str:
    """A recipient without its leading dash and closing punctuation: "- Lưu: VT, VP." and
    "Lưu: VT, VP" both give "Lưu: VT, VP"."""
    text = clean(line).strip()
    if text[:1] in _DASHES:
        text = text[1:].lstrip()
    if not text.endswith(_KEEP_END):
        text = text.rstrip(" ;,.")
    return text


def is_archive_line(line: str) -> bool:
    """Whether ``line`` is the closing "Lưu: VT, ..." line (with or without its dash)."""
    return recipient_text(line).lower().startswith("lưu")


def recipient_lines(lines) -> tuple[str, ...]:
    """Nơi nhận as Nghị định 30 prints it, whatever was typed: "- Name;" per line and the
    last "- Lưu: VT, X."; a dash typed by hand is neither doubled nor lost, a "+ " sub-line
    keeps its plus."""
    texts = [t for t in (recipient_text(line) for line in lines) if t]
    out = []
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        end = "" if text.endswith((*_KEEP_END, ":")) else ("." if last else ";")
        mark = "" if text.startswith("+ ") else "- "
        out.append(f"{mark}{text}{end}")
    return tuple(out)


NBSP = "\u00a0"
_PLACE_WORD = re.compile(
    r"(?<!\w)(THỊ TRẤN|THỊ XÃ|THÀNH PHỐ|ĐẶC KHU|XÃ|PHƯỜNG|HUYỆN|QUẬN|TỈNH)\s", re.IGNORECASE
)


def place_parts(text: str) -> tuple[str, str]:
    """ "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" -> ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"); ("...", "")
    when the name holds no place."""
    match = _PLACE_WORD.search(text)
    if not match or not text[: match.start()].strip():
        return text, ""
    return text[: match.start()].rstrip(), text[match.start() :]


def keep_place_together(text: str) -> str:
    """The body's name with no-break spaces inside its place name, so a header column that
    is too narrow breaks "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NINH", never inside "QUẢNG NINH"."""
    head, place = place_parts(text)
    return f"{head} {place.replace(' ', NBSP)}" if place else text
