"""A duty moves only along its table, through transition_duty, and every move is logged."""

import datetime as dt

import pytest

from assignments import services
from assignments.models import Duty, DutyStatus
from assignments.workflow import DUTY_TRANSITIONS, status_choices, transition_duty
from conferences.models import ActivityEntry, Role
from core.errors import DomainError
from tests.assignments.factories import DutyFactory
from tests.factories import member

pytestmark = pytest.mark.django_db

S = DutyStatus
MOVES = [(a, b) for a, targets in DUTY_TRANSITIONS.items() for b in sorted(targets)]
NOT_MOVES = [(a, b) for a in S.values for b in S.values if (a, b) not in MOVES]


DONE_AT = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)


def _duty(status: str) -> Duty:
    # The database holds done_at exactly while the duty is done.
    return DutyFactory(status=status, done_at=DONE_AT if status == S.DONE else None)


def _staff(duty: Duty):
    return member(duty.assignment.conference.organiser, Role.STAFF)


@pytest.mark.parametrize(("start", "to"), MOVES)
def test_transition_duty_makes_every_move_of_the_table(start, to):
    duty = _duty(start)
    staff = _staff(duty)

    transition_duty(duty=duty, to=to, by=staff, action="duty.x", summary="Báo cáo")

    fresh = Duty.objects.get(pk=duty.pk)
    assert fresh.status == to
    if to != S.DONE:
        assert fresh.done_at is None
    else:  # a report on a done duty keeps the time it was first done
        assert fresh.done_at == DONE_AT if start == S.DONE else fresh.done_at > DONE_AT
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.scope_unit) == ("duty.x", duty.assignment.conference.organiser)


@pytest.mark.parametrize(("start", "to"), [*NOT_MOVES, ("todo", "lost")])
def test_transition_duty_refuses_a_move_not_in_the_table(start, to):
    duty = _duty(start)

    with pytest.raises(DomainError) as raised:
        transition_duty(duty=duty, to=to, by=_staff(duty), action="duty.x", summary="x")

    assert raised.value.field == "status"
    assert Duty.objects.get(pk=duty.pk).status == start
    assert not ActivityEntry.objects.exists()


def test_report_form_offers_only_the_moves_of_the_table():
    assert [v for v, _ in status_choices(_duty(S.DONE))] == [S.IN_PROGRESS, S.DONE]
    assert [v for v, _ in status_choices(_duty(S.TODO))] == [S.TODO, S.IN_PROGRESS, S.DONE]


def test_editing_a_duty_keeps_a_status_reported_meanwhile():
    duty = _duty(S.TODO)
    staff = _staff(duty)
    stale = Duty.objects.get(pk=duty.pk)  # the office's edit form was opened before the report
    services.update_duty_status(duty=duty, status=S.DONE, by=staff)

    services.update_duty(duty=stale, by=staff, text="Nội dung mới.")

    fresh = Duty.objects.get(pk=duty.pk)
    assert (fresh.text, fresh.status) == ("Nội dung mới.", S.DONE)
