"""Request helpers every view shares: where a `back`/`next` value may send the user, and
parameters that must be numbers. A parameter that cannot be right raises `BadParameter`,
which `BadParameterMiddleware` answers with 400 and the message (never a 500)."""

from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


class BadParameter(Exception):
    """A query or form parameter no page of ours sends (a word where an id goes)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def safe_next(request, candidate: str | None, default: str, **default_kwargs) -> str:
    """`candidate` when it is a path or URL of this site, else the URL of `default` (a URL
    name or path): never another host, never another scheme than the request's."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(default, **default_kwargs)


def int_param(value, *, label: str) -> int | None:
    """An id from a query or form: None when empty, BadParameter when not a whole number."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise BadParameter(f"Giá trị “{text[:40]}” của “{label}” không hợp lệ: cần một số.")
    return int(text)


def require_valid_filter(form) -> None:
    """A bound filter form whose values no page of ours sends: BadParameter naming them."""
    if not form.is_bound or form.is_valid():
        return
    problems = "; ".join(
        f"{form.fields[name].label or name}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )
    raise BadParameter(f"Bộ lọc không hợp lệ ({problems}). Hãy chọn lại trên trang.")
