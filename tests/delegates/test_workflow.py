"""A delegate's invitation status moves only along its table, one at a time or in bulk."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conferences.models import ActivityEntry
from core.errors import DomainError
from delegates import services
from delegates.models import Delegate, InvitationStatus
from delegates.workflow import (
    INVITATION_TRANSITIONS,
    invitation_choices,
    transition_invitation,
    transition_invitations,
)
from tests.delegates.factories import DelegateFactory

S = InvitationStatus
MOVES = [(a, b) for a, targets in INVITATION_TRANSITIONS.items() for b in sorted(targets)]
NOT_MOVES = [(a, b) for a in S.values for b in S.values if (a, b) not in MOVES]


def _delegate(setup, status):
    return DelegateFactory(category=setup["category"], invitation_status=status)


@pytest.mark.parametrize(("start", "to"), MOVES)
def test_transition_invitation_makes_every_move_of_the_table(setup, start, to):
    delegate = _delegate(setup, start)

    transition_invitation(
        delegate=delegate, to=to, by=setup["staff"], action="delegate.x", summary="Đổi"
    )

    assert Delegate.objects.get(pk=delegate.pk).invitation_status == to
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.scope_unit, entry.actor) == (
        "delegate.x",
        setup["office"],
        setup["staff"],
    )


@pytest.mark.parametrize(("start", "to"), NOT_MOVES)
def test_transition_invitation_refuses_a_move_not_in_the_table(setup, start, to):
    delegate = _delegate(setup, start)

    with pytest.raises(DomainError, match="Không thể chuyển"):
        transition_invitation(
            delegate=delegate, to=to, by=setup["staff"], action="delegate.x", summary="x"
        )

    assert Delegate.objects.get(pk=delegate.pk).invitation_status == start
    assert not ActivityEntry.objects.exists()


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def test_transition_invitations_takes_the_same_queries_for_one_or_three(setup):
    one = [_delegate(setup, S.TO_INVITE)]
    three = [_delegate(setup, S.TO_INVITE) for _ in range(3)]

    def invite(batch):
        return lambda: transition_invitations(
            delegates=batch, to=S.INVITED, by=setup["staff"], conference=setup["conference"],
            action="delegate.invited", summary=f"Đánh dấu đã mời {len(batch)} đại biểu",
            target=setup["conference"],
        )  # fmt: skip

    invite([_delegate(setup, S.TO_INVITE)])()  # loads what is cached (the log's content type)

    assert _queries(invite(one)) == _queries(invite(three))
    assert set(Delegate.objects.values_list("invitation_status", flat=True)) == {S.INVITED}
    assert ActivityEntry.objects.filter(action="delegate.invited").count() == 3  # one a batch


def test_transition_invitations_moves_none_when_one_may_not_move(setup):
    waiting = [_delegate(setup, S.TO_INVITE) for _ in range(2)]
    invited = _delegate(setup, S.INVITED)

    with pytest.raises(DomainError, match="Không thể chuyển"):
        transition_invitations(
            delegates=[*waiting, invited], to=S.INVITED, by=setup["staff"],
            conference=setup["conference"], action="delegate.invited", summary="x",
            target=setup["conference"],
        )  # fmt: skip

    statuses = Delegate.objects.order_by("pk").values_list("invitation_status", flat=True)
    assert list(statuses) == [S.TO_INVITE, S.TO_INVITE, S.INVITED]
    assert not ActivityEntry.objects.exists()


def test_mark_invited_moves_only_those_not_yet_invited(setup):
    waiting, confirmed = _delegate(setup, S.TO_INVITE), _delegate(setup, S.CONFIRMED)

    changed = services.mark_invited(
        conference=setup["conference"], delegates=[waiting, confirmed], by=setup["staff"]
    )

    assert changed == 1
    assert Delegate.objects.get(pk=waiting.pk).invitation_status == S.INVITED
    assert Delegate.objects.get(pk=confirmed.pk).invitation_status == S.CONFIRMED
    assert ActivityEntry.objects.get().summary == "Đánh dấu đã mời 1 đại biểu"


def test_register_select_offers_the_current_status_and_its_moves(setup):
    choices = invitation_choices(_delegate(setup, S.TO_INVITE))
    assert [(v, selected) for v, _, selected in choices] == [
        (S.TO_INVITE, True),
        (S.INVITED, False),
        (S.DECLINED, False),
    ]
