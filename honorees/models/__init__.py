from .awards import AwardForm, BaseSalary, PrizeRule
from .council import CouncilResult, CouncilSitting, RoundAwardLimit
from .decisions import AwardDecision, AwardLine
from .eligibility import EligibilityOverride
from .nominations import CouncilVote, Nomination, NominationEvent
from .rounds import NominationRound, RoundQuota

__all__ = [
    "AwardDecision",
    "AwardForm",
    "AwardLine",
    "BaseSalary",
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
