"""Personalised batches: one document (an invitation...) for many recipients.

PDF, two methods:

* ``"overlay"`` (fast): WeasyPrint lays the document out once with an empty box for each
  :class:`~documents.engine.blocks.Slot`; reportlab writes each person's values into the
  boxes; pikepdf puts the shared layout (stored once) under every page.
* ``"single"``: one WeasyPrint document with a copy per person (exact typography, slower,
  memory grows with the batch).

DOCX: the document is rendered once with markers and filled per person
(:class:`~documents.engine.docx_template.DocxTemplate`), one file per person in a ZIP.

ZIP of both (:func:`render_batch_zip`): each person's DOCX beside their own PDF, cut from
the merged overlay PDF (every copy has the template's page count), not rendered again.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib.units import mm

from . import style
from .blocks import Document, Slot
from .cert_overlay import CertificateWarning, draw_fit
from .docx_renderer import build_docx
from .docx_template import DocxTemplate, zip_documents
from .docx_xml import to_bytes
from .fonts import reportlab_font
from .html_renderer import body_html, esc, page_css
from .pdf_merge import split_pdf, underlay
from .qr import pdf_ops as _qr_ops
from .qr import qr_modules
from .textfit import fit_runs
from .textutil import ascii_slug, clean

PT_PER_PX = 0.75
Person = Mapping[str, object]
FitWarning = CertificateWarning


def _slot_boxes(rendered, slots: dict[str, Slot]) -> list[list[tuple[Slot, tuple]]]:
    """Per page, the slots on it with their box (left, top, width, height) in PDF points.

    ``slots`` maps the box ids ("slot-<block index>") to their blocks.
    """
    pages = []
    for page in rendered.pages:
        height = page.height * PT_PER_PX
        found = []
        for anchor, (x1, y1, x2, y2) in page.anchors.items():
            slot = slots.get(anchor)
            if slot is not None:
                box = (
                    x1 * PT_PER_PX,
                    height - y1 * PT_PER_PX,
                    (x2 - x1) * PT_PER_PX,
                    (y2 - y1) * PT_PER_PX,
                )
                found.append((slot, box))
        pages.append(found)
    return pages


def _slot_fit(slot: Slot, value: object, box: tuple):
    runs = []
    if slot.label:
        runs.append((clean(slot.label), reportlab_font()))
    runs.append((clean(value), reportlab_font(slot.bold, slot.italic)))
    indent = style.FIRST_LINE_INDENT_MM * mm if slot.indent else 0.0
    return fit_runs(
        runs, box[2], box[3], style.BODY_PT, slot.min_font_size, style.LINE_SPACING, indent
    )


def _draw_qr(canvas, value: object, box: tuple) -> tuple:
    """A QR code of `value` at the right end of the box; returns the box left for text.
    The modules are written as PDF rectangles in module units under one scaling matrix:
    reportlab's own path and widget format every coordinate in Python, which made the QR
    codes 95% of a batch's time."""
    left, top, width, height = box
    size = min(height, width / 3)
    modules = qr_modules(clean(value).encode("utf-8"))
    cell = size / len(modules)
    x0 = left + width - size
    canvas.saveState()
    canvas.addLiteral(
        f"0 g {cell:.4f} 0 0 {-cell:.4f} {x0:.3f} {top:.3f} cm\n{_qr_ops(modules)}\nf"
    )
    canvas.restoreState()
    return (left, top, width - size - 2 * mm, height)


def _draw_person(canvas, pages, person: Person, index: int, warnings) -> None:
    for page in pages:
        for slot, box in page:
            if slot.qr and person.get(slot.name):
                box = _draw_qr(canvas, person[slot.name], box)
            fit = _slot_fit(slot, person.get(slot.name, ""), box)
            if fit.truncated and warnings is not None:
                warnings.append(
                    FitWarning(
                        index, slot.name, f"chữ quá dài, đã cắt bớt bằng “…” ở cỡ {fit.size:g} pt"
                    )
                )
            draw_fit(canvas, fit, box, "left", middle=False)
        canvas.showPage()


@contextmanager
def _binary_streams():
    """reportlab wraps every compressed stream in ASCII85 by default, in pure Python: a
    third of a batch's time, for a file pikepdf merges (and compresses) anyway."""
    from reportlab import rl_config

    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def _overlay(rendered, document: Document, people: Sequence[Person], common, warnings) -> bytes:
    with _binary_streams():
        return _overlay_pages(rendered, document, people, common, warnings)


def _overlay_pages(rendered, document: Document, people, common, warnings) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    first = rendered.pages[0]
    size = (first.width * PT_PER_PX, first.height * PT_PER_PX)
    slots = {f"slot-{i}": b for i, b in enumerate(document.blocks) if isinstance(b, Slot)}
    pages = _slot_boxes(rendered, slots)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, pageCompression=1, initialFontName=reportlab_font())
    canvas.setTitle(clean(document.title))
    for index, person in enumerate(people):
        _draw_person(canvas, pages, {**(common or {}), **person}, index, warnings)
    canvas.save()
    return buffer.getvalue()


