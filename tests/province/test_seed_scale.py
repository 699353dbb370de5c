"""`seed_scale` builds a small province through the project's models, with the rows the
services would make: every count asked for, and the rules the services keep."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from assignments.models import Duty
from conferences.models import ActivityEntry, Membership, Role, Unit, User
from delegates.models import Delegate, SeatAllocation
from honorees.models import CouncilVote, Nomination, NominationRound

pytestmark = pytest.mark.django_db

SMALL = [
    "--communes=4", "--units-per-commune=13", "--delegates=50", "--nominations=120",
    "--council=3", "--duties=12", "--prefix=TQM",
]  # fmt: skip


@pytest.fixture
def seeded(capsys):
    call_command("seed_scale", *SMALL)
    return capsys.readouterr().out


def test_seed_scale_builds_the_sizes_asked(seeded):
    province = Unit.objects.get(code="TQM")
    tree = Unit.objects.filter(path__startswith=province.path)
    assert tree.filter(kind="commune").count() == 4
    assert tree.count() == 1 + 10 + 4 * (1 + 13)  # the province, its agencies, communes, units
    assert Unit.objects.get_children(province).count() == 14 and province.numchild == 14
    assert ActivityEntry.objects.filter(action="unit.created").count() == tree.count()
    conference = province.conferences.get()
    assert conference.plan.status == "draft"
    assert Delegate.objects.filter(conference=conference).count() == 50
    assert NominationRound.objects.filter(conference=conference).count() == 3
    assert Nomination.objects.filter(round__conference=conference).count() == 120
    assert Duty.objects.filter(assignment__conference=conference).count() == 12
    # one conference with an issued plan per commune
    assert Unit.objects.filter(kind="commune", conferences__plan__status="issued").count() == 4
    assert f"4 xã, {tree.count()} đơn vị" in seeded and "50 đại biểu, 120 hồ sơ" in seeded
    assert "tqm-canbo" in seeded and "tqm-hoidong1..tqm-hoidong3" in seeded


def test_seed_scale_data_keeps_the_services_rules(seeded):
    conference = Unit.objects.get(code="TQM").conferences.get()
    # seats: never fewer than the delegates a unit sent
    used = dict(
        Delegate.objects.filter(conference=conference, unit__isnull=False)
        .values_list("unit_id")
        .annotate(n=Count("id"))
    )
    seats = dict(
        SeatAllocation.objects.filter(category__conference=conference).values_list(
            "unit_id", "seats"
        )
    )
    assert used and all(seats[unit] >= n for unit, n in used.items())
    # sent nominations have their time and event; drafts have neither
    sent = Nomination.objects.exclude(status="draft").filter(round__conference=conference)
    assert not sent.filter(submitted_at__isnull=True).exists()
    assert not sent.annotate(n=Count("events")).filter(n=0).exists()
    # every council member voted once on every dossier under review in the closed round
    closed = NominationRound.objects.get(conference=conference, state="closed")
    review = closed.nominations.filter(status="submitted").count()
    assert review > 0
    assert CouncilVote.objects.count() == 3 * review
    members = Membership.objects.filter(role=Role.COUNCIL, unit__code="TQM").count()
    assert members == 3
    # logins work with the password printed
    assert User.objects.get(username="tqm-hoidong1").check_password("thidua2025")


def test_seed_scale_refuses_a_prefix_in_use(seeded):
    with pytest.raises(CommandError, match="Đã có đơn vị mang mã TQM"):
        call_command("seed_scale", *SMALL)
