from conferences.plans.models import (
    Plan,
    PlanComment,
    PlanRevision,
    PlanRevisionSeen,
    PlanSection,
    PlanStatus,
)

from .activity import ActivityEntry
from .conferences import Conference
from .numbering import DocumentNumberRegister
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
    "Unit",
    "User",
]
