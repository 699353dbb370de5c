"""Two people dragging at the same moment: A onto B's seat while B is dragged onto A's. The
row locks (taken in one order) let one swap finish before the other starts, so nobody ends
with two seats or none and no seat holds two people (PostgreSQL; SQLite serialises writes)."""

import threading

import pytest
from django.db import connection

from delegates import services
from delegates.models import Seat
from tests.delegates.factories import DelegateFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_crossed_swaps_at_once_leave_one_seat_each(setup):
    conference, staff = setup["conference"], setup["staff"]
    services.set_up_hall(conference=conference, blocks=1, rows=2, seats_per_row=3, by=staff)
    a = DelegateFactory(category=setup["category"], full_name="Người A")
    b = DelegateFactory(category=setup["category"], full_name="Người B")
    services.place_automatically(conference=conference, by=staff)
    seat_a, seat_b = Seat.objects.get(delegate=a), Seat.objects.get(delegate=b)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def move(delegate, seat):
        try:
            barrier.wait(timeout=10)
            services.move_delegate(delegate=delegate, seat=seat, by=staff)
        except BaseException as exc:  # noqa: BLE001 - the test reports whatever broke
            errors.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=move, args=(a, seat_b)),
        threading.Thread(target=move, args=(b, seat_a)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert errors == []
    seated = dict(Seat.objects.filter(delegate__isnull=False).values_list("delegate_id", "pk"))
    assert set(seated) == {a.pk, b.pk}
    assert set(seated.values()) == {seat_a.pk, seat_b.pk}
