"""Reads for the ceremony. Honorees are read through honorees.selectors only."""

from itertools import groupby

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from conferences.models import Conference, Membership, Role
from conferences.selectors import visible_conferences
from core.vntext import format_date_short, sort_names
from honorees.selectors import signed_award_lines

from .models import CeremonyGroupNote, CeremonySetting, HonoureeProfile
from .stage import (
    StageEntry,
    StageGroup,
    cut_into_groups,
    generated_words,
    issuer_phrase,
    stage_key,
)


def get_conference(user, pk: int) -> Conference:
    return get_object_or_404(visible_conferences(user), pk=pk)


def setting_of(conference: Conference) -> CeremonySetting:
    """The conference's ceremony setting, or the defaults (unsaved) before the first edit."""
    found = CeremonySetting.objects.filter(conference=conference).first()
    return found or CeremonySetting(conference=conference)


def stage_lines(conference: Conference) -> list:
    """The award lines of the conference's issued decisions, in stage order, each with its
    ceremony profile (or None) as `profile`."""
    lines = list(
        signed_award_lines(Conference.objects.filter(pk=conference.pk)).select_related(
            "decision", "award_form", "nomination__unit"
        )
    )
    profiles = {p.line_id: p for p in HonoureeProfile.objects.filter(line__in=lines)}
    for line in lines:
        line.profile = profiles.get(line.pk)
    return sorted(lines, key=stage_key)


def get_line(conference: Conference, line_id: int):
    for line in stage_lines(conference):
        if line.pk == line_id:
            return line
    raise Http404


def _entry(line) -> StageEntry:
    n, profile = line.nomination, line.profile
    return StageEntry(
        line_id=line.pk,
        position=0,
        name=n.display_name,
        kind=n.kind,
        gender=n.gender,
        unit=n.unit_name or n.unit.name,
        title=n.position,
        award=line.award_form.name,
        gold_book=str(line.gold_book_number or ""),
        slide_line=profile.slide_line if profile else "",
        has_photo=bool(profile and profile.photo),
        consent=bool(profile and profile.consent),
        story=profile.story if profile else "",
    )


def _run_key(line) -> tuple:
    return (line.decision_id, line.nomination.kind, line.award_form_id)


def _runs(conference: Conference, lines: list) -> list:
    runs = []
    for key, run in groupby(lines, key=_run_key):
        run = list(run)
        decision = run[0].decision
        fields = {
            "kind": run[0].nomination.kind,
            "award": run[0].award_form.name,
            "issuer": issuer_phrase(decision.authority, conference.organiser.name),
            "decision": f"{decision.number_text} ngày {format_date_short(decision.date)}",
        }
        runs.append((key, [_entry(line) for line in run], fields))
    return runs


def leaders(conference: Conference) -> list[tuple[int, str]]:
    """(user id, "đồng chí Phạm Văn Hùng, Chủ tịch UBND xã") of the organiser's leaders."""
    memberships = Membership.objects.filter(
        unit=conference.organiser, role=Role.LEADER
    ).select_related("user")
    people = sort_names(memberships, key=lambda m: m.user.full_name or m.user.username)
    return [(m.user_id, _leader_label(m)) for m in people]


def _leader_label(membership: Membership) -> str:
    name = membership.user.full_name or membership.user.username
    return f"đồng chí {name}, {membership.position}" if membership.position else f"đồng chí {name}"


def group_notes(conference: Conference) -> dict[int, CeremonyGroupNote]:
    return {n.number: n for n in CeremonyGroupNote.objects.filter(conference=conference)}


def stage_groups(conference: Conference, lines: list | None = None) -> list[StageGroup]:
    """The groups on stage with their presenter and the MC's words (the office's edit when
    there is one, else the words made from the data)."""
    lines = stage_lines(conference) if lines is None else lines
    groups = cut_into_groups(_runs(conference, lines), setting_of(conference).group_size)
    notes, names = group_notes(conference), dict(leaders(conference))
    for group in groups:
        note = notes.get(group.number)
        if note is not None:
            group.presenter_id = note.presenter_id
            group.presenter = names.get(note.presenter_id, "") or note.presenter_text
        group.generated_words = generated_words(group)
        group.words_edited = bool(note and note.words.strip())
        group.words = note.words if group.words_edited else group.generated_words
    return groups


