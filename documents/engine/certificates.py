"""Certificates (Giấy khen, Giấy chứng nhận), A4 landscape, built for batches.

Two modes:

* full design: a background (``CertificateDesign`` rendered once by WeasyPrint, or a
  JPEG/PNG/PDF file) under per-person fields drawn by reportlab;
* print onto blanks (``background=None``): the variable fields only, at positions the
  office adjusts (``CertificateLayout.with_offsets``), checked with
  :func:`render_calibration_page`.

Text that does not fit its box wraps, shrinks to the field's minimum size and, as a last
resort, is cut with "…"; every cut is reported in the ``warnings`` list passed in.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from reportlab.lib.units import mm

from .cert_background import background_pdf
from .cert_docx import (
    certificate_docx_files,
    default_stem,
    render_certificate_docx,
    render_certificates_docx_zip,
)
from .cert_layout import CertField, CertificateDesign, CertificateLayout, default_layout
from .cert_overlay import (
    CertificateWarning,
    FieldFit,
    draw_field,
    draw_qr_field,
    fit_certificate,
    fit_field,
    new_canvas,
    overlay_pdf,
)
from .docx_template import zip_documents
from .pdf_merge import split_pdf, underlay

Background = CertificateDesign | str | Path | bytes | None
Person = Mapping[str, object]

__all__ = [
    "CertField",
    "CertificateDesign",
    "CertificateLayout",
    "CertificateWarning",
    "default_layout",
    "fit_certificate",
    "render_calibration_page",
    "render_certificate_docx",
    "render_certificate_pdf",
    "render_certificates_docx_zip",
    "render_certificates_pdf",
    "render_certificates_zip",
]


def render_certificates_pdf(
    layout: CertificateLayout,
    people: Sequence[Person],
    background: Background = None,
    *,
    common: Person | None = None,
    warnings: list[CertificateWarning] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """One merged PDF, one page per person; the background is stored once.

    ``common`` holds values shared by everybody (place and date, signer); a person's own
    values win. Cut texts are appended to ``warnings`` when a list is given; ``progress``
    is called with (done, total) after each page.
    """
    overlay = overlay_pdf(layout, people, common, warnings, progress)
    back = background_pdf(background, layout.width_mm, layout.height_mm)
    return overlay if back is None else underlay(overlay, back)


def render_certificates_zip(
    layout: CertificateLayout,
    people: Sequence[Person],
    background: Background = None,
    *,
    common: Person | None = None,
    stem: Callable[[int, Person], str] = default_stem,
    warnings: list[CertificateWarning] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A ZIP with every person's certificate as a DOCX and as a one-page PDF under one base
    name ("0001-Nguyen-Van-A.docx", "0001-Nguyen-Van-A.pdf").

    The PDFs are cut from one merged render (the background is drawn once, then copied into
    each file); files go into the ZIP as they are made. ``progress`` counts each person
    twice: once for the merged PDF, once for their two files.
    """
    total = 2 * len(people)
    merged = render_certificates_pdf(
        layout,
        people,
        background,
        common=common,
        warnings=warnings,
        progress=None if progress is None else (lambda done, _: progress(done, total)),
    )
    docx_files = certificate_docx_files(layout, people, background, common=common)

    def files():
        pdfs = split_pdf(merged, [1] * len(people)) if people else iter(())
        for index, (person, docx, pdf) in enumerate(zip(people, docx_files, pdfs, strict=True)):
            name = stem(index, person)
            yield f"{name}.docx", docx
            yield f"{name}.pdf", pdf
            if progress is not None:
                progress(len(people) + index + 1, total)

    return zip_documents(files())


def render_certificate_pdf(
    layout: CertificateLayout, person: Person, background: Background = None, **options
) -> bytes:
    return render_certificates_pdf(layout, [person], background, **options)


def _grid(canvas, layout: CertificateLayout) -> None:
    width, height = layout.width_mm * mm, layout.height_mm * mm
    for step_mm, grey, line in ((1, 0.88, 0.1), (5, 0.7, 0.25), (10, 0.45, 0.5)):
        canvas.setStrokeColorRGB(grey, grey, grey)
        canvas.setLineWidth(line)
        for x in range(0, int(layout.width_mm) + 1, step_mm):
            canvas.line(x * mm, 0, x * mm, height)
        for y in range(0, int(layout.height_mm) + 1, step_mm):
            canvas.line(0, height - y * mm, width, height - y * mm)


def _grid_labels(canvas, layout: CertificateLayout, font: str) -> None:
    height = layout.height_mm * mm
    canvas.setFillColorRGB(0.3, 0.3, 0.3)
    canvas.setFont(font, 6)
    for x in range(10, int(layout.width_mm), 10):
        canvas.drawString(x * mm + 0.5 * mm, height - 3 * mm, str(x))
    for y in range(10, int(layout.height_mm), 10):
        canvas.drawString(0.8 * mm, height - y * mm - 2.5 * mm, str(y))


def _field_box(canvas, layout: CertificateLayout, item: FieldFit, font: str) -> None:
    _field_frame(canvas, layout, item.field, font)
    draw_field(canvas, layout.height_mm * mm, item)


def _field_frame(canvas, layout: CertificateLayout, field: CertField, font: str) -> None:
    """The field's box, dashed red, labelled with its name and position."""
    top = layout.height_mm * mm - field.top_mm * mm
    canvas.setStrokeColorRGB(0.85, 0.1, 0.1)
    canvas.setLineWidth(0.6)
    canvas.setDash(3, 2)
    canvas.rect(
        field.left_mm * mm, top - field.height_mm * mm, field.width_mm * mm, field.height_mm * mm
    )
    canvas.setDash()
    canvas.setFillColorRGB(0.85, 0.1, 0.1)
    canvas.setFont(font, 6.5)
    label = f"{field.name}  x={field.left_mm:g} y={field.top_mm:g} mm"
    canvas.drawString(field.left_mm * mm, top + 1.2, label)


def render_calibration_page(layout: CertificateLayout, sample: Person | None = None) -> bytes:
    """A test page for blanks: a millimetre grid and every field box with sample text."""
    from .fonts import reportlab_font

    font = reportlab_font()
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, layout, "Trang căn chỉnh")
    _grid(canvas, layout)
    _grid_labels(canvas, layout, font)
    for field in layout.fields:
        value = (sample or {}).get(field.name) or field.name
        if field.qr:  # a sample code where the verification QR code goes
            draw_qr_field(canvas, layout.height_mm * mm, field, value)
            _field_frame(canvas, layout, field, font)
            continue
        fit = fit_field(field, value)
        if fit is not None:
            _field_box(canvas, layout, FieldFit(field, fit), font)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
