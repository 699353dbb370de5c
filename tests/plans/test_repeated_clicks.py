"""A workflow button pressed twice (a double click, a second tab): the second press answers
with the plan's current state and a message, changes nothing, and is never a 403."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conferences.models import ActivityEntry, DocumentNumberRegister, PlanStatus, Role
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    commune = UnitFactory(name="Ủy ban nhân dân xã An Thịnh")
    return {
        "commune": commune,
        "conference": ConferenceFactory(organiser=commune, venue="Hội trường xã"),
        "staff": member(commune, Role.STAFF),
        "leader": member(commune, Role.LEADER),
        "council": member(commune, Role.COUNCIL),
    }


def _plan(office, status):
    return plan_for(office["conference"], status, staff=office["staff"], leader=office["leader"])


def _twice(client, url, data=None):
    """Two presses; the messages of the second (the first one's success is still queued, as
    the browser only follows the last answer)."""
    first = client.post(url, data or {})
    second = client.post(url, data or {})
    messages = [(m.level_tag, str(m)) for m in get_messages(second.wsgi_request)]
    assert [level for level, _ in messages[:-1]] == ["success"]
    return first, second, messages[-1:]


def test_issue_twice_redirects_with_a_message_and_keeps_one_number(client, office):
    plan = _plan(office, PlanStatus.APPROVED)
    client.force_login(office["staff"])
    url = reverse("plan_issue", args=[plan.pk])

    first, second, messages = _twice(client, url, {"issued_on": "2026-03-05"})

    plan.refresh_from_db()
    assert first.status_code == 302 and second.status_code == 302
    assert second.url == reverse("plan_detail", args=[plan.pk])
    assert plan.status == PlanStatus.ISSUED and plan.number == 1
    assert DocumentNumberRegister.objects.get().last_number == 1
    assert ActivityEntry.objects.filter(action="plan.issued").count() == 1
    assert plan.revisions.filter(event="issued").count() == 1
    [(level, text)] = messages
    assert level == "info"
    assert "“Đã ban hành”, số 1/KH-UBND ngày 05/03/2026" in text


def test_submit_twice_says_it_was_sent(client, office):
    plan = _plan(office, PlanStatus.DRAFT)
    client.force_login(office["staff"])

    _first, second, messages = _twice(client, reverse("plan_submit", args=[plan.pk]))

    assert second.status_code == 302
    assert plan.revisions.count() == 1
    assert messages == [
        ("info", "Kế hoạch đã ở trạng thái “Chờ duyệt”: thao tác này đã được thực hiện trước đó.")
    ]


def test_approve_twice_says_it_was_approved(client, office):
    plan = _plan(office, PlanStatus.PENDING_APPROVAL)
    client.force_login(office["leader"])

    _first, second, messages = _twice(client, reverse("plan_approve", args=[plan.pk]))

    assert second.status_code == 302
    assert ActivityEntry.objects.filter(action="plan.approved").count() == 1
    assert [level for level, _ in messages] == ["info"]


def test_amend_twice_opens_one_amendment(client, office):
    plan = _plan(office, PlanStatus.ISSUED)
    client.force_login(office["staff"])

    _first, second, messages = _twice(client, reverse("plan_amend", args=[plan.pk]))

    plan.refresh_from_db()
    assert second.status_code == 302 and plan.amendment == 1
    assert [level for level, _ in messages] == ["info"]


def test_issue_by_someone_who_could_not_issue_is_still_refused(client, office):
    plan = _plan(office, PlanStatus.ISSUED)
    client.force_login(office["council"])

    response = client.post(reverse("plan_issue", args=[plan.pk]), {"issued_on": "2026-03-05"})

    assert response.status_code == 403


def test_issue_of_a_draft_is_still_refused(client, office):
    plan = _plan(office, PlanStatus.DRAFT)
    client.force_login(office["staff"])

    response = client.post(reverse("plan_issue", args=[plan.pk]), {"issued_on": "2026-03-05"})

    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.number is None
