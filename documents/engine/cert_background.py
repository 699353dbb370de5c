"""The static background of a full-design certificate, drawn in HTML and SVG.

It is rendered once per batch by WeasyPrint (or taken from an uploaded JPEG/PNG/PDF) and
reused under every page. The ornament is a simple red disc with a yellow star, not the
national emblem artwork.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path

from .cert_layout import CertificateDesign
from .html_renderer import esc

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}


def star_points(cx: float, cy: float, outer: float, inner: float) -> str:
    """The ten vertices of a five-pointed star pointing up, as an SVG points list."""
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.radians(-90 + 36 * index)
        points.append(f"{cx + radius * math.cos(angle):.2f},{cy + radius * math.sin(angle):.2f}")
    return " ".join(points)


def _corners(design: CertificateDesign) -> str:
    w, h = design.width_mm, design.height_mm
    parts = []
    for x, y in ((13, 13), (w - 13, 13), (13, h - 13), (w - 13, h - 13)):
        parts.append(
            f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{design.frame}" '
            f'transform="rotate(45 {x} {y})"/><circle cx="{x}" cy="{y}" r="1.3" fill="{design.red}"/>'
        )
    return "".join(parts)


def _emblem(design: CertificateDesign, cx: float, cy: float) -> str:
    return (
        f'<circle cx="{cx}" cy="{cy}" r="12" fill="{design.frame}"/>'
        f'<circle cx="{cx}" cy="{cy}" r="10.6" fill="{design.red}"/>'
        f'<polygon points="{star_points(cx, cy + 0.6, 7.6, 3.0)}" fill="#ffd700"/>'
    )


def border_svg(design: CertificateDesign) -> str:
    w, h = design.width_mm, design.height_mm
    return (
        f'<svg class="bg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        f'width="{w}mm" height="{h}mm">'
        f'<rect x="6" y="6" width="{w - 12}" height="{h - 12}" fill="none" stroke="{design.frame}" stroke-width="2.2"/>'
        f'<rect x="9" y="9" width="{w - 18}" height="{h - 18}" fill="none" stroke="{design.red}" '
        f'stroke-width="0.9" stroke-dasharray="4 1.6"/>'
        f'<rect x="11.5" y="11.5" width="{w - 23}" height="{h - 23}" fill="none" stroke="{design.frame}" stroke-width="0.5"/>'
        f"{_corners(design)}{_emblem(design, w / 2, 25)}</svg>"
    )


def static_html(design: CertificateDesign) -> str:
    """The fixed texts: Quốc hiệu, tiêu ngữ, issuer title, "TẶNG", "GIẤY KHEN"."""
    return (
        f'<div class="t nation">{esc(design.nation)}</div>'
        f'<div class="t motto"><span>{esc(design.motto)}</span></div>'
        f'<div class="t issuer" style="color:{design.red}">{esc(design.issuer_title)}</div>'
        f'<div class="t verb">{esc(design.verb)}</div>'
        f'<div class="t award" style="color:{design.red}">{esc(design.award_title)}</div>'
    )


def page_html(design: CertificateDesign, inner: str = "") -> str:
    """One certificate page: border, ornament, static texts, then ``inner`` (trusted HTML)."""
    return f'<div class="page">{border_svg(design)}{static_html(design)}{inner}</div>'


def pages_document(design: CertificateDesign, pages: list[str]) -> str:
    body = "".join(pages)
    return f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>{body}</body></html>'


def page_size_css(design: CertificateDesign) -> str:
    return f"@page {{ size: {design.width_mm}mm {design.height_mm}mm; margin: 0; }}"


def certificate_stylesheets(design: CertificateDesign) -> list:
    from .pdf_renderer import base_stylesheets, stylesheet

    size = stylesheet(
        f"cert-page:{design.width_mm}x{design.height_mm}", string=page_size_css(design)
    )
    return [*base_stylesheets("certificate.css"), size]


@lru_cache(maxsize=16)
def design_background_pdf(design: CertificateDesign) -> bytes:
    """The background page of ``design`` as a one-page PDF (rendered once, cached)."""
    from .pdf_renderer import render_html, write_pdf

    html = pages_document(design, [page_html(design)])
    return write_pdf(render_html(html, certificate_stylesheets(design)))


def image_background_pdf(path: Path, width_mm: float, height_mm: float) -> bytes:
    """A one-page PDF with a JPEG/PNG stretched over the page (cached per file version)."""
    stat = path.stat()
    return _image_pdf(str(path.resolve()), stat.st_mtime_ns, stat.st_size, width_mm, height_mm)


@lru_cache(maxsize=8)
def _image_pdf(path: str, mtime_ns: int, size: int, width_mm: float, height_mm: float) -> bytes:
    """Draw the image once with reportlab (JPEG is embedded as is, PNG re-encoded once)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width_mm * mm, height_mm * mm))
    canvas.drawImage(path, 0, 0, width_mm * mm, height_mm * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def background_pdf(background: object, width_mm: float, height_mm: float) -> bytes | None:
    """Resolve the ``background`` argument: None, a design, an image or a PDF file, or PDF bytes."""
    if background is None:
        return None
    if isinstance(background, CertificateDesign):
        return design_background_pdf(background)
    if isinstance(background, bytes):
        return background
    path = Path(background)  # type: ignore[arg-type]
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return image_background_pdf(path, width_mm, height_mm)
    if suffix == ".pdf":
        return path.read_bytes()
    raise ValueError(f"unsupported background {path.name!r}: use JPEG, PNG or PDF")
