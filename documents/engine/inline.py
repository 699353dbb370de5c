"""Inline emphasis as office staff type it: ``*nghiêng*`` and ``**đậm**``.

The parsing is markdown-it-py's emphasis rule (CommonMark's flanking rules) with nothing else
switched on, so an unbalanced or spaced star stays a star ("a * b", "**chưa đóng") and ``\\*``
prints a star. Underscores are never emphasis: offices type "ngày ___ tháng" and file names.
The result is the engine's runs; renderers never look at the markers.
"""

from __future__ import annotations

from functools import cache

from .blocks import Run

_MARKS = {"em": "italic", "strong": "bold"}


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "escape"])


def _tokens(text: str):
    # Escape underscores so only stars carry emphasis; "\\" keeps a typed backslash.
    source = text.replace("\\_", "\\\\_").replace("_", "\\_")
    return _parser().parseInline(source)[0].children or []


def inline_runs(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """``text`` as runs; ``bold``/``italic`` apply to the whole text (emphasis adds to them)."""
    if "*" not in text and "\\" not in text:
        return (Run(text, bold=bold, italic=italic),) if text else ()
    state = {"bold": 0, "italic": 0}
    runs: list[Run] = []
    for token in _tokens(text):
        kind, _, edge = token.type.rpartition("_")
        if kind in _MARKS and edge in ("open", "close"):
            state[_MARKS[kind]] += 1 if edge == "open" else -1
        elif token.content:
            runs.append(
                Run(
                    token.content,
                    bold=bold or state["bold"] > 0,
                    italic=italic or state["italic"] > 0,
                )
            )
    return _merged(runs)


def _merged(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return tuple(out)


def plain_text(text: str) -> str:
    """``text`` as printed, without its emphasis markers."""
    return "".join(run.text for run in inline_runs(text))


def italic_passages(text: str) -> list[str]:
    """The italic stretches of ``text`` as printed (for checks and tests)."""
    return [run.text for run in inline_runs(text) if run.italic]
