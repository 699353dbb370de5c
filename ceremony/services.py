"""Writes for the ceremony: the group size and background, each group's presenter and words,
each honouree's photo, slide line, story and consent. Each checks permission, writes, logs."""

import uuid

from django.db import transaction

from conferences.models import Conference, Membership, Role
from conferences.services import log_activity
from core.errors import DomainError, require_permission

from .models import CeremonyGroupNote, CeremonySetting, HonoureeProfile
from .permissions import can_edit_ceremony, can_edit_profile
from .photos import BACKGROUND_SIDE, prepared_jpeg

DENIED = "Chỉ cán bộ thi đua của đơn vị tổ chức được chuẩn bị lễ trao thưởng."


@transaction.atomic
def update_ceremony_setting(
    *, conference: Conference, by, group_size: int, background=None, remove_background=False
) -> CeremonySetting:
    """Side effects: the setting row (made on first use), the background file re-encoded as
    JPEG (the old one deleted when replaced or removed), a log entry."""
    require_permission(can_edit_ceremony(by, conference), DENIED)
    if not 1 <= group_size <= 50:
        raise DomainError("Mỗi lượt từ 1 đến 50 người.", field="group_size")
    prepared = prepared_jpeg(background, side=BACKGROUND_SIDE) if background is not None else None
    setting, _ = CeremonySetting.objects.get_or_create(conference=conference)
    setting.group_size = group_size
    if (prepared or remove_background) and setting.background:
        setting.background.delete(save=False)
    if prepared:
        setting.background.save(f"{uuid.uuid4().hex}.jpg", prepared[0], save=False)
    setting.save()
    log_activity(
        actor=by,
        action="ceremony.setting_updated",
        summary=f"Cập nhật lễ trao thưởng: {group_size} người mỗi lượt",
        target=setting,
        conference=conference,
    )
    return setting


def _presenter_ok(conference: Conference, presenter_id: int | None) -> None:
    if presenter_id is None:
        return
    leader = Membership.objects.filter(
        unit=conference.organiser, role=Role.LEADER, user_id=presenter_id
    )
    if not leader.exists():
        raise DomainError("Người trao thưởng phải là lãnh đạo của đơn vị tổ chức.")


@transaction.atomic
def update_group(
    *,
    conference: Conference,
    number: int,
    by,
    presenter_id: int | None,
    presenter_text: str,
    words: str,
) -> CeremonyGroupNote:
    """The group's presenter and the MC's words. `words` equal to the generated words (or
    blank) keep the generated ones, so they follow later changes of the data.
    Side effects: the group's note row, a log entry."""
    require_permission(can_edit_ceremony(by, conference), DENIED)
    from .selectors import stage_groups

    groups = {g.number: g for g in stage_groups(conference)}
    if number not in groups:
        raise DomainError("Không có lượt trao thưởng này.")
    _presenter_ok(conference, presenter_id)
    words = words.strip()
    if words == groups[number].generated_words.strip():
        words = ""
    note, _ = CeremonyGroupNote.objects.update_or_create(
        conference=conference,
        number=number,
        defaults={
            "presenter_id": presenter_id,
            "presenter_text": "" if presenter_id else presenter_text.strip(),
            "words": words,
        },
    )
    log_activity(
        actor=by,
        action="ceremony.group_updated",
        summary=f"Sửa lượt trao thưởng {number}",
        target=note,
        conference=conference,
    )
    return note


@transaction.atomic
def regenerate_words(*, conference: Conference, number: int, by) -> None:
    """Drop the office's edit of a group's words: the words made from the data are read again.
    Side effects: the note's words cleared, a log entry."""
    require_permission(can_edit_ceremony(by, conference), DENIED)
    note = CeremonyGroupNote.objects.filter(conference=conference, number=number).first()
    if note is None or not note.words:
        return
    note.words = ""
    note.save(update_fields=["words", "updated_at"])
    log_activity(
        actor=by,
        action="ceremony.words_regenerated",
        summary=f"Tạo lại lời dẫn lượt {number}",
        target=note,
        conference=conference,
    )


@transaction.atomic
def save_profile(
    *,
    conference: Conference,
    line,
    by,
    slide_line: str,
    story: str,
    consent: bool,
    photo=None,
    remove_photo: bool = False,
) -> HonoureeProfile:
    """An honouree's photo (checked, resized, re-encoded: ceremony.photos), slide line, story
    and consent; by the office's staff or the unit that proposed the honouree. Side effects:
    the profile row (made on first use), the photo file (the old one deleted when replaced),
    a log entry."""
    require_permission(
        can_edit_profile(by, conference, line),
        "Chỉ cán bộ thi đua hoặc đơn vị đề nghị được cập nhật ảnh, thông tin vinh danh.",
    )
    prepared = prepared_jpeg(photo) if photo is not None else None
    profile, _ = HonoureeProfile.objects.get_or_create(line=line)
    if (prepared or remove_photo) and profile.photo:
        profile.photo.delete(save=False)
        profile.photo_width = profile.photo_height = 0
    if prepared:
        content, profile.photo_width, profile.photo_height = prepared
        profile.photo.save(f"{uuid.uuid4().hex}.jpg", content, save=False)
    profile.slide_line = slide_line.strip()
    profile.story = story.strip()
    profile.consent = consent
    profile.updated_by = by
    profile.save()
    log_activity(
        actor=by,
        action="ceremony.profile_saved",
        summary=f"Cập nhật ảnh, thông tin vinh danh: {line.nomination.display_name}",
        target=profile,
        conference=conference,
    )
    return profile
