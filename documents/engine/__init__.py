"""Documents engine: administrative documents and certificates as DOCX and PDF.

Pure Python, no Django. Public names are imported lazily so that importing the package
stays cheap (WeasyPrint, python-docx and reportlab load on first use).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "blocks": (
        "Cell", "Document", "Header", "Heading", "ListBlock", "ListItem", "PageBreak", "PageSetup",
        "Paragraph", "Run", "Signature", "Slot", "Spacer", "Table", "Title", "items", "para",
        "table_rows",
    ),
    "docx_renderer": ("render_docx",),
    "pdf_renderer": ("render_pdf", "reset_pdf_cache", "FetchRefusedError"),
    "html_renderer": ("document_html",),
    "batch": ("render_batch_pdf", "render_batch_docx_zip", "render_batch_zip"),
    "pdf_merge": ("split_pdf",),
    "certificates": (
        "CertField", "CertificateDesign", "CertificateLayout", "CertificateWarning", "default_layout",
        "fit_certificate", "render_calibration_page", "render_certificate_docx",
        "render_certificate_pdf", "render_certificates_docx_zip", "render_certificates_pdf",
        "render_certificates_zip",
    ),
    "textutil": ("vn_date", "blank_date"),
    "inline": ("inline_runs", "plain_text", "italic_passages"),
    "seed_plans": ("plan_from_text",),
}  # fmt: skip
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