def _render(html: str, document: Document, extra_css: str, allowed_dirs: Iterable[str | Path]):
    from .pdf_renderer import base_stylesheets, render_html, stylesheet

    page = stylesheet(
        f"batch:{document.page!r}:{document.page_numbers_from}:{extra_css}",
        string=page_css(document.page, document.page_numbers_from) + extra_css,
    )
    return render_html(html, [*base_stylesheets(), page], allowed_dirs)


def _wrap_html(body: str, title: str) -> str:
    return f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{esc(title)}</title></head><body>{body}</body></html>'


def _copy_css(page_numbers_from: int) -> str:
    hide = " @top-center { content: none; }" if page_numbers_from == 2 else ""
    return (
        "\n.copy { page: copy; break-before: page; }"
        f"\n@page :nth(1 of copy) {{ counter-reset: page 1;{hide} }}"
    )


def render_batch_pdf_single(
    document: Document, people: Sequence[Person], *, common=None, allowed_dirs=()
) -> bytes:
    """Every person's copy in one WeasyPrint document (page numbers restart per copy)."""
    parts = [
        f'<section class="copy">{body_html(document, {**(common or {}), **p})}</section>'
        for p in people
    ]
    rendered = _render(
        _wrap_html("".join(parts), document.title),
        document,
        _copy_css(document.page_numbers_from),
        allowed_dirs,
    )
    return rendered.write_pdf()


def render_batch_pdf(
    document: Document,
    people: Sequence[Person],
    *,
    common: Person | None = None,
    method: str = "overlay",
    allowed_dirs: Iterable[str | Path] = (),
    warnings: list[FitWarning] | None = None,
) -> bytes:
    """One merged PDF with a personalised copy of ``document`` per person."""
    if method == "single":
        return render_batch_pdf_single(document, people, common=common, allowed_dirs=allowed_dirs)
    if method != "overlay":
        raise ValueError(f"unknown method {method!r}")
    return _overlay_batch(document, people, common, allowed_dirs, warnings)[0]


def _overlay_batch(document: Document, people, common, allowed_dirs, warnings) -> tuple[bytes, int]:
    """The merged overlay PDF and the page count of one copy (the same for everybody)."""
    rendered = _render(
        _wrap_html(body_html(document, None), document.title), document, "", allowed_dirs
    )
    template = rendered.write_pdf()
    merged = underlay(_overlay(rendered, document, people, common, warnings), template)
    return merged, len(rendered.pages)


def batch_docx_template(document: Document) -> DocxTemplate:
    """``document`` rendered once to DOCX with a marker in every slot."""
    return DocxTemplate(to_bytes(build_docx(document, tokens=True)))


def default_batch_stem(index: int, person: Person) -> str:
    """A person's file name without its extension: "0001-Nguyen-Van-A"."""
    return f"{index + 1:04d}-{ascii_slug(str(person.get('name', '')), 50) or 'van-ban'}"


def default_batch_filename(index: int, person: Person) -> str:
    return f"{default_batch_stem(index, person)}.docx"


def render_batch_docx_zip(
    document: Document,
    people: Sequence[Person],
    *,
    common: Person | None = None,
    filename: Callable[[int, Person], str] = default_batch_filename,
) -> bytes:
    """A ZIP with one filled DOCX per person."""
    template = batch_docx_template(document)
    return zip_documents(
        (filename(index, person), template.render({**(common or {}), **person}))
        for index, person in enumerate(people)
    )


def render_batch_zip(
    document: Document,
    people: Sequence[Person],
    *,
    common: Person | None = None,
    stem: Callable[[int, Person], str] = default_batch_stem,
    allowed_dirs: Iterable[str | Path] = (),
    warnings: list[FitWarning] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A ZIP with, for every person, a filled DOCX and a PDF of their copy under one base name
    ("0001-Nguyen-Van-A.docx", "0001-Nguyen-Van-A.pdf"). The PDFs are cut from one merged
    overlay render; files are written into the ZIP as they are made. ``progress`` is called
    with (done, total) after each person."""
    if not people:
        return zip_documents(())
    merged, pages = _overlay_batch(document, people, common, allowed_dirs, warnings)
    template = batch_docx_template(document)

    def files():
        parts = split_pdf(merged, [pages] * len(people))
        for index, (person, pdf) in enumerate(zip(people, parts, strict=True)):
            name = stem(index, person)
            yield f"{name}.docx", template.render({**(common or {}), **person})
            yield f"{name}.pdf", pdf
            if progress is not None:
                progress(index + 1, len(people))

    return zip_documents(files())
