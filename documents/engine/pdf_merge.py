"""Put one background page under every page of a PDF, storing the background once; split
a merged batch back into one PDF per person.

The background page becomes a single Form XObject; each page gets a reference to it in its
resources and a shared three-operator content stream ("q cm /EngineBg Do Q") in front
of its own content. No page content is decoded or rewritten.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

BACKGROUND_NAME = "/EngineBg"


def _placement(page_box, background_box, name: str) -> bytes:
    """The ``cm`` operator that maps the background's MediaBox onto the page, then ``Do``."""
    px0, py0, px1, py1 = (float(v) for v in page_box)
    bx0, by0, bx1, by1 = (float(v) for v in background_box)
    sx, sy = (px1 - px0) / (bx1 - bx0), (py1 - py0) / (by1 - by0)
    tx, ty = px0 - bx0 * sx, py0 - by0 * sy
    return f"q {sx:.6f} 0 0 {sy:.6f} {tx:.4f} {ty:.4f} cm {name} Do Q\n".encode()


def _prepend(page, stream) -> None:
    import pikepdf

    contents = page.obj.get("/Contents")
    if contents is None:
        page.obj.Contents = pikepdf.Array([stream])
    elif isinstance(contents, pikepdf.Array):
        page.obj.Contents = pikepdf.Array([stream, *contents])
    else:
        page.obj.Contents = pikepdf.Array([stream, contents])


def underlay(pdf_bytes: bytes, background_bytes: bytes) -> bytes:
    """``pdf_bytes`` with the background drawn under every page.

    A one-page background goes under every page; with n pages, page i gets background
    page i mod n (a multi-page template under per-person overlays).
    """
    import pikepdf

    with (
        pikepdf.open(io.BytesIO(pdf_bytes)) as pdf,
        pikepdf.open(io.BytesIO(background_bytes)) as bg,
    ):
        sources = list(bg.pages)
        forms = [pdf.copy_foreign(page.as_form_xobject()) for page in sources]
        streams: dict[bytes, object] = {}
        for number, page in enumerate(pdf.pages):
            which = number % len(sources)
            name = f"{BACKGROUND_NAME}{which}"
            command = _placement(page.mediabox, sources[which].mediabox, name)
            if command not in streams:
                streams[command] = pdf.make_indirect(pikepdf.Stream(pdf, command))
            page.add_resource(forms[which], pikepdf.Name.XObject, pikepdf.Name(name))
            _prepend(page, streams[command])
        out = io.BytesIO()
        pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def split_pdf(pdf_bytes: bytes, page_counts: Iterable[int]) -> Iterator[bytes]:
    """Consecutive parts of a PDF as separate PDFs, part i with ``page_counts[i]`` pages.

    Each part is a whole PDF: what its pages share with others (the background, fonts) is
    copied into it. Parts are made one at a time, so a caller writing them away as they
    come holds one part in memory, plus the source.
    """
    import pikepdf

    counts = list(page_counts)
    if any(count < 1 for count in counts):
        raise ValueError("every part needs at least one page")
    with pikepdf.open(io.BytesIO(pdf_bytes)) as source:
        if sum(counts) != len(source.pages):
            raise ValueError(f"{sum(counts)} pages asked for, the PDF has {len(source.pages)}")
        title = source.docinfo.get("/Title")
        start = 0
        for count in counts:
            yield _part(source, start, count, title)
            start += count


def _part(source, start: int, count: int, title) -> bytes:
    import pikepdf

    with pikepdf.new() as part:
        part.pages.extend(source.pages[start : start + count])
        if title is not None:
            part.docinfo["/Title"] = pikepdf.String(str(title))
        out = io.BytesIO()
        part.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def overlay_first_page(pdf_bytes: bytes, stamp_bytes: bytes) -> bytes:
    """``pdf_bytes`` with the first page of ``stamp_bytes`` drawn over its first page."""
    import pikepdf

    with (
        pikepdf.open(io.BytesIO(pdf_bytes)) as pdf,
        pikepdf.open(io.BytesIO(stamp_bytes)) as stamp,
    ):
        pdf.pages[0].add_overlay(stamp.pages[0])
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
