"""Writes for honorees. Each service is atomic, checks permission and state, writes, logs
through conferences.services.log_activity and lists its side effects."""

from .decisions import (
    approve_decision,
    create_decision,
    issue_decision,
    next_number,
    return_decision,
    update_decision,
)
from .imports import import_nominations
from .nominations import (
    create_nomination,
    return_nomination,
    submit_new_nominations,
    submit_nomination,
    update_nomination,
    withdraw_nomination,
)
from .review import cast_vote, finalise_nomination, set_delegate_above
from .rounds import change_round_state, create_round, set_quota, update_round

__all__ = [
    "approve_decision",
    "cast_vote",
    "change_round_state",
    "create_decision",
    "create_nomination",
    "create_round",
    "finalise_nomination",
    "import_nominations",
    "issue_decision",
    "next_number",
    "return_decision",
    "return_nomination",
    "set_delegate_above",
    "set_quota",
    "submit_new_nominations",
    "submit_nomination",
    "update_decision",
    "update_nomination",
    "update_round",
    "withdraw_nomination",
]
