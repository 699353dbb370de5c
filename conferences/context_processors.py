from . import permissions


def navigation(request):
    """Booleans the menu needs; the same predicates the views check."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_is_office": permissions.is_office_user(user),
        "nav_can_view_activity": permissions.can_view_activity(user),
        "nav_roles": sorted({m.get_role_display() for m in permissions.memberships_of(user)}),
    }
