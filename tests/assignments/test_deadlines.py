"""Deadlines: relative ones follow the conference date, absolute ones stay."""

import datetime as dt

import pytest

from assignments import selectors
from assignments.models import DeadlineKind
from tests.assignments.factories import (
    AssignmentFactory,
    DutyFactory,
    absolute_duty,
    relative_duty,
)
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db


def _fresh_deadlines(conference) -> dict[int, dt.date | None]:
    assignments = selectors.board_assignments(conference)
    return {d.pk: d.deadline for a in assignments for d in a.duties.all()}


def test_deadline_moving_conference_three_days_moves_relative_not_absolute():
    conference = ConferenceFactory(date=dt.date(2026, 12, 18))
    assignment = AssignmentFactory(conference=conference)
    relative = [relative_duty(assignment, offset) for offset in (-30, -5, -1, 0, 2)]
    absolute = [absolute_duty(assignment, dt.date(2026, 12, 1 + i)) for i in range(3)]
    before = _fresh_deadlines(conference)

    conference.date += dt.timedelta(days=3)
    conference.save()

    after = _fresh_deadlines(conference)
    for duty in relative:
        assert after[duty.pk] == before[duty.pk] + dt.timedelta(days=3)
    for duty in absolute:
        assert after[duty.pk] == before[duty.pk]


def test_deadline_relative_offsets_count_from_conference_day():
    conference = ConferenceFactory(date=dt.date(2024, 10, 8))
    assignment = AssignmentFactory(conference=conference)
    day_before = relative_duty(assignment, -1)
    on_the_day = relative_duty(assignment, 0)
    after = relative_duty(assignment, 2)

    assert day_before.deadline == dt.date(2024, 10, 7)
    assert on_the_day.deadline == dt.date(2024, 10, 8)
    assert after.deadline == dt.date(2024, 10, 10)


def test_deadline_wording_without_conference_date_names_the_rule():
    conference = ConferenceFactory(date=None)
    duty = relative_duty(AssignmentFactory(conference=conference), -5)

    assert duty.deadline is None
    assert duty.deadline_wording(conference.date) == "5 ngày trước ngày hội nghị"


def test_deadline_wording_with_date_gives_date_and_rule():
    conference = ConferenceFactory(date=dt.date(2024, 10, 8))
    duty = relative_duty(AssignmentFactory(conference=conference), -5)

    assert duty.deadline_wording(conference.date) == "3/10/2024 (5 ngày trước ngày hội nghị)"


def test_duty_days_late_only_when_open_and_past():
    conference = ConferenceFactory(date=dt.date(2026, 12, 18))
    assignment = AssignmentFactory(conference=conference)
    late = absolute_duty(assignment, dt.date(2026, 11, 18))
    done = absolute_duty(
        assignment,
        dt.date(2026, 11, 18),
        status="done",
        done_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    undated = DutyFactory(assignment=assignment, deadline_kind=DeadlineKind.NONE)
    today = dt.date(2026, 11, 21)

    assert late.days_late(today) == 3
    assert done.days_late(today) == 0
    assert undated.days_late(today) == 0
    assert late.days_late(dt.date(2026, 11, 18)) == 0
