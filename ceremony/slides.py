"""The stage slides: a title slide for each group, then one slide per honouree of the group
(photo, name, position and unit, the achievement line), in the ceremony's order. One list of
slides feeds both the PowerPoint file and the presentation in the browser."""

import io
from dataclasses import dataclass

from .selectors import setting_of, stage_groups, stage_lines
from .stage import StageEntry, StageGroup


@dataclass(frozen=True)
class Slide:
    kind: str  # "group" or "honouree"
    heading: str  # the group's title, or the honouree's name
    lines: tuple[str, ...]
    entry: StageEntry | None = None
    group: StageGroup | None = None


def _subtitle(entry: StageEntry) -> str:
    if entry.kind == "individual" and entry.title:
        return f"{entry.title}, {entry.unit}"
    return entry.unit


def deck(conference) -> tuple[list[Slide], dict[int, object]]:
    """(slides, {line id: profile with a photo})."""
    lines = stage_lines(conference)
    photos = {line.pk: line.profile for line in lines if line.profile and line.profile.photo}
    slides: list[Slide] = []
    for group in stage_groups(conference, lines):
        slides.append(
            Slide(
                "group",
                f"Lượt {group.number}",
                (group.award, f"{group.issuer}", f"{len(group.entries)} {group.kind_label}"),
                group=group,
            )
        )
        for entry in group.entries:
            text = tuple(t for t in (_subtitle(entry), entry.slide_line) if t)
            slides.append(Slide("honouree", entry.name, text, entry=entry))
    return slides, photos


# --- PowerPoint --------------------------------------------------------------------------------
WIDTH_IN, HEIGHT_IN = 13.333, 7.5
GOLD = (0xB8, 0x86, 0x0B)
DARK = (0x7A, 0x10, 0x10)


def _read(field) -> io.BytesIO:
    with field.open("rb") as handle:
        return io.BytesIO(handle.read())


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


def _group_slide(slide, item: Slide) -> None:
    from pptx.util import Inches

    _text(slide, item.heading.upper(), left=Inches(0.5), top=Inches(1.6), width=Inches(12.3),
          height=Inches(1.2), size=48, bold=True)  # fmt: skip
    for i, line in enumerate(item.lines):
        _text(slide, line, left=Inches(0.5), top=Inches(3.0 + i * 0.9), width=Inches(12.3),
              height=Inches(0.8), size=30 if i == 0 else 24, bold=i == 0, color=GOLD if i == 0 else DARK)  # fmt: skip


def _honouree_slide(slide, item: Slide, profile) -> None:
    from pptx.util import Inches

    text_left = Inches(0.5)
    if profile is not None:
        height = Inches(5.6)
        ratio = (profile.photo_width / profile.photo_height) if profile.photo_height else 0.75
        width = int(height * ratio)
        slide.shapes.add_picture(_read(profile.photo), Inches(0.7), Inches(0.95), width, height)
        text_left = Inches(0.7) + width + Inches(0.4)
    text_width = Inches(WIDTH_IN) - text_left - Inches(0.5)
    _text(slide, item.heading, left=text_left, top=Inches(2.0), width=text_width,
          height=Inches(1.2), size=44, bold=True)  # fmt: skip
    for i, line in enumerate(item.lines):
        _text(slide, line, left=text_left, top=Inches(3.4 + i * 1.1), width=text_width,
              height=Inches(1.0), size=26, color=GOLD if i else DARK)  # fmt: skip


def build_pptx(conference) -> bytes:
    """The slides as a 16:9 PowerPoint file, on the office's background when it set one."""
    from pptx import Presentation
    from pptx.util import Inches

    slides, photos = deck(conference)
    background = setting_of(conference).background
    background_bytes = _read(background).getvalue() if background else None
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    blank = presentation.slide_layouts[6]
    for item in slides:
        slide = presentation.slides.add_slide(blank)
        if background_bytes:
            slide.shapes.add_picture(
                io.BytesIO(background_bytes), 0, 0, presentation.slide_width,
                presentation.slide_height,
            )  # fmt: skip
        if item.kind == "group":
            _group_slide(slide, item)
        else:
            _honouree_slide(slide, item, photos.get(item.entry.line_id))
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
