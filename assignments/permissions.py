"""Who may do what with assignments: plain predicates, used by views, services and templates.

The office (staff over the organiser) edits; every office role over the organiser sees the
board; an agency's reporter sees and reports on that agency's duties."""

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import can_manage_conference, has_role_over


def can_manage_assignments(user, conference) -> bool:
    """Add, edit, reorder and delete assignments, duties and milestones."""
    return can_manage_conference(user, conference)


def can_view_board(user, conference) -> bool:
    return has_role_over(user, conference.organiser, OFFICE_ROLES)


def can_view_unit_duties(user, unit) -> bool:
    """The agency page: its reporters and the office over it."""
    return has_role_over(user, unit, {Role.REPORTER, *OFFICE_ROLES})


def can_report_on_duty(user, duty) -> bool:
    """Change a duty's status: the agency's reporter or the office staff."""
    assignment = duty.assignment
    return has_role_over(user, assignment.unit, {Role.REPORTER}) or can_manage_assignments(
        user, assignment.conference
    )


def can_view_duty(user, duty) -> bool:
    assignment = duty.assignment
    return has_role_over(user, assignment.unit, {Role.REPORTER}) or can_view_board(
        user, assignment.conference
    )
