class DomainError(Exception):
    """A business rule said no. `message` is for the user, in Vietnamese; `field` names the
    form field it belongs to, when there is one. Views turn it into a form error or a message."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDeniedError(DomainError):
    """The user may see the object but not do this to it (views answer 403)."""


def require_permission(allowed: bool, message: str) -> None:
    """The one permission guard of services: refuse with a message the user can read."""
    if not allowed:
        raise PermissionDeniedError(message)
