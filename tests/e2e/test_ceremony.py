"""The stage slides in presentation mode, stepped through with the keys a clicker sends."""

import pytest

from ceremony import selectors, services
from tests.cast import build_cast
from tests.ceremony.factories import jpeg, make_issued
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD

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
