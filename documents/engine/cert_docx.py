"""Certificates as DOCX: one template built with python-docx, then filled per person.

Each field is a framed paragraph at an absolute position on the page. Its text is fitted
with the same metrics as the PDF (wrap, shrink, "…") and written with explicit line
breaks, so Word and the PDF break lines at the same places.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from . import docx_xml as x
from .cert_background import IMAGE_SUFFIXES
from .cert_layout import CertField, CertificateDesign, CertificateLayout
from .cert_overlay import CertificateWarning, FieldFit, fit_certificate
from .docx_template import DocxTemplate, paragraph_marker, zip_documents
from .textutil import ascii_slug

TWIPS_PER_PT = 20
EMU_PER_MM = 36000


def _frame_ppr(field: CertField) -> str:
    twips = x.twips
    return (
        f'<w:framePr w:w="{twips(field.width_mm)}" w:h="{twips(field.height_mm)}" w:hRule="exact" '
        f'w:wrap="around" w:hAnchor="page" w:vAnchor="page" '
        f'w:x="{twips(field.left_mm)}" w:y="{twips(field.top_mm)}"/>'
    )


def field_paragraph(item: FieldFit) -> str:
    """The whole ``w:p`` of a fitted field."""
    field, fit = item.field, item.fit
    before = max(0.0, (field.height_mm * 72 / 25.4 - fit.height) / 2)
    size = round(fit.size * 2)
    style = ("<w:b/>" if field.bold else "") + ("<w:i/>" if field.italic else "")
    rpr = f'<w:rPr>{style}<w:color w:val="{field.color.lstrip("#").upper()}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    lines = "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(text)}</w:t>' for text in fit.texts()
    )
    ppr = (
        f'<w:pPr>{_frame_ppr(field)}<w:spacing w:before="{round(before * TWIPS_PER_PT)}" w:after="0" '
        f'w:line="{round(fit.leading * TWIPS_PER_PT)}" w:lineRule="exact"/>'
        f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{field.align}"/>{rpr}</w:pPr>'
    )
    return f"<w:p>{ppr}<w:r>{rpr}{lines}</w:r></w:p>"


@lru_cache(maxsize=1)
def emblem_png() -> bytes:
    """A simple ornament (gold ring, red disc, yellow star) drawn with Pillow."""
    from PIL import Image, ImageDraw

    from .cert_background import star_points

    size = 480
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=(176, 141, 46, 255))
    draw.ellipse((28, 28, size - 29, size - 29), fill=(192, 22, 29, 255))
    points = [
        tuple(float(v) * 20 for v in p.split(",")) for p in star_points(12, 12.6, 7.6, 3.0).split()
    ]
    draw.polygon(points, fill=(255, 215, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def anchor_picture(
    doc, image: bytes | str, x_mm: float, y_mm: float, w_mm: float, h_mm: float
) -> None:
    """Add a picture at an absolute page position, behind the text."""
    stream = io.BytesIO(image) if isinstance(image, bytes) else image
    run = doc.add_paragraph().add_run()
    run.add_picture(stream, width=Mm(w_mm), height=Mm(h_mm))
    inline = run._r.find(".//" + qn("wp:inline"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="1" behindDoc="1" locked="1" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>{round(x_mm * EMU_PER_MM)}'
        f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>{round(y_mm * EMU_PER_MM)}'
        f"</wp:posOffset></wp:positionV></wp:anchor>"
    )
    anchor.append(inline.find(qn("wp:extent")))
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f"<wp:wrapNone {nsdecls('wp')}/>"))
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        anchor.append(inline.find(qn(tag)))
    inline.getparent().replace(inline, anchor)


def _static_frame(
    doc, text: str, top_mm: float, size: float, color: str = "000000", underline=False
) -> None:
    paragraph = doc.add_paragraph()
    x.paragraph_spacing(paragraph)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    x.frame(paragraph, 20, top_mm, 257, size * 0.5)
    run = paragraph.add_run(text)
    run.bold, run.underline, run.font.size = True, underline or None, Pt(size)
    run.font.color.rgb = RGBColor.from_string(color)


def _page_border(section, color: str) -> None:
    borders = x.element("w:pgBorders", offsetFrom="page")
    for edge in ("top", "left", "bottom", "right"):
        x.sub(borders, f"w:{edge}", val="double", sz=18, space=16, color=color)
    section._sectPr.find(qn("w:pgMar")).addnext(borders)


def _design(doc, design: CertificateDesign) -> None:
    red, frame = design.red.lstrip("#"), design.frame.lstrip("#")
    anchor_picture(doc, emblem_png(), design.width_mm / 2 - 12, 13, 24, 24)
    _static_frame(doc, design.nation, 39, 14)
    _static_frame(doc, design.motto, 45.5, 15, underline=True)
    _static_frame(doc, design.issuer_title, 55, 17, red)
    _static_frame(doc, design.verb, 63.5, 15)
    _static_frame(doc, design.award_title, 70, 40, red)
    _page_border(doc.sections[0], frame)


@lru_cache(maxsize=8)
def certificate_template(
    layout: CertificateLayout, background: CertificateDesign | str | None
) -> DocxTemplate:
    """The cached template for a layout and a background (design, image path or None)."""
    doc = x.new_document()
    x.set_page(doc.sections[0], layout.width_mm, layout.height_mm, (10, 10, 10, 10))
    if isinstance(background, CertificateDesign):
        _design(doc, background)
    elif background is not None:
        if Path(background).suffix.lower() not in IMAGE_SUFFIXES:
            raise ValueError("a DOCX background must be a JPEG or PNG image or a CertificateDesign")
        anchor_picture(doc, str(background), 0, 0, layout.width_mm, layout.height_mm)
    for field in layout.fields:
        doc.add_paragraph().add_run(paragraph_marker(field.name))
    return DocxTemplate(x.to_bytes(doc))


def _key(background: object) -> CertificateDesign | str | None:
    return (
        background
        if background is None or isinstance(background, CertificateDesign)
        else str(background)
    )


def fill(
    template: DocxTemplate,
    layout: CertificateLayout,
    person: Mapping[str, object],
    index: int,
    warnings,
) -> bytes:
    fits, found = fit_certificate(layout, person, index)
    if warnings is not None:
        warnings.extend(found)
    data = template.render(paragraphs={item.field.name: field_paragraph(item) for item in fits})
    codes = [(f, str(person.get(f.name) or "").strip()) for f in layout.fields if f.qr]
    return _with_qr_codes(data, [(f, value) for f, value in codes if value])


def _with_qr_codes(data: bytes, codes: list) -> bytes:
    """The certificate with each QR field's code as a picture at its place (the verification
    page's address), as the PDF draws it."""
    if not codes:
        return data
    from .verify_stamp import qr_png

    doc = Document(io.BytesIO(data))
    for field, value in codes:
        size = min(field.width_mm, field.height_mm)
        anchor_picture(doc, qr_png(value, scale=4), field.left_mm, field.top_mm, size, size)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_certificate_docx(
    layout: CertificateLayout,
    person: Mapping[str, object],
    background=None,
    *,
    common=None,
    warnings=None,
) -> bytes:
    """One certificate as DOCX."""
    template = certificate_template(layout, _key(background))
    return fill(template, layout, {**(common or {}), **person}, 0, warnings)


