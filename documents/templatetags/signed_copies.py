"""The "Bản ký số" section of an issued plan's or decision's page:
`{% load signed_copies %}{% signed_copies_section plan %}`. Shows the official signed copy, every
uploaded copy with its result per signature, and the văn thư's upload form."""

import datetime as dt

from django import template
from django.utils import timezone

from .. import services
from ..signable import signable_of
from ..signed import OFFLINE_NOTE

register = template.Library()


@register.inclusion_tag("documents/_signed_copies.html", takes_context=True)
def signed_copies_section(context, target):
    signable = signable_of(target)
    request = context.get("request")
    user = getattr(request, "user", None)
    if signable is None or user is None or not signable.is_issued(target):
        return {"hidden": True}
    copies = services.signed_copies_of(target)
    for copy in copies:
        copy.signature_rows = [
            {**sig, "signed_at_text": _moment(sig.get("signed_at", ""))} for sig in copy.signatures
        ]
    official = services.official_signed_copy(target)
    return {
        "hidden": False,
        "kind": signable.kind,
        "label": signable.label,
        "target": target,
        "number": signable.number_text(target),
        "copies": copies,
        "official": official,
        "can_upload": signable.can_upload(user, target),
        "max_mb": services.signed_copy_max_bytes() // (1024 * 1024),
        "offline_note": OFFLINE_NOTE,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


def _moment(iso: str) -> str:
    """ "2026-12-01T02:30:00+00:00" -> "09:30:00 ngày 01/12/2026" (Vietnam time)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%H:%M:%S} ngày {moment:%d/%m/%Y}"
