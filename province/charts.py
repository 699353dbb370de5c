"""Bar charts drawn on the server: each bar is a small inline SVG whose rectangle is as wide
as the value's share of the largest value. No script and no style attribute, so the page
works under a Content-Security-Policy without 'unsafe-inline', and on a phone the label
wraps above its bar."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

BAR = (
    '<li><span class="pv-label" title="{0}">{1}</span>'
    '<svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{0}: {2}">'
    '<rect x="0" y="0" height="10" width="{3}"></rect></svg>'
    '<span class="pv-value">{2}</span></li>'
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: float  # 0-100, share of the chart's largest value
    url: str = ""


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str
    bars: list[Bar]

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)

    @property
    def html(self) -> str:
        """The bars as a list of inline SVGs, escaped, built once in Python."""
        return format_html_join("", BAR, (_bar_args(b) for b in self.bars))


def _bar_args(bar: Bar) -> tuple:
    label = format_html('<a href="{}">{}</a>', bar.url, bar.label) if bar.url else bar.label
    return (bar.label, label, bar.value, f"{bar.width:.1f}")


def bar_chart(title: str, items: Iterable[tuple[str, int, str]], *, unit: str = "") -> Chart:
    """`items`: (label, value, url) in the order to draw them."""
    items = list(items)
    largest = max((value for _, value, _ in items), default=0)
    bars = [
        Bar(label, value, round(value * 100 / largest, 1) if largest else 0.0, url)
        for label, value, url in items
    ]
    return Chart(title=title, unit=unit, bars=bars)
