"""The office assigns duties from a template; the agency marks one done; the board shows it."""

import datetime as dt

import pytest
from django.utils import timezone

from assignments.models import Duty
from tests.cast import build_cast
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _type(field, text: str) -> None:
    """Key by key, as a person types: the field is HTMX content just swapped in, and a single
    programmatic fill can come before htmx has bound its listener (no search is sent)."""
    field.fill("")
    field.press_sequentially(text, delay=40)


def test_assignments_template_report_done_and_late_on_board(page, browser, live_server):
    world = build_cast()
    conference = world["conference_a"]
    conference.date = timezone.localdate() + dt.timedelta(days=3)  # "5 days before" is 2 days late
    conference.save()
    board = f"/hoi-nghi/{conference.pk}/phan-cong/"

    # The office adds the police as an agency and applies the police template.
    log_in(page, world["users"]["staff"].username, PASSWORD)
    page.wait_for_url("**/")
    page.goto(board)
    page.get_by_role("button", name="Thêm cơ quan được phân công").click()
    # A province has thousands of units: the field searches as one types, marks aside.
    _type(page.get_by_label("Cơ quan, đơn vị"), "cong an")
    page.locator("[data-unit-pick]").filter(has_text=world["agency"].name).click()
    page.get_by_role("button", name="Lưu").click()
    card = page.locator("[data-testid=assignment]").filter(has_text="Đề nghị Công an xã An Thịnh")
    card.get_by_label("Mẫu nhiệm vụ").select_option(label="Công an")
    card.get_by_role("button", name="Áp dụng mẫu").click()
    card.locator("[data-testid=duty]").nth(2).wait_for()
    assert card.locator("[data-testid=duty]").count() == 3

    # The agency sees its duties and marks the second one done with a note.
    agency_context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    agency = agency_context.new_page()
    log_in(agency, world["users"]["reporter"].username, PASSWORD)
    agency.wait_for_url("**/")
    agency.goto("/nhiem-vu/cua-toi/")
    duties = agency.locator("[data-testid=my-duty]")
    assert duties.count() == 3
    second = duties.nth(1)
    second_text = Duty.objects.order_by("order")[1].text
    assert second_text in second.inner_text()
    second.get_by_role("link", name="Cập nhật tiến độ").click()
    agency.get_by_label("Trạng thái").select_option(label="Đã hoàn thành")
    agency.get_by_label("Ghi chú").fill("Đã bố trí đủ lực lượng.")
    agency.get_by_role("button", name="Gửi báo cáo").click()
    agency.wait_for_url("**/nhiem-vu/cua-toi/")
    assert agency.get_by_text("Đã cập nhật tiến độ nhiệm vụ.").is_visible()
    agency_context.close()

    # The office's board shows the change and the late duty in red.
    page.goto(board)
    done = page.locator("[data-testid=duty]").filter(has_text=second_text)
    assert done.locator("[data-testid=duty-status]").inner_text() == "Đã hoàn thành"
    late = page.locator("[data-testid=duty].late-duty")
    assert late.count() == 1
    assert late.locator("[data-testid=late-badge]").inner_text() == "Quá hạn 2 ngày"
    assert "list-group-item-danger" in late.get_attribute("class")


def test_milestone_units_chosen_by_search_and_removed(page):
    """Two units picked by typing (marks aside), one taken away again, the milestone saved
    with the other."""
    world = build_cast()
    conference = world["conference_a"]
    log_in(page, world["users"]["staff"].username, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/hoi-nghi/{conference.pk}/phan-cong/")
    page.get_by_role("button", name="Thêm mốc thời gian").click()
    page.get_by_label("Nội dung").fill("Họp Hội đồng xét khen thưởng.")
    search = page.get_by_label("Đơn vị thực hiện", exact=True)
    _type(search, "truong tieu hoc")
    page.locator("[data-unit-pick]").filter(has_text=world["school"].name).click()
    _type(search, "cong an")
    page.locator("[data-unit-pick]").filter(has_text=world["agency"].name).click()
    page.get_by_role("button", name=f"Bỏ {world['school'].name}").click()
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Họp Hội đồng xét khen thưởng.").first.wait_for()
    milestone = conference.milestones.get()
    assert list(milestone.units.all()) == [world["agency"]]
