"""Who may do what with a conference's ceremony: the organiser's office staff prepare it;
its leaders (and the rest of the office) see it; the honour board is public."""

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over, memberships_of


def can_view_ceremony(user, conference) -> bool:
    return has_role_over(user, conference.organiser, OFFICE_ROLES)


def can_edit_ceremony(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def submitting_unit_ids(user) -> set[int]:
    """The units the user submits nominations for (their honourees' photos they may add)."""
    return {m.unit_id for m in memberships_of(user) if m.role == Role.SUBMITTER}


def can_open_honourees(user, conference) -> bool:
    """The list of honourees: the office, or a unit that submits (its own honourees only)."""
    return can_view_ceremony(user, conference) or bool(submitting_unit_ids(user))


def can_edit_profile(user, conference, line) -> bool:
    """An honouree's photo, lines and consent: the office's staff, or the unit that proposed
    the honouree (it usually holds the photo and asks for the consent)."""
    return can_edit_ceremony(user, conference) or (
        line.nomination.unit_id in submitting_unit_ids(user)
    )
