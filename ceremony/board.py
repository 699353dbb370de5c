"""The honour board as a folder the commune portal can host: index.html, style.css and the
photos under anh/, every link relative, nothing fetched from elsewhere."""

import io
import zipfile

from django.template.loader import render_to_string

from .selectors import board_entries


def export_zip(conference) -> bytes:
    """A ZIP of the public board (only the honourees who agreed to publication)."""
    cards = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (entry, profile) in enumerate(board_entries(conference), start=1):
            photo = ""
            if profile.photo:
                photo = f"anh/{index:03d}.jpg"
                with profile.photo.open("rb") as handle:
                    archive.writestr(photo, handle.read())
            cards.append({"entry": entry, "story": profile.story, "photo": photo})
        html = render_to_string(
            "ceremony/board_static.html", {"conference": conference, "cards": cards}
        )
        archive.writestr("index.html", html)
        archive.writestr("style.css", render_to_string("ceremony/board_static.css"))
    return out.getvalue()
