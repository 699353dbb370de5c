"""A generated document's states: pending -> rendering -> ready | failed, failed -> pending
(tried again). The table and the one function that moves a document; nothing else sets
its status."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError

from .models import GeneratedDocument

S = GeneratedDocument.Status
DOCUMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING: frozenset({S.RENDERING, S.FAILED}),
    # Rendering again: a worker takes over a job whose worker died (the attempt is counted).
    # Back to pending: a render whose lease expired is queued again (or retried by a person).
    S.RENDERING: frozenset({S.RENDERING, S.READY, S.FAILED, S.PENDING}),
    S.FAILED: frozenset({S.PENDING}),
}
# What a person may ask to render again: a failed document. A stalled render goes back to
# pending by itself (documents.services.recover_stalled_documents), whoever watches it.
RETRYABLE = frozenset({S.FAILED})
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
    *,
    document_id: int,
    to: str,
    by: User | None = None,
    fields: dict[str, Any] | None = None,
    where: Q | None = None,
) -> GeneratedDocument:
    """The one place a document's status changes: one conditional UPDATE from the states the
    table allows (two workers, or a worker and a retry, cannot both move it), with `fields`.
    `where` narrows the rows that may move (e.g. only a render whose lease expired).
    Raises DomainError when the row is in no such state (or is gone).
    Side effects: the row, a log row (the worker's moves have no actor)."""
    rows = GeneratedDocument.objects.filter(pk=document_id, status__in=_sources(to))
    if where is not None:
        rows = rows.filter(where)
    moved = rows.update(status=to, **(fields or {}))
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
