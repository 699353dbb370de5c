"""The plan's one transition function follows its table; the send button shows exactly when
submit_plan accepts."""

import datetime as dt

import pytest
from django.urls import reverse

from conferences.models import ActivityEntry, Plan, PlanStatus, Role
from conferences.plans import services
from conferences.plans.workflow import PLAN_TRANSITIONS, transition_plan
from core.errors import DomainError, PermissionDeniedError
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db

MOVES = [(a, b) for a, targets in PLAN_TRANSITIONS.items() for b in sorted(targets)]
NOT_MOVES = [(a, b) for a in PlanStatus.values for b in PlanStatus.values if (a, b) not in MOVES]
ISSUED = {"number": 7, "issued_on": dt.date(2026, 3, 2)}


def _plan(status: str) -> Plan:
    """A bare plan put in `status` directly (tests may; the apps may not)."""
    conference = ConferenceFactory(organiser=UnitFactory())
    extra = ISSUED if status == PlanStatus.ISSUED else {}
    return Plan.objects.create(
        conference=conference, issuing_body="UBND XÃ THỬ", place="Thử", subject="Kế hoạch thử",
        status=status, **extra,
    )  # fmt: skip


def test_plan_table_names_only_real_statuses():
    states = {s for pair in MOVES for s in pair}
    assert states <= set(PlanStatus.values)
    assert set(PLAN_TRANSITIONS) == set(PlanStatus.values)  # no state is a dead end


@pytest.mark.parametrize(("start", "to"), MOVES)
def test_transition_plan_makes_every_move_of_the_table(start, to):
    plan = _plan(start)
    staff = member(plan.conference.organiser, Role.STAFF)
    fields = ISSUED if to == PlanStatus.ISSUED else {}

    transition_plan(
        plan=plan, to=to, by=staff, action="plan.moved", summary="Chuyển", fields=fields
    )

    assert Plan.objects.get(pk=plan.pk).status == to
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.summary, entry.actor) == ("plan.moved", "Chuyển", staff)
    assert entry.scope_unit == plan.conference.organiser and entry.conference == plan.conference


@pytest.mark.parametrize(("start", "to"), NOT_MOVES)
def test_transition_plan_refuses_a_move_not_in_the_table(start, to):
    plan = _plan(start)
    staff = member(plan.conference.organiser, Role.STAFF)

    with pytest.raises(DomainError, match="không thể chuyển sang"):
        transition_plan(
            plan=plan, to=to, by=staff, action="plan.moved", summary="Chuyển", fields=ISSUED
        )

    fresh = Plan.objects.get(pk=plan.pk)
    assert fresh.status == start
    before = (7, dt.date(2026, 3, 2)) if start == PlanStatus.ISSUED else (None, None)
    assert (fresh.number, fresh.issued_on) == before
    assert not ActivityEntry.objects.exists()


def test_transition_plan_refuses_a_status_among_the_fields():
    plan = _plan(PlanStatus.DRAFT)
    with pytest.raises(TypeError):
        transition_plan(
            plan=plan, to=PlanStatus.PENDING_APPROVAL, by=None, action="plan.x", summary="x",
            fields={"status": PlanStatus.ISSUED},
        )  # fmt: skip
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT


# --- The send button and submit_plan read one rule -------------------------------------------


@pytest.fixture
def office():
    commune = UnitFactory(name="Ủy ban nhân dân xã Gửi Duyệt")
    return {
        "conference": ConferenceFactory(organiser=commune),
        "staff": member(commune, Role.STAFF),
        "leader": member(commune, Role.LEADER),
    }


def _change_after_approval(plan):
    conference = plan.conference
    conference.venue = "Nhà văn hóa thôn Trung"  # the venue section prints from here
    conference.save()


def _scenario(office, name: str) -> tuple[Plan, object]:
    """A plan and the user who looks at it, in the situation `name`."""
    staff, leader, conference = office["staff"], office["leader"], office["conference"]
    status = {
        "draft": PlanStatus.DRAFT,
        "draft_without_sections": PlanStatus.DRAFT,
        "returned": PlanStatus.RETURNED,
        "pending": PlanStatus.PENDING_APPROVAL,
        "approved_unchanged": PlanStatus.APPROVED,
        "approved_changed": PlanStatus.APPROVED,
        "issued": PlanStatus.ISSUED,
        "draft_seen_by_leader": PlanStatus.DRAFT,
    }[name]
    plan = plan_for(conference, status, staff=staff, leader=leader)
    if name == "draft_without_sections":
        plan.sections.all().delete()
    if name == "approved_changed":
        _change_after_approval(plan)
    return plan, leader if name == "draft_seen_by_leader" else staff


def _accepts(plan, user) -> bool:
    try:
        services.submit_plan(plan=plan, by=user)
    except (DomainError, PermissionDeniedError):
        return False
    return True


SCENARIOS = {
    "draft": True,
    "draft_without_sections": False,
    "returned": True,
    "pending": False,
    "approved_unchanged": False,
    "approved_changed": True,
    "issued": False,
    "draft_seen_by_leader": False,
}


@pytest.mark.parametrize(("name", "expected"), SCENARIOS.items())
def test_send_button_shows_exactly_when_submit_plan_accepts(client, office, name, expected):
    plan, user = _scenario(office, name)
    client.force_login(user)

    html = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    shown = 'data-testid="plan-submit"' in html

    assert shown == expected
    assert _accepts(plan, user) == expected
    expected_status = PlanStatus.PENDING_APPROVAL if expected else plan.status
    assert Plan.objects.get(pk=plan.pk).status == expected_status


def test_approved_plan_without_change_is_not_sent_back(office):
    plan, staff = _scenario(office, "approved_unchanged")

    with pytest.raises(DomainError, match="chưa thay đổi"):
        services.submit_plan(plan=plan, by=staff)

    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED
    assert plan.revisions.count() == 1  # no revision frozen for nothing
    assert ActivityEntry.objects.filter(action="plan.submitted").count() == 1


def test_approved_plan_changed_since_goes_back_with_a_new_revision(client, office):
    plan, staff = _scenario(office, "approved_changed")
    client.force_login(staff)

    response = client.post(reverse("plan_submit", args=[plan.pk]))

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL
    assert plan.revisions.count() == 2
