"""Nominations, rounds and decisions move only along their tables, through one function
each, and every move leaves its log row."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conferences.models import ActivityEntry
from core.errors import DomainError
from honorees import services
from honorees.models import AwardDecision, Nomination, NominationEvent, NominationRound
from honorees.workflow import (
    DECISION_TRANSITIONS,
    NOMINATION_TRANSITIONS,
    ROUND_TRANSITIONS,
    transition_decision,
    transition_nomination,
    transition_nominations,
    transition_round,
)
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory

S, R, D = Nomination.Status, NominationRound.State, AwardDecision.Status


def _pairs(table, values):
    moves = [(a, b) for a, targets in table.items() for b in sorted(targets)]
    return moves, [(a, b) for a in values for b in values if (a, b) not in moves]


NOMINATION_MOVES, NOMINATION_NOT = _pairs(NOMINATION_TRANSITIONS, S.values)
ROUND_MOVES, ROUND_NOT = _pairs(ROUND_TRANSITIONS, R.values)
DECISION_MOVES, DECISION_NOT = _pairs(DECISION_TRANSITIONS, D.values)


def _nomination(office, status):
    return NominationFactory(round=office["round"], unit=office["school"], status=status)


# --- Nominations -------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "to"), NOMINATION_MOVES)
def test_transition_nomination_makes_every_move_of_the_table(office, start, to):
    n = _nomination(office, start)

    transition_nomination(
        nomination=n, to=to, by=office["staff"], action="nomination.x", summary="Chuyển",
        comment="Lý do",
    )  # fmt: skip

    fresh = Nomination.objects.get(pk=n.pk)
    assert fresh.status == to
    event = NominationEvent.objects.get(nomination=n)
    assert (event.from_status, event.to_status, event.actor) == (start, to, office["staff"])
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.scope_unit, entry.conference) == (
        "nomination.x",
        office["commune"],
        office["conference"],
    )
    assert (fresh.submitted_at is not None) == (to == S.SUBMITTED)
    assert fresh.return_comment == ("Lý do" if to == S.RETURNED else "")


@pytest.mark.parametrize(("start", "to"), NOMINATION_NOT)
def test_transition_nomination_refuses_a_move_not_in_the_table(office, start, to):
    n = _nomination(office, start)

    with pytest.raises(DomainError, match="Không thể chuyển hồ sơ"):
        transition_nomination(
            nomination=n, to=to, by=office["staff"], action="nomination.x", summary="x"
        )

    assert Nomination.objects.get(pk=n.pk).status == start
    assert not NominationEvent.objects.exists() and not ActivityEntry.objects.exists()


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def test_transition_nominations_takes_the_same_queries_for_one_or_three(office):
    one = [_nomination(office, S.APPROVED)]
    three = [_nomination(office, S.APPROVED) for _ in range(3)]

    def award(batch):
        return lambda: transition_nominations(nominations=batch, to=S.AWARDED, by=office["leader"])

    assert _queries(award(one)) == _queries(award(three))
    assert set(Nomination.objects.values_list("status", flat=True)) == {S.AWARDED}
    assert NominationEvent.objects.filter(from_status=S.APPROVED, to_status=S.AWARDED).count() == 4
    assert all(n.status == S.AWARDED for n in three)  # the objects are kept in step


def test_transition_nominations_moves_none_when_one_may_not_move(office):
    ready = [_nomination(office, S.APPROVED) for _ in range(2)]
    rejected = _nomination(office, S.REJECTED)

    with pytest.raises(DomainError, match="Không thể chuyển hồ sơ"):
        transition_nominations(nominations=[*ready, rejected], to=S.AWARDED, by=office["leader"])

    assert list(Nomination.objects.order_by("pk").values_list("status", flat=True)) == [
        S.APPROVED,
        S.APPROVED,
        S.REJECTED,
    ]
    assert not NominationEvent.objects.exists()


def test_issue_decision_awards_its_list_with_one_event_each(office):
    listed = [_nomination(office, S.APPROVED) for _ in range(3)]
    decision = services.create_decision(
        round=office["round"], by=office["staff"], date=dt.date(2025, 8, 15), place="Thử",
        subject="Về việc khen thưởng", authority="CHỦ TỊCH", legal_bases="Căn cứ Luật",
        proposing_body="Văn phòng", signer_head_title="CHỦ TỊCH",
        signer_title="CHỦ TỊCH", signer_name="Phạm Văn Hùng",
    )  # fmt: skip

    services.approve_decision(decision=decision, by=office["leader"])
    assert Nomination.objects.filter(status=S.AWARDED).count() == 0
    services.issue_decision(decision=decision, by=office["clerk"])

    assert {n.status for n in Nomination.objects.filter(pk__in=[n.pk for n in listed])} == {
        S.AWARDED
    }
    assert NominationEvent.objects.filter(to_status=S.AWARDED).count() == 3
    assert ActivityEntry.objects.filter(action="decision.approved").count() == 1
    assert ActivityEntry.objects.filter(action="decision.issued").count() == 1


# --- Rounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "to"), ROUND_MOVES)
def test_transition_round_makes_every_move_of_the_table(office, start, to):
    round = RoundFactory(conference=office["conference"], state=start)
    deadline = timezone.now() + dt.timedelta(days=30)

    transition_round(
        round=round, to=to, by=office["staff"], action="round.x", summary="Chuyển",
        fields={"deadline": deadline},
    )  # fmt: skip

    fresh = NominationRound.objects.get(pk=round.pk)
    assert (fresh.state, fresh.deadline) == (to, deadline)
    assert ActivityEntry.objects.get().scope_unit == office["commune"]


@pytest.mark.parametrize(("start", "to"), ROUND_NOT)
def test_transition_round_refuses_a_move_not_in_the_table(office, start, to):
    round = RoundFactory(conference=office["conference"], state=start)
    deadline = round.deadline

    with pytest.raises(DomainError, match="Không thể chuyển đợt"):
        transition_round(
            round=round, to=to, by=office["staff"], action="round.x", summary="x",
            fields={"deadline": deadline + dt.timedelta(days=3)},
        )  # fmt: skip

    fresh = NominationRound.objects.get(pk=round.pk)
    assert (fresh.state, fresh.deadline) == (start, deadline)
    assert not ActivityEntry.objects.exists()


def test_change_round_state_to_an_unknown_state_is_a_clear_error(office):
    with pytest.raises(DomainError, match="Không thể chuyển đợt"):
        services.change_round_state(round=office["round"], by=office["staff"], state="mất")
    assert NominationRound.objects.get(pk=office["round"].pk).state == R.OPEN


# --- Decisions ---------------------------------------------------------------------------------

AT = dt.datetime(2025, 8, 15, 9, tzinfo=dt.UTC)
# What a decision in each state carries (the database holds: a number only when issued).
STATE_FIELDS = {
    D.DRAFT: {"number": None, "signed_at": None},
    D.APPROVED: {"number": None, "signed_at": AT},
    D.ISSUED: {"number": 3, "signed_at": AT, "issued_at": AT},
}


@pytest.mark.parametrize(("start", "to"), DECISION_MOVES)
def test_transition_decision_makes_every_move_of_the_table(office, start, to):
    decision = DecisionFactory(round=office["round"], status=start, **STATE_FIELDS[start])

    transition_decision(
        decision=decision, to=to, by=office["leader"], action="decision.x", summary="Chuyển",
        fields=STATE_FIELDS[to],
    )  # fmt: skip

    fresh = AwardDecision.objects.get(pk=decision.pk)
    assert (fresh.status, fresh.number) == (to, STATE_FIELDS[to]["number"])
    assert ActivityEntry.objects.get().action == "decision.x"


@pytest.mark.parametrize(("start", "to"), DECISION_NOT)
def test_transition_decision_refuses_a_move_not_in_the_table(office, start, to):
    decision = DecisionFactory(round=office["round"], status=start, **STATE_FIELDS[start])

    with pytest.raises(DomainError, match="đã được ban hành|Không thể chuyển quyết định"):
        transition_decision(
            decision=decision, to=to, by=office["leader"], action="decision.x", summary="x",
            fields={"number": 9},
        )  # fmt: skip

    fresh = AwardDecision.objects.get(pk=decision.pk)
    assert (fresh.status, fresh.number) == (start, STATE_FIELDS[start]["number"])
    assert not ActivityEntry.objects.exists()


# --- Pages show the buttons the predicates allow -----------------------------------------------

BUTTONS = {
    S.DRAFT: {"edit", "submit", "withdraw"},
    S.SUBMITTED: {"withdraw"},
    S.RETURNED: {"edit", "submit"},
    S.APPROVED: set(),
    S.WITHDRAWN: set(),
}


@pytest.mark.parametrize(("status", "buttons"), BUTTONS.items())
def test_unit_page_shows_the_buttons_the_table_allows(client, office, status, buttons):
    n = _nomination(office, status)
    client.force_login(office["submitter"])

    html = client.get(
        reverse("honorees:unit_round", kwargs={"pk": office["round"].pk, "unit_pk": n.unit_id})
    ).content.decode()

    shown = {
        name
        for name in ("edit", "submit", "withdraw")
        if reverse(f"honorees:nomination_{name}", args=[n.pk]) in html
    }
    assert shown == buttons
    assert ("Gửi lại" in html) == (status == S.RETURNED)


def test_closed_round_offers_reopening_and_no_closing(client, office):
    round = RoundFactory(conference=office["conference"], state=R.CLOSED)
    client.force_login(office["staff"])

    html = client.get(reverse("honorees:round_detail", args=[round.pk])).content.decode()

    assert "Mở lại" in html and "Khóa đợt" not in html


@pytest.mark.django_db
def test_a_withdrawn_nomination_is_restored_as_a_draft(client):
    from django.urls import reverse

    from conferences.models import Role
    from honorees import services
    from honorees.models import Nomination
    from tests.factories import member
    from tests.honorees.factories import NominationFactory

    nomination = NominationFactory(status=Nomination.Status.SUBMITTED)
    submitter = member(nomination.unit, Role.SUBMITTER)
    services.withdraw_nomination(nomination=nomination, by=submitter)
    client.force_login(submitter)
    page = client.get(
        reverse("honorees:unit_round", args=[nomination.round.pk, nomination.unit.pk])
    ).content.decode()
    assert f'data-testid="restore-{nomination.pk}"' in page

    client.post(reverse("honorees:nomination_restore", args=[nomination.pk]))

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DRAFT
    assert list(nomination.events.values_list("to_status", flat=True))[-1] == "draft"


@pytest.mark.django_db
def test_restore_refused_when_the_person_was_entered_again():
    from conferences.models import Role
    from core.errors import DomainError
    from honorees import services
    from honorees.models import Nomination
    from tests.factories import member
    from tests.honorees.factories import NominationFactory

    old = NominationFactory(status=Nomination.Status.WITHDRAWN, full_name="Lê Thị Mai")
    NominationFactory(round=old.round, unit=old.unit, full_name="Lê Thị Mai")
    with pytest.raises(DomainError, match="đã có hồ sơ khác"):
        services.restore_nomination(nomination=old, by=member(old.unit, Role.SUBMITTER))
    old.refresh_from_db()
    assert old.status == Nomination.Status.WITHDRAWN
