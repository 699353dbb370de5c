from conferences.models.users import OFFICE_ROLES
from conferences.permissions import can_manage_unit, has_role_over

from .workflow import RETRYABLE


def can_view_document(user, document) -> bool:
    """The person who asked for it, and the office users of its organiser."""
    return document.requested_by_id == user.pk or has_role_over(
        user, document.scope_unit, OFFICE_ROLES
    )


def can_retry_document(user, document) -> bool:
    """Queue a failed document again: whoever may see it."""
    return document.status in RETRYABLE and can_view_document(user, document)


def can_edit_certificate_settings(user, organiser) -> bool:
    return can_manage_unit(user, organiser)
