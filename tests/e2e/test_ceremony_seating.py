"""The seating plan in a real browser: the office opens the hall's grid, drags a delegate onto
another seat (a taken one: the two swap), reloads, and finds each in their new seat."""

import pytest

from conferences.models import Role
from delegates import services
from delegates.models import Seat
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _seat(label: str):
    return f'[data-seat-label="{label}"]'


def test_seating_plan_drag_a_delegate_to_another_seat(page):
    office = UnitFactory(name="Ủy ban nhân dân xã Thử")
    conference = ConferenceFactory(organiser=office)
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở", target_min=10)
    staff = member(office, Role.STAFF)
    first = DelegateFactory(category=category, full_name="Nguyễn Văn Kéo")
    second = DelegateFactory(category=category, full_name="Trần Thị Đứng")
    services.set_up_hall(conference=conference, blocks=3, rows=4, seats_per_row=6, by=staff)
    services.place_automatically(conference=conference, by=staff)
    start = Seat.objects.select_related("block").get(delegate=first)
    target = Seat.objects.select_related("block").get(block__order=3, row=3, number=2)
    taken = Seat.objects.select_related("block").get(delegate=second)

    page.set_viewport_size({"width": 1600, "height": 1000})  # the desktop page
    log_in(page, staff.username, PASSWORD)
    page.goto(f"/hoi-nghi/{conference.pk}/dai-bieu/cho-ngoi/")
    person = page.locator(f'{_seat(start.label)} [data-delegate="{first.pk}"]')
    assert person.inner_text() == "N.V. Kéo"

    # To an empty seat.
    person.drag_to(page.locator(_seat(target.label)))
    page.locator(f'{_seat(target.label)} [data-delegate="{first.pk}"]').wait_for()
    page.reload()
    assert page.locator(_seat(target.label)).inner_text().endswith("N.V. Kéo")
    assert page.locator(f"{_seat(start.label)} [data-delegate]").count() == 0
    assert Seat.objects.get(delegate=first).pk == target.pk

    # Onto a taken seat: the two swap.
    page.locator(f'[data-delegate="{first.pk}"]').drag_to(page.locator(_seat(taken.label)))
    page.locator(f'{_seat(taken.label)} [data-delegate="{first.pk}"]').wait_for()
    page.reload()
    assert page.locator(f'{_seat(taken.label)} [data-delegate="{first.pk}"]').count() == 1
    assert page.locator(f'{_seat(target.label)} [data-delegate="{second.pk}"]').count() == 1
    assert Seat.objects.get(delegate=second).pk == target.pk
