from .activity import ActivityEntry
from .conferences import Conference
from .units import Unit
from .users import Membership, Role, User

__all__ = ["ActivityEntry", "Conference", "Membership", "Role", "Unit", "User"]
