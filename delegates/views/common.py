"""Helpers for the delegates views: fetch the conference in the user's world (404), then
check a predicate (403)."""

from conferences.selectors import get_conference
from core.views import require

from .. import permissions

# A double-clicked "add" form: the second click adds nobody (conferences.idempotency).
ADDED_BEFORE = "Đại biểu này đã được thêm ở lần bấm trước; không thêm lần nữa."


def conference_for(request, conference_pk: int, predicate=permissions.can_view_delegates):
    conference = get_conference(request.user, conference_pk)
    require(predicate(request.user, conference))
    return conference


def int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
