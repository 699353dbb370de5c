"""Who may do what with a conference's ceremony: the organiser's office staff prepare it;
its leaders (and the rest of the office) see it; the honour board is public."""

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over


def can_view_ceremony(user, conference) -> bool:
    return has_role_over(user, conference.organiser, OFFICE_ROLES)


def can_edit_ceremony(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})
