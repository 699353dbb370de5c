from .awards import AwardForm, PrizeBase, PrizeRule
from .decisions import AwardDecision, AwardLine
from .eligibility import EligibilityOverride
from .nominations import CouncilVote, Nomination, NominationEvent
from .rounds import NominationRound, RoundQuota

__all__ = [
    "AwardDecision",
    "AwardForm",
    "AwardLine",
    "CouncilVote",
    "EligibilityOverride",
    "Nomination",
    "NominationEvent",
    "NominationRound",
    "PrizeBase",
    "PrizeRule",
    "RoundQuota",
]
