import pytest

from tests.cast import build_cast
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# persona -> the heading of the panel its home page must show
HOME_HEADINGS = {
    "staff": "Trang làm việc của cán bộ thi đua - khen thưởng",
    "leader": "Trang làm việc của lãnh đạo",
    "council": "Trang làm việc của thành viên Hội đồng Thi đua - Khen thưởng",
    "admin": "Quản trị người dùng",
    "submitter": "Trang làm việc của đơn vị",
    "reporter": "Trang làm việc của cơ quan được phân công",
    "superuser": "Trang làm việc của cán bộ thi đua - khen thưởng",
}


@pytest.mark.parametrize("persona", list(HOME_HEADINGS))
def test_login_each_role_lands_on_its_home_page(page, persona):
    world = build_cast()
    user = world["users"][persona]

    log_in(page, user.username, PASSWORD)

    page.wait_for_url("**/")
    panel = page.locator("section[data-role]").first
    headings = page.locator("section[data-role] h2").all_inner_texts()
    assert HOME_HEADINGS[persona] in headings
    assert panel.is_visible()
    if persona in ("staff", "submitter"):
        expected = world["conference_a"].title
        assert page.get_by_role("link", name=expected).first.is_visible()
        assert page.get_by_text(world["conference_b"].title).count() == 0


def test_login_with_wrong_password_shows_vietnamese_error(page):
    world = build_cast()
    log_in(page, world["users"]["staff"].username, "sai-mat-khau")
    assert page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng").is_visible()
    assert "/dang-nhap/" in page.url


def test_stranger_without_role_is_told_to_ask_for_one(page):
    world = build_cast()
    log_in(page, world["users"]["stranger"].username, PASSWORD)
    page.wait_for_url("**/")
    assert page.get_by_text("chưa được giao vai trò").is_visible()
