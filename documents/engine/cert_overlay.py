"""Per-person certificate fields: fit them into their boxes and draw them with reportlab."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.pdfgen.canvas import Canvas

from .cert_layout import CertField, CertificateLayout
from .fonts import reportlab_font
from .qr import pdf_ops, qr_modules
from .textfit import Fit, Piece, fit_runs
from .textutil import clean


@dataclass(frozen=True)
class CertificateWarning:
    person_index: int  # 0-based position in the list of people
    field: str
    message: str

    def __str__(self) -> str:
        return f"Người thứ {self.person_index + 1}, trường “{self.field}”: {self.message}"


@dataclass(frozen=True)
class FieldFit:
    field: CertField
    fit: Fit


@cache
def _ascent_descent(font: str) -> tuple[float, float]:
    ascent, descent = getAscentDescent(font, 1.0)
    return ascent, -descent


def fit_field(field: CertField, value: object) -> Fit | None:
    """Wrap and shrink ``value`` into the field's box; ``None`` when the value is empty."""
    text = clean(value).strip()
    if not text:
        return None
    font = reportlab_font(field.bold, field.italic)
    return fit_runs(
        [(field.prefix + text, font)],
        field.width_mm * mm,
        field.height_mm * mm,
        field.font_size,
        field.min_font_size,
        field.line_height,
    )


def fit_certificate(
    layout: CertificateLayout, person: Mapping[str, object], index: int = 0
) -> tuple[list[FieldFit], list[CertificateWarning]]:
    """Fitted fields of one person, and a warning for every field cut with "…"."""
    fits, warnings = [], []
    for field in layout.fields:
        if field.qr:
            continue
        fit = fit_field(field, person.get(field.name, ""))
        if fit is None:
            continue
        fits.append(FieldFit(field, fit))
        if fit.truncated:
            message = (
                f"chữ quá dài, đã cắt bớt bằng “…” ở cỡ {fit.size:g} pt "
                f"(khung {field.width_mm:g} x {field.height_mm:g} mm)"
            )
            warnings.append(CertificateWarning(index, field.name, message))
    return fits, warnings


def line_segments(line: Sequence[Piece]) -> list[list]:
    """Group a line's pieces into [font, text, unit width] runs drawn with one call each."""
    segments: list[list] = []
    for piece in line:
        if segments and piece.space_before:
            segments[-1][1] += " "
            segments[-1][2] += piece.space_before
        if segments and segments[-1][0] == piece.font:
            segments[-1][1] += piece.text
            segments[-1][2] += piece.unit
        else:
            segments.append([piece.font, piece.text, piece.unit])
    return segments


def _line_x(left: float, box_width: float, width: float, align: str) -> float:
    if align == "center":
        return left + (box_width - width) / 2
    if align == "right":
        return left + box_width - width
    return left


def draw_fit(
    canvas: Canvas,
    fit: Fit,
    box: tuple[float, float, float, float],
    align: str,
    middle: bool = True,
) -> None:
    """Draw ``fit`` in ``box`` = (left, top, width, height) in PDF points.

    ``middle`` centres the lines vertically, otherwise they start at the top of the box.
    """
    left, top, width, height = box
    if not fit.font:
        return
    ascent, descent = _ascent_descent(fit.font)
    block_top = top - (height - fit.height) / 2 if middle else top
    first_baseline = (
        block_top - (fit.leading - (ascent + descent) * fit.size) / 2 - ascent * fit.size
    )
    for index, line in enumerate(fit.lines):
        offset = fit.line_offset(index)
        x = _line_x(left + offset, width - offset, fit.line_width(index), align)
        _draw_line(canvas, line, fit.size, x, first_baseline - index * fit.leading)


def _draw_line(canvas: Canvas, line, size: float, x: float, baseline: float) -> None:
    for font, text, unit in line_segments(line):
        canvas.setFont(font, size)
        canvas.drawString(x, baseline, text)
        x += unit * size


def draw_field(canvas: Canvas, page_height: float, item: FieldFit) -> None:
    field = item.field
    box = (
        field.left_mm * mm,
        page_height - field.top_mm * mm,
        field.width_mm * mm,
        field.height_mm * mm,
    )
    canvas.setFillColorRGB(*(c / 255 for c in field.rgb))
    draw_fit(canvas, item.fit, box, field.align)


def draw_qr_field(canvas: Canvas, page_height: float, field: CertField, value: object) -> None:
    """A QR code of `value`: a square of the field's height at its left, on a white quiet
    zone of two modules (over a design background), as one path in module units."""
    text = clean(value).strip()
    if not text:
        return
    modules = qr_modules(text.encode("utf-8"))
    size = min(field.width_mm, field.height_mm) * mm
    count = len(modules)
    cell = size / (count + 4)
    left, top = field.left_mm * mm, page_height - field.top_mm * mm
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(left, top - size, size, size, stroke=0, fill=1)
    x0, y0 = left + 2 * cell, top - 2 * cell
    canvas.addLiteral(f"0 g {cell:.4f} 0 0 {-cell:.4f} {x0:.3f} {y0:.3f} cm\n{pdf_ops(modules)}\nf")
    canvas.restoreState()


def draw_page(
    canvas: Canvas,
    layout: CertificateLayout,
    fits: Sequence[FieldFit],
    person: Mapping[str, object] | None = None,
) -> None:
    page_height = layout.height_mm * mm
    for item in fits:
        draw_field(canvas, page_height, item)
    for field in layout.fields:
        if field.qr and person:
            draw_qr_field(canvas, page_height, field, person.get(field.name, ""))
    canvas.showPage()


def new_canvas(buffer: io.BytesIO, layout: CertificateLayout, title: str = "") -> Canvas:
    canvas = Canvas(
        buffer,
        pagesize=(layout.width_mm * mm, layout.height_mm * mm),
        pageCompression=1,
        initialFontName=reportlab_font(),
        lang="vi",
    )
    canvas.setTitle(title or "Giấy khen")
    canvas.setCreator("documents.engine")
    return canvas


def overlay_pdf(
    layout: CertificateLayout,
    people: Sequence[Mapping[str, object]],
    common: Mapping[str, object] | None = None,
    warnings: list[CertificateWarning] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """One page of variable fields per person (no background); `progress(done, total)` is
    called after each page."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, layout)
    for index, person in enumerate(people):
        values = {**(common or {}), **person}
        fits, found = fit_certificate(layout, values, index)
        if warnings is not None:
            warnings.extend(found)
        draw_page(canvas, layout, fits, values)
        if progress is not None:
            progress(index + 1, len(people))
    canvas.save()
    return buffer.getvalue()
