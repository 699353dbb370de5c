"""Who may do what with a plan: plain predicates over the user's roles in its organiser and
the plan's state, read from the workflow's table (never from status strings). Views and
templates use these, nothing else decides."""

from conferences.models import PlanStatus, Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over
from conferences.review_chain import awaits_review, is_reviewer

from . import workflow


def can_view_plan(user, plan) -> bool:
    return has_role_over(user, plan.conference.organiser, OFFICE_ROLES)


def can_create_plan(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_edit_plan(user, plan) -> bool:
    """Staff edit a draft or a returned plan; sent, approved and issued plans are frozen."""
    return workflow.plan_is_editable(plan) and has_role_over(
        user, plan.conference.organiser, {Role.STAFF}
    )


def may_send_plan(user, plan) -> bool:
    """The role and the state part of sending for approval (a draft, a returned plan, or an
    approved one to send back); `can_submit_plan` adds what the plan must contain."""
    return workflow.plan_can_move(plan, PlanStatus.PENDING_APPROVAL) and has_role_over(
        user, plan.conference.organiser, {Role.STAFF}
    )


def can_submit_plan(user, plan) -> bool:
    """Exactly when submit_plan accepts: staff, a state that may go to the leader, and no
    problem (sections present; an approved plan only when its content changed since)."""
    return may_send_plan(user, plan) and not workflow.submission_problem(plan)


def can_review_plan(user, plan) -> bool:
    """Decide (approve or return): a leader of the organiser, while the plan waits for
    approval. Approving also needs the drafting office's check where there is one."""
    return workflow.awaits_approval(plan) and has_role_over(
        user, plan.conference.organiser, {Role.LEADER}
    )


def plan_awaits_check(plan) -> bool:
    """Sent, and the office drafting for the organiser has not checked it yet."""
    return workflow.awaits_approval(plan) and awaits_review(plan, plan.conference.organiser)


def can_approve_plan(user, plan) -> bool:
    return can_review_plan(user, plan) and not plan_awaits_check(plan)


def can_check_plan(user, plan) -> bool:
    """The leader of the drafting office checks the sent plan before the organiser's leader
    (conferences.review_chain)."""
    return (
        workflow.awaits_approval(plan)
        and plan.reviewed_at is None
        and is_reviewer(user, plan.conference.organiser)
    )


def can_return_plan(user, plan) -> bool:
    """The organiser's leader, or the checking office's leader before the check."""
    return can_review_plan(user, plan) or can_check_plan(user, plan)


def can_comment_plan(user, plan) -> bool:
    return workflow.awaits_approval(plan) and has_role_over(
        user, plan.conference.organiser, {Role.LEADER, Role.STAFF}
    )


def can_follow_review(user, plan) -> bool:
    """See what changed and the comments while the plan waits for approval."""
    return workflow.awaits_approval(plan) and can_view_plan(user, plan)


def can_issue_plan(user, plan) -> bool:
    return workflow.plan_can_move(plan, PlanStatus.ISSUED) and has_role_over(
        user, plan.conference.organiser, {Role.STAFF, Role.LEADER}
    )


def can_amend_plan(user, plan) -> bool:
    return workflow.plan_can_move(plan, PlanStatus.DRAFT) and has_role_over(
        user, plan.conference.organiser, {Role.STAFF}
    )
