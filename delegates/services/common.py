"""Helpers shared by the delegates services."""

from typing import Any

from conferences.services import log_activity
from core.vntext import nfc


def clean_text(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (nfc(v) or "") if isinstance(v, str) else v for k, v in fields.items()}


def log(*, by, conference, action: str, summary: str, target, changes=None) -> None:
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=target,
        scope_unit=conference.organiser,
        conference=conference,
        changes=changes,
    )
