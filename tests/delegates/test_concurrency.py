"""Two submitters taking the last seat at the same moment: the row lock on the allocation
lets one in and refuses the other (PostgreSQL; SQLite serialises writes anyway)."""

import threading

import pytest
from django.db import connection

from core.errors import DomainError
from delegates import services
from delegates.models import Delegate

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_last_seat_taken_once_under_concurrency(setup):
    s = setup
    s["allocation"].seats = 1
    s["allocation"].save()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(name):
        try:
            barrier.wait(timeout=10)
            services.add_delegate(
                conference=s["conference"],
                category=s["category"],
                unit=s["school_a"],
                by=s["submitter_a"],
                full_name=name,
                gender="male",
            )
            outcomes.append("ok")
        except DomainError as exc:
            outcomes.append(exc.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(f"Người {i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(outcomes) == [
        "ok",
        "Đơn vị đã đủ 1/1 đại biểu được phân bổ cho “Đại biểu cơ sở”.",
    ]
    assert Delegate.objects.filter(unit=s["school_a"]).count() == 1
