"""Every uploaded file is bounded before a parser sees it.

A zip container (xlsx, docx) is judged by its directory alone: how many members, how big they
say they are once inflated, how much each one inflates; Python's zipfile never inflates a member
past the size the directory gives, so the directory is the bound. Spreadsheet rows and columns
are counted while openpyxl streams the sheet (`bounded_rows`). An image is judged by the width
and height in its header, before any pixel is decoded. A PDF or DOCX dossier is refused when it
carries anything that runs (scripts, launch actions, embedded files, macros, ActiveX) or that
fetches from elsewhere when opened.

Each check raises DomainError with a Vietnamese message; `as_form_error` turns one into a form
ValidationError for an upload field. Nothing is written before the checks pass.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from .errors import DomainError

MAX_ZIP_MEMBERS = 1000
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
# Deflated XML of real office files inflates 5 to 30 times; a bomb inflates about 1000 times.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024  # small members may inflate a lot without harm
MAX_COLUMNS = 200
# More than an A4 page at 600 dpi (35 megapixels); a 30000x30000 PNG has 900 megapixels.
MAX_IMAGE_PIXELS = 40_000_000
MAX_PDF_OBJECTS = 200_000
MAX_PDF_OBJECT_STREAM_BYTES = 100 * 1024 * 1024

Source = bytes | IO[bytes]


def _as_file(source: Source) -> IO[bytes]:
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(source)
    source.seek(0)
    return source


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


# --- zip containers (xlsx, docx) -----------------------------------------------------------------
_EOCD = b"PK\x05\x06"


_NOT_OFFICE = "Không đọc được tệp: tệp bị hỏng hoặc không phải tệp Office (.xlsx, .docx)."
_NOT_XLSX = "Không đọc được tệp. Hãy chọn tệp Excel .xlsx theo mẫu."


def _declared_members(file: IO[bytes], broken: str) -> int:
    """The member count in the end-of-central-directory record, read before zipfile builds an
    object for every entry (65535 means "see the zip64 record": more than we ever accept)."""
    file.seek(0, io.SEEK_END)
    size = file.tell()
    tail_start = max(0, size - 65_557)  # the record (22 bytes) plus the longest comment
    file.seek(tail_start)
    tail = file.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        raise DomainError(broken)
    return struct.unpack("<H", tail[at + 10 : at + 12])[0]


def open_zip(
    source: Source, *, max_members: int = MAX_ZIP_MEMBERS, broken: str = _NOT_OFFICE
) -> zipfile.ZipFile:
    """Open a zip container after checking its directory; raises DomainError (`broken` is
    the message for a file that is not a zip at all)."""
    file = _as_file(source)
    if _declared_members(file, broken) > max_members:
        raise DomainError(f"Tệp chứa quá nhiều thành phần (tối đa {max_members}).")
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DomainError(broken) from exc
    check_zip_directory(archive.infolist(), max_members=max_members)
    return archive


def check_zip_directory(members: list[zipfile.ZipInfo], *, max_members: int) -> None:
    if len(members) > max_members:
        raise DomainError(f"Tệp chứa quá nhiều thành phần (tối đa {max_members}).")
    total = sum(info.file_size for info in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise DomainError(
            f"Tệp khi giải nén quá lớn ({_mb(total)}; tối đa {_mb(MAX_UNCOMPRESSED_BYTES)}). "
            "Hãy chia thành nhiều tệp nhỏ hơn."
        )
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECKED_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise DomainError(
                "Tệp có dấu hiệu là “bom nén” (một phần bung ra lớn bất thường), không nhận."
            )


def check_zip(source: Source, *, broken: str = _NOT_OFFICE) -> None:
    open_zip(source, broken=broken).close()


# --- spreadsheets ---------------------------------------------------------------------------------
def header_row(sheet, *, max_columns: int = MAX_COLUMNS) -> list:
    """The first row of a read-only sheet, up to its last filled cell, refused past
    `max_columns` (a sheet may claim a huge width; only max_columns + 1 cells are read)."""
    first = next(sheet.iter_rows(max_row=1, max_col=max_columns + 1, values_only=True), ())
    if len(first) > max_columns and first[max_columns] is not None:
        raise DomainError(f"Tệp có quá nhiều cột (tối đa {max_columns}).")
    headers = list(first[:max_columns])
    while headers and headers[-1] is None:
        headers.pop()
    return headers


def bounded_rows(rows: Iterable[tuple], *, max_rows: int) -> Iterator[tuple[int, tuple]]:
    """(Excel row number, values) for the rows after the header, as openpyxl streams them,
    refused as soon as the sheet goes past `max_rows` filled rows; blank rows may not stretch
    the sheet past twice the limit either. The rest of the sheet is never read."""
    filled = 0
    for number, values in enumerate(rows, start=2):
        if any(v is not None for v in values):
            filled += 1
        if filled > max_rows or number > 2 * max_rows + 1:
            raise DomainError(f"Tệp có quá nhiều dòng (tối đa {max_rows} dòng dữ liệu).")
        yield number, values


# --- images ---------------------------------------------------------------------------------------
def limit_image_decoding() -> None:
    """Pillow refuses (DecompressionBombError) anything past twice this many pixels, even an
    image that was stored before the upload checks existed."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def check_image(source: Source, *, formats: tuple[str, ...] = ("JPEG", "PNG")) -> None:
    """A JPEG or PNG whose header gives at most MAX_IMAGE_PIXELS pixels; nothing is decoded."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    file = _as_file(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:  # reads the header only
                kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError as exc:  # past twice the limit: Pillow says no first
        raise DomainError(_image_too_big("")) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DomainError("Không đọc được ảnh. Hãy chọn tệp JPEG hoặc PNG.") from exc
    finally:
        file.seek(0)
    if kind not in formats:
        raise DomainError("Chỉ nhận ảnh JPEG hoặc PNG.")
    if width * height > MAX_IMAGE_PIXELS:
        raise DomainError(_image_too_big(f"{width} x {height} điểm ảnh; "))


def _image_too_big(size: str) -> str:
    return (
        f"Ảnh quá lớn ({size}tối đa {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh). "
        "Hãy thu nhỏ ảnh; khổ A4 ở 300 dpi là 3508 x 2480 điểm ảnh."
    )


# --- PDF ------------------------------------------------------------------------------------------
_ACTIVE_PDF_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/XFA"}
_ACTIVE_PDF_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}
_SCRIPT_REFUSED = "Tệp PDF có chứa mã chạy tự động hoặc tệp đính kèm bên trong, không nhận."


def _check_object_streams(reader) -> None:
    """Inflate each compressed object stream once, counting, before pypdf keeps any: a small
    PDF can pack a huge object stream."""
    from pypdf.generic import IndirectObject

    streams = {number for number, _ in reader.xref_objStm.values()}
    total = 0
    for number in streams:
        stream = IndirectObject(number, 0, reader).get_object()
        if stream.get("/Filter") != "/FlateDecode":
            continue  # stored as is: no bigger than the file itself
        raw = getattr(stream, "_data", b"") or b""
        inflater = zlib.decompressobj()
        chunk = inflater.decompress(raw, 1024 * 1024)
        while chunk:
            total += len(chunk)
            if total > MAX_PDF_OBJECT_STREAM_BYTES:
                raise DomainError("Tệp PDF bung ra quá lớn, không nhận.")
            chunk = inflater.decompress(inflater.unconsumed_tail, 1024 * 1024)


def _active_content(value, seen: set[int], budget: list[int]) -> bool:
    """Walk the PDF objects reachable from `value`; True when one of them can run something."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            budget[0] -= 1
            if budget[0] < 0:
                raise DomainError("Tệp PDF quá phức tạp, không kiểm tra được. Hãy in lại ra PDF.")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if _ACTIVE_PDF_KEYS & set(item) or str(item.get("/S")) in _ACTIVE_PDF_ACTIONS:
                return True
            if str(item.get("/Type")) == "/EmbeddedFile":
                return True
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return False


