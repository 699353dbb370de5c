"""Who may do what with a plan: plain predicates over the plan's state and the user's roles in
its organiser. Views and templates use these, nothing else decides."""

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over

PLAN_EDITABLE = ("draft", "returned")


def can_view_plan(user, plan) -> bool:
    return has_role_over(user, plan.conference.organiser, OFFICE_ROLES)


def can_create_plan(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_edit_plan(user, plan) -> bool:
    """Staff edit a draft or a returned plan; sent, approved and issued plans are frozen."""
    return plan.status in PLAN_EDITABLE and has_role_over(
        user, plan.conference.organiser, {Role.STAFF}
    )


def can_submit_plan(user, plan) -> bool:
    return can_edit_plan(user, plan) and plan.sections.exists()


def can_review_plan(user, plan) -> bool:
    """Approve or return: a leader of the organiser, while the plan waits for approval."""
    return plan.status == "pending_approval" and has_role_over(
        user, plan.conference.organiser, {Role.LEADER}
    )


def can_comment_plan(user, plan) -> bool:
    return plan.status == "pending_approval" and has_role_over(
        user, plan.conference.organiser, {Role.LEADER, Role.STAFF}
    )


def can_issue_plan(user, plan) -> bool:
    return plan.status == "approved" and has_role_over(
        user, plan.conference.organiser, {Role.STAFF, Role.LEADER}
    )


def can_resubmit_plan(user, plan) -> bool:
    """Send an approved plan back to the leader when its content changed after approval."""
    return plan.status == "approved" and has_role_over(
        user, plan.conference.organiser, {Role.STAFF}
    )


def can_amend_plan(user, plan) -> bool:
    return plan.status == "issued" and has_role_over(user, plan.conference.organiser, {Role.STAFF})
