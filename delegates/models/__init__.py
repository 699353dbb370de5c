from .categories import CompositionRule, DelegateCategory, DelegateRound, TargetKind
from .delegates import Delegate, Gender, InvitationStatus, Sector, Source, Title
from .seating import AisleSide, HallBlock, Seat, SeatingPlan
from .seats import SeatAllocation

__all__ = [
    "AisleSide",
    "HallBlock",
    "Seat",
    "SeatingPlan",
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
