"""A neutral document model that both the DOCX and the PDF renderer understand.

Blocks are small frozen dataclasses. Sequences given as lists are stored as tuples,
so a document can be cached, hashed and shared between threads. All text is plain
text: renderers never interpret markup in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Literal

Orientation = Literal["portrait", "landscape"]
ParagraphStyle = Literal["body", "legal_basis", "plain", "centered", "right", "note"]
Align = Literal["left", "center", "right", "justify"]
Marker = Literal["-", "+", "*", "numbered", "alpha", "none"]

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
A4_SHORT_MM = 210.0
A4_LONG_MM = 297.0


def _freeze(obj: object) -> None:
    """Turn list attributes of a frozen dataclass into tuples (recursively for rows)."""
    for spec in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, spec.name)
        if isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            object.__setattr__(obj, spec.name, value)


@dataclass(frozen=True)
class PageSetup:
    """A4 page; margins in millimetres (defaults: Nghị định 30/2020 sample files)."""

    orientation: Orientation = "portrait"
    top_mm: float = 25.0
    bottom_mm: float = 20.0
    left_mm: float = 35.0
    right_mm: float = 20.0

    def __post_init__(self) -> None:
        if self.orientation not in ("portrait", "landscape"):
            raise ValueError(f"unknown orientation {self.orientation!r}")

    @property
    def width_mm(self) -> float:
        return A4_SHORT_MM if self.orientation == "portrait" else A4_LONG_MM

    @property
    def height_mm(self) -> float:
        return A4_LONG_MM if self.orientation == "portrait" else A4_SHORT_MM

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Header:
    """The national two-column header (Quốc hiệu, tiêu ngữ, issuing body, number, date)."""

    issuing_body: str
    parent_body: str = ""
    number: str = ""  # the whole line, e.g. "Số: 330/KH-UBND"
    place_date: str = ""  # e.g. "Thanh Trì, ngày 20 tháng 9 năm 2024"
    summary: str = ""  # "V/v ..." under the number (công văn only)
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Title:
    """Document type ("KẾ HOẠCH") and subject lines (trích yếu), centred and bold."""

    kind: str
    subject: tuple[str, ...] = ()
    rule: bool = True

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Heading:
    """A section heading. The text carries its own numbering ("I. MỤC ĐÍCH, YÊU CẦU").
    ``runs``, when given, print instead of ``text`` (emphasis inside a heading)."""

    level: int
    text: str
    runs: tuple[Run, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self)
        if self.level not in (1, 2, 3):
            raise ValueError("heading level must be 1, 2 or 3")


@dataclass(frozen=True)
class Paragraph:
    """``size`` (points) overrides the style's font size, e.g. for the large maket lines."""

    runs: tuple[Run, ...]
    style: ParagraphStyle = "body"
    size: float | None = None

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    children: ListBlock | None = None

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class ListBlock:
    """Items prefixed by a marker: "-", "+", "*", "numbered" (1.), "alpha" (a)) or "none"."""

    items: tuple[ListItem, ...]
    marker: Marker = "-"
    start: int = 1

    def __post_init__(self) -> None:
        _freeze(self)

    def marker_text(self, index: int) -> str:
        number = self.start + index
        if self.marker == "numbered":
            return f"{number}."
        if self.marker == "alpha":
            return f"{chr(ord('a') + (number - 1) % 26)})"
        return "" if self.marker == "none" else self.marker


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    bold: bool = False
    italic: bool = False
    align: Align | None = None


CellValue = str | Cell


