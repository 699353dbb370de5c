"""Certificate (Giấy khen, Giấy chứng nhận) layouts: positioned fields and the static design."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from .blocks import NAME

FieldAlign = Literal["left", "center", "right"]
COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class CertField:
    """One variable field; position and size in mm from the top-left corner of the page.

    ``height_mm`` is the maximum height: the text wraps, then shrinks from ``font_size``
    down to ``min_font_size``, and is cut with "…" only when even that does not fit.
    ``prefix`` is a fixed label printed before the value (e.g. "Số sổ vàng: ").
    ``offset_x_mm``/``offset_y_mm`` are the office's adjustments for its blanks (phôi).
    """

    name: str
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    font_size: float = 14.0
    min_font_size: float = 10.0
    bold: bool = False
    italic: bool = False
    color: str = "#000000"
    align: FieldAlign = "center"
    prefix: str = ""
    line_height: float = 1.2
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    # A QR code of the value (the verification page's address), a square of the box's
    # height at its left, on a white quiet zone; not text.
    qr: bool = False

    def __post_init__(self) -> None:
        if not NAME.fullmatch(self.name):
            raise ValueError(f"field name must be an identifier, got {self.name!r}")
        if self.width_mm <= 0 or self.height_mm <= 0:
            raise ValueError(f"field {self.name!r} needs a positive size")
        if not 0 < self.min_font_size <= self.font_size:
            raise ValueError(f"field {self.name!r}: need 0 < min_font_size <= font_size")
        if not COLOR.fullmatch(self.color):
            raise ValueError(f"field {self.name!r}: colour must look like #1a2b3c")
        if self.align not in ("left", "center", "right"):
            raise ValueError(f"field {self.name!r}: unknown align {self.align!r}")

    @property
    def left_mm(self) -> float:
        return self.x_mm + self.offset_x_mm

    @property
    def top_mm(self) -> float:
        return self.y_mm + self.offset_y_mm

    @property
    def rgb(self) -> tuple[int, int, int]:
        value = self.color.lstrip("#")
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True)
class CertificateLayout:
    fields: tuple[CertField, ...]
    width_mm: float = 297.0
    height_mm: float = 210.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError("field names must be unique")

    def field(self, name: str) -> CertField:
        return next(f for f in self.fields if f.name == name)

    def with_offsets(self, offsets: Mapping[str, tuple[float, float]]) -> CertificateLayout:
        """A copy where each named field gets the given (dx, dy) offset in mm."""
        unknown = set(offsets) - {f.name for f in self.fields}
        if unknown:
            raise KeyError(f"unknown fields: {sorted(unknown)}")
        fields = tuple(
            replace(f, offset_x_mm=offsets[f.name][0], offset_y_mm=offsets[f.name][1])
            if f.name in offsets
            else f
            for f in self.fields
        )
        return replace(self, fields=fields)

    def shifted(self, dx_mm: float, dy_mm: float) -> CertificateLayout:
        """Move every field (a printer that feeds the blanks off-centre)."""
        return replace(
            self,
            fields=tuple(replace(f, x_mm=f.x_mm + dx_mm, y_mm=f.y_mm + dy_mm) for f in self.fields),
        )


@dataclass(frozen=True)
class CertificateDesign:
    """The static part of a full-design certificate, rendered once per batch."""

    issuer_title: str = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"
    award_title: str = "GIẤY KHEN"
    verb: str = "TẶNG"
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    red: str = "#c0161d"
    frame: str = "#b08d2e"
    width_mm: float = 297.0
    height_mm: float = 210.0


DARK_BLUE = "#14306b"

# The verification block at the bottom left: the QR code of the certificate's public page,
# its short code in text beside it and, on a reissued certificate, "Cấp lại lần n, ngày …".
VERIFICATION_FIELDS = (
    CertField("verify_url", 25, 146, 26, 26, qr=True),
    CertField("reissue_mark", 54, 156, 90, 6, 10, 8, italic=True, align="left"),
    CertField("verify_code", 54, 163, 90, 6, 10, 8, align="left", prefix="Mã xác minh: "),
)


def default_layout() -> CertificateLayout:
    """Fields for the default A4-landscape Giấy khen design."""
    return CertificateLayout(
        (
            CertField("name", 35, 91, 227, 14, 26, 14, bold=True, color=DARK_BLUE),
            CertField("unit", 35, 106, 227, 10, 16, 11),
            CertField("achievement", 35, 116, 227, 20, 16, 10, italic=True),
            CertField("place_date", 160, 138, 120, 7, 14, 10, italic=True),
            CertField("signer_title", 160, 145, 120, 14, 14, 10, bold=True),
            CertField("signer_name", 160, 186, 120, 9, 16, 11, bold=True),
            CertField("decision", 25, 174, 120, 7, 12, 9, align="left", prefix="Quyết định số "),
            CertField("gold_book", 25, 181, 120, 7, 12, 9, align="left", prefix="Số sổ vàng: "),
            *VERIFICATION_FIELDS,
        )
    )


def diploma_layout() -> CertificateLayout:
    """Fields for a Bằng chứng nhận (a title such as "Chiến sĩ thi đua cơ sở" certified): the
    title awarded stands out under the name and unit; the achievement is a smaller line."""
    return CertificateLayout(
        (
            CertField("name", 35, 89, 227, 13, 26, 14, bold=True, color=DARK_BLUE),
            CertField("unit", 35, 102, 227, 9, 15, 11),
            CertField(
                "award",
                35,
                112,
                227,
                12,
                20,
                12,
                bold=True,
                color="#c0161d",
                prefix="Đạt danh hiệu: ",
            ),  # fmt: skip
            CertField("achievement", 35, 125, 227, 12, 14, 10, italic=True),
            CertField("place_date", 160, 138, 120, 7, 14, 10, italic=True),
            CertField("signer_title", 160, 145, 120, 14, 14, 10, bold=True),
            CertField("signer_name", 160, 186, 120, 9, 16, 11, bold=True),
            CertField("decision", 25, 174, 120, 7, 12, 9, align="left", prefix="Quyết định số "),
            CertField("gold_book", 25, 181, 120, 7, 12, 9, align="left", prefix="Số sổ vàng: "),
            *VERIFICATION_FIELDS,
        )
    )


LAYOUTS = {"default": default_layout, "diploma": diploma_layout}
