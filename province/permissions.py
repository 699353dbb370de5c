"""Who may see the roll-up of an office's communes: anyone holding an office role (staff,
leader, council, user administrator) in that unit or above it. Read-only: nothing here writes."""

from conferences.models import Role, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_any_role, has_role_over, is_office_user


def can_view_rollup(user, unit: Unit) -> bool:
    return unit.is_organiser and has_role_over(user, unit, OFFICE_ROLES)


def can_open_rollups(user) -> bool:
    """See the menu entry and the list of scopes."""
    return is_office_user(user)


def can_manage_tokens(user, unit: Unit) -> bool:
    """Create and revoke API tokens of a unit: the system administrator, or the office's
    user administrator."""
    return unit.is_organiser and has_role_over(user, unit, {Role.ADMIN})


def can_open_tokens(user) -> bool:
    return has_any_role(user, {Role.ADMIN})


def can_manage_successions(user, scope: Unit) -> bool:
    """Record which old units became part of which new ones: the office's staff."""
    return scope.is_organiser and has_role_over(user, scope, {Role.STAFF})
