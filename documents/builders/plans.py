"""The plan (Kế hoạch), its programme and its maket/banner sheet: all from the plan's outline
(conferences.plans.outline), so the printed plan is what the leader approved."""

from __future__ import annotations

import re

from conferences.models import Plan

from .base import (
    ConferencePartBuilder,
    Progress,
    Rendered,
    render_single,
    stamp_missing,
    stamped,
    with_stamp,
)


def _runs(line: dict):
    """Marker, bold lead and text; the staff's *italic* and **bold** become runs."""
    from documents.engine.blocks import Run
    from documents.engine.inline import inline_runs

    runs = []
    if line["marker"] and line["style"] == "item":
        runs.append(Run(line["marker"] + " "))
    if line["lead"]:
        runs += inline_runs(line["lead"] + (" " if line["text"] else ""), bold=True)
    if line["text"]:
        runs += inline_runs(line["text"], bold=line["bold"], italic=line["italic"])
    return tuple(runs) or (Run(""),)


def _list_block(lines: list[dict], base: int | None = None):
    """Consecutive items as a list; an item deeper than the one before nests under it, to
    any depth (markers are part of each item's runs)."""
    from documents.engine.blocks import ListBlock, ListItem

    base = lines[0]["level"] if base is None else base
    items, index = [], 0
    while index < len(lines):
        head, index = lines[index], index + 1
        start = index
        while index < len(lines) and lines[index]["level"] > max(head["level"], base):
            index += 1
        children = _list_block(lines[start:index], lines[start]["level"]) if index > start else None
        items.append(ListItem(_runs(head), children))
    return ListBlock(tuple(items), "none")


def line_blocks(lines: list[dict]) -> list:
    """Outline lines (as dicts) to engine blocks."""
    from documents.engine.blocks import Heading, Paragraph
    from documents.engine.inline import inline_runs, plain_text

    blocks, pending = [], []
    for line in [*lines, None]:
        if line is not None and line["style"] == "item":
            pending.append(line)
            continue
        if pending:
            blocks.append(_list_block(pending))
            pending = []
        if line is None:
            break
        style = line["style"]
        if style in ("h1", "h2", "h3"):
            text = f"{line['marker']} {line['text']}".strip()
            blocks.append(Heading(int(style[1]), plain_text(text), inline_runs(text)))
        elif style == "centered":
            blocks.append(Paragraph(inline_runs(line["text"], bold=line["bold"]), "centered"))
        else:
            css = {"legal": "legal_basis", "note": "note"}.get(style, "body")
            blocks.append(Paragraph(_runs(line), css))
    return blocks


def plan_document(outline: dict):
    from documents.engine.blocks import Document, Header, Signature, Title

    # A section placed after a duty prints inside the duties' section (its lines are there).
    body = [
        b
        for section in outline["sections"]
        if not section.get("placed_in")
        for b in line_blocks(section["lines"])
    ]
    return Document(
        title="Kế hoạch " + " ".join(outline["subject"]),
        blocks=(
            Header(
                outline["issuing_body"],
                outline["parent_body"],
                outline["number_line"],
                outline["place_date"],
            ),
            Title(outline["title"], tuple(outline["subject"])),
            *body,
            Signature(
                tuple(outline["signer"]), outline["signer_name"], tuple(outline["recipients"])
            ),
        ),
    )


class _PlanBuilderBase(ConferencePartBuilder):
    target_model = Plan

    def collect(self, target, params):
        """The live outline, or the text frozen when the plan was issued."""
        from conferences.plans.selectors import printable_outline

        return printable_outline(target)


class PlanBuilder(_PlanBuilderBase):
    kind = "plan"
    label = "Kế hoạch"

    def title(self, target) -> str:
        return f"Kế hoạch — {target.conference}"

    def collect(self, target, params):
        return with_stamp(super().collect(target, params), target, params)

    def missing(self, payload) -> list[str]:
        return stamp_missing(payload) + (
            [] if payload["sections"] else ["kế hoạch chưa có mục nào"]
        )

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        rendered = render_single(plan_document(payload), fmt, "ke-hoach", progress)
        return stamped(rendered, payload, fmt)


