"""A plan in a given state, made through the services so it is what users would have."""

import datetime as dt

from conferences.models import Plan, PlanStatus, Role
from conferences.plans import services
from tests.factories import member


def plan_for(conference, status: str = PlanStatus.DRAFT, staff=None, leader=None) -> Plan:
    """The conference's plan (from its kind's template), moved on to `status`."""
    staff = staff or member(conference.organiser, Role.STAFF)
    plan = Plan.objects.filter(conference=conference).first() or services.create_plan(
        conference=conference, by=staff
    )
    if plan.status == status:
        return plan
    leader = leader or member(conference.organiser, Role.LEADER)
    steps = {
        PlanStatus.PENDING_APPROVAL: [services.submit_plan],
        PlanStatus.RETURNED: [services.submit_plan, services.return_plan],
        PlanStatus.APPROVED: [services.submit_plan, services.approve_plan],
        PlanStatus.ISSUED: [services.submit_plan, services.approve_plan, services.issue_plan],
    }[status]
    for step in steps:
        by = staff if step in (services.submit_plan, services.issue_plan) else leader
        extra = {"issued_on": dt.date(2026, 3, 2)} if step is services.issue_plan else {}
        step(plan=plan, by=by, **extra)
    plan.refresh_from_db()
    return plan
