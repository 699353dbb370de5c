"""Printing invitations for a chosen group of delegates."""

from django.db import transaction

from core.errors import DomainError
from core.errors import require_permission as require

from .. import selectors
from ..models import Delegate
from ..permissions import can_manage_delegates
from .register import mark_invited


@transaction.atomic
def print_invitations(*, conference, by, category=None, unit=None, status: str = ""):
    """Ask the worker for one personalised invitation per chosen delegate (one merged PDF);
    once it has rendered them, those of them not yet invited become invited
    (mark_printed_invitations, run by the worker).
    Side effects: a GeneratedDocument and its render task (after commit), an activity entry.
    Returns the GeneratedDocument to follow."""
    from documents.services import request_document

    require(can_manage_delegates(by, conference), "Bạn không có quyền in giấy mời.")
    chosen = selectors.delegates_for_invitations(
        conference, category=category, unit=unit, status=status or None
    )
    if not chosen:
        raise DomainError("Không có đại biểu nào khớp với lựa chọn để in giấy mời.")
    params = {
        "category": getattr(category, "pk", None),
        "unit": getattr(unit, "pk", None),
        "status": status or None,
        "mark_invited": True,
    }
    return request_document(
        kind="delegate_invitations", target=conference, fmt="pdf", by=by, params=params
    )


def mark_printed_invitations(*, target, payload: dict, by) -> int:
    """After the worker rendered invitations asked by print_invitations (payload
    "mark_invited", not a preview): the delegates it printed (by their invitation code) who
    are not yet invited become invited. Registered with documents.services.register_after_render.
    Side effects: see mark_invited. Returns how many changed."""
    if not payload.get("mark_invited") or payload.get("preview"):
        return 0
    codes = [person["code"] for person in payload.get("people", ())]
    printed = list(
        Delegate.objects.filter(conference=target, invitation_token__in=codes).only(
            "pk", "conference_id"
        )
    )
    return mark_invited(conference=target, delegates=printed, by=by) if printed else 0
