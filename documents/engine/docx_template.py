"""Fast DOCX personalisation: build a DOCX once, then fill markers in ``word/document.xml``.

A marker is ``\\ue000name\\ue001`` inside a ``w:t`` (replaced by text, XML-escaped) or
``\\ue000@name\\ue001`` anywhere in a paragraph (the whole ``w:p`` is replaced by XML the
caller builds). Every other part is compressed once and copied byte for byte into each
output file by a small ZIP writer, so a filled document costs one string join and one
small deflate.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .textutil import SLOT_CLOSE, SLOT_OPEN, breakable, clean, unique_name

MARKER = re.compile(f"{SLOT_OPEN}(@?)([^{SLOT_CLOSE}]+){SLOT_CLOSE}")
DOCUMENT_PART = "word/document.xml"
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_UTF8_FLAG = 0x0800


def paragraph_marker(name: str) -> str:
    return f"{SLOT_OPEN}@{name}{SLOT_CLOSE}"


@dataclass(frozen=True)
class ZipEntry:
    name: str
    data: bytes  # raw deflate stream
    crc: int
    size: int


def deflate(name: str, payload: bytes, level: int = 6) -> ZipEntry:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = packer.compress(payload) + packer.flush()
    return ZipEntry(name, data, zlib.crc32(payload), len(payload))


def _headers(entry: ZipEntry, offset: int) -> tuple[bytes, bytes]:
    """The local file header and the central directory record of one entry."""
    name = entry.name.encode()
    common = (_UTF8_FLAG, 8, 0, _DOS_DATE, entry.crc, len(entry.data), entry.size, len(name))
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, *common, 0) + name
    record = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, *common, 0, 0, 0, 0, 0, offset)
    return local, record + name


def write_zip(entries: list[ZipEntry]) -> bytes:
    """A ZIP archive of already-deflated entries (no ZIP64: parts stay far below 4 GB)."""
    body, central = bytearray(), bytearray()
    for entry in entries:
        local, record = _headers(entry, len(body))
        body += local + entry.data
        central += record
    count = len(entries)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(body), 0)
    return bytes(body + central + end)


def text_xml(value: object) -> str:
    """A ``w:t`` sequence for plain text: escaped, newlines as ``w:br``, tabs as ``w:tab``."""
    parts = []
    for number, line in enumerate(breakable(clean(value)).split("\n")):
        if number:
            parts.append("<w:br/>")
        chunks = [f'<w:t xml:space="preserve">{escape(c)}</w:t>' for c in line.split("\t")]
        parts.append("<w:tab/>".join(chunks))
    return "".join(parts)


def _span(xml: str, match: re.Match) -> tuple[int, int]:
    if match.group(1):
        start = max(xml.rfind("<w:p>", 0, match.start()), xml.rfind("<w:p ", 0, match.start()))
        return start, xml.index("</w:p>", match.end()) + len("</w:p>")
    start = xml.rfind("<w:t", 0, match.start())
    return start, xml.index("</w:t>", match.end()) + len("</w:t>")


class DocxTemplate:
    """A DOCX split into constant parts and marker positions in ``word/document.xml``."""

    def __init__(self, docx_bytes: bytes):
        self.entries: list[ZipEntry | None] = []
        with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
            for info in archive.infolist():
                payload = archive.read(info)
                if info.filename == DOCUMENT_PART:
                    self._split(payload.decode("utf-8"))
                    self.entries.append(None)
                else:
                    self.entries.append(deflate(info.filename, payload))

    def _split(self, xml: str) -> None:
        self.segments: list[str] = []
        self.markers: list[tuple[bool, str]] = []
        position = 0
        for match in MARKER.finditer(xml):
            start, end = _span(xml, match)
            self.segments.append(xml[position:start])
            self.markers.append((bool(match.group(1)), match.group(2)))
            position = end
        self.segments.append(xml[position:])

    @property
    def names(self) -> list[str]:
        return [name for _, name in self.markers]

    def document_xml(self, texts: Mapping[str, object], paragraphs: Mapping[str, str]) -> str:
        parts = [self.segments[0]]
        for (is_paragraph, name), segment in zip(self.markers, self.segments[1:], strict=True):
            parts.append(
                paragraphs.get(name, "") if is_paragraph else text_xml(texts.get(name, ""))
            )
            parts.append(segment)
        return "".join(parts)

    def render(
        self, texts: Mapping[str, object] | None = None, paragraphs: Mapping[str, str] | None = None
    ) -> bytes:
        """A filled DOCX: ``texts`` are plain values, ``paragraphs`` trusted ``w:p`` XML."""
        xml = self.document_xml(texts or {}, paragraphs or {}).encode("utf-8")
        document = deflate(DOCUMENT_PART, xml, level=1)
        return write_zip([entry or document for entry in self.entries])


def zip_documents(items: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP (stored: DOCX files are compressed already) of (file name, bytes) pairs."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in items:
            archive.writestr(unique_name(name, used), data)
    return buffer.getvalue()
