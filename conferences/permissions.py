"""Who may do what: plain predicates. Views and templates use these, nothing else decides.

A role held in a unit of an office kind (staff, leader, council, admin) covers that unit and
every unit under it; a unit role (submitter, reporter) covers that one unit only. A superuser
is the system administrator and may do everything."""

from collections.abc import Iterable

from .models import Membership, Role, Unit
from .models.users import OFFICE_ROLES


def memberships_of(user) -> list[Membership]:
    """The user's memberships with their units, loaded once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_membership_cache", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, unit__active=True).select_related("unit")
        )
        user._membership_cache = cached
    return cached


def has_role_over(user, unit: Unit, roles: Iterable[str]) -> bool:
    """True when the user holds one of `roles` in `unit` itself or, for office roles, in an
    ancestor of it."""
    if getattr(user, "is_superuser", False):
        return True
    roles = set(roles)
    for m in memberships_of(user):
        if m.role not in roles:
            continue
        if m.unit_id == unit.pk or (m.role in OFFICE_ROLES and unit.path.startswith(m.unit.path)):
            return True
    return False


def has_any_role(user, roles: Iterable[str]) -> bool:
    roles = set(roles)
    return getattr(user, "is_superuser", False) or any(
        m.role in roles for m in memberships_of(user)
    )


def is_office_user(user) -> bool:
    return has_any_role(user, OFFICE_ROLES)


def can_manage_unit(user, unit: Unit) -> bool:
    """Edit a unit, add units under it, import a unit tree below it."""
    return has_role_over(user, unit, {Role.STAFF, Role.ADMIN})


def can_import_units(user) -> bool:
    """Open the unit import page; each row is checked against its parent on import."""
    return has_any_role(user, {Role.STAFF, Role.ADMIN})


def can_manage_members(user, unit: Unit) -> bool:
    """Add people to a unit and give them roles: the office's user administrators."""
    return has_role_over(user, unit, {Role.ADMIN})


def can_view_unit_members(user, unit: Unit) -> bool:
    return has_role_over(user, unit, OFFICE_ROLES)


def can_view_activity(user) -> bool:
    return is_office_user(user)


def can_manage_conference(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_create_conference(user) -> bool:
    """Open the new-conference form; the service checks the organiser picked."""
    return has_any_role(user, {Role.STAFF})


def grantable_roles(user, unit: Unit) -> list[str]:
    """Roles this user may give in this unit. Only a superuser makes other administrators
    at the top of a tree; an office administrator may delegate administration below."""
    if not can_manage_members(user, unit):
        return []
    return [r.value for r in Role]
