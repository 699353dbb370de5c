"""Load a plan (Kế hoạch) from plain seed text such as the reference plans.

This loader reads trusted seed files: it recognises section numbering ("I.", "1."), list
markers ("-", "+", "*", "- +"), and the ``**bold**`` / ``*italic*`` marks the seeds carry.
The renderers never interpret markup; only this loader does, on seed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .blocks import Document, Header, Heading, ListBlock, ListItem, Paragraph, Run, Signature, Title

ROMAN = re.compile(r"^[IVXLC]+\.\s")
NUMBERED = re.compile(r"^\d+\.\s")
DATE_LINE = re.compile(r", ngày .* năm \d{4}$")
MARKERS = (("- + ", "+"), ("- ", "-"), ("+ ", "+"), ("* ", "*"))
INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
AUTHORITY = ("TM.", "KT.", "Q.", "TL.", "TUQ.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")

Line = tuple[str, bool]  # text, whole line bold


def inline_runs(text: str, bold: bool = False) -> tuple[Run, ...]:
    """Split seed text on ``**bold**`` and ``*italic*`` marks."""
    runs, position = [], 0
    for match in INLINE.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()], bold=bold))
        strong = bool(match.group(1))
        runs.append(Run(match.group(1) or match.group(2), bold=bold or strong, italic=not strong))
        position = match.end()
    runs.append(Run(text[position:], bold=bold))
    return tuple(r for r in runs if r.text.strip()) or (Run(text, bold=bold),)


def _unwrap(text: str) -> Line:
    """``**x**`` covering the whole line gives ("x", True)."""
    text = text.strip()
    inner = text[2:-2]
    if len(text) > 4 and text.startswith("**") and text.endswith("**") and "**" not in inner:
        return inner.strip(), True
    return text, False


def logical_lines(raw: list[str]) -> list[Line]:
    """Lines with whole-line bold unwrapped; a ``**`` block over several lines joined."""
    out: list[Line] = []
    index = 0
    while index < len(raw):
        text = raw[index].strip()
        if text.startswith("**") and "**" not in text[2:]:
            end = next(i for i in range(index, len(raw)) if raw[i].rstrip().endswith("**"))
            joined = "\n".join(line.strip() for line in raw[index : end + 1])
            out.append((joined.strip("*").strip(), True))
            index = end + 1
            continue
        out.append(_unwrap(text))
        index += 1
    return out


def _marker(lines: list[Line], index: int) -> tuple[str, str] | None:
    """(marker, text without it) when line ``index`` is a list item."""
    text = lines[index][0]
    for prefix, marker in MARKERS:
        if text.startswith(prefix):
            return marker, text[len(prefix) :]
    near = [lines[i][0] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    if NUMBERED.match(text) and any(NUMBERED.match(n) for n in near):
        return "numbered", NUMBERED.sub("", text, count=1)
    return None


def _numbered(text: str, bold: bool) -> object:
    label, colon, rest = text.partition(": ")
    if colon and rest and not bold and len(label) < 80:
        return Paragraph((Run(label + colon, bold=True), *inline_runs(rest)), "body")
    if len(text) > 150 and not bold:
        return Paragraph(inline_runs(text), "body")
    return Heading(2, text.replace("**", ""))


def classify(text: str, bold: bool, seen_heading: bool) -> object:
    if ROMAN.match(text):
        return Heading(1, text.replace("**", ""))
    if NUMBERED.match(text):
        return _numbered(text, bold)
    if DATE_LINE.search(text) and len(text) < 60:
        return Paragraph((Run(text, italic=True),), "centered")
    if not seen_heading and text.startswith(("Căn cứ", "Thực hiện")):
        return Paragraph(inline_runs(text), "legal_basis")
    if text.startswith("(") and text.endswith(")"):
        return Paragraph(inline_runs(text), "note")
    if (bold or text.isupper()) and len(text) < 400 and text.upper() == text:
        return Paragraph((Run(text, bold=True),), "centered")
    return Paragraph(inline_runs(text, bold), "body")


def _flush(pending: list[tuple[Run, ...]], marker: str | None) -> Iterator[ListBlock]:
    if pending and marker:
        yield ListBlock(tuple(ListItem(runs) for runs in pending), marker)  # type: ignore[arg-type]
    pending.clear()


def body_blocks(lines: list[Line]) -> list[object]:
    """Blocks for the body of a seed plan (between the title and "Nơi nhận:")."""
    blocks: list[object] = []
    pending: list[tuple[Run, ...]] = []
    marker, seen_heading = None, False
    for index, (text, bold) in enumerate(lines):
        if not text:
            continue
        item = _marker(lines, index)
        if item is None or item[0] != marker:
            blocks.extend(_flush(pending, marker))
            marker = item[0] if item else None
        if item:
            pending.append(inline_runs(item[1], bold))
            continue
        block = classify(text, bold, seen_heading)
        seen_heading = seen_heading or isinstance(block, Heading)
        blocks.append(block)
    blocks.extend(_flush(pending, marker))
    return blocks


def _signature(lines: list[Line]) -> Signature:
    texts = [text for text, _ in lines[1:] if text]
    cut = next(i for i, text in enumerate(texts) if text.startswith(AUTHORITY))
    authority = tuple(part.strip() for part in "\n".join(texts[cut:-1]).split("\n"))
    official = tuple(a for a in authority if a.upper() == a)
    notes = " ".join(a for a in authority if a.upper() != a)
    return Signature(official, texts[-1], tuple(texts[:cut]), signed_note=notes)


def _find(lines: list[Line], test, start: int = 0, default: int | None = None) -> int | None:
    return next((i for i in range(start, len(lines)) if test(lines[i][0])), default)


def _subject(lines: list[Line], kind: int) -> tuple[tuple[str, ...], int]:
    start = _find(lines, bool, kind + 1)
    end = _find(lines, lambda t: not t, start, len(lines))
    parts = "\n".join(text for text, _ in lines[start:end]).split("\n")
    return tuple(p.strip() for p in parts), end


def plan_from_text(text: str, issuing_body: str, parent_body: str = "") -> Document:
    """A plan (Kế hoạch) with header, title, sections, lists and signature."""
    lines = logical_lines(text.splitlines())
    kind = _find(lines, lambda t: t == "KẾ HOẠCH")
    number = _find(lines[:kind], lambda t: t.startswith("Số:"))
    place = _find(lines[:kind], lambda t: ", ngày " in t)
    subject, after = _subject(lines, kind)
    recipients = _find(lines, lambda t: t.startswith("Nơi nhận"), after)
    header = Header(
        issuing_body,
        parent_body,
        lines[number][0] if number is not None else "Số:      /KH-UBND",
        lines[place][0] if place is not None else "",
    )
    blocks = [header, Title("KẾ HOẠCH", subject), *body_blocks(lines[after:recipients])]
    blocks.append(_signature(lines[recipients:]))
    return Document(blocks=tuple(blocks), title="Kế hoạch " + " ".join(subject))
