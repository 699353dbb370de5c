"""A generated document moves only along its table, through transition_document, with a log
row per move (the worker's moves have no actor)."""

import pytest

from conferences.models import ActivityEntry, Role
from core.errors import DomainError
from documents import services
from documents.models import GeneratedDocument
from documents.workflow import DOCUMENT_TRANSITIONS, transition_document
from tests.documents.factories import make_document
from tests.factories import UnitFactory, member

pytestmark = pytest.mark.django_db

S = GeneratedDocument.Status
MOVES = [(a, b) for a, targets in DOCUMENT_TRANSITIONS.items() for b in sorted(targets)]
NOT_MOVES = [(a, b) for a in S.values for b in S.values if (a, b) not in MOVES]


def _document(status: str) -> GeneratedDocument:
    unit = UnitFactory()
    document = make_document(scope_unit=unit, requested_by=member(unit, Role.STAFF), status="ready")
    GeneratedDocument.objects.filter(pk=document.pk).update(status=status)
    return document


@pytest.mark.parametrize(("start", "to"), MOVES)
def test_transition_document_makes_every_move_of_the_table(start, to):
    document = _document(start)

    moved = transition_document(document_id=document.pk, to=to, fields={"error": "x"})

    assert moved.status == to
    fresh = GeneratedDocument.objects.get(pk=document.pk)
    assert (fresh.status, fresh.error) == (to, "x")
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.actor, entry.scope_unit) == (
        f"document.{to}",
        None,
        document.scope_unit,
    )
    assert document.title in entry.summary


@pytest.mark.parametrize(("start", "to"), NOT_MOVES)
def test_transition_document_refuses_a_move_not_in_the_table(start, to):
    document = _document(start)

    with pytest.raises(DomainError):
        transition_document(document_id=document.pk, to=to, fields={"error": "x"})

    fresh = GeneratedDocument.objects.get(pk=document.pk)
    assert (fresh.status, fresh.error) == (start, "")
    assert not ActivityEntry.objects.exists()


def test_retry_of_a_ready_document_is_refused_in_words():
    document = _document(S.READY)

    with pytest.raises(DomainError, match="Chỉ tạo lại được văn bản bị lỗi"):
        services.retry_document(document=document, by=document.requested_by)

    assert GeneratedDocument.objects.get(pk=document.pk).status == S.READY


def test_retry_of_a_failed_document_is_logged_with_its_actor(django_capture_on_commit_callbacks):
    document = _document(S.FAILED)

    with django_capture_on_commit_callbacks():
        services.retry_document(document=document, by=document.requested_by)

    entry = ActivityEntry.objects.get(action="document.pending")
    assert entry.actor == document.requested_by
