"""Reading printed files back for assertions: the text of a PDF with its italic and bold
stretches (from the font each piece is drawn with), and the runs of a DOCX."""

from __future__ import annotations

import io
import re
import unicodedata


def _face(font: dict | None) -> tuple[bool, bool]:
    name = str((font or {}).get("/BaseFont", ""))
    return "Bold" in name, "Italic" in name


def pdf_pieces(content: bytes) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) for every piece of text of the PDF, in drawing order."""
    from pypdf import PdfReader

    pieces: list[tuple[str, bool, bool]] = []

    def visit(text, cm, tm, font, size):
        if text:
            pieces.append((text, *_face(font)))

    for page in PdfReader(io.BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return pieces


def docx_pieces(content: bytes) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) for every run of the DOCX body and its tables, in order."""
    from docx import Document

    document = Document(io.BytesIO(content))
    body = document.element.body
    pieces = []
    for run in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
        from docx.text.run import Run

        r = Run(run, None)
        if r.text:
            pieces.append((r.text, bool(r.bold), bool(r.italic)))
    return pieces


def normal(text: str) -> str:
    """Words only, lower case, NFC: for comparing printed text with what was typed."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def styled_text(pieces, *, italic: bool | None = None, bold: bool | None = None) -> str:
    """The words of the pieces with the asked style, joined (other pieces become breaks)."""
    out = []
    for text, is_bold, is_italic in pieces:
        keep = (italic is None or is_italic == italic) and (bold is None or is_bold == bold)
        out.append(text if keep else "\n|\n")
    return "".join(out)


def has_styled(pieces, passage: str, *, italic: bool | None = None, bold: bool | None = None):
    """Whether ``passage`` appears in one stretch printed with the asked style."""
    chunks = styled_text(pieces, italic=italic, bold=bold).split("\n|\n")
    wanted = normal(passage)
    return any(wanted in normal(chunk) for chunk in chunks)
