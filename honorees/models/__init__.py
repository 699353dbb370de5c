from .awards import AwardForm, PrizeBase, PrizeRule
from .clearance import ClearanceAnswer, ClearanceRequest
from .council import CouncilResult, CouncilSitting, RoundAwardLimit
from .decisions import AwardDecision, AwardLine
from .eligibility import AwardCondition, EligibilityOverride
from .nominations import CouncilVote, Nomination, NominationEvent
from .rounds import NominationRound, RoundQuota
from .verification import Revocation, VerificationCode

__all__ = [
    "AwardCondition",
    "AwardDecision",
    "AwardForm",
    "AwardLine",
    "ClearanceAnswer",
    "ClearanceRequest",
    "CouncilResult",
    "CouncilSitting",
    "CouncilVote",
    "EligibilityOverride",
    "Nomination",
    "NominationEvent",
    "NominationRound",
    "PrizeBase",
    "PrizeRule",
    "RoundAwardLimit",
    "Revocation",
    "RoundQuota",
    "VerificationCode",
]
