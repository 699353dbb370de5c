"""Helpers every app's views share: one way to refuse, one way to turn a refused rule into a
form error or a message, one way to answer with an Excel file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone

from .errors import DomainError, PermissionDeniedError
from .importing import XLSX_CONTENT_TYPE


def require(allowed: bool) -> None:
    """403 unless a permission predicate allowed the request."""
    if not allowed:
        raise PermissionDenied


def form_error(form, exc: DomainError) -> None:
    """Show a refused rule on its field (or on the form); a refused permission answers 403."""
    if isinstance(exc, PermissionDeniedError):
        raise PermissionDenied(exc.message) from exc
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def save_form(request, form, save, success: str) -> bool:
    """The POST of a form: when it is valid, `save(cleaned_data)` (a service call); a refused
    rule shows on its field (403 for a permission). True when saved, with `success` as the
    message; False leaves the bound form to show again with its errors."""
    if not form.is_valid():
        return False
    try:
        save(form.cleaned_data)
    except DomainError as exc:
        form_error(form, exc)
        return False
    messages.success(request, success)
    return True


def attempt(request, action, success: str, *, already=None) -> bool:
    """Run a service call; a refused rule becomes a message (403 for a permission).
    `already()`, when given, is asked after a refusal: a message when the action had been
    done before (a double click), shown as information instead of the refusal."""
    try:
        action()
    except DomainError as exc:
        note = already() if already else ""
        if note:
            messages.info(request, note)
        elif isinstance(exc, PermissionDeniedError):
            raise PermissionDenied(exc.message) from exc
        else:
            messages.error(request, exc.message)
        return False
    messages.success(request, success)
    return True


def xlsx_response(data: bytes, stem: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.xlsx"'
    return response


def paged(request, items, per_page: int):
    """One page of `items` (the `page` of the query; a bad or past-the-end number gives the
    nearest page) and the rest of the query for the pager's links."""
    from django.core.paginator import Paginator

    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.query = query.urlencode()
    return page


def outbox_context(request, outbox, **context) -> dict:
    """What templates/core/outbox_preview.html reads: the outbox (core.outbox), the letter
    chosen to show (`?thu=` its position), and the page's own values (outbox_title,
    recipient_kind, confirm_url, back_url, keep)."""
    position, letter = outbox.shown(request.GET.get("thu")) if outbox else (0, None)
    return {"outbox": outbox, "letter": letter, "letter_position": position, **context}
