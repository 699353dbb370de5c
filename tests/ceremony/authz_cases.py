"""The ceremony's pages: the office sees, its staff edits, the honour board is public."""

from ceremony import selectors, services
from ceremony.models import CeremonyGroupNote, CeremonySetting, HonoureeProfile
from documents.models import GeneratedDocument
from tests.authz import CASES, OFFICE_A, Case
from tests.ceremony.factories import jpeg, make_issued

UNIT_SIDE = {"clerk": 403, "submitter": 403, "reporter": 403}
READ_ONLY = {"leader": 403, "council": 403, "admin": 403}
EDITORS = ("staff", "superuser")


def _c(w) -> dict:
    return {"conference_pk": w["conference_a"].pk}


def _issued(w) -> dict:
    make_issued(w)
    return _c(w)


def _line(w) -> dict:
    issued = make_issued(w)
    line = selectors.stage_lines(issued["conference"])[0]
    return {**_c(w), "line_pk": line.pk}


def _photo(w, *, consent: bool) -> dict:
    kwargs = _line(w)
    line = selectors.get_line(w["conference_a"], kwargs["line_pk"])
    services.save_profile(
        conference=w["conference_a"], line=line, by=w["users"]["staff"], slide_line="",
        story="", consent=consent, photo=jpeg(60, 80),
    )  # fmt: skip
    return kwargs


def _background(w) -> dict:
    services.update_ceremony_setting(
        conference=w["conference_a"],
        by=w["users"]["staff"],
        group_size=10,
        background=jpeg(320, 180),
    )
    return _c(w)


def _group(w) -> dict:
    return {**_issued(w), "number": 1}


def _edited_group(w) -> dict:
    kwargs = _group(w)
    CeremonyGroupNote.objects.create(conference=w["conference_a"], number=1, words="Lời sửa tay.")
    return kwargs


def _group_size(w, kw):
    setting = CeremonySetting.objects.filter(conference_id=kw["conference_pk"]).first()
    return setting.group_size if setting else None


def _group_words(w, kw):
    note = CeremonyGroupNote.objects.filter(conference_id=kw["conference_pk"], number=1).first()
    return note.words if note else None


def _profile_line(w, kw):
    profile = HonoureeProfile.objects.filter(line_id=kw["line_pk"]).first()
    return profile.slide_line if profile else None


def _consenting(w) -> dict:
    """An issued decision with one honouree who agreed to publication (the board has a page)."""
    return {"conference_pk": _photo(w, consent=True)["conference_pk"]}


def _documents_of(kind: str):
    """How many documents of `kind` were asked for the conference (a request adds one)."""

    def state(w, kw):
        return GeneratedDocument.objects.filter(
            kind=kind, conference_id=kw["conference_pk"]
        ).count()

    return state


OFFICE_VIEW = {"allowed": OFFICE_A, "overrides": UNIT_SIDE}
STAFF_EDIT = {"allowed": EDITORS, "overrides": {**READ_ONLY, **UNIT_SIDE}}
# The unit that proposed the honourees (the school) adds their photos too.
NO_SUBMITTER = {"clerk": 403, "reporter": 403}
PROFILE_EDIT = {"allowed": (*EDITORS, "submitter"), "overrides": {**READ_ONLY, **NO_SUBMITTER}}

CASES += [
    Case("ceremony:script", kwargs=_issued, **OFFICE_VIEW),
    Case(
        "ceremony:script",
        kwargs=_c,
        method="post",
        data=lambda w: {"group_size": "4"},
        ok=302,
        state=_group_size,
        **STAFF_EDIT,
    ),
    Case(
        "ceremony:group",
        kwargs=_group,
        method="post",
        data=lambda w: {"g1-presenter": "", "g1-presenter_text": "", "g1-words": "Lời mới."},
        ok=302,
        state=_group_words,
        **STAFF_EDIT,
    ),
    Case(
        "ceremony:regenerate",
        kwargs=_edited_group,
        method="post",
        ok=302,
        state=_group_words,
        **STAFF_EDIT,
    ),
    Case(
        "ceremony:honourees",
        kwargs=_issued,
        allowed=(*OFFICE_A, "submitter"),
        overrides=NO_SUBMITTER,
    ),
    Case("ceremony:profile", kwargs=_line, **PROFILE_EDIT),
    Case(
        "ceremony:profile",
        kwargs=_line,
        method="post",
        data=lambda w: {"slide_line": "Dòng mới", "story": "", "consent": "on"},
        ok=302,
        state=_profile_line,
        **PROFILE_EDIT,
    ),
    Case("ceremony:photo", kwargs=lambda w: _photo(w, consent=True), public=True),
    Case(
        "ceremony:photo",
        kwargs=lambda w: _photo(w, consent=False),
        allowed=(*OFFICE_A, "submitter"),
        overrides={"anonymous": 404, "clerk": 404, "reporter": 404},
    ),
    Case("ceremony:background", kwargs=_background, **OFFICE_VIEW),
    # The PowerPoint and the board's ZIP: a request for the worker, then the document's page.
    Case(
        "ceremony:pptx",
        kwargs=_issued,
        method="post",
        ok=302,
        state=_documents_of("ceremony_slides"),
        **OFFICE_VIEW,
    ),
    Case("ceremony:slides", kwargs=_issued, **OFFICE_VIEW),
    Case(
        "ceremony:board_export",
        kwargs=_consenting,
        method="post",
        ok=302,
        state=_documents_of("honour_board_zip"),
        **OFFICE_VIEW,
    ),
    Case("ceremony:board", kwargs=_issued, public=True),
]
