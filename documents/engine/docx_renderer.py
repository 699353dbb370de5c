"""Render a :class:`~documents.engine.blocks.Document` to DOCX with python-docx."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

from . import docx_xml as x
from . import style
from .blocks import (
    Cell,
    Document,
    Header,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Slot,
    Spacer,
    Table,
    Title,
    table_rows,
)
from .fonts import text_width_pt
from .measure import issuer_rule_mm
from .textutil import breakable, clean, keep_place_together, recipient_lines, slot_token

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# style -> (alignment, first-line indent, italic, size)
PARAGRAPH_STYLES = {
    "body": ("justify", True, False, style.BODY_PT),
    "legal_basis": ("justify", True, True, style.BODY_PT),
    "plain": ("justify", False, False, style.BODY_PT),
    "centered": ("center", False, False, style.BODY_PT),
    "right": ("right", False, False, style.BODY_PT),
    "note": ("justify", True, True, style.NOTE_PT),
}
PT_PER_MM = 72 / 25.4


@dataclass
class _Context:
    doc: object
    document: Document
    values: Mapping[str, object] = field(default_factory=dict)
    tokens: bool = False

    @property
    def text_width_mm(self) -> float:
        return self.document.page.text_width_mm


def add_text(paragraph, text: str, size: float, bold=False, italic=False):
    run = paragraph.add_run(breakable(clean(text)))
    run.bold, run.italic, run.font.size = bold or None, italic or None, Pt(size)
    return run


def _line(container, text: str, size: float, align="center", bold=False, italic=False, after=0.0):
    paragraph = container.add_paragraph()
    x.paragraph_spacing(paragraph, after=after)
    paragraph.alignment = ALIGN[align]
    if text:
        add_text(paragraph, text, size, bold, italic)
    return paragraph


def _body_paragraph(ctx: _Context, style_name: str, nest: int = 0):
    align, indent, _, _ = PARAGRAPH_STYLES[style_name]
    paragraph = ctx.doc.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = ALIGN[align]
    fmt.first_line_indent = Mm(style.FIRST_LINE_INDENT_MM if indent else 0)
    if nest:
        fmt.left_indent = Mm(style.LIST_NEST_INDENT_MM * nest)
    return paragraph


def _runs(paragraph, runs: tuple[Run, ...], size: float, italic: bool = False) -> None:
    for run in runs:
        add_text(paragraph, run.text, size, run.bold, run.italic or italic)


def _no_border_table(ctx: _Context, rows: int, widths_mm: list[float], indent_mm: float = 0.0):
    table = ctx.doc.add_table(rows=rows, cols=len(widths_mm))
    x.table_borders(table, 0)
    x.table_layout(table, widths_mm, indent_mm)
    for row in table.rows:
        x.row_flags(row)
    return table


def _first_paragraph(cell):
    paragraph = cell.paragraphs[0]
    x.paragraph_spacing(paragraph)
    paragraph.alignment = ALIGN["center"]
    return paragraph


def _header_left(cell, block: Header) -> None:
    paragraph = _first_paragraph(cell)
    if block.parent_body:
        add_text(paragraph, keep_place_together(block.parent_body), style.HEADER_LEFT_PT)
        paragraph = _line(cell, "", style.HEADER_LEFT_PT)
    add_text(paragraph, keep_place_together(block.issuing_body), style.HEADER_LEFT_PT, bold=True)
    usable = style.HEADER_LEFT_MM - 4
    x.add_rule(cell, issuer_rule_mm(block.issuing_body, usable), usable)


def _header_right(cell, block: Header) -> None:
    add_text(_first_paragraph(cell), block.nation, style.NATION_PT, bold=True)
    _line(cell, block.motto, style.MOTTO_PT, bold=True)
    usable = style.HEADER_RIGHT_MM - 4
    motto_mm = text_width_pt(clean(block.motto), style.MOTTO_PT, bold=True) / PT_PER_MM
    x.add_rule(cell, min(motto_mm, usable), usable)


def _header_second_row(row, block: Header) -> None:
    left, right = row.cells
    paragraph = _first_paragraph(left)
    x.paragraph_spacing(paragraph, before=6)
    add_text(paragraph, block.number, style.NUMBER_PT)
    if block.summary:
        _line(left, block.summary, style.SUMMARY_PT)
    paragraph = _first_paragraph(right)
    x.paragraph_spacing(paragraph, before=6)
    add_text(paragraph, block.place_date, style.PLACE_DATE_PT, italic=True)


def render_header(ctx: _Context, block: Header) -> None:
    widths = [style.HEADER_LEFT_MM, style.HEADER_RIGHT_MM]
    table = _no_border_table(ctx, 2, widths, -style.HEADER_OUTDENT_MM)
    _header_left(table.rows[0].cells[0], block)
    _header_right(table.rows[0].cells[1], block)
    _header_second_row(table.rows[1], block)


def render_title(ctx: _Context, block: Title) -> None:
    paragraph = _line(ctx.doc, block.kind, style.TITLE_PT, bold=True)
    x.paragraph_spacing(paragraph, before=18)
    for line in block.subject:
        _line(ctx.doc, line, style.TITLE_PT, bold=True)
    if block.rule:
        width = style.TITLE_RULE_RATIO * ctx.text_width_mm
        x.add_rule(ctx.doc, width, ctx.text_width_mm)
    ctx.doc.add_paragraph().paragraph_format.space_after = Pt(0)


def render_heading(ctx: _Context, block: Heading) -> None:
    paragraph = _body_paragraph(ctx, "body")
    bold, italic = block.level < 3, block.level == 3
    for run in block.runs or (Run(block.text),):
        add_text(paragraph, run.text, style.BODY_PT, bold or run.bold, italic or run.italic)
    paragraph.paragraph_format.keep_with_next = True


def render_paragraph(ctx: _Context, block: Paragraph) -> None:
    _, _, italic, size = PARAGRAPH_STYLES[block.style]
    _runs(_body_paragraph(ctx, block.style), block.runs, block.size or size, italic)


def render_list(ctx: _Context, block: ListBlock, nest: int = 0) -> None:
    for index, item in enumerate(block.items):
        paragraph = _body_paragraph(ctx, "body", nest)
        marker = block.marker_text(index)
        if marker:
            add_text(paragraph, marker + " ", style.BODY_PT)
        _runs(paragraph, item.runs, style.BODY_PT)
        if item.children is not None:
            render_list(ctx, item.children, nest + 1)


def _cell_text(cell, value, size: float, align: str, bold: bool) -> None:
    data = value if isinstance(value, Cell) else Cell(str(value))
    paragraph = cell.paragraphs[0]
    x.paragraph_spacing(paragraph, before=style.TABLE_SPACE_PT, after=style.TABLE_SPACE_PT)
    paragraph.alignment = ALIGN[data.align or align]
    add_text(paragraph, data.text, size, data.bold or bold, data.italic)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _fill_row(row, values, block: Table, header: bool) -> None:
    cells, column = row.cells, 0
    for value in values:
        span = value.colspan if isinstance(value, Cell) else 1
        target = cells[column]
        if span > 1:
            target = target.merge(cells[min(column + span, len(cells)) - 1])
        align = "center" if header else (block.align[column] if block.align else "left")
        _cell_text(target, value, block.font_size, align, header)
        column += span


def render_table(ctx: _Context, block: Table) -> None:
    rows = table_rows(block)
    widths = [w * ctx.text_width_mm for w in block.relative_widths()]
    table = ctx.doc.add_table(rows=len(rows), cols=block.column_count)
    x.table_borders(table, 4)
    x.table_layout(table, widths)
    for row, (values, header) in zip(table.rows, rows, strict=True):
        x.row_flags(row, header)
        _fill_row(row, values, block, header)
    ctx.doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _signature_left(cell, block: Signature) -> None:
    paragraph = _first_paragraph(cell)
    paragraph.alignment = ALIGN["left"]
    if block.recipients:
        add_text(
            paragraph, block.recipients_title, style.RECIPIENTS_TITLE_PT, bold=True, italic=True
        )
    for line in recipient_lines(block.recipients):
        _line(cell, line, style.RECIPIENTS_PT, align="left")


def _signature_right(cell, block: Signature) -> None:
    _signer(cell, block, block.authority, block.signer, block.signed_note)


def _signer(cell, block: Signature, authority, signer: str, signed_note: str = "") -> None:
    paragraph = _first_paragraph(cell)
    for index, line in enumerate(authority):
        if index:
            paragraph = _line(cell, "", style.AUTHORITY_PT)
        add_text(paragraph, line, style.AUTHORITY_PT, bold=True)
    space = cell.add_paragraph()
    x.exact_height(space, block.signature_space_mm * PT_PER_MM)
    if signed_note:
        _line(cell, signed_note, style.BODY_PT, italic=True)
    _line(cell, signer, style.SIGNER_PT, bold=True)


def render_signature(ctx: _Context, block: Signature) -> None:
    two_signers = bool(block.left_signer or block.left_authority)
    left = ctx.text_width_mm * (0.5 if two_signers else style.SIGNATURE_LEFT_RATIO)
    table = _no_border_table(ctx, 1, [left, ctx.text_width_mm - left])
    if two_signers:
        _signer(table.rows[0].cells[0], block, block.left_authority, block.left_signer)
    else:
        _signature_left(table.rows[0].cells[0], block)
    _signature_right(table.rows[0].cells[1], block)


def render_slot(ctx: _Context, block: Slot) -> None:
    paragraph = _body_paragraph(ctx, "body" if block.indent else "plain")
    if block.label:
        add_text(paragraph, block.label, style.BODY_PT)
    value = slot_token(block.name) if ctx.tokens else clean(ctx.values.get(block.name, ""))
    run = paragraph.add_run(value)
    run.bold, run.italic, run.font.size = (
        block.bold or None,
        block.italic or None,
        Pt(style.BODY_PT),
    )


def render_page_break(ctx: _Context, block: PageBreak) -> None:
    paragraph = ctx.doc.add_paragraph()
    x.paragraph_spacing(paragraph)
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def render_spacer(ctx: _Context, block: Spacer) -> None:
    x.exact_height(ctx.doc.add_paragraph(), block.height_mm * PT_PER_MM)


RENDERERS: dict[type, Callable] = {
    Header: render_header,
    Title: render_title,
    Heading: render_heading,
    Paragraph: render_paragraph,
    ListBlock: render_list,
    Table: render_table,
    Signature: render_signature,
    Slot: render_slot,
    PageBreak: render_page_break,
    Spacer: render_spacer,
}


def _page_numbers(section, document: Document) -> None:
    if not document.page_numbers_from:
        return
    section.different_first_page_header_footer = document.page_numbers_from == 2
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = ALIGN["center"]
    x.paragraph_spacing(paragraph)
    x.add_page_field(paragraph)
    for run in paragraph.runs:
        run.font.size = Pt(style.PAGE_NUMBER_PT)


def build_docx(
    document: Document, values: Mapping[str, object] | None = None, tokens: bool = False
):
    """The python-docx object for ``document``; ``tokens`` leaves slot markers in place."""
    doc = x.new_document()
    page = document.page
    margins = (page.top_mm, page.right_mm, page.bottom_mm, page.left_mm)
    x.set_page(doc.sections[0], page.width_mm, page.height_mm, margins)
    _page_numbers(doc.sections[0], document)
    if document.title:
        doc.core_properties.title = clean(document.title)
    ctx = _Context(doc, document, values or {}, tokens)
    for block in document.blocks:
        RENDERERS[type(block)](ctx, block)
    return doc


def render_docx(document: Document, values: Mapping[str, object] | None = None) -> bytes:
    """Render ``document`` to DOCX bytes; ``values`` fill its :class:`Slot` blocks."""
    return x.to_bytes(build_docx(document, values))
