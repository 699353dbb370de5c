"""The verification block stamped on the first page of a printed document: the QR code of the
document's public verification page and its short code in text beside it."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .cert_layout import CertField
from .cert_overlay import draw_qr_field
from .fonts import reportlab_font
from .pdf_merge import overlay_first_page
from .textutil import clean

A4 = (210.0, 297.0)


def verification_stamp(
    url: str,
    code_text: str,
    *,
    page_mm: tuple[float, float] = A4,
    left_mm: float = 30.0,
    top_mm: float = 276.0,
    size_mm: float = 15.0,
) -> bytes:
    """A one-page PDF, the size of the document's page, holding only the block."""
    width, height = page_mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width * mm, height * mm), pageCompression=1)
    field = CertField("verify_url", left_mm, top_mm, size_mm, size_mm, qr=True)
    draw_qr_field(canvas, height * mm, field, url)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(reportlab_font(), 8)
    x = (left_mm + size_mm + 2) * mm
    canvas.drawString(x, (height - top_mm - size_mm / 2 + 1) * mm, "Mã xác minh:")
    canvas.setFont(reportlab_font(True), 9)
    canvas.drawString(x, (height - top_mm - size_mm / 2 - 3) * mm, clean(code_text))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stamp_verification(pdf_bytes: bytes, url: str, code_text: str) -> bytes:
    """`pdf_bytes` with the verification block on its first page (A4 portrait)."""
    return overlay_first_page(pdf_bytes, verification_stamp(url, code_text))


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """The QR code of `url` as a PNG (black modules, a four-module quiet zone)."""
    from PIL import Image

    from .qr import qr_modules

    modules = qr_modules(url.encode())
    size = len(modules) + 8
    image = Image.new("1", (size, size), 1)
    pixels = image.load()
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + 4, y + 4] = 0
    image = image.resize((size * scale, size * scale), Image.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def add_verification_docx(docx_bytes: bytes, url: str, code_text: str) -> bytes:
    """`docx_bytes` with the verification block (QR code, short code) after its last line:
    the DOCX is the office's editable copy, so the block sits where Word keeps it in place."""
    from docx import Document
    from docx.shared import Mm, Pt

    document = Document(io.BytesIO(docx_bytes))
    picture = document.add_paragraph()
    picture.add_run().add_picture(io.BytesIO(qr_png(url)), width=Mm(20), height=Mm(20))
    text = document.add_paragraph()
    label = text.add_run("Mã xác minh: ")
    code = text.add_run(clean(code_text))
    label.font.size = code.font.size = Pt(9)
    code.bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