def _sections_of(payload: dict, kind: str) -> list[dict]:
    return [s for s in payload["sections"] if s["kind"] == kind]


def _is_heading(line: dict, section: dict) -> bool:
    # A level-4 heading prints as an item whose bold lead is the heading ("- Chương trình:").
    level_four = line["style"] == "item" and not line["text"] and line["lead"] == section["label"]
    return line["style"] in ("h1", "h2", "h3") or level_four


def _without_heading(section: dict) -> list[dict]:
    return [line for line in section["lines"] if not _is_heading(line, section)]


class ProgrammeBuilder(_PlanBuilderBase):
    """Chương trình hội nghị: the programme section on its own page, with time and venue."""

    kind = "programme"
    label = "Chương trình hội nghị"

    def title(self, target) -> str:
        return f"Chương trình — {target.conference}"

    def collect(self, target, params):
        payload = super().collect(target, params)
        return {**payload, **payload.get("extra", {})}

    def missing(self, payload) -> list[str]:
        # A programme section with no items would print a page with only time and venue.
        programme = [_without_heading(s) for s in _sections_of(payload, "programme")]
        return [] if any(programme) else ["kế hoạch chưa có mục chương trình"]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        from documents.engine.blocks import Document, Header, Title, para

        body = [para(f"Thời gian: {payload['when']}", "plain", italic=True)]
        if payload["venue"]:
            body.append(para(f"Địa điểm: {payload['venue']}", "plain", italic=True))
        for section in _sections_of(payload, "programme"):
            body += line_blocks(_without_heading(section))
        document = Document(
            title="Chương trình hội nghị",
            blocks=(
                Header(payload["issuing_body"], payload["parent_body"], "", ""),
                Title("CHƯƠNG TRÌNH", (payload["conference_title"],)),
                *body,
            ),
        )
        return render_single(document, fmt, "chuong-trinh", progress)


class MaketBuilder(_PlanBuilderBase):
    """The maket and banner text, large, on A4 landscape, for the sign maker."""

    kind = "maket"
    label = "Makét, băng khẩu hiệu"

    def title(self, target) -> str:
        return f"Makét — {target.conference}"

    def collect(self, target, params):
        payload = super().collect(target, params)
        decoration = target.sections.filter(kind="decoration")
        payload["decoration"] = [s.content for s in decoration]
        return payload

    def missing(self, payload) -> list[str]:
        if any(d.get("maket_lines") or d.get("banner") for d in payload["decoration"]):
            return []
        return ["kế hoạch chưa có makét hoặc băng khẩu hiệu"]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        from documents.engine.blocks import Document, PageSetup

        page = PageSetup("landscape", 20, 20, 20, 20)
        blocks: list = []
        for data in payload["decoration"]:
            blocks += _maket_pages(data, page)
        document = Document(
            page=page, page_numbers_from=0, title="Makét, băng khẩu hiệu", blocks=tuple(blocks)
        )
        return render_single(document, fmt, "maket", progress)


def _large_lines(texts: list[str], page, room_mm: float) -> list:
    """Centred bold lines in the largest type that fits the page (documents.engine.measure)."""
    from documents.engine.blocks import Paragraph
    from documents.engine.inline import inline_runs, plain_text
    from documents.engine.measure import fit_sizes

    sizes = fit_sizes([plain_text(t) for t in texts], page.text_width_mm, room_mm)
    return [
        Paragraph(inline_runs(t, bold=True), "centered", size)
        for t, size in zip(texts, sizes, strict=True)
    ]


