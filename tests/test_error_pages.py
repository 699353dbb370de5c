"""The Vietnamese error pages (templates/400.html, 403.html, 404.html, 500.html, 403_csrf.html)
as they are shown with DEBUG=false."""

import pytest
from django.test import Client
from django.urls import include, path, reverse

from conferences.models import PlanStatus, Role
from tests.factories import ConferenceFactory, UnitFactory, UserFactory, member
from tests.plans.factories import plan_for


def _raise_runtime_error(request):
    raise RuntimeError("lỗi thử của bài kiểm tra")


# The project's URLs plus one view that fails, for the 500 page.
urlpatterns = [
    path("loi-thu/", _raise_runtime_error),
    path("", include("config.urls")),
]


def broken_context_processor(request):
    raise RuntimeError("context processor hỏng")


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def _page(response) -> str:
    html = response.content.decode()
    assert 'data-testid="error-page"' in html
    assert "Về trang chủ" in html
    return html


@pytest.mark.django_db
def test_error_page_404_missing_url_is_vietnamese(client):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    html = _page(response)
    assert "Không tìm thấy trang" in html
    assert "Not Found" not in html


@pytest.mark.django_db
def test_error_page_404_other_office_conference_says_nothing_of_it(client):
    conference = ConferenceFactory(title="Hội nghị bí mật của xã khác")
    client.force_login(member(UnitFactory(), Role.STAFF))

    response = client.get(reverse("conference_detail", args=[conference.pk]))

    assert response.status_code == 404
    html = _page(response)
    assert "Không tìm thấy trang" in html
    assert "bí mật" not in html


@pytest.mark.django_db
def test_error_page_403_is_vietnamese(client):
    office = UnitFactory()
    conference = ConferenceFactory(organiser=office)
    client.force_login(member(office, Role.LEADER))

    response = client.get(reverse("conference_edit", args=[conference.pk]))

    assert response.status_code == 403
    html = _page(response)
    assert "Bạn không có quyền làm việc này" in html
    assert "Forbidden" not in html


@pytest.mark.django_db
def test_error_page_403_shows_the_services_reason(client):
    office = UnitFactory()
    staff = member(office, Role.STAFF)
    plan = plan_for(ConferenceFactory(organiser=office), PlanStatus.PENDING_APPROVAL, staff=staff)
    client.force_login(staff)

    response = client.post(reverse("plan_approve", args=[plan.pk]))

    assert response.status_code == 403
    reason = _page(response).split('data-testid="error-reason">')[1].split("</p>")[0]
    assert reason == "Bạn không có quyền duyệt kế hoạch này."
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL


@pytest.mark.django_db
def test_error_page_400_unknown_host_is_vietnamese(client):
    response = client.get(reverse("login"), HTTP_HOST="ke-la.example")

    assert response.status_code == 400
    html = _page(response)
    assert "Yêu cầu không hợp lệ" in html
    assert "Bad Request" not in html


@pytest.mark.urls(__name__)
def test_error_page_500_needs_no_database_nor_context_processor(settings):
    # No django_db mark: any query while drawing the page fails the test.
    options = settings.TEMPLATES[0]["OPTIONS"]
    options["context_processors"] = [
        *options["context_processors"],
        f"{__name__}.broken_context_processor",
    ]
    client = Client(raise_request_exception=False)

    response = client.get("/loi-thu/")

    assert response.status_code == 500
    html = _page(response)
    assert "Hệ thống gặp lỗi" in html
    assert "Server Error" not in html
    assert "lỗi thử" not in html


@pytest.mark.django_db
def test_error_page_csrf_stale_token_asks_to_reload():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32

    response = client.post(reverse("login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    html = _page(response)
    assert "Biểu mẫu không được nhận" in html
    assert "tải lại trang" in html
    assert "CSRF verification failed" not in html


@pytest.mark.django_db
def test_error_page_csrf_without_cookie_asks_to_allow_cookies():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "chặn cookie" in _page(response)


@pytest.mark.django_db
def test_error_page_csrf_valid_token_logs_in():
    """The CSRF view is only reached on failure: a real form still goes through."""
    user = UserFactory()
    csrf_client = Client(enforce_csrf_checks=True)
    form = csrf_client.get(reverse("login"))
    token = form.context["csrf_token"]

    response = csrf_client.post(
        reverse("login"),
        {
            "username": user.username,
            "password": "mat-khau-thu-nghiem",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 302
