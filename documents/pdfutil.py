"""Small PDF utilities for the Django side: joining PDFs and page previews."""

import io
import os
import shutil
import subprocess
import uuid
from pathlib import Path


def concatenate(pdfs: list[bytes]) -> bytes:
    """One PDF with the pages of each in order (shared objects are kept shared)."""
    import pikepdf

    with pikepdf.new() as out:
        sources = [pikepdf.open(io.BytesIO(data)) for data in pdfs]
        try:
            for source in sources:
                out.pages.extend(source.pages)
            buffer = io.BytesIO()
            out.save(buffer, compress_streams=True)
        finally:
            for source in sources:
                source.close()
    return buffer.getvalue()


def page_count(data: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def page_png(pdf_path: Path, page: int, *, dpi: int = 60) -> bytes:
    """Page `page` (1-based) as a PNG, drawn by poppler's pdftoppm. Cached beside the PDF."""
    cached = pdf_path.with_name(f".{pdf_path.name}.p{page}-{dpi}.png")
    if cached.exists():
        return cached.read_bytes()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise FileNotFoundError("pdftoppm (poppler-utils) is not installed")
    root = cached.with_name(f".{uuid.uuid4().hex}")
    subprocess.run(  # noqa: S603 - fixed program, our own file
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf_path),
            str(root),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    os.replace(root.with_suffix(".png"), cached)
    return cached.read_bytes()


def first_page_png(pdf_bytes: bytes, *, width_px: int = 1100) -> bytes:
    """The first page of a PDF (in memory) as a PNG `width_px` wide, drawn by pdfium."""
    import io

    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_bytes)
    try:
        page = pdf[0]
        scale = width_px / page.get_width()
        image = page.render(scale=scale).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        pdf.close()
