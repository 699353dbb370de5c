"""The day in a real browser: the stage slides in presentation mode, stepped through with the
keys a clicker sends; the seating plan, a delegate dragged onto another seat."""

import pytest

from ceremony import selectors, services
from conferences.models import Role
from delegates import services as delegate_services
from delegates.models import Seat
from tests.cast import build_cast
from tests.ceremony.factories import jpeg, make_issued
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_slides_step_through_with_keyboard(page):
    issued = make_issued(build_cast())
    conference = issued["conference"]
    first_line = selectors.stage_lines(conference)[0]
    services.save_profile(
        conference=conference, line=first_line, by=issued["staff"], slide_line="Gương sáng",
        story="", consent=False, photo=jpeg(300, 400),
    )  # fmt: skip
    groups = selectors.stage_groups(conference)
    assert len(groups[0].entries) == 2
    first, second = groups[0].entries[0].name, groups[0].entries[1].name

    log_in(page, issued["staff"].username, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/hoi-nghi/{conference.pk}/le-trao-thuong/")
    page.get_by_test_id("open-slides").click()
    page.wait_for_url("**/trinh-chieu/**")
    visible = page.locator("[data-testid=slide]:visible [data-testid=slide-name]")
    assert visible.text_content() == "Lượt 1"
    assert page.get_by_test_id("deck-counter").inner_text() == f"1 / {len(groups) + 8}"

    page.keyboard.press("ArrowRight")
    assert visible.text_content() == first
    # The honouree's photo is on their slide (served to the office though not public yet).
    photo = page.locator("[data-testid=slide]:visible img.deck-photo")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 300

    page.keyboard.press("PageDown")  # what a clicker sends
    assert visible.text_content() == second
    page.keyboard.press(" ")
    assert visible.text_content() == "Lượt 2"  # the two collectives done, the next group
    page.keyboard.press("PageUp")
    assert visible.text_content() == second
    page.keyboard.press("ArrowLeft")
    assert visible.text_content() == first
    assert page.locator("[data-testid=slide]:visible").count() == 1


def _seat(label: str):
    return f'[data-seat-label="{label}"]'


def test_seating_plan_drag_a_delegate_to_another_seat(page):
    office = UnitFactory(name="Ủy ban nhân dân xã Thử")
    conference = ConferenceFactory(organiser=office)
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở", target_min=10)
    staff = member(office, Role.STAFF)
    first = DelegateFactory(category=category, full_name="Nguyễn Văn Kéo")
    second = DelegateFactory(category=category, full_name="Trần Thị Đứng")
    delegate_services.set_up_hall(
        conference=conference, blocks=3, rows=4, seats_per_row=6, by=staff
    )
    delegate_services.place_automatically(conference=conference, by=staff)
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
