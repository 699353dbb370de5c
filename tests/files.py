"""Real files for upload tests, built in memory: valid ones, and the hostile ones the upload
checks must refuse (zip bombs, huge images, PDFs with scripts, DOCX with macros)."""

import io
import struct
import zipfile
import zlib

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pdf_bytes(*, javascript: str = "", launch: str = "", embedded: bytes = b"") -> bytes:
    """A one-page PDF, optionally with an OpenAction script, a launch action or an embedded file."""
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    if launch:
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject(launch)}
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    if embedded:
        writer.add_attachment("tep.exe", embedded)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*, macro: bool = False, external_template: str = "", hyperlink: str = "") -> bytes:
    """A real .docx from python-docx, optionally given a VBA part, an attached template
    fetched from elsewhere, or a plain hyperlink."""
    import docx

    document = docx.Document()
    document.add_paragraph("Báo cáo thành tích")
    if hyperlink:
        document.part.relate_to(hyperlink, f"{DOC_REL}/hyperlink", is_external=True)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    if macro:
        data = _add_member(data, "word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    if external_template:
        data = _add_settings_rel(data, external_template)
    return data


def _add_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


def _add_settings_rel(data: bytes, url: str) -> bytes:
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{DOC_REL}/attachedTemplate" Target="{url}" '
        'TargetMode="External"/></Relationships>'
    )
    return _add_member(data, "word/_rels/settings.xml.rels", rels.encode())


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG claiming width x height pixels: enough for Pillow's header read,
    a few hundred bytes instead of the gigabytes the pixels would take."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    crc = struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    idat = zlib.compress(b"\0" * 1024)
    idat_chunk = b"IDAT" + idat
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + crc
        + struct.pack(">I", len(idat))
        + idat_chunk
        + struct.pack(">I", zlib.crc32(idat_chunk) & 0xFFFFFFFF)
        + b"\0\0\0\0IEND\xaeB`\x82"
    )


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, "PNG")
    return out.getvalue()


# --- xlsx written as raw XML, so a huge sheet costs little to make ---------------------------------
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SHEET_NS}" xmlns:r="{DOC_REL}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def _cell(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(number: int, cells: list[str]) -> str:
    columns = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    body = "".join(_cell(columns[i], number, text) for i, text in enumerate(cells))
    return f'<row r="{number}">{body}</row>'


def raw_xlsx(headers: list[str], rows, *, extra_row_xml=None) -> bytes:
    """An .xlsx with inline strings, its sheet written in chunks as `rows` (an iterable of
    lists of text) is consumed; `extra_row_xml(stream)` may write more raw XML at the end."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SHEET_NS}">'.encode()
            )
            sheet.write(b"<sheetData>" + _row(1, headers).encode())
            batch = []
            for number, cells in enumerate(rows, start=2):
                batch.append(_row(number, cells))
                if len(batch) == 10_000:
                    sheet.write("".join(batch).encode())
                    batch = []
            sheet.write("".join(batch).encode())
            if extra_row_xml:
                extra_row_xml(sheet)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def xlsx_bomb(headers: list[str], *, inflated_mb: int = 300) -> bytes:
    """A small .xlsx whose sheet inflates to `inflated_mb` MB: one cell holding that much
    text (the same letter, which deflate packs about a thousand to one). Parsed, that one
    cell alone needs more memory than the test's limit."""
    chunk = b"a" * (1024 * 1024)

    def huge_cell(sheet):
        sheet.write(b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
        for _ in range(inflated_mb):
            sheet.write(chunk)
        sheet.write(b"</t></is></c></row>")

    return raw_xlsx(headers, [], extra_row_xml=huge_cell)
