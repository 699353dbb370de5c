from .categories import CompositionRule, DelegateCategory, DelegateRound, TargetKind
from .delegates import Delegate, Gender, InvitationStatus, Sector, Source, Title
from .seats import SeatAllocation

__all__ = [
    "CompositionRule",
    "Delegate",
    "DelegateCategory",
    "DelegateRound",
    "Gender",
    "InvitationStatus",
    "SeatAllocation",
    "Sector",
    "Source",
    "TargetKind",
    "Title",
]
