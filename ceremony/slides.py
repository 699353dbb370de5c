"""The stage slides: a title slide for each group, then one slide per honouree of the group
(photo, name, position and unit, the achievement line), in the ceremony's order. One list of
slides feeds both the presentation in the browser and the PowerPoint file (made by the
documents worker from `selectors.slides_document_data`)."""

from dataclasses import dataclass

from .selectors import stage_groups, stage_lines
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