@dataclass(frozen=True)
class Table:
    """A bordered data table.

    ``columns`` is the first header row. ``header_rows`` counts the header rows repeated
    on every page: 1 means ``columns`` alone, 0 means no header (``columns`` then only
    gives the column count), n > 1 takes the first n - 1 ``rows`` as extra header rows.
    ``widths`` are relative weights; ``align`` gives a default alignment per column.
    """

    columns: tuple[CellValue, ...]
    rows: tuple[tuple[CellValue, ...], ...] = ()
    header_rows: int = 1
    widths: tuple[float, ...] = ()
    align: tuple[Align, ...] = ()
    font_size: float = 13.0

    def __post_init__(self) -> None:
        _freeze(self)
        if self.widths and len(self.widths) != len(self.columns):
            raise ValueError("widths must have one weight per column")

    @property
    def column_count(self) -> int:
        return sum(c.colspan if isinstance(c, Cell) else 1 for c in self.columns)

    def relative_widths(self) -> tuple[float, ...]:
        weights = self.widths or (1.0,) * self.column_count
        total = float(sum(weights))
        return tuple(w / total for w in weights)


def table_rows(block: Table) -> list[tuple[tuple, bool]]:
    """All rows of ``block`` with a flag telling whether each is a header row."""
    extra = max(block.header_rows - 1, 0)
    head = [block.columns, *block.rows[:extra]] if block.header_rows else []
    return [(r, True) for r in head] + [(r, False) for r in block.rows[extra:]]


@dataclass(frozen=True)
class Signature:
    """Signature table: "Nơi nhận:" list (or a second signer) on the left, authority and signer
    on the right.
    Recipients print as the decree says ("- Name;" ... "- Lưu: VT, X.") whatever their dashes
    and punctuation (textutil.recipient_lines)."""

    authority: tuple[str, ...] = ()  # ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    signer: str = ""
    recipients: tuple[str, ...] = ()
    recipients_title: str = "Nơi nhận:"
    signed_note: str = ""  # e.g. "(Đã ký)" in a copy
    signature_space_mm: float = 30.0
    # A second signer on the left instead of the recipients (minutes: the secretary on the
    # left, the chair on the right).
    left_authority: tuple[str, ...] = ()
    left_signer: str = ""

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True)
class Slot:
    """A paragraph personalised per recipient: ``label`` followed by the value of ``name``.

    Rendered with a value it is a normal paragraph. In batch rendering the engine renders
    the document once and fills each slot per person (at most ``lines`` lines in PDF).
    """

    name: str
    label: str = ""
    bold: bool = True
    italic: bool = False
    lines: int = 1
    indent: bool = True
    min_font_size: float = 10.0
    # Batch PDF only: also draw the value as a QR code at the right of the slot's box
    # (DOCX and single renders print the value as text).
    qr: bool = False

    def __post_init__(self) -> None:
        if not NAME.fullmatch(self.name):
            raise ValueError(f"slot name must be an identifier, got {self.name!r}")
        if self.lines < 1:
            raise ValueError("a slot needs at least one line")


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Spacer:
    height_mm: float = 6.0


Block = (
    Header | Title | Heading | Paragraph | ListBlock | Table | Signature | Slot | PageBreak | Spacer
)


@dataclass(frozen=True)
class Document:
    """A whole document. ``page_numbers_from``: 2 skips the first page, 1 numbers all, 0 none."""

    page: PageSetup = field(default_factory=PageSetup)
    blocks: tuple[Block, ...] = ()
    page_numbers_from: int = 2
    title: str = ""

    def __post_init__(self) -> None:
        _freeze(self)
        if self.page_numbers_from not in (0, 1, 2):
            raise ValueError("page_numbers_from must be 0 (none), 1 or 2")

    def slot_names(self) -> tuple[str, ...]:
        return tuple(b.name for b in self.blocks if isinstance(b, Slot))


def para(
    text: str, style: ParagraphStyle = "body", bold: bool = False, italic: bool = False
) -> Paragraph:
    """A paragraph made of one run."""
    return Paragraph((Run(text, bold=bold, italic=italic),), style)


def items(texts: list[str] | tuple[str, ...], marker: Marker = "-") -> ListBlock:
    """A flat list of plain-text items."""
    return ListBlock(tuple(ListItem((Run(t),)) for t in texts), marker)
