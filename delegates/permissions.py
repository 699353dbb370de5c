"""Who may do what with a conference's delegates. Plain predicates; views and templates use
these and nothing else decides."""

from django.utils import timezone

from conferences.models import Role, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over


def can_view_delegates(user, conference) -> bool:
    """The organiser's office (staff, leaders, council, administrators) sees the register."""
    return has_role_over(user, conference.organiser, OFFICE_ROLES)


def can_manage_delegates(user, conference) -> bool:
    """Edit the composition, allocate seats, keep the register, check people in."""
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_view_unit_delegates(user, conference, unit: Unit) -> bool:
    """The unit's page: its submitter, and the organiser's office."""
    if can_view_delegates(user, conference):
        return True
    return has_role_over(user, unit, {Role.SUBMITTER})


def deadline_passed(delegate_round, *, now=None) -> bool:
    if delegate_round is None or delegate_round.deadline is None:
        return False
    return (now or timezone.now()) > delegate_round.deadline


def can_submit_for_unit(user, conference, unit: Unit, delegate_round=None) -> bool:
    """Name, change or remove the unit's delegates: the office at any time, the unit's
    submitter until the deadline."""
    if can_manage_delegates(user, conference):
        return True
    return has_role_over(user, unit, {Role.SUBMITTER}) and not deadline_passed(delegate_round)


def can_view_seating(user, conference) -> bool:
    """The seating plan: the organiser's office sees it (the check-in desk among them)."""
    return can_view_delegates(user, conference)


def can_edit_seating(user, conference) -> bool:
    """Set the hall up, place and move delegates, print the chart and the cards."""
    return can_manage_delegates(user, conference)