def check_pdf(source: Source) -> None:
    """A readable, unencrypted PDF with no script, launch action or embedded file."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    file = _as_file(source)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            raise DomainError("Tệp PDF có mật khẩu. Hãy gửi bản không đặt mật khẩu.")
        _check_object_streams(reader)
        active = _active_content(reader.trailer, set(), [MAX_PDF_OBJECTS])
    except DomainError:
        raise
    except (
        PyPdfError,
        OSError,
        ValueError,
        KeyError,
        TypeError,
        RecursionError,
        zlib.error,
    ) as exc:
        raise DomainError("Không đọc được tệp PDF. Hãy in lại ra PDF rồi gửi.") from exc
    finally:
        file.seek(0)
    if active:
        raise DomainError(_SCRIPT_REFUSED)


# --- DOCX (and the OOXML parts of xlsx) -----------------------------------------------------------
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "/activex/", "/embeddings/")
_MACRO_CONTENT_TYPES = ("macroenabled", "vbaproject", "activex", "oleobject")
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MACRO_REFUSED = (
    "Tệp có macro, ActiveX hoặc đối tượng nhúng, không nhận. Hãy lưu lại thành .docx thường."
)
_EXTERNAL_REFUSED = (
    "Tệp có liên kết tự tải nội dung từ nơi khác khi mở (mẫu, ảnh hoặc đối tượng liên kết), "
    "không nhận. Hãy nhúng nội dung vào tệp rồi gửi lại."
)


_MAX_PART_PARSED = 5 * 1024 * 1024


def _xml(archive: zipfile.ZipFile, name: str):
    from defusedxml.ElementTree import fromstring

    if archive.getinfo(name).file_size > _MAX_PART_PARSED:
        raise DomainError("Tệp có phần mô tả lớn bất thường, không nhận.")
    return fromstring(archive.read(name))


def check_no_macros(archive: zipfile.ZipFile) -> None:
    """No macros, ActiveX or embedded OLE objects (by part name and by content type)."""
    names = archive.namelist()
    if any(part in "/" + name.lower() for name in names for part in _MACRO_PARTS):
        raise DomainError(_MACRO_REFUSED)
    if "[Content_Types].xml" in names:
        types = _xml(archive, "[Content_Types].xml")
        if any(
            marker in (node.get("ContentType") or "").lower()
            for node in types
            for marker in _MACRO_CONTENT_TYPES
        ):
            raise DomainError(_MACRO_REFUSED)


def check_no_external_content(archive: zipfile.ZipFile) -> None:
    """No relationship that fetches content from elsewhere when the file opens (an attached
    template, a linked image or object); hyperlinks, which open only when clicked, are kept."""
    for name in archive.namelist():
        if name.endswith(".rels"):
            for rel in _xml(archive, name):
                if rel.get("TargetMode") == "External" and rel.get("Type") != _HYPERLINK:
                    raise DomainError(_EXTERNAL_REFUSED)


def check_docx(source: Source) -> None:
    """A .docx within the zip limits, with a document part and nothing that runs or fetches."""
    with open_zip(source) as archive:
        if "word/document.xml" not in archive.namelist():
            raise DomainError("Nội dung tệp không phải DOCX hợp lệ.")
        try:
            check_no_macros(archive)
            check_no_external_content(archive)
        except DomainError:
            raise
        except Exception as exc:  # a broken part: zipfile and the XML parser raise many kinds
            raise DomainError("Không đọc được tệp DOCX. Hãy lưu lại bằng Word rồi gửi.") from exc


def check_xlsx(source: Source, *, max_rows: int) -> None:
    """An .xlsx within the zip limits whose sheets have at most twice `max_rows` row elements,
    before openpyxl opens it (an import reads cell values only, so macros never run).

    The rows are counted on the inflated bytes, not parsed: openpyxl reads a whole sheet once
    at open time when the sheet does not declare its size, and a hostile file never does."""
    with open_zip(source, broken=_NOT_XLSX) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                _check_row_elements(archive, info, stop_after=2 * max_rows + 1, max_rows=max_rows)


_ROW_TAGS = (b"<row ", b"<row>", b":row ", b":row>")


def _check_row_elements(archive, info, *, stop_after: int, max_rows: int) -> None:
    """Count row elements while inflating, 1 MB at a time; stop as soon as there are too many."""
    rows, carry = 0, b""
    with archive.open(info) as sheet:
        while chunk := sheet.read(1024 * 1024):
            window = carry + chunk
            rows += sum(window.count(tag) for tag in _ROW_TAGS)
            carry = window[-4:]  # a tag cut by the chunk boundary (4 of its 5 bytes at most)
            if rows > stop_after:
                raise DomainError(f"Tệp có quá nhiều dòng (tối đa {max_rows} dòng dữ liệu).")


def check_xlsx_attachment(source: Source) -> None:
    """An .xlsx kept for others to download: within the zip limits and without macros."""
    with open_zip(source) as archive:
        try:
            check_no_macros(archive)
        except DomainError:
            raise
        except Exception as exc:
            raise DomainError("Không đọc được tệp Excel. Hãy lưu lại bằng Excel rồi gửi.") from exc


# --- legacy Office files (.doc, .xls) -------------------------------------------------------------
_OLE_VBA = "_VBA_PROJECT".encode("utf-16-le")


def check_legacy_office(source: Source) -> None:
    """A .doc or .xls is refused when its storage names a VBA project (macros)."""
    file = _as_file(source)
    try:
        if _OLE_VBA in file.read():
            raise DomainError("Tệp có macro, không nhận. Hãy lưu lại thành tệp không có macro.")
    finally:
        file.seek(0)


# --- forms ----------------------------------------------------------------------------------------
def as_form_error(check: Callable[[Any], None], upload) -> None:
    """Run `check(upload)` for a form field: a refusal becomes the field's ValidationError."""
    from django import forms

    try:
        check(upload)
    except DomainError as exc:
        raise forms.ValidationError(exc.message) from exc
