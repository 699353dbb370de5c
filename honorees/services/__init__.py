"""Writes for honorees. Each service is atomic, checks permission and state, writes, logs
through conferences.services.log_activity and lists its side effects."""

from .clearance import (
    answer_clearance,
    clearance_outbox,
    request_clearance,
    resolve_clearance,
)
from .council import (
    finalise_sitting,
    record_written_votes,
    save_sitting,
    set_award_limits,
)
from .decisions import (
    approve_decision,
    check_decision,
    create_decision,
    issue_decision,
    next_number,
    return_decision,
    update_decision,
)
from .eligibility import override_eligibility, record_nominee_flags, withdraw_override
from .imports import import_nominations
from .nominations import (
    create_nomination,
    restore_nomination,
    return_nomination,
    submit_new_nominations,
    submit_nomination,
    update_nomination,
    withdraw_nomination,
)
from .review import cast_vote, cast_votes, finalise_nomination, set_delegate_above
from .rounds import change_round_state, create_round, set_quota, set_quotas, update_round
from .verification import (
    count_verification,
    create_verification_codes,
    record_handover,
    reissue_certificate,
    revoke_awards,
    set_verification_publication,
)

__all__ = [
    "answer_clearance",
    "clearance_outbox",
    "approve_decision",
    "cast_vote",
    "cast_votes",
    "count_verification",
    "create_verification_codes",
    "record_handover",
    "reissue_certificate",
    "revoke_awards",
    "set_verification_publication",
    "change_round_state",
    "create_decision",
    "create_nomination",
    "create_round",
    "finalise_nomination",
    "finalise_sitting",
    "import_nominations",
    "issue_decision",
    "next_number",
    "override_eligibility",
    "withdraw_override",
    "record_nominee_flags",
    "request_clearance",
    "resolve_clearance",
    "record_written_votes",
    "restore_nomination",
    "check_decision",
    "return_decision",
    "return_nomination",
    "save_sitting",
    "set_award_limits",
    "set_delegate_above",
    "set_quota",
    "set_quotas",
    "submit_new_nominations",
    "submit_nomination",
    "update_decision",
    "update_nomination",
    "update_round",
    "withdraw_nomination",
]
