import pytest

from conferences.models import Role, Unit
from tests.delegates.factories import AllocationFactory, CategoryFactory
from tests.factories import UnitFactory, member


@pytest.fixture
def setup(cast):
    """The cast's office A with two schools (the cast's and a second), its conference, one
    category with 2 seats for school A."""
    office, users = cast["office_a"], cast["users"]
    school_b = UnitFactory(parent=office, name="Trường B", kind=Unit.Kind.SCHOOL)
    category = CategoryFactory(
        conference=cast["conference_a"], title="Đại biểu cơ sở", target_min=130
    )
    return {
        "office": office,
        "school_a": cast["school"],
        "school_b": school_b,
        "conference": cast["conference_a"],
        "category": category,
        "allocation": AllocationFactory(category=category, unit=cast["school"], seats=2),
        "staff": users["staff"],
        "leader": users["leader"],
        "submitter_a": users["submitter"],
        "submitter_b": member(school_b, Role.SUBMITTER),
    }
