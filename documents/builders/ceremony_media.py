"""The ceremony's files for the screen and the web: the stage slides as a PowerPoint file and
the honour board as a folder (ZIP) a commune portal can host. Both are built from the plain
data of `ceremony.selectors` (slides_document_data, board_document_data); stored files
(photos, the background) are read through `read(name)`, never through the database."""

import io
import zipfile
from collections.abc import Callable

from django.template.loader import render_to_string

from .base import Progress

Read = Callable[[str], bytes]

# --- PowerPoint ------------------------------------------------------------------------------
WIDTH_IN, HEIGHT_IN = 13.333, 7.5
GOLD = (0xB8, 0x86, 0x0B)
DARK = (0x7A, 0x10, 0x10)


def _text(slide, text: str, *, left, top, width, height, size, bold=False, color=DARK):
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(*color)
    return box


def _group_slide(slide, item: dict) -> None:
    from pptx.util import Inches

    _text(slide, item["heading"].upper(), left=Inches(0.5), top=Inches(1.6), width=Inches(12.3),
          height=Inches(1.2), size=48, bold=True)  # fmt: skip
    for i, line in enumerate(item["lines"]):
        _text(slide, line, left=Inches(0.5), top=Inches(3.0 + i * 0.9), width=Inches(12.3),
              height=Inches(0.8), size=30 if i == 0 else 24, bold=i == 0, color=GOLD if i == 0 else DARK)  # fmt: skip


def _honouree_slide(slide, item: dict, read: Read) -> None:
    from pptx.util import Inches

    text_left = Inches(0.5)
    photo = item.get("photo")
    if photo:
        height = Inches(5.6)
        width = int(height * (photo.get("ratio") or 0.75))
        picture = io.BytesIO(read(photo["name"]))
        slide.shapes.add_picture(picture, Inches(0.7), Inches(0.95), width, height)
        text_left = Inches(0.7) + width + Inches(0.4)
    text_width = Inches(WIDTH_IN) - text_left - Inches(0.5)
    _text(slide, item["heading"], left=text_left, top=Inches(2.0), width=text_width,
          height=Inches(1.2), size=44, bold=True)  # fmt: skip
    for i, line in enumerate(item["lines"]):
        _text(slide, line, left=text_left, top=Inches(3.4 + i * 1.1), width=text_width,
              height=Inches(1.0), size=26, color=GOLD if i else DARK)  # fmt: skip


def build_pptx(payload: dict, read: Read, progress: Progress) -> bytes:
    """The slides as a 16:9 PowerPoint file, on the office's background when it set one;
    progress counts the slides."""
    from pptx import Presentation
    from pptx.util import Inches

    background = payload.get("background")
    background_bytes = read(background["name"]) if background else None
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    blank = presentation.slide_layouts[6]
    total = len(payload["slides"])
    progress(0, total)
    for done, item in enumerate(payload["slides"], start=1):
        slide = presentation.slides.add_slide(blank)
        if background_bytes:
            slide.shapes.add_picture(
                io.BytesIO(background_bytes), 0, 0, presentation.slide_width,
                presentation.slide_height,
            )  # fmt: skip
        if item["kind"] == "group":
            _group_slide(slide, item)
        else:
            _honouree_slide(slide, item, read)
        progress(done, total)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


# --- the honour board as a static site ---------------------------------------------------------
def build_board_zip(payload: dict, read: Read, progress: Progress) -> bytes:
    """index.html, style.css, one page per honouree under nguoi/ and the photos under anh/,
    every link relative and nothing fetched from elsewhere; progress counts the pages."""
    people = payload["people"]
    total = len(people) + 1
    progress(0, total)
    context = {"organiser": payload["organiser"], "conference": payload["conference"]}
    cards = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, person in enumerate(people, start=1):
            card = {"person": person, "page": f"nguoi/{index:03d}.html", "photo": ""}
            if person.get("photo"):
                card["photo"] = f"anh/{index:03d}.jpg"
                archive.writestr(card["photo"], read(person["photo"]["name"]))
            page = render_to_string("ceremony/board_static_person.html", {**context, "card": card})
            archive.writestr(card["page"], page)
            cards.append(card)
            progress(index, total)
        index_html = render_to_string("ceremony/board_static.html", {**context, "cards": cards})
        archive.writestr("index.html", index_html)
        archive.writestr("style.css", render_to_string("ceremony/board_static.css"))
        progress(total, total)
    return out.getvalue()
