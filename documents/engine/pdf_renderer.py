"""Render documents to PDF with WeasyPrint.

WeasyPrint is imported lazily. One ``FontConfiguration``, the parsed stylesheets and the
URL fetchers live in a per-process cache filled on first use (call
:func:`reset_pdf_cache` after a fork if you want fresh objects, or to free memory).
The URL fetcher only serves files under the engine's static folder, the font files and
directories passed explicitly; everything else (http, other paths, data:) is refused.
"""

from __future__ import annotations

import atexit
import mimetypes
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .blocks import Document
from .fonts import STYLES, serif_font_files
from .html_renderer import document_html, page_css

STATIC_DIR = Path(__file__).resolve().parent / "static"
FONT_FAMILY = "Liberation Serif"
_FACE = {
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bolditalic": ("bold", "italic"),
}

_cache: dict[str, Any] = {}
_lock = threading.RLock()


class FetchRefusedError(ValueError):
    """A resource outside the allowed folders was requested."""


def reset_pdf_cache() -> None:
    """Drop the shared font configuration, stylesheets and fetchers."""
    with _lock:
        _cache.clear()


# Drop WeasyPrint objects before interpreter teardown (FontConfiguration.__del__ needs shutil).
atexit.register(reset_pdf_cache)


def url_to_path(url: str) -> Path:
    """The local path of a ``file:`` URL; any other scheme is refused."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise FetchRefusedError(f"refused URL: {url[:80]}")
    return Path(url2pathname(unquote(parts.path))).resolve()


def is_allowed(path: Path, roots: Iterable[Path], files: Iterable[Path] = ()) -> bool:
    return path in set(files) or any(path.is_relative_to(root) for root in roots)


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):
        """Serves files from allowed folders only."""

        def __init__(self, roots: tuple[Path, ...], files: tuple[Path, ...]):
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.roots, self.files = roots, files

        def fetch(self, url, headers=None):
            path = url_to_path(url)
            if not is_allowed(path, self.roots, self.files) or not path.is_file():
                raise FetchRefusedError(f"refused file: {path}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return RestrictedFetcher


def fetcher(allowed_dirs: Iterable[str | Path] = ()):
    """The (cached) restricted fetcher for the static folder plus ``allowed_dirs``."""
    roots = (STATIC_DIR, *(Path(d).resolve() for d in allowed_dirs))
    with _lock:
        fetchers = _cache.setdefault("fetchers", {})
        if roots not in fetchers:
            files = tuple(serif_font_files().values())
            fetchers[roots] = _fetcher_class()(roots, files)
        return fetchers[roots]


def font_config():
    """The process-wide WeasyPrint ``FontConfiguration``."""
    with _lock:
        if "font_config" not in _cache:
            from weasyprint.text.fonts import FontConfiguration

            _cache["font_config"] = FontConfiguration()
        return _cache["font_config"]


def font_face_css() -> str:
    """@font-face rules binding the engine family to the Liberation Serif 2 files."""
    files = serif_font_files()
    rules = []
    for face in STYLES:
        weight, slant = _FACE[face]
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{files[face].as_uri()}"); '
            f"font-weight: {weight}; font-style: {slant}; }}"
        )
    return "\n".join(rules)


def stylesheet(key: str, *, string: str | None = None, filename: str | None = None):
    """A parsed ``CSS`` object, cached under ``key`` (from a string or a static file)."""
    with _lock:
        sheets = _cache.setdefault("css", {})
        if key not in sheets:
            from weasyprint import CSS

            path = str(STATIC_DIR / filename) if filename else None
            sheets[key] = CSS(
                string=string, filename=path, font_config=font_config(), url_fetcher=fetcher()
            )
        return sheets[key]


def base_stylesheets(css_file: str = "document.css") -> list:
    return [stylesheet("fonts", string=font_face_css()), stylesheet(css_file, filename=css_file)]


def render_html(html: str, stylesheets: list, allowed_dirs: Iterable[str | Path] = ()):
    """Lay out an HTML string; returns WeasyPrint's ``Document`` (pages, anchors)."""
    from weasyprint import HTML

    url_fetcher = fetcher(allowed_dirs)
    source = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=url_fetcher)
    return source.render(font_config=font_config(), stylesheets=stylesheets)


def write_pdf(rendered) -> bytes:
    return rendered.write_pdf()


def document_stylesheets(document: Document) -> list:
    page = document.page
    key = f"page:{page!r}:{document.page_numbers_from}"
    page_sheet = stylesheet(key, string=page_css(page, document.page_numbers_from))
    return [*base_stylesheets(), page_sheet]


def render_pdf(
    document: Document,
    values: Mapping[str, object] | None = None,
    allowed_dirs: Iterable[str | Path] = (),
) -> bytes:
    """Render ``document`` to PDF bytes; ``values`` fill its slots."""
    html = document_html(document, values or {})
    return write_pdf(render_html(html, document_stylesheets(document), allowed_dirs))
