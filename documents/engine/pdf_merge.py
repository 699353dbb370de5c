"""Put one background page under every page of a PDF, storing the background once.

The background page becomes a single Form XObject; each page gets a reference to it in its
resources and a shared three-operator content stream ("q cm /EngineBg Do Q") in front
of its own content. No page content is decoded or rewritten.
"""

from __future__ import annotations

import io

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
