"""A double click in a real browser: static/js/forms.js disables the submit button once the
form is sent, so the browser sends one request; the server would hold anyway (form token)."""

import pytest

from conferences.models import Role, Unit
from delegates.models import Delegate
from tests.delegates.factories import AllocationFactory, CategoryFactory
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_double_click_on_add_delegate_sends_one_request(page):
    office = UnitFactory(name="Ủy ban nhân dân xã Thử")
    school = UnitFactory(parent=office, name="Trường Tiểu học Thử", kind=Unit.Kind.SCHOOL)
    conference = ConferenceFactory(organiser=office, venue="Hội trường xã")
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở", target_min=10)
    AllocationFactory(category=category, unit=school, seats=5)
    submitter = member(school, Role.SUBMITTER)
    url = f"/hoi-nghi/{conference.pk}/dai-bieu/don-vi/{school.pk}/"
    held = []  # the form's POSTs, answered only after the second click

    def hold_posts(route):
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()

    log_in(page, submitter.username, PASSWORD)
    page.wait_for_url("**/")
    page.goto(url)
    page.route(f"**{url}", hold_posts)
    form = page.get_by_test_id("delegate-form")
    form.get_by_label("Thành phần").select_option(label="Đại biểu cơ sở")
    form.get_by_label("Họ và tên").fill("Nguyễn Văn Ân")
    form.get_by_label("Giới tính").select_option(label="Nam")
    button = form.get_by_role("button", name="Thêm đại biểu")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(300)
    # The second click, while the first request is on its way (a slow network, a busy server).
    page.mouse.click(x, y)
    page.wait_for_timeout(300)
    for route in held:
        route.continue_()
    page.get_by_text("Đã thêm đại biểu Ông Nguyễn Văn Ân.").wait_for()

    assert len(held) == 1
    assert Delegate.objects.filter(unit=school).count() == 1
