"""Logging in and getting a new password, hardened: login failures are counted by django-axes
(per user name and client address), password reset emails are rate-limited (django-ratelimit
counters in the cache). The unlock of a locked account is `services.unlock_login`."""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from .forms import LoginForm

logger = logging.getLogger(__name__)

HOUR = 3600


def client_ip(request) -> str:
    """The client's address: behind the TLS proxy, the last address of X-Forwarded-For (the
    one the proxy appended; what the client wrote before it is not trusted)."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind)


def login_username(request, credentials) -> str:
    """User names are stored lower-case: "Admin" and "admin" share one failure count."""
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    return username.strip().lower()


def lockout_message() -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    then = f"Hãy thử lại sau {minutes} phút hoặc liên hệ" if minutes else "Hãy liên hệ"
    return (
        "Tài khoản này đã bị tạm khóa đăng nhập từ máy của bạn vì nhập sai mật khẩu "
        f"{settings.AXES_FAILURE_LIMIT} lần liên tiếp. {then} cán bộ quản trị người dùng của "
        "đơn vị để được mở khóa. Nếu quên mật khẩu, hãy dùng “Quên mật khẩu?”."
    )


def lockout_response(request, original_response=None, credentials=None):
    """What django-axes answers to a locked-out login: the login page with the reason."""
    username = login_username(request, credentials)
    logger.warning(
        "Khóa đăng nhập: tài khoản “%s” từ địa chỉ %s sau %s lần sai mật khẩu.",
        username,
        client_ip(request),
        settings.AXES_FAILURE_LIMIT,
    )
    form = LoginForm(request, initial={"username": username})
    context = {"form": form, "lockout_message": lockout_message(), "next": ""}
    return render(request, "registration/login.html", context, status=429)


# --- Password reset ------------------------------------------------------------------------


def _over_limit(request, group: str, value: str, per_hour: int) -> bool:
    """Count one use of `group` for `value`; True when it goes past `per_hour` this hour."""
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, _request: value,
        rate=(per_hour, HOUR),
        increment=True,
    )


class ThrottledPasswordResetForm(PasswordResetForm):
    """Sends the email only to accounts that got fewer than PASSWORD_RESET_EMAILS_PER_HOUR
    this hour, whatever the address typed."""

    request = None

    def get_users(self, email):
        per_hour = settings.PASSWORD_RESET_EMAILS_PER_HOUR
        for user in super().get_users(email):
            if not _over_limit(self.request, "password-reset-account", str(user.pk), per_hour):
                yield user


RESET_LIMIT_MESSAGE = (
    "Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần trong một giờ. Hãy kiểm tra hộp thư "
    "(cả thư rác) hoặc thử lại sau một giờ."
)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, with requests counted per client address and per address typed."""

    form_class = ThrottledPasswordResetForm

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        by_address = _over_limit(
            self.request,
            "password-reset-ip",
            client_ip(self.request),
            settings.PASSWORD_RESET_REQUESTS_PER_HOUR,
        )
        by_email = _over_limit(
            self.request, "password-reset-email", email, settings.PASSWORD_RESET_EMAILS_PER_HOUR
        )
        if by_address or by_email:
            logger.warning(
                "Từ chối yêu cầu đặt lại mật khẩu (quá số lần trong giờ) từ địa chỉ %s.",
                client_ip(self.request),
            )
            form.add_error(None, RESET_LIMIT_MESSAGE)
            return self.form_invalid(form)
        form.request = self.request
        return super().form_valid(form)
