"""Fit text into a box: wrap on spaces, shrink down to a minimum size, then truncate with "…".

Widths come from reportlab's font metrics (Liberation Serif, metric-compatible with Times New
Roman), measured once per word at size 1 and scaled, so trying many sizes stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"
SIZE_STEP = 0.5


@dataclass(frozen=True)
class Piece:
    """A word (or part of one) in one font; ``unit`` is its width at size 1."""

    text: str
    font: str
    unit: float
    space_before: float = 0.0  # width at size 1 of the space before it (0 at line start)


@dataclass(frozen=True)
class Fit:
    lines: tuple[tuple[Piece, ...], ...]
    size: float
    leading: float
    truncated: bool
    requested_size: float
    indent: float = 0.0  # first-line indent in points

    @property
    def shrunk(self) -> bool:
        return self.size < self.requested_size

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading

    def line_text(self, index: int) -> str:
        return "".join((" " if p.space_before else "") + p.text for p in self.lines[index])

    def texts(self) -> list[str]:
        return [self.line_text(i) for i in range(len(self.lines))]

    def line_width(self, index: int) -> float:
        """Width of line ``index`` in points, first-line indent excluded."""
        return sum(p.unit + p.space_before for p in self.lines[index]) * self.size

    @property
    def font(self) -> str:
        """The font of the first piece (for vertical metrics)."""
        return next((line[0].font for line in self.lines if line), "")

    def line_offset(self, index: int) -> float:
        return self.indent if index == 0 else 0.0


def _words(runs: Sequence[tuple[str, str]]) -> list[Piece | None]:
    """Pieces in reading order; ``None`` marks a forced line break."""
    out: list[Piece | None] = []
    for text, font in runs:
        for number, paragraph in enumerate(text.split("\n")):
            if number:
                out.append(None)
            out.extend(
                Piece(word, font, stringWidth(word, font, 1.0)) for word in paragraph.split()
            )
    return out


def _split_long(piece: Piece, limit: float) -> list[Piece]:
    """Break a word wider than the line into chunks that fit (names without spaces)."""
    chunks, current = [], ""
    for char in piece.text:
        if current and stringWidth(current + char, piece.font, 1.0) > limit:
            chunks.append(current)
            current = ""
        current += char
    chunks.append(current)
    return [Piece(c, piece.font, stringWidth(c, piece.font, 1.0)) for c in chunks]


def wrap(
    words: list[Piece | None], width_unit: float, indent_unit: float = 0.0
) -> list[list[Piece]]:
    """Greedy wrap at one size; widths are divided by the size; the first line is indented."""
    lines: list[list[Piece]] = [[]]
    used = indent_unit
    for word in words:
        if word is None:
            lines.append([])
            used = 0.0
            continue
        parts = _split_long(word, width_unit) if word.unit > width_unit else [word]
        for part in parts:
            space = stringWidth(" ", lines[-1][-1].font, 1.0) if lines[-1] else 0.0
            if lines[-1] and used + space + part.unit > width_unit:
                lines.append([])
                used, space = 0.0, 0.0
            lines[-1].append(Piece(part.text, part.font, part.unit, space))
            used += space + part.unit
    return lines


def _truncate(
    lines: list[list[Piece]], max_lines: int, width_unit: float, indent_unit: float, font: str
) -> list[list[Piece]]:
    kept = [list(line) for line in lines[: max(max_lines, 1)]]
    last = kept[-1]
    font = last[-1].font if last else font
    dots = stringWidth(ELLIPSIS, font, 1.0)
    room = width_unit - (indent_unit if len(kept) == 1 else 0.0)
    while last and sum(p.unit + p.space_before for p in last) + dots > room:
        last.pop()
    last.append(Piece(ELLIPSIS, font, dots, 0.0))
    return kept


def _fits(lines: list, size: float, line_height: float, height: float) -> bool:
    return len(lines) * size * line_height <= height + 1e-6


def fit_runs(
    runs: Sequence[tuple[str, str]],
    width: float,
    height: float,
    size: float,
    min_size: float,
    line_height: float = 1.2,
    indent: float = 0.0,
) -> Fit:
    """Fit styled ``runs`` ((text, font name) pairs) into ``width`` x ``height`` points.

    Tries ``size`` then smaller sizes by half points down to ``min_size``; when even that
    does not fit, keeps the lines that fit and ends the last one with "…".
    """
    words = _words(runs)
    current = size
    while True:
        lines = wrap(words, width / current, indent / current)
        if _fits(lines, current, line_height, height) or current - SIZE_STEP < min_size - 1e-9:
            break
        current -= SIZE_STEP
    truncated = not _fits(lines, current, line_height, height)
    if truncated:
        current = min_size
        lines = wrap(words, width / current, indent / current)
        max_lines = int((height + 1e-6) // (current * line_height))
        font = next((w.font for w in words if w is not None), runs[0][1] if runs else "Helvetica")
        lines = _truncate(lines, max_lines, width / current, indent / current, font)
    return Fit(tuple(map(tuple, lines)), current, current * line_height, truncated, size, indent)
