"""One-time form tokens: a double-clicked form does its work once.

A form that creates something carries a hidden token (`{% form_token %}` from the
`idempotency` template library). `submit_once` records the token (a unique row) in the same
transaction as the work: a second POST with the same token, even one that arrives while the
first is still running, waits for it and is sent where the first one went. If the work fails,
the token is not used up and the corrected form can be sent again."""

import re
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import FormSubmission

FIELD = "form_token"
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
KEEP = timedelta(days=1)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def submit_once(request, work: Callable[[], str]) -> tuple[str, bool]:
    """Run `work` (it returns the URL to go to next) once per form token.
    Returns (url, repeated); for a repeat, the URL the first submission went to ("" when
    unknown). A POST without a well-formed token simply runs `work`."""
    token = request.POST.get(FIELD, "")
    if not TOKEN.fullmatch(token):
        return work(), False
    user = request.user if request.user.is_authenticated else None
    with transaction.atomic():
        FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
        try:
            with transaction.atomic():
                record = FormSubmission.objects.create(token=token, user=user)
        except IntegrityError:
            earlier = FormSubmission.objects.filter(token=token, user=user).first()
            return (earlier.result_url if earlier else ""), True
        url = work()
        record.result_url = url[:500]
        record.save(update_fields=["result_url"])
    return url, False
