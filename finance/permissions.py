"""Who may do what with the budget and the fund: the organiser's staff draft the estimate,
record what was spent and keep the fund's book; its leaders approve or return the estimate;
the office (and its văn thư) reads them."""

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over

from . import workflow

READERS = OFFICE_ROLES | {Role.CLERK}


def can_view_budget(user, conference) -> bool:
    return has_role_over(user, conference.organiser, READERS)


def can_create_estimate(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_edit_estimate(user, estimate) -> bool:
    return workflow.is_editable(estimate) and has_role_over(
        user, estimate.conference.organiser, {Role.STAFF}
    )


def can_submit_estimate(user, estimate) -> bool:
    return can_edit_estimate(user, estimate)


def can_review_estimate(user, estimate) -> bool:
    return workflow.awaits_review(estimate) and has_role_over(
        user, estimate.conference.organiser, {Role.LEADER}
    )


def can_record_actual(user, estimate) -> bool:
    """What was spent is recorded once the Tờ trình has gone (sent or approved)."""
    return workflow.spending_recordable(estimate) and has_role_over(
        user, estimate.conference.organiser, {Role.STAFF}
    )


def can_view_fund(user, unit) -> bool:
    return has_role_over(user, unit, READERS)


def can_edit_fund(user, unit) -> bool:
    return has_role_over(user, unit, {Role.STAFF})
