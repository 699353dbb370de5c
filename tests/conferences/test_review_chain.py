"""The approval chain per organiser (conferences.review_chain): an office drafting for the
UBND tỉnh works as its staff, and its head checks the plan and the award decision before
the UBND's leader decides."""

import pytest
from django.core import mail
from django.urls import reverse

from conferences.models import ActivityEntry, Conference, PlanStatus, Role, Unit
from conferences.permissions import memberships_of
from conferences.plans import permissions as plan_perms
from conferences.plans import services as plan_services
from conferences.services import set_drafting_for
from core.errors import DomainError, PermissionDeniedError
from honorees import permissions as honoree_perms
from honorees.models import AwardDecision
from honorees.services.decisions import (
    approve_decision,
    check_decision,
    return_decision,
    update_decision,
)
from tests.factories import ConferenceFactory, UnitFactory, UserFactory, member
from tests.honorees.factories import DecisionFactory, RoundFactory
from tests.plans.factories import plan_for


@pytest.fixture
def province(db):
    """UBND tỉnh with its leader and staff, the Sở Nội vụ and its Ban TĐKT (head and
    specialist), a commune below, and a conference of the province."""
    ubnd = UnitFactory(name="Ủy ban nhân dân tỉnh Thử", kind=Unit.Kind.PROVINCE)
    so = UnitFactory(parent=ubnd, name="Sở Nội vụ tỉnh Thử", kind=Unit.Kind.OFFICE)
    ban = UnitFactory(parent=so, name="Ban Thi đua - Khen thưởng", kind=Unit.Kind.OFFICE)
    world = {
        "ubnd": ubnd,
        "so": so,
        "ban": ban,
        "commune": UnitFactory(parent=ubnd, name="Ủy ban nhân dân xã Một"),
        "leader": member(ubnd, Role.LEADER, username="chutich", full_name="Lê Văn Chủ"),
        "staff": member(ubnd, Role.STAFF, username="vanphong"),
        "head": member(ban, Role.LEADER, username="truongban", full_name="Trần Văn Trưởng"),
        "specialist": member(ban, Role.STAFF, username="chuyenvien"),
        "conference": ConferenceFactory(organiser=ubnd, title="Hội nghị điển hình tiên tiến tỉnh"),
    }
    return world


@pytest.fixture
def chain(province):
    """The Ban TĐKT drafts for the UBND tỉnh, set by the province's staff."""
    set_drafting_for(unit=province["ban"], organiser=province["ubnd"], by=province["staff"])
    for key in ("head", "specialist", "leader", "staff"):
        province[key].refresh_from_db()  # forget the memberships read before
    return province


def _fresh(user):
    user.__dict__.pop("_membership_cache", None)
    return user


