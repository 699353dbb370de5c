"""Measures shared by the DOCX and PDF renderers (text widths turned into lengths)."""

from __future__ import annotations

from . import style
from .fonts import text_width_pt
from .textutil import clean, place_parts

PT_PER_MM = 72 / 25.4


def issuer_rule_mm(issuing_body: str, usable_mm: float) -> float:
    """The rule under the issuing body: a share of its longest printed line (the name breaks
    before its place when it does not fit the column)."""

    def width(text: str) -> float:
        return text_width_pt(clean(text), style.HEADER_LEFT_PT, bold=True) / PT_PER_MM

    lines = [issuing_body] if width(issuing_body) <= usable_mm else place_parts(issuing_body)
    return style.ISSUER_RULE_RATIO * min(max(width(t) for t in lines if t), usable_mm)


def fit_sizes(
    texts: list[str],
    width_mm: float,
    height_mm: float,
    *,
    largest: float = 72.0,
    smallest: float = 14.0,
    bold: bool = True,
) -> list[float]:
    """Font sizes for lines printed large on one page (a maket, a banner): the largest type
    that fits the page's height. A line that fits the width on one line at the chosen size
    gets it; a longer line wraps at three fifths of it, so short lines stand out as on a
    real maket."""
    import math

    ones = [max(text_width_pt(clean(t), 1.0, bold=bold) / PT_PER_MM, 0.1) for t in texts]
    usable = 0.92 * width_mm

    def sizes(cap: float) -> list[float]:
        return [cap if usable / one >= cap else max(0.6 * cap, min(cap, usable / one))
                for one in ones]  # fmt: skip

    def height(cap: float) -> float:
        return sum(
            size * math.ceil(one * size / usable) * 1.25 / PT_PER_MM + 3
            for size, one in zip(sizes(cap), ones, strict=True)
        )

    low, high = smallest, largest
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if height(middle) <= height_mm else (low, middle)
    return [max(round(size, 1), smallest) for size in sizes(low)]
