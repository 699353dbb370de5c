from .activity import ActivityEntry
from .conferences import Conference
from .plans import (
    DocumentNumberRegister,
    Plan,
    PlanComment,
    PlanRevision,
    PlanRevisionSeen,
    PlanSection,
    PlanStatus,
    SignerAuthority,
)
from .submissions import FormSubmission
from .units import Unit
from .users import Membership, Role, User

__all__ = [
    "ActivityEntry",
    "Conference",
    "DocumentNumberRegister",
    "FormSubmission",
    "Membership",
    "Plan",
    "PlanComment",
    "PlanRevision",
    "PlanRevisionSeen",
    "PlanSection",
    "PlanStatus",
    "Role",
    "SignerAuthority",
    "Unit",
    "User",
]
