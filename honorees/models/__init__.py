from .awards import AwardForm, BaseSalary, PrizeRule
from .decisions import AwardDecision, AwardLine, DocumentNumberRegister
from .nominations import CouncilVote, Nomination, NominationEvent
from .rounds import NominationRound, RoundQuota

__all__ = [
    "AwardDecision",
    "AwardForm",
    "AwardLine",
    "BaseSalary",
    "CouncilVote",
    "DocumentNumberRegister",
    "Nomination",
    "NominationEvent",
    "NominationRound",
    "PrizeRule",
    "RoundQuota",
]