def _maket_pages(data: dict, page) -> list:
    """The maket on its own page, the banner on the next, decorations after, each in large
    type fitted to an A4 landscape page."""
    from documents.engine.blocks import Heading, PageBreak, Paragraph
    from documents.engine.inline import inline_runs

    room = page.height_mm - page.top_mm - page.bottom_mm - 15  # the small heading above
    blocks: list = []
    if data.get("maket_lines"):
        blocks += [Heading(2, "MAKÉT HỘI NGHỊ"), *_large_lines(data["maket_lines"], page, room)]
    if data.get("banner"):
        blocks += [PageBreak()] if blocks else []
        blocks += [
            Heading(2, "BĂNG KHẨU HIỆU"),
            *_large_lines([data["banner"].upper()], page, room),
        ]
    for title, texts in (("TRANG TRÍ TRONG HỘI TRƯỜNG", data.get("inside")),
                         ("TRANG TRÍ NGOÀI HỘI TRƯỜNG", data.get("outside"))):  # fmt: skip
        if texts:
            blocks.append(Heading(2, title))
            blocks += [Paragraph(inline_runs(f"- {t}"), "body") for t in texts]
    return blocks


def plan_preview_html(outline: dict, *, nonce: str) -> str:
    """The plan as an HTML page laid out like the PDF (same blocks, same stylesheet), for the
    editor's live preview."""
    return document_preview_html(plan_document(outline), nonce=nonce)


def document_preview_html(document, *, nonce: str) -> str:
    """An engine document as an HTML page laid out like the PDF, for an editor's preview (the
    plan's, the summary report's). The page's Content-Security-Policy allows its one <style>
    element (by `nonce`) and no style attribute, so the engine's are turned into classes."""
    from pathlib import Path

    from documents.engine.html_renderer import body_html

    css = (Path(__file__).parent.parent / "engine" / "static" / "document.css").read_text()
    body, attribute_css = styles_as_classes(body_html(document, None))
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style nonce="{nonce}">'
        f"{css}\nhtml{{background:#e9ecef;font-family:'Liberation Serif','Times New Roman',serif}}"
        "body{background:#fff;width:210mm;box-sizing:border-box;margin:8px auto;"
        "padding:25mm 20mm 20mm 35mm;box-shadow:0 0 4px rgba(0,0,0,.3)}"
        # Beside the editor the frame is narrower than a page: show the whole width, smaller.
        "@media (max-width: 820px){body{zoom:.72}}"
        # On a phone (390 px) the whole page width, as a thumbnail one can zoom into.
        "@media (max-width: 600px){body{zoom:.45;margin:4px auto}}"
        f"\n{attribute_css}</style></head><body>{body}</body></html>"
    )


# In HTML the engine wrote, text is escaped (quotes included): `<`, `>` and `"` only ever
# delimit markup, so start tags and their attributes can be found with patterns.
_START_TAG = re.compile(r"<[a-z][a-z0-9]*\b[^<>]*>")
_STYLE_ATTR = re.compile(r' style="([^"]*)"')
_CLASS_ATTR = re.compile(r' class="([^"]*)"')


def styles_as_classes(html: str) -> tuple[str, str]:
    """Move each style="" attribute of engine HTML into a generated class; return the HTML and
    the classes' CSS. `!important` keeps the precedence the attribute had over the stylesheet."""
    classes: dict[str, str] = {}

    def rewrite(match: re.Match) -> str:
        tag = match[0]
        style = _STYLE_ATTR.search(tag)
        if style is None:
            return tag
        name = classes.setdefault(style[1], f"engine-style-{len(classes) + 1}")
        tag = tag.replace(style[0], "", 1)
        if _CLASS_ATTR.search(tag):
            return _CLASS_ATTR.sub(lambda m: f' class="{m[1]} {name}"', tag, count=1)
        return f'{tag[:-1]} class="{name}">'

    html = _START_TAG.sub(rewrite, html)
    css = "".join(f".{name}{{{_important(style)}}}" for style, name in classes.items())
    return html, css


def _important(style: str) -> str:
    return ";".join(f"{rule.strip()} !important" for rule in style.split(";") if rule.strip())
