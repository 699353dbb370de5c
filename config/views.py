"""Views of the project as a whole, outside any app."""

from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render


def csrf_failure(request, reason: str = ""):
    """The Vietnamese page for a form refused by the CSRF check (settings.CSRF_FAILURE_VIEW).
    Django has already logged the refusal and its reason (logger django.security.csrf)."""
    context = {"no_cookie": reason == REASON_NO_CSRF_COOKIE}
    return render(request, "403_csrf.html", context, status=403)
