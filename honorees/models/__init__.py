from .awards import AwardForm, BaseSalary, PrizeRule
from .clearance import ClearanceAnswer, ClearanceRequest
from .council import CouncilResult, CouncilSitting, RoundAwardLimit
from .decisions import AwardDecision, AwardLine
from .eligibility import AwardCondition, EligibilityOverride
from .nominations import CouncilVote, Nomination, NominationEvent
from .rounds import NominationRound, RoundQuota

__all__ = [
    "AwardCondition",
    "AwardDecision",
    "AwardForm",
    "AwardLine",
    "BaseSalary",
    "ClearanceAnswer",
    "ClearanceRequest",
    "CouncilResult",
    "CouncilSitting",
    "CouncilVote",
    "EligibilityOverride",
    "Nomination",
    "NominationEvent",
    "NominationRound",
    "PrizeRule",
    "RoundAwardLimit",
    "RoundQuota",
]
