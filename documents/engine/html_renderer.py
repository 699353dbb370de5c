"""Turn blocks into HTML for WeasyPrint. Every piece of text goes through :func:`esc`."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from . import style
from .blocks import (
    Cell,
    Document,
    Header,
    Heading,
    ListBlock,
    PageBreak,
    PageSetup,
    Paragraph,
    Run,
    Signature,
    Slot,
    Spacer,
    Table,
    Title,
    table_rows,
)
from .measure import issuer_rule_mm
from .textutil import clean, keep_place_together, keep_spaces, recipient_lines

PT_PER_MM = 72 / 25.4
SLOT_LINE_PT = style.BODY_PT * style.LINE_SPACING


def esc(text: object) -> str:
    """Plain text to HTML: escaped, spaces kept, newlines as line breaks."""
    return html.escape(keep_spaces(clean(text)), quote=True).replace("\n", "<br>")


def _runs(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = esc(run.text)
        text = f"<b>{text}</b>" if run.bold else text
        parts.append(f"<i>{text}</i>" if run.italic else text)
    return "".join(parts)


def _div(css_class: str, text: str) -> str:
    return f'<div class="{css_class}">{esc(text)}</div>' if text else ""


def _rule(width_mm: float) -> str:
    return f'<div class="rule" style="width:{width_mm:.1f}mm"></div>'


def header_html(block: Header) -> str:
    issuer_rule = issuer_rule_mm(block.issuing_body, style.HEADER_LEFT_MM - 4)
    left = (
        _div("parent", keep_place_together(block.parent_body))
        + _div("issuer", keep_place_together(block.issuing_body))
        + _rule(issuer_rule)
    )
    right = (
        _div("nation", block.nation) + f'<div class="motto"><span>{esc(block.motto)}</span></div>'
    )
    second_left = _div("number", block.number) + _div("summary", block.summary)
    return (
        f'<table class="vn-header"><colgroup><col style="width:{style.HEADER_LEFT_MM}mm">'
        f'<col style="width:{style.HEADER_RIGHT_MM}mm"></colgroup>'
        f"<tr><td>{left}</td><td>{right}</td></tr>"
        f"<tr><td>{second_left}</td><td>{_div('place-date', block.place_date)}</td></tr></table>"
    )


def title_html(block: Title) -> str:
    subject = "".join(_div("subject", line) for line in block.subject)
    width = f"{style.TITLE_RULE_RATIO * 100:.0f}%"
    rule = f'<div class="rule" style="width:{width}"></div>' if block.rule else ""
    return f'<div class="title">{_div("kind", block.kind)}{subject}{rule}</div>'


def heading_html(block: Heading) -> str:
    text = _runs(block.runs) if block.runs else esc(block.text)
    return f'<p class="h h{block.level}">{text}</p>'


def paragraph_html(block: Paragraph) -> str:
    size = f' style="font-size:{block.size:g}pt"' if block.size else ""
    return f'<p class="{block.style.replace("_", "-")}"{size}>{_runs(block.runs)}</p>'


def list_html(block: ListBlock, nest: int = 0) -> str:
    margin = f' style="margin-left:{style.LIST_NEST_INDENT_MM * nest:.2f}mm"' if nest else ""
    parts = []
    for index, item in enumerate(block.items):
        marker = block.marker_text(index)
        prefix = esc(marker) + " " if marker else ""
        parts.append(f'<p class="body item"{margin}>{prefix}{_runs(item.runs)}</p>')
        if item.children is not None:
            parts.append(list_html(item.children, nest + 1))
    return "".join(parts)


def _cell_html(value, tag: str, align: str) -> str:
    data = value if isinstance(value, Cell) else Cell(str(value))
    text = esc(data.text)
    text = f"<b>{text}</b>" if data.bold and tag == "td" else text
    text = f"<i>{text}</i>" if data.italic else text
    span = f' colspan="{data.colspan}"' if data.colspan > 1 else ""
    return f'<{tag}{span} style="text-align:{data.align or align}">{text}</{tag}>'


def _row_html(values, block: Table, header: bool) -> str:
    cells, column = [], 0
    for value in values:
        align = "center" if header else (block.align[column] if block.align else "left")
        cells.append(_cell_html(value, "th" if header else "td", align))
        column += value.colspan if isinstance(value, Cell) else 1
    return "<tr>" + "".join(cells) + "</tr>"


def table_html(block: Table) -> str:
    cols = "".join(f'<col style="width:{w * 100:.3f}%">' for w in block.relative_widths())
    rows = table_rows(block)
    head = "".join(_row_html(v, block, True) for v, is_head in rows if is_head)
    body = "".join(_row_html(v, block, False) for v, is_head in rows if not is_head)
    thead = f"<thead>{head}</thead>" if head else ""
    return (
        f'<table class="data" style="font-size:{block.font_size}pt"><colgroup>{cols}</colgroup>'
        f"{thead}<tbody>{body}</tbody></table>"
    )


def _signer_html(block: Signature, authority, signer: str, signed_note: str = "") -> str:
    lines = "".join(_div("authority", line) for line in authority)
    space = f'<div style="height:{block.signature_space_mm}mm"></div>'
    return lines + space + _div("signed-note", signed_note) + _div("signer", signer)


def signature_html(block: Signature) -> str:
    right = _signer_html(block, block.authority, block.signer, block.signed_note)
    if block.left_signer or block.left_authority:
        left = _signer_html(block, block.left_authority, block.left_signer)
        return (
            '<table class="signature"><colgroup><col style="width:50%"><col></colgroup>'
            f'<tr><td class="sign">{left}</td><td class="sign">{right}</td></tr></table>'
        )
    recipients = ""
    if block.recipients:
        recipients = _div("recipients-title", block.recipients_title)
        lines = recipient_lines(block.recipients)
        recipients += "".join(_div("recipient", line) for line in lines)
    left_pct = style.SIGNATURE_LEFT_RATIO * 100
    return (
        f'<table class="signature"><colgroup><col style="width:{left_pct:.1f}%"><col></colgroup>'
        f'<tr><td class="recipients">{recipients}</td><td class="sign">{right}</td></tr></table>'
    )


def slot_html(block: Slot, values: Mapping[str, object] | None, index: int = 0) -> str:
    """With ``values`` a normal paragraph; without, an empty box (id ``slot-<index>``)
    that the batch overlay fills per person."""
    css = "body" if block.indent else "plain"
    if values is None:
        height = block.lines * SLOT_LINE_PT
        return f'<div class="slot" id="slot-{index}" style="height:{height:.2f}pt"></div>'
    value = esc(values.get(block.name, ""))
    value = f"<b>{value}</b>" if block.bold else value
    value = f"<i>{value}</i>" if block.italic else value
    return f'<p class="{css}">{esc(block.label)}{value}</p>'


RENDERERS: dict[type, Callable[..., str]] = {
    Header: header_html,
    Title: title_html,
    Heading: heading_html,
    Paragraph: paragraph_html,
    ListBlock: list_html,
    Table: table_html,
    Signature: signature_html,
    PageBreak: lambda block: '<div class="page-break"></div>',
    Spacer: lambda block: f'<div style="height:{block.height_mm}mm"></div>',
}


def body_html(document: Document, values: Mapping[str, object] | None) -> str:
    """The body content of ``document``; ``values=None`` leaves slots as empty boxes."""
    parts = []
    for index, block in enumerate(document.blocks):
        if isinstance(block, Slot):
            parts.append(slot_html(block, values, index))
        else:
            parts.append(RENDERERS[type(block)](block))
    return "".join(parts)


def page_css(page: PageSetup, page_numbers_from: int) -> str:
    """The @page rules for a page setup: size, margins and page numbers."""
    rules = [
        f"@page {{ size: A4 {page.orientation}; "
        f"margin: {page.top_mm}mm {page.right_mm}mm {page.bottom_mm}mm {page.left_mm}mm; "
        f"@top-center {{ content: {'counter(page)' if page_numbers_from else 'none'}; "
        f"font-size: {style.PAGE_NUMBER_PT}pt; }} }}"
    ]
    if page_numbers_from == 2:
        rules.append("@page :first { @top-center { content: none; } }")
    return "\n".join(rules)


def document_html(document: Document, values: Mapping[str, object] | None = None) -> str:
    title = esc(document.title or "Văn bản")
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{body_html(document, values)}</body></html>"
    )
