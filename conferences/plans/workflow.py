"""The plan's states: the table of allowed moves and the one function that moves a plan.

draft -> pending_approval -> approved -> issued; pending_approval -> returned ->
pending_approval; approved -> pending_approval when its content changed after approval;
issued -> draft for an amendment. Permission predicates and the services read this table;
nothing else sets a plan's status."""

from __future__ import annotations

import copy
from typing import Any

from conferences.models import Plan, PlanStatus, User
from conferences.services import log_activity
from core.errors import DomainError

from . import selectors

S = PlanStatus
PLAN_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.PENDING_APPROVAL}),
    S.RETURNED: frozenset({S.PENDING_APPROVAL}),
    S.PENDING_APPROVAL: frozenset({S.APPROVED, S.RETURNED}),
    # An approved plan whose generated sections changed (delegates, assignments, the
    # conference's date) goes back to the leader before it can be issued.
    S.APPROVED: frozenset({S.ISSUED, S.PENDING_APPROVAL}),
    S.ISSUED: frozenset({S.DRAFT}),
}
# Staff edit a draft or a returned plan; sent, approved and issued plans are frozen.
EDITABLE = frozenset({S.DRAFT, S.RETURNED})


def plan_can_move(plan: Plan, to: str) -> bool:
    return to in PLAN_TRANSITIONS.get(plan.status, frozenset())


def plan_is_editable(plan: Plan) -> bool:
    return plan.status in EDITABLE


def awaits_approval(plan: Plan) -> bool:
    """Sent and not yet decided: a leader may approve it now."""
    return plan_can_move(plan, S.APPROVED)


def submission_problem(plan: Plan) -> str:
    """Why the plan cannot be sent for approval now ("" when it can). The send button and
    submit_plan both read this, so they never disagree."""
    if not plan_can_move(plan, S.PENDING_APPROVAL):
        return f"Kế hoạch đang ở trạng thái “{plan.get_status_display()}”, không gửi duyệt được."
    if not plan.sections.exists():
        return "Kế hoạch chưa có mục nào."
    if plan.status == S.APPROVED and not selectors.changed_since_approval(plan):
        return "Kế hoạch đã được duyệt và chưa thay đổi từ đó, không cần gửi duyệt lại."
    return ""


def transition_plan(
    *,
    plan: Plan,
    to: str,
    by: User,
    action: str,
    summary: str,
    fields: dict[str, Any] | None = None,
    changes: dict | None = None,
) -> Plan:
    """The one place a plan's status changes: check the move against PLAN_TRANSITIONS, set
    the status and `fields`, save those columns. Side effects: the plan row, a log row."""
    fields = dict(fields or {})
    if "status" in fields:
        raise TypeError("the status is set by `to`, not by `fields`")
    if not plan_can_move(plan, to):
        raise DomainError(
            f"Kế hoạch đang ở trạng thái “{plan.get_status_display()}”, không thể chuyển sang "
            f"“{dict(S.choices).get(to, to)}”."
        )
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.status = to
    plan.save(update_fields=["status", *fields, "updated_at"])
    log_activity(
        actor=by,
        action=action,
        summary=summary,
        target=plan,
        conference=plan.conference,
        changes=changes,
    )
    return plan


def plan_as_if(*, plan: Plan, status: str) -> Plan:
    """An unsaved copy of the plan in another state, to ask a predicate what a user could have
    done before a move that has happened meanwhile (a repeated click). Never saved."""
    copied = copy.copy(plan)
    copied.status = status
    return copied
