"""Who may do what: plain predicates. Views and templates use these, nothing else decides.

A role held in a unit of an office kind (staff, leader, council, admin) covers that unit and
every unit under it; a unit role (submitter, reporter) covers that one unit only. A superuser
is the system administrator and may do everything."""

from collections.abc import Iterable

from .models import Membership, Role, Unit
from .models.users import OFFICE_ROLES

# The roles of an office drafting for an organiser (Unit.drafting_for) that work as the
# organiser's staff (conferences.review_chain).
DRAFTING_ROLES = frozenset({Role.STAFF, Role.LEADER})


def memberships_of(user) -> list[Membership]:
    """The user's memberships with their units, loaded once per request object. A staff or
    leader role in an office that drafts for an organiser adds an unsaved staff membership
    over that organiser (pk None): they work as its staff."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_membership_cache", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, unit__active=True).select_related(
                "unit", "unit__drafting_for"
            )
        )
        cached += [
            Membership(
                user_id=user.pk, unit=m.unit.drafting_for, role=Role.STAFF, position=m.position
            )
            for m in cached
            if m.role in DRAFTING_ROLES
            and m.unit.drafting_for_id is not None
            and m.unit.drafting_for.active
        ]
        user._membership_cache = cached
    return cached


def _covers(membership: Membership, unit: Unit) -> bool:
    """The membership's role reaches `unit`: held there, or an office role held above it."""
    return membership.unit_id == unit.pk or (
        membership.role in OFFICE_ROLES and unit.path.startswith(membership.unit.path)
    )


def has_role_over(user, unit: Unit, roles: Iterable[str]) -> bool:
    """True when the user holds one of `roles` in `unit` itself or, for office roles, in an
    ancestor of it."""
    if getattr(user, "is_superuser", False):
        return True
    roles = set(roles)
    return any(m.role in roles and _covers(m, unit) for m in memberships_of(user))


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


def can_deactivate_unit(user, unit: Unit) -> bool:
    """Mark a unit as no longer active: not the user's own unit nor one above it (that would
    lock the user and their whole office out); a system administrator may."""
    if getattr(user, "is_superuser", False):
        return True
    return can_manage_unit(user, unit) and not any(
        m.unit.path.startswith(unit.path) for m in memberships_of(user)
    )


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


# How far a role reaches, for who may give it. A user administrator stands with the staff.
ROLE_RANK = {
    Role.LEADER: 3,
    Role.STAFF: 2,
    Role.COUNCIL: 2,
    Role.ADMIN: 2,
    Role.SUBMITTER: 1,
    Role.REPORTER: 1,
    Role.CLERK: 1,
}


def grantable_roles(user, unit: Unit) -> list[str]:
    """Roles this user may give in `unit`: a user administrator gives roles up to the highest
    they hold over the unit (a leader's role only if they are a leader there too); only a
    system administrator makes administrators."""
    if getattr(user, "is_superuser", False):
        return list(Role.values)
    if not can_manage_members(user, unit):
        return []
    own = [ROLE_RANK[m.role] for m in memberships_of(user) if _covers(m, unit)]
    ceiling = max(own, default=0)
    return [r.value for r in Role if r != Role.ADMIN and ROLE_RANK[r] <= ceiling]


def can_manage_account(user, account) -> bool:
    """Give roles to `account`, or unlock its login: a system administrator for anyone; a user
    administrator for other people whose every role lies in units they administer (so not
    the accounts of another office, nor their own)."""
    if getattr(user, "is_superuser", False):
        return True
    if account.pk == user.pk or account.is_superuser:
        return False
    roles = account.memberships.select_related("unit")
    return all(has_role_over(user, m.unit, {Role.ADMIN}) for m in roles)