def default_stem(index: int, person: Mapping[str, object]) -> str:
    """A person's file name without its extension: "0001-Nguyen-Van-A"."""
    return f"{index + 1:04d}-{ascii_slug(str(person.get('name', ''))) or 'giay-khen'}"


def default_filename(index: int, person: Mapping[str, object]) -> str:
    return f"{default_stem(index, person)}.docx"


def certificate_docx_files(
    layout: CertificateLayout,
    people: Sequence[Mapping[str, object]],
    background=None,
    *,
    common: Mapping[str, object] | None = None,
    warnings: list[CertificateWarning] | None = None,
) -> Iterator[bytes]:
    """One filled DOCX per person, made as they are asked for."""
    template = certificate_template(layout, _key(background))
    for index, person in enumerate(people):
        yield fill(template, layout, {**(common or {}), **person}, index, warnings)


def render_certificates_docx_zip(
    layout: CertificateLayout,
    people: Sequence[Mapping[str, object]],
    background=None,
    *,
    common: Mapping[str, object] | None = None,
    filename: Callable[[int, Mapping[str, object]], str] = default_filename,
    warnings: list[CertificateWarning] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A ZIP with one DOCX per person (stored: DOCX files are already compressed);
    ``progress`` is called with (done, total) after each file."""
    docx_files = certificate_docx_files(
        layout, people, background, common=common, warnings=warnings
    )

    def files():
        for index, (person, data) in enumerate(zip(people, docx_files, strict=True)):
            yield filename(index, person), data
            if progress is not None:
                progress(index + 1, len(people))

    return zip_documents(files())