# --- who works as the organiser's staff -----------------------------------------------------------
def test_drafting_office_staff_see_the_organisers_conference_only_once_attached(province, client):
    url = reverse("conference_detail", args=[province["conference"].pk])
    client.force_login(province["specialist"])
    assert client.get(url).status_code == 404
    set_drafting_for(unit=province["ban"], organiser=province["ubnd"], by=province["staff"])
    assert client.get(url).status_code == 200
    plan = plan_for(province["conference"], staff=province["staff"], leader=province["leader"])
    assert plan_perms.can_edit_plan(_fresh(province["specialist"]), plan)
    # One query for the memberships, the organiser included (select_related).
    user = _fresh(province["specialist"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        roles = {(m.unit.name, m.role) for m in memberships_of(user)}
    assert len(queries) == 1
    assert roles == {
        ("Ban Thi đua - Khen thưởng", Role.STAFF),
        ("Ủy ban nhân dân tỉnh Thử", Role.STAFF),
    }


def test_only_who_manages_the_organiser_may_attach_an_office_to_it(province):
    # The Ban's own staff manage the Ban, not the UBND: they cannot give themselves its rights.
    ban_staff = member(province["ban"], Role.STAFF)
    with pytest.raises(PermissionDeniedError):
        set_drafting_for(unit=province["ban"], organiser=province["ubnd"], by=ban_staff)
    # An organiser that is not above the office is refused.
    other = UnitFactory(name="Ủy ban nhân dân tỉnh Khác", kind=Unit.Kind.PROVINCE)
    boss = member(other, Role.STAFF)
    with pytest.raises((DomainError, PermissionDeniedError)):
        set_drafting_for(unit=province["ban"], organiser=other, by=boss)
    with pytest.raises(DomainError, match="Chỉ tham mưu được cho Ủy ban nhân dân cấp trên"):
        set_drafting_for(unit=province["ban"], organiser=other, by=UserFactory(is_superuser=True))
    # An organiser does not draft for another.
    with pytest.raises(DomainError, match="không tham mưu"):
        set_drafting_for(unit=province["commune"], organiser=province["ubnd"], by=province["staff"])
    assert Unit.objects.get(pk=province["ban"].pk).drafting_for is None


def test_attaching_is_logged_in_words_and_shown_on_the_units_page(province, client):
    client.force_login(province["staff"])
    page = client.get(reverse("unit_detail", args=[province["ban"].pk]))
    assert 'data-testid="drafting-form"' in page.content.decode()
    response = client.post(
        reverse("unit_drafting_for", args=[province["ban"].pk]),
        {"organiser": province["ubnd"].pk},
    )
    assert response.status_code == 302
    assert Unit.objects.get(pk=province["ban"].pk).drafting_for == province["ubnd"]
    entry = ActivityEntry.objects.get(action="unit.drafting_for")
    assert entry.summary.startswith(
        "Ban Thi đua - Khen thưởng tham mưu cho Ủy ban nhân dân tỉnh Thử"
    )
    page = client.get(reverse("unit_detail", args=[province["ban"].pk])).content.decode()
    assert 'data-testid="drafting-for"' in page
    # Detaching takes the rights back.
    client.post(reverse("unit_drafting_for", args=[province["ban"].pk]), {"organiser": ""})
    assert Unit.objects.get(pk=province["ban"].pk).drafting_for is None
    client.logout()
    client.force_login(province["specialist"])
    assert (
        client.get(reverse("conference_detail", args=[province["conference"].pk])).status_code
        == 404
    )


# --- the plan ------------------------------------------------------------------------------------
def test_plan_passes_the_head_of_the_drafting_office_before_the_leader(
    chain, client, django_capture_on_commit_callbacks
):
    plan = plan_for(chain["conference"], staff=chain["specialist"], leader=chain["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.submit_plan(plan=plan, by=_fresh(chain["specialist"]))
    # The head is told first, not the UBND's leader.
    assert [m.to for m in mail.outbox] == [[chain["head"].email]]
    assert "kiểm tra" in mail.outbox[0].subject
    assert "http" in mail.outbox[0].body and f"/ke-hoach/{plan.pk}/duyet/" in mail.outbox[0].body
    plan.refresh_from_db()
    leader = _fresh(chain["leader"])
    assert plan_perms.can_review_plan(leader, plan) and not plan_perms.can_approve_plan(
        leader, plan
    )
    with pytest.raises(DomainError, match="chưa được Ban Thi đua - Khen thưởng kiểm tra"):
        plan_services.approve_plan(plan=plan, by=leader)

    # The leader's review page says what it waits for and offers no approval yet.
    client.force_login(chain["leader"])
    page = client.get(reverse("plan_review", args=[plan.pk])).content.decode()
    assert "Chờ cơ quan tham mưu kiểm tra" in page
    assert 'data-testid="plan-approve"' not in page
    client.logout()

    # The head checks it, with a note, from the review page.
    client.force_login(chain["head"])
    page = client.get(reverse("plan_review", args=[plan.pk])).content.decode()
    assert 'data-testid="plan-check"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("plan_check", args=[plan.pk]), {"comment": "Đã rà soát thể thức."}
        )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.reviewed_by == chain["head"] and plan.reviewed_at is not None
    assert plan.status == PlanStatus.PENDING_APPROVAL
    assert plan.comments.filter(text="Đã rà soát thể thức.").exists()
    assert [m.to for m in mail.outbox] == [[chain["leader"].email]]
    assert ActivityEntry.objects.filter(action="plan.reviewed", actor=chain["head"]).exists()
    client.logout()

    # Now the leader approves.
    client.force_login(chain["leader"])
    page = client.get(reverse("plan_review", args=[plan.pk])).content.decode()
    assert "Đã kiểm tra: Trần Văn Trưởng" in page
    client.post(reverse("plan_approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


def test_the_head_may_return_the_plan_and_a_resent_plan_is_checked_again(chain):
    plan = plan_for(chain["conference"], staff=chain["specialist"], leader=chain["leader"])
    plan_services.submit_plan(plan=plan, by=_fresh(chain["specialist"]))
    plan_services.check_plan(plan=plan, by=_fresh(chain["head"]))
    plan.refresh_from_db()
    assert plan.reviewed_at is not None
    # A second check is refused: it has been checked.
    assert not plan_perms.can_check_plan(_fresh(chain["head"]), plan)
    plan_services.return_plan(plan=plan, by=_fresh(chain["leader"]), comment="Sửa mục III")
    plan_services.submit_plan(plan=plan, by=_fresh(chain["specialist"]))
    plan.refresh_from_db()
    assert plan.reviewed_at is None and plan.reviewed_by is None
    # Before checking, the head may send it back with the reason.
    plan_services.return_plan(plan=plan, by=_fresh(chain["head"]), comment="Thiếu phân công")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED


def test_an_organiser_without_a_drafting_office_keeps_one_step(province):
    plan = plan_for(province["conference"], staff=province["staff"], leader=province["leader"])
    plan_services.submit_plan(plan=plan, by=province["staff"])
    plan.refresh_from_db()
    assert not plan_perms.plan_awaits_check(plan)
    plan_services.approve_plan(plan=plan, by=province["leader"])
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    assert not plan_perms.can_check_plan(_fresh(province["head"]), plan)


def test_a_head_without_an_account_does_not_block_the_leader(chain):
    chain["head"].is_active = False
    chain["head"].save()
    plan = plan_for(chain["conference"], staff=chain["specialist"], leader=chain["leader"])
    plan_services.submit_plan(plan=plan, by=_fresh(chain["specialist"]))
    plan.refresh_from_db()
    plan_services.approve_plan(plan=plan, by=_fresh(chain["leader"]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


# --- the award decision ----------------------------------------------------------------------------
@pytest.fixture
def decision(chain):
    round = RoundFactory(conference=chain["conference"])
    return DecisionFactory(round=round)


def test_decision_is_checked_before_the_leader_signs(chain, decision, client):
    leader, head = _fresh(chain["leader"]), _fresh(chain["head"])
    assert honoree_perms.decision_awaits_check(decision)
    assert not honoree_perms.can_approve_decision(leader, decision)
    with pytest.raises(DomainError, match="chưa được Ban Thi đua - Khen thưởng kiểm tra"):
        approve_decision(decision=decision, by=leader)

    client.force_login(chain["head"])
    page = client.get(reverse("honorees:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="decision-check"' in page
    client.post(reverse("honorees:decision_check", args=[decision.pk]))
    decision.refresh_from_db()
    assert decision.reviewed_by == chain["head"]
    # A second click is told it was done.
    response = client.post(reverse("honorees:decision_check", args=[decision.pk]), follow=True)
    assert "đã được kiểm tra trước đó" in response.content.decode()
    client.logout()

    approve_decision(decision=decision, by=_fresh(leader))
    decision.refresh_from_db()
    assert decision.status == AwardDecision.Status.APPROVED
    assert not honoree_perms.can_check_decision(_fresh(head), decision)


def test_editing_or_returning_a_checked_draft_asks_for_a_new_check(chain, decision):
    check_decision(decision=decision, by=_fresh(chain["head"]))
    decision.refresh_from_db()
    update_decision(decision=decision, by=_fresh(chain["specialist"]), place="Thành phố Thử")
    decision.refresh_from_db()
    assert decision.reviewed_at is None
    check_decision(decision=decision, by=_fresh(chain["head"]))
    decision.refresh_from_db()
    return_decision(decision=decision, by=_fresh(chain["leader"]), reason="Sửa căn cứ")
    decision.refresh_from_db()
    assert decision.reviewed_at is None and decision.return_reason == "Sửa căn cứ"


# --- home pages -------------------------------------------------------------------------------------
def test_home_lists_for_the_head_what_to_check_and_for_the_leader_only_what_was_checked(
    chain, decision, client
):
    plan = plan_for(chain["conference"], staff=chain["specialist"], leader=chain["leader"])
    plan_services.submit_plan(plan=plan, by=_fresh(chain["specialist"]))
    client.force_login(chain["head"])
    page = client.get(reverse("home")).content.decode()
    assert page.count("Chờ kiểm tra") == 2  # the plan and the draft decision
    client.logout()
    client.force_login(chain["leader"])
    page = client.get(reverse("home")).content.decode()
    # Not yet the leader's turn: neither is listed.
    assert f'href="{reverse("plan_review", args=[plan.pk])}"' not in page
    assert f'href="{reverse("honorees:decision_detail", args=[decision.pk])}"' not in page
    plan_services.check_plan(plan=plan, by=_fresh(chain["head"]))
    check_decision(decision=decision, by=_fresh(chain["head"]))
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("plan_review", args=[plan.pk])}"' in page
    assert f'href="{reverse("honorees:decision_detail", args=[decision.pk])}"' in page


def test_conference_of_the_commune_is_not_checked_by_the_provinces_office(chain):
    """The Ban checks for the UBND tỉnh only: a commune's plan goes straight to its leader."""
    commune_conf = Conference.objects.create(
        organiser=chain["commune"],
        kind=Conference.Kind.EXEMPLAR_FIVE_YEAR,
        title="Hội nghị xã Một",
        start_year=2025,
        end_year=2030,
    )
    plan = plan_for(commune_conf)
    plan_services.submit_plan(plan=plan, by=member(chain["commune"], Role.STAFF))
    plan.refresh_from_db()
    assert not plan_perms.plan_awaits_check(plan)
    assert not plan_perms.can_check_plan(_fresh(chain["head"]), plan)
