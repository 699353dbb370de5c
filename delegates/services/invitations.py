"""Printing invitations for a chosen group of delegates."""

from django.db import transaction

from core.errors import DomainError
from core.errors import require_permission as require

from .. import selectors
from ..permissions import can_manage_delegates
from .register import mark_invited


@transaction.atomic
def print_invitations(*, conference, by, category=None, unit=None, status: str = ""):
    """Ask the worker for one personalised invitation per chosen delegate (one merged PDF),
    and mark those not yet invited as invited.
    Side effects: a GeneratedDocument and its render task (after commit), delegate rows,
    activity entries. Returns the GeneratedDocument to follow."""
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
    }
    document = request_document(
        kind="delegate_invitations", target=conference, fmt="pdf", by=by, params=params
    )
    mark_invited(conference=conference, delegates=chosen, by=by)
    return document
