"""The plan's pages run as many queries with three sections, comments or revisions as with one;
so does the leaders' list of plans waiting for approval on the home page."""

import pytest
from django.urls import reverse

from conferences.models import Plan, PlanStatus
from conferences.plans import services
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db


def _plan(c, status):
    if "plan" not in c:
        users = c["users"]
        c["plan"] = plan_for(
            c["conference_a"], status, staff=users["staff"], leader=users["leader"]
        )
    return Plan.objects.get(pk=c["plan"].pk)


def _plan_url(name, status):
    return lambda c: reverse(name, args=[_plan(c, status).pk])


def _add_section(c, i):
    heading = f"Mục bổ sung số {i}"
    plan = _plan(c, PlanStatus.DRAFT)
    services.add_section(plan=plan, by=c["users"]["staff"], kind="text", heading=heading)
    return heading


def _add_comment(status):
    def add(c, i):
        text = f"Đề nghị sửa ý thứ {i}"
        plan = _plan(c, status)
        plan.comments.create(revision=plan.revisions.last(), author=c["users"]["leader"], text=text)
        return text

    return add


def _add_revision(c, i):
    """One more round of sending and returning: one more revision in the plan's history."""
    users = c["users"]
    plan = _plan(c, PlanStatus.RETURNED)
    if i:
        services.submit_plan(plan=plan, by=users["staff"])
        services.return_plan(plan=Plan.objects.get(pk=plan.pk), by=users["leader"])
    return f"Phiên bản {plan.revisions.count()}"


def _add_waiting_plan(c, i):
    title = f"Hội nghị chờ duyệt số {i}"
    conference = ConferenceFactory(organiser=c["office_a"], title=title)
    plan_for(conference, PlanStatus.PENDING_APPROVAL, staff=c["users"]["staff"])
    return title


PAGES = [
    pytest.param(
        "staff", _plan_url("plan_detail", PlanStatus.DRAFT), _add_section, id="detail_sections"
    ),
    pytest.param(
        "staff",
        _plan_url("plan_detail", PlanStatus.RETURNED),
        _add_comment(PlanStatus.RETURNED),
        id="detail_comments",
    ),
    pytest.param(
        "staff",
        _plan_url("plan_detail", PlanStatus.RETURNED),
        _add_revision,
        id="detail_revisions",
    ),
    pytest.param(
        "leader",
        _plan_url("plan_review", PlanStatus.PENDING_APPROVAL),
        _add_comment(PlanStatus.PENDING_APPROVAL),
        id="review_comments",
    ),
    pytest.param("leader", lambda c: reverse("home"), _add_waiting_plan, id="home_to_approve"),
]


@pytest.mark.parametrize(("persona", "url", "add"), PAGES)
def test_plan_page_queries_do_not_grow(client, cast, persona, url, add):
    client.force_login(cast["users"][persona])
    assert_queries_constant(client, lambda: url(cast), lambda i: add(cast, i))
