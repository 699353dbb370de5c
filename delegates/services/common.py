"""Helpers shared by the delegates services."""

from typing import Any

from core.vntext import nfc


def clean_text(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (nfc(v) or "") if isinstance(v, str) else v for k, v in fields.items()}