def board_entries(conference: Conference) -> list[tuple[StageEntry, object]]:
    """(entry, profile) of the honourees who agreed to publication, in stage order."""
    return [
        (_entry(line), line.profile)
        for line in stage_lines(conference)
        if line.profile is not None and line.profile.consent
    ]


def public_conferences() -> QuerySet[Conference]:
    return Conference.objects.select_related("organiser")


# --- What the documents app prints (plain data) ---------------------------------------------------
def _entry_data(entry: StageEntry) -> dict:
    return {
        "position": entry.position,
        "name": entry.name,
        "unit": entry.unit,
        "title": entry.title,
        "award": entry.award,
        "gold_book": entry.gold_book,
    }


def script_document_data(conference: Conference) -> dict:
    """The ceremony script and the call sheets: the groups in order, each with its presenter,
    the MC's words and the honourees by their place in the line."""
    return {
        "organiser": conference.organiser.name,
        "conference": conference.title,
        "groups": [
            {
                "number": g.number,
                "title": g.title,
                "award": g.award,
                "decision": g.decision,
                "presenter": g.presenter,
                "words": g.words,
                "entries": [_entry_data(e) for e in g.entries],
            }
            for g in stage_groups(conference)
        ],
    }


def poster_people(conference: Conference, *, line_id=None, group_number=None) -> list[dict]:
    """The honourees a poster shows (one line, one group, or every consenting one): only
    those who agreed to publication, with their photo's file path (and its size, so a new
    photo makes a new document)."""
    wanted = None
    if group_number not in (None, ""):
        groups = {str(g.number): g for g in stage_groups(conference)}
        group = groups.get(str(group_number))
        wanted = {e.line_id for e in group.entries} if group else set()
    if line_id not in (None, ""):
        wanted = {int(line_id)} if str(line_id).isdigit() else set()
    people = []
    for entry, profile in board_entries(conference):
        if wanted is not None and entry.line_id not in wanted:
            continue
        photo = profile.photo.path if profile.photo else ""
        people.append(
            {
                **_entry_data(entry),
                "line": entry.slide_line,
                "story": profile.story,
                "photo": photo,
                "photo_stamp": f"{profile.photo.name}:{profile.photo_width}x{profile.photo_height}"
                if photo
                else "",
            }
        )
    return people


def file_ref(field) -> dict | None:
    """A stored file as plain data: its storage name (the worker reads it from the storage)
    and its size, so a new photo (a new name) or a changed file makes a new document. None
    when there is no file or it is gone from the storage."""
    if not field:
        return None
    try:
        size = field.size
    except OSError:
        return None
    return {"name": field.name, "size": size}


def slides_document_data(conference: Conference) -> dict:
    """The stage slides for the PowerPoint file: the same slides as the browser's show, each
    honouree's photo by its storage name, and the office's background."""
    from .slides import deck

    slides, photos = deck(conference)
    items = []
    for slide in slides:
        item = {"kind": slide.kind, "heading": slide.heading, "lines": list(slide.lines)}
        if slide.kind == "honouree":
            profile = photos.get(slide.entry.line_id)
            photo = file_ref(profile.photo) if profile is not None else None
            if photo is not None:
                width, height = profile.photo_width, profile.photo_height
                photo["ratio"] = round(width / height, 4) if width and height else 0.75
            item["photo"] = photo
        items.append(item)
    return {
        "organiser": conference.organiser.name,
        "conference": conference.title,
        "background": file_ref(setting_of(conference).background),
        "slides": items,
    }


def board_document_data(conference: Conference) -> dict:
    """The public honour board as a folder: only the honourees who agreed to publication, in
    stage order, each with their photo by its storage name."""
    return {
        "organiser": conference.organiser.name,
        "conference": conference.title,
        "people": [
            {
                "name": entry.name,
                "title": entry.title,
                "unit": entry.unit,
                "award": entry.award,
                "line": entry.slide_line,
                "story": profile.story,
                "photo": file_ref(profile.photo),
            }
            for entry, profile in board_entries(conference)
        ],
    }
