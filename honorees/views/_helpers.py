from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone

from conferences.errors import DomainError, PermissionDeniedError
from conferences.importing import XLSX_CONTENT_TYPE


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def form_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


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
