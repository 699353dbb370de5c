"""Numbers from the organiser's register never repeat, even when people issue at the same
moment (PostgreSQL: SQLite serialises all writers, so it cannot show the race)."""

import datetime as dt
import threading

import pytest
from django.db import connection

from conferences.models import Plan, PlanStatus, Role
from conferences.numbering import next_number
from conferences.plans import services
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.plans.factories import plan_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _all_at_once(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_plans_issued_at_the_same_moment_get_different_numbers():
    commune = UnitFactory()
    staff, leader = member(commune, Role.STAFF), member(commune, Role.LEADER)
    plans = [
        plan_for(ConferenceFactory(organiser=commune), PlanStatus.APPROVED, staff, leader)
        for _ in range(8)
    ]

    errors = _all_at_once(
        [
            lambda p=p: services.issue_plan(plan=p, by=staff, issued_on=dt.date(2026, 6, 1))
            for p in plans
        ]
    )

    assert errors == []
    numbers = sorted(Plan.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 9))


def test_next_number_50_at_once_gives_distinct_numbers():
    unit = UnitFactory()
    numbers = []
    errors = _all_at_once(
        [
            lambda: numbers.append(next_number(unit=unit, year=2026, type_code="QĐ"))
            for _ in range(50)
        ]
    )
    assert errors == []
    assert sorted(numbers) == list(range(1, 51))
