"""The văn thư's issue stamp on an electronically issued document (Nghị định 30/2020, Phụ lục I):
at the top right of page 1, no image, the number and symbol and the signing time in ISO 8601,
Times New Roman 10 pt (Liberation Serif: the same metrics), upright, black."""

from __future__ import annotations

import io

MM = 72 / 25.4
STAMP_SIZE = 10.0
# The block's right edge and its first baseline, from the page's top right corner: inside the
# top margin (20 mm), right-aligned on the text's right margin (15 mm).
RIGHT_MM = 15.0
TOP_MM = 9.0


def stamp_lines(number: str, moment_iso: str) -> list[str]:
    return [number, moment_iso]


def stamp_issue(pdf: bytes, lines: list[str], *, size: float = STAMP_SIZE) -> bytes:
    """`pdf` with `lines` drawn right-aligned at the top right of its first page."""
    import pikepdf
    from reportlab.pdfgen import canvas

    from .fonts import reportlab_font

    with pikepdf.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        left, bottom, right, top = (float(v) for v in page.mediabox)
        width, height = right - left, top - bottom
        buffer = io.BytesIO()
        sheet = canvas.Canvas(buffer, pagesize=(width, height))
        sheet.setFillColorRGB(0, 0, 0)
        sheet.setFont(reportlab_font(), size)
        x = width - RIGHT_MM * MM
        y = height - TOP_MM * MM
        for line in lines:
            sheet.drawRightString(x, y, line)
            y -= size * 1.2
        sheet.save()
        with pikepdf.open(io.BytesIO(buffer.getvalue())) as overlay:
            page.add_overlay(overlay.pages[0])
            out = io.BytesIO()
            document.save(out, compress_streams=True)
    return out.getvalue()
