"""Login throttling (django-axes), rate-limited password reset, the session's length, and the
administrator's unlock."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conferences.models import ActivityEntry, Role
from conferences.services import unlock_login
from core.errors import DomainError
from tests.factories import PASSWORD, UnitFactory, UserFactory, member

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
WRONG = "khong-dung-mat-khau"


def _login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def _fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        _login(client, username, WRONG, address)


def test_login_wrong_passwords_below_limit_still_let_the_right_one_in(client):
    user = UserFactory(username="canbo")
    _fail(client, "canbo", 4)

    response = _login(client, "canbo", PASSWORD)

    assert response.status_code == 302 and _logged_in(client)
    assert int(client.session["_auth_user_id"]) == user.pk


def test_login_locked_after_five_failures_refuses_the_right_password(client):
    UserFactory(username="canbo")
    _fail(client, "canbo", 4)
    fifth = _login(client, "canbo", WRONG)

    response = _login(client, "canbo", PASSWORD)

    assert fifth.status_code == 429
    assert response.status_code == 429 and not _logged_in(client)
    page = response.content.decode()
    assert 'data-testid="lockout"' in page
    assert "đã bị tạm khóa đăng nhập" in page and "nhập sai mật khẩu 5 lần" in page
    assert 'name="username"' in page  # the login page itself, not a bare error


def test_login_failure_limit_comes_from_the_setting(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(username="canbo")
    _fail(client, "canbo", 2)

    assert _login(client, "canbo", PASSWORD).status_code == 429
    assert not _logged_in(client)


def test_login_lockout_counts_the_user_name_in_any_case(client):
    UserFactory(username="canbo")
    for name in ("CanBo", "CANBO", "canbo ", "Canbo", "canBO"):
        _login(client, name, WRONG)

    assert _login(client, "canbo", PASSWORD).status_code == 429


def test_login_lockout_is_per_address_and_user(client):
    UserFactory(username="canbo")
    UserFactory(username="lanhdao")
    _fail(client, "canbo", 5, address="10.0.0.1")

    assert _login(client, "canbo", PASSWORD, address="10.0.0.2").status_code == 302
    client.logout()
    assert _login(client, "lanhdao", PASSWORD, address="10.0.0.1").status_code == 302


def test_login_success_clears_the_failure_count(client):
    UserFactory(username="canbo")
    _fail(client, "canbo", 4)
    assert _login(client, "canbo", PASSWORD).status_code == 302
    client.logout()
    _fail(client, "canbo", 4)

    assert _login(client, "canbo", PASSWORD).status_code == 302


def test_login_lockout_ends_after_the_lockout_time(client, settings):
    UserFactory(username="canbo")
    _fail(client, "canbo", 5)
    past = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=past)

    assert _login(client, "canbo", PASSWORD).status_code == 302


def test_login_behind_proxy_counts_the_forwarded_address(client, settings):
    settings.BEHIND_TLS_PROXY = True
    UserFactory(username="canbo")
    for _ in range(5):
        client.post(
            reverse("login"),
            {"username": "canbo", "password": WRONG},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9",
        )

    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    other = client.post(
        reverse("login"),
        {"username": "canbo", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other.status_code == 302


# --- unlock by an administrator ------------------------------------------------------------


@pytest.fixture
def office():
    commune = UnitFactory()
    return {
        "commune": commune,
        "admin": member(commune, Role.ADMIN),
        "staff": member(commune, Role.STAFF, username="canbo"),
        "other_admin": member(UnitFactory(), Role.ADMIN),
    }


def test_unit_page_shows_locked_member_and_admin_unlocks_it(client, office):
    _fail(client, "canbo", 5)
    client.force_login(office["admin"])
    page = client.get(reverse("unit_detail", args=[office["commune"].pk])).content.decode()
    assert 'data-testid="locked-canbo"' in page and 'data-testid="unlock-canbo"' in page
    membership = office["staff"].memberships.get()

    response = client.post(reverse("member_unlock", args=[membership.pk]))

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="canbo").exists()
    assert ActivityEntry.objects.filter(action="user.unlocked").count() == 1
    client.logout()
    assert _login(client, "canbo", PASSWORD).status_code == 302


def test_unit_page_shows_no_unlock_for_members_not_locked(client, office):
    _fail(client, "canbo", 2)
    client.force_login(office["admin"])

    page = client.get(reverse("unit_detail", args=[office["commune"].pk])).content.decode()

    assert "locked-canbo" not in page and "unlock-canbo" not in page


def test_unlock_login_refused_to_an_administrator_of_another_office(client, office):
    _fail(client, "canbo", 5)

    with pytest.raises(DomainError):
        unlock_login(account=office["staff"], unit=office["commune"], by=office["other_admin"])

    assert AccessAttempt.objects.filter(username="canbo").exists()


# --- password reset ---------------------------------------------------------------------------


def _reset(client, email, address="10.0.0.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_password_reset_sends_at_most_three_emails_an_hour_per_account(client):
    UserFactory(email="canbo@example.test")
    responses = [_reset(client, "canbo@example.test") for _ in range(20)]

    assert len(mail.outbox) == 3
    assert [r.status_code for r in responses[:3]] == [302, 302, 302]
    refused = responses[3].content.decode()
    assert responses[3].status_code == 200 and "quá nhiều lần trong một giờ" in refused


def test_password_reset_limit_per_account_holds_across_addresses_and_spellings(client):
    UserFactory(email="canbo@example.test")
    for n, email in enumerate(["canbo@example.test", "CANBO@example.test"] * 5):
        _reset(client, email, address=f"10.0.0.{n}")

    assert len(mail.outbox) == 3


def test_password_reset_limits_requests_from_one_address(client, settings):
    settings.PASSWORD_RESET_REQUESTS_PER_HOUR = 4
    for n in range(6):
        UserFactory(email=f"nguoi{n}@example.test")
    responses = [_reset(client, f"nguoi{n}@example.test") for n in range(6)]

    assert len(mail.outbox) == 4
    assert "quá nhiều lần" in responses[4].content.decode()
    assert _reset(client, "nguoi5@example.test", address="10.9.9.9").status_code == 302
    assert len(mail.outbox) == 5


# --- session length -------------------------------------------------------------------------


def test_login_session_lasts_eight_hours_by_default(client):
    UserFactory(username="canbo")

    response = _login(client, "canbo", PASSWORD)

    assert response.cookies["sessionid"]["max-age"] == 8 * 3600


def test_session_age_comes_from_the_environment():
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.SESSION_COOKIE_AGE, settings.AXES_FAILURE_LIMIT)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.update(SESSION_COOKIE_AGE="900", LOGIN_FAILURE_LIMIT="7")

    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )

    assert out.stdout.split() == ["900", "7"]
