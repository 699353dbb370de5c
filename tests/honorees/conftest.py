import pytest

from conferences.models import Role, Unit
from tests.factories import UnitFactory, member
from tests.honorees.factories import QuotaFactory, RoundFactory, sitting


@pytest.fixture
def office(cast):
    """The cast's office A (with its school and a village), its conference, a round and the
    school's quota; two council members, both present at the round's sitting."""
    commune, school, users = cast["office_a"], cast["school"], cast["users"]
    village = UnitFactory(parent=commune, name="Thôn Đông", kind="village")
    round = RoundFactory(conference=cast["conference_a"])
    council = [users["council"], member(commune, Role.COUNCIL)]
    return {
        "commune": commune,
        "school": school,
        "village": village,
        "conference": cast["conference_a"],
        "round": round,
        "quota": QuotaFactory(round=round, unit=school, max_individuals=3, max_collectives=1),
        "staff": users["staff"],
        "leader": users["leader"],
        "clerk": users["clerk"],
        "council": council,
        "sitting": sitting(round, council),
        "submitter": users["submitter"],
        "village_submitter": member(village, Role.SUBMITTER),
    }


@pytest.fixture
def agencies(cast, office):
    """Two agencies asked for their opinion (the cast's police, a tax office) and their
    reporters."""
    police = cast["agency"]
    tax = UnitFactory(parent=office["commune"], name="Chi cục Thuế", kind=Unit.Kind.AGENCY)
    return {
        "police": police,
        "tax": tax,
        "police_reporter": cast["users"]["reporter"],
        "tax_reporter": member(tax, Role.REPORTER),
    }
