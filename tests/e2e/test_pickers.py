"""Date and time fields speak Vietnamese whatever the browser's language: a browser set to
English still shows dd/mm/yyyy, 24-hour times and Vietnamese month names, and what is typed
that way is saved as that day and time."""

import datetime as dt

import pytest
from django.test import override_settings

from conferences.models import Conference, Role
from tests.factories import ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@override_settings(LANGUAGE_CODE="vi")
def test_english_browser_gets_vietnamese_date_and_time_pickers(browser, live_server):
    from tests.e2e.conftest import log_in
    from tests.factories import PASSWORD

    commune = UnitFactory(name="Ủy ban nhân dân xã An Thịnh")
    conference = ConferenceFactory(
        organiser=commune, date=dt.date(2026, 12, 18), start_time=dt.time(8, 0)
    )
    staff = member(commune, Role.STAFF)
    context = browser.new_context(locale="en-US", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, staff.username, PASSWORD)
    page.wait_for_url("**/")

    page.goto(f"/hoi-nghi/{conference.pk}/sua/")
    day = page.get_by_label("Ngày tổ chức")
    assert day.input_value() == "18/12/2026"
    assert day.get_attribute("placeholder") == "dd/mm/yyyy"
    assert page.get_by_label("Giờ bắt đầu").input_value() == "08:00"

    day.click()
    calendar = page.locator(".flatpickr-calendar.open")
    assert "Thứ" in calendar.inner_text() or "T2" in calendar.inner_text()
    assert "December" not in calendar.inner_text()

    day.fill("02/01/2027")
    day.press("Enter")
    start = page.get_by_label("Giờ bắt đầu")
    start.fill("14:30")
    start.press("Enter")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(f"**/hoi-nghi/{conference.pk}/")
    conference = Conference.objects.get(pk=conference.pk)
    assert (conference.date, conference.start_time) == (dt.date(2027, 1, 2), dt.time(14, 30))
    context.close()
