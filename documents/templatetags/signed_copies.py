"""The "Bản ký số" section of an issued plan's or decision's page:
`{% load signed_copies %}{% signed_copies_section plan %}`. Shows the official signed copy, every
uploaded copy with its result per signature, and the văn thư's upload form."""

from django import template

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
