import pytest

from conferences.models import Role
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import QuotaFactory, RoundFactory


@pytest.fixture
def office(db):
    """A commune office with a school, its conference, a round and the school's quota."""
    commune = UnitFactory(name="Ủy ban nhân dân xã Thử")
    school = UnitFactory(parent=commune, name="Trường Tiểu học Thử", kind="school")
    village = UnitFactory(parent=commune, name="Thôn Đông", kind="village")
    conference = ConferenceFactory(organiser=commune)
    round = RoundFactory(conference=conference)
    return {
        "commune": commune,
        "school": school,
        "village": village,
        "conference": conference,
        "round": round,
        "quota": QuotaFactory(round=round, unit=school, max_individuals=3, max_collectives=1),
        "staff": member(commune, Role.STAFF),
        "leader": member(commune, Role.LEADER),
        "council": [member(commune, Role.COUNCIL), member(commune, Role.COUNCIL)],
        "submitter": member(school, Role.SUBMITTER),
        "village_submitter": member(village, Role.SUBMITTER),
    }
