"""Low-level WordprocessingML helpers on top of python-docx."""

from __future__ import annotations

import io
from functools import cache

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from . import style

_KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
_DROP_RELTYPES = ("stylesWithEffects", "/customXml", "metadata/thumbnail")


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


_TBL_PR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
)  # fmt: skip
_P_PR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
)  # fmt: skip


def element(tag: str, **attrs: object):
    """A new ``w:`` element with ``w:`` attributes."""
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), str(value))
    return node


def sub(parent, tag: str, **attrs: object):
    """Append a ``w:`` child element with ``w:`` attributes."""
    node = element(tag, **attrs)
    parent.append(node)
    return node


def put(parent, node, order: tuple[str, ...]):
    """Insert ``node`` where the schema sequence ``order`` wants it, replacing a namesake."""
    name = node.tag.split("}")[1]
    old = parent.find(node.tag)
    if old is not None:
        parent.remove(old)
    later = {qn(f"w:{tag}") for tag in order[order.index(name) + 1 :]}
    successor = next((child for child in parent if child.tag in later), None)
    if successor is None:
        parent.append(node)
    else:
        successor.addprevious(node)
    return node


def set_fonts(rpr, name: str = style.FONT_DOCX) -> None:
    """Set every script slot of ``w:rFonts`` so Word uses ``name`` for Vietnamese too."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _drop_extra_parts(document) -> None:
    for owner in (document.part, document.part.package):
        for rid, rel in list(owner.rels.items()):
            if any(mark in rel.reltype for mark in _DROP_RELTYPES):
                owner.rels.pop(rid)


def _slim_styles(document) -> None:
    root = document.styles.element
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    for element in root.findall(qn("w:style")):
        if element.get(qn("w:styleId")) not in _KEEP_STYLES:
            root.remove(element)


def _set_defaults(document) -> None:
    rpr = (
        document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    )
    set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(style.BODY_PT * 2)))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = docx.shared.Pt(style.BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = docx.shared.Pt(0), docx.shared.Pt(style.SPACE_AFTER_PT)
    fmt.line_spacing = style.LINE_SPACING


@cache
def _base_bytes() -> bytes:
    document = docx.Document()
    _drop_extra_parts(document)
    _slim_styles(document)
    _set_defaults(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document():
    """A fresh python-docx Document with Times New Roman defaults and no extra parts."""
    return docx.Document(io.BytesIO(_base_bytes()))


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_page(section, width_mm: float, height_mm: float, margins: tuple[float, ...]) -> None:
    """Page size and margins (top, right, bottom, left) in mm."""
    from docx.enum.section import WD_ORIENT

    section.orientation = WD_ORIENT.LANDSCAPE if width_mm > height_mm else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    top, right, bottom, left = margins
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance = Mm(max(5.0, top / 2 - 2))
    section.footer_distance = Mm(max(5.0, bottom / 2))


def paragraph_spacing(paragraph, before: float = 0, after: float = 0, line: float | None = None):
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = docx.shared.Pt(before), docx.shared.Pt(after)
    fmt.line_spacing = line if line is not None else 1.0
    return fmt


def exact_height(paragraph, height_pt: float) -> None:
    """Make an (empty) paragraph exactly ``height_pt`` tall."""
    from docx.enum.text import WD_LINE_SPACING

    fmt = paragraph_spacing(paragraph)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = docx.shared.Pt(max(height_pt, 1.0))
    mark = put(paragraph._p.get_or_add_pPr(), element("w:rPr"), _P_PR_ORDER)
    sub(mark, "w:sz", val="2")


def add_rule(container, width_mm: float, available_mm: float) -> None:
    """A centred horizontal rule ``width_mm`` long: an empty paragraph with a top border."""
    paragraph = container.add_paragraph()
    exact_height(paragraph, 4.0)
    side = max(0.0, (available_mm - width_mm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent, fmt.first_line_indent = Mm(side), Mm(side), Mm(0)
    borders = put(paragraph._p.get_or_add_pPr(), element("w:pBdr"), _P_PR_ORDER)
    sub(borders, "w:bottom", val="single", sz=round(style.RULE_PT * 8), space=0, color="000000")


def add_page_field(paragraph) -> None:
    """Append a PAGE field (complex field) to ``paragraph``."""
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "2"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            node = sub(run._r, "w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        elif kind == "text":
            run.text = text
        else:
            sub(run._r, "w:fldChar", fldCharType=kind)


def table_layout(table, widths_mm: list[float], indent_mm: float = 0.0) -> None:
    """Fixed layout with exact column widths (grid and every cell)."""
    tbl_pr = table._tbl.tblPr
    put(tbl_pr, element("w:tblLayout", type="fixed"), _TBL_PR_ORDER)
    put(tbl_pr, element("w:tblW", w=twips(sum(widths_mm)), type="dxa"), _TBL_PR_ORDER)
    if indent_mm:
        put(tbl_pr, element("w:tblInd", w=twips(indent_mm), type="dxa"), _TBL_PR_ORDER)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), str(twips(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def table_borders(table, size_eighths: int) -> None:
    """All borders single of ``size_eighths`` eighths of a point, or none when 0."""
    borders = put(table._tbl.tblPr, element("w:tblBorders"), _TBL_PR_ORDER)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if size_eighths:
            sub(borders, f"w:{edge}", val="single", sz=str(size_eighths), space="0", color="000000")
        else:
            sub(borders, f"w:{edge}", val="nil")


def row_flags(row, header: bool = False) -> None:
    """Rows never split across pages; header rows repeat on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    sub(tr_pr, "w:cantSplit")
    if header:
        sub(tr_pr, "w:tblHeader")


def frame(paragraph, x_mm: float, y_mm: float, w_mm: float, h_mm: float) -> None:
    """Position ``paragraph`` as a frame at an absolute place on the page."""
    node = element(
        "w:framePr", w=twips(w_mm), h=twips(h_mm), hRule="exact", wrap="none",
        hAnchor="page", vAnchor="page", x=twips(x_mm), y=twips(y_mm),
    )  # fmt: skip
    put(paragraph._p.get_or_add_pPr(), node, _P_PR_ORDER)
