import pytest

from conferences.models import Role, Unit
from tests.delegates.factories import AllocationFactory, CategoryFactory
from tests.factories import ConferenceFactory, UnitFactory, member


@pytest.fixture
def setup(db):
    """A commune with two schools, a conference, one category with 2 seats for school A."""
    office = UnitFactory(name="Ủy ban nhân dân xã Thử")
    school_a = UnitFactory(parent=office, name="Trường A", kind=Unit.Kind.SCHOOL)
    school_b = UnitFactory(parent=office, name="Trường B", kind=Unit.Kind.SCHOOL)
    conference = ConferenceFactory(organiser=office)
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở", target_min=130)
    allocation = AllocationFactory(category=category, unit=school_a, seats=2)
    return {
        "office": office,
        "school_a": school_a,
        "school_b": school_b,
        "conference": conference,
        "category": category,
        "allocation": allocation,
        "staff": member(office, Role.STAFF),
        "leader": member(office, Role.LEADER),
        "submitter_a": member(school_a, Role.SUBMITTER),
        "submitter_b": member(school_b, Role.SUBMITTER),
    }
