"""Two reminder runs at the same moment on PostgreSQL: each reminder is sent once."""

import datetime as dt
import threading

import pytest
from django.db import connection

from assignments.models import ReminderLog
from assignments.services import send_due_reminders
from conferences.models import Role, Unit
from tests.assignments.factories import AssignmentFactory, relative_duty
from tests.factories import ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TODAY = dt.date(2026, 11, 21)


def test_send_due_reminders_concurrent_runs_send_once(mailoutbox):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    commune = UnitFactory()
    conference = ConferenceFactory(organiser=commune, date=dt.date(2026, 12, 1))
    for name in ("Công an xã", "Đội điện", "Ban Chỉ huy Quân sự xã"):
        agency = UnitFactory(parent=commune, name=name, kind=Unit.Kind.AGENCY)
        member(agency, Role.REPORTER)
        assignment = AssignmentFactory(conference=conference, unit=agency)
        relative_duty(assignment, -9)
        relative_duty(assignment, -12)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(send_due_reminders(today=TODAY))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(results) == 3
    assert ReminderLog.objects.count() == 6
    assert len(mailoutbox) == 3
