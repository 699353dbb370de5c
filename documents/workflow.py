"""A generated document's states: pending -> rendering -> ready | failed, failed -> pending
(tried again). The table and the one function that moves a document; nothing else sets
its status."""

from __future__ import annotations

from typing import Any

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError

from .models import GeneratedDocument

S = GeneratedDocument.Status
DOCUMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING: frozenset({S.RENDERING, S.FAILED}),
    # Rendering again: a worker takes over a job whose worker died (the attempt is counted).
    S.RENDERING: frozenset({S.RENDERING, S.READY, S.FAILED}),
    S.FAILED: frozenset({S.PENDING}),
}
# The log line of each move, and what a refused move says when a person asked for it.
SUMMARIES = {
    S.PENDING: "Tạo lại {document}",
    S.RENDERING: "Bắt đầu tạo {document}",
    S.READY: "Đã tạo xong {document}",
    S.FAILED: "Không tạo được {document}",
}
REFUSALS = {S.PENDING: "Chỉ tạo lại được văn bản bị lỗi."}


def document_can_move(document: GeneratedDocument, to: str) -> bool:
    return to in DOCUMENT_TRANSITIONS.get(document.status, frozenset())


def _sources(to: str) -> list[str]:
    return [state for state, targets in DOCUMENT_TRANSITIONS.items() if to in targets]


def transition_document(
    *, document_id: int, to: str, by: User | None = None, fields: dict[str, Any] | None = None
) -> GeneratedDocument:
    """The one place a document's status changes: one conditional UPDATE from the states the
    table allows (two workers, or a worker and a retry, cannot both move it), with `fields`.
    Raises DomainError when the row is in no such state (or is gone).
    Side effects: the row, a log row (the worker's moves have no actor)."""
    moved = GeneratedDocument.objects.filter(pk=document_id, status__in=_sources(to)).update(
        status=to, **(fields or {})
    )
    document = (
        GeneratedDocument.objects.select_related("scope_unit", "conference")
        .filter(pk=document_id)
        .first()
    )
    if not moved or document is None:
        raise DomainError(REFUSALS.get(to, "Văn bản không còn ở trạng thái chuyển được."))
    log_activity(
        actor=by,
        action=f"document.{to}",
        summary=SUMMARIES[to].format(document=document),
        target=document,
        conference=document.conference,
        scope_unit=document.scope_unit,
    )
    return document
