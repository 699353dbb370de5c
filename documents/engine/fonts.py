"""Locate Liberation Serif 2 (full Vietnamese coverage) and expose its metrics.

Debian may install both ``fonts-liberation`` (1.07, 42 of 139 Vietnamese letters) and
``fonts-liberation2``; only files that cover every Vietnamese letter are accepted.
Everything is computed lazily, once per process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

STYLES = ("regular", "bold", "italic", "bolditalic")
_FC_STYLE = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "Bold Italic"}
_FILE_SUFFIX = {
    "regular": "Regular",
    "bold": "Bold",
    "italic": "Italic",
    "bolditalic": "BoldItalic",
}
_KNOWN_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/liberation2")
REPORTLAB_NAMES = {s: f"EngineSerif-{_FILE_SUFFIX[s]}" for s in STYLES}

_LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
VIETNAMESE_LETTERS = _LOWER + _LOWER.upper()


class FontNotFoundError(RuntimeError):
    pass


def style_key(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def _fc_list_candidates(style: str) -> list[Path]:
    if shutil.which("fc-list") is None:
        return []
    pattern = f"Liberation Serif:style={_FC_STYLE[style]}"
    result = subprocess.run(
        ["fc-list", pattern, "file"], capture_output=True, text=True, timeout=20, check=False
    )
    return [Path(line.split(":")[0]) for line in result.stdout.splitlines() if line.strip()]


def _candidates(style: str) -> list[Path]:
    name = f"LiberationSerif-{_FILE_SUFFIX[style]}.ttf"
    dirs = [os.environ.get("DOCUMENTS_FONT_DIR", ""), *_KNOWN_DIRS]
    known = [Path(d) / name for d in dirs if d]
    return [p for p in known if p.is_file()] + _fc_list_candidates(style)


def covers_vietnamese(path: Path) -> bool:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        cmap = font.getBestCmap() or {}
    return all(ord(ch) in cmap for ch in VIETNAMESE_LETTERS)


@cache
def serif_font_files() -> dict[str, Path]:
    """The four Liberation Serif files with full Vietnamese coverage, by style."""
    found: dict[str, Path] = {}
    for style in STYLES:
        path = next((p for p in _candidates(style) if covers_vietnamese(p)), None)
        if path is None:
            raise FontNotFoundError(
                f"Liberation Serif {style} with Vietnamese coverage not found; "
                "install the Debian package fonts-liberation2"
            )
        found[style] = path.resolve()
    return found


@cache
def register_reportlab_fonts() -> dict[str, str]:
    """Register the four faces with reportlab (embedded and subset in PDFs)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = serif_font_files()
    for style, name in REPORTLAB_NAMES.items():
        pdfmetrics.registerFont(TTFont(name, str(files[style])))
    return dict(REPORTLAB_NAMES)


def reportlab_font(bold: bool = False, italic: bool = False) -> str:
    return register_reportlab_fonts()[style_key(bold, italic)]


def text_width_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` in points in Liberation Serif (same metrics as Times New Roman)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, reportlab_font(bold, italic), size)
