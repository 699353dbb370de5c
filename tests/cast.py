"""The shared test cast: one small world of offices, units and people that every test can use
(the authorisation harness, the POST harness, the query counts and the app tests).

Units: a province; under it office A (the owner office, a commune) with a school and an agency
under it, and office B (another commune). Conferences: one organised by each office.

People (`cast["users"][persona]`), the personas of the harnesses:
- anonymous: nobody logged in (None);
- stranger: logged in, no membership anywhere;
- other_office: staff of office B, a colleague in another office;
- staff: the owner office's staff (cán bộ thi đua), who draft and manage;
- leader: approves and signs; council: votes; admin: manages the office's users;
- clerk: the office's văn thư, who numbers and issues its decisions (a role of its own unit);
- submitter: the school's officer, who sends nominations and delegates;
- reporter: the agency's contact, who reports on its duties;
- superuser: the system administrator.
"""

import pytest

from conferences.models import Role, Unit
from tests.factories import ConferenceFactory, UnitFactory, UserFactory, member

PERSONAS = (
    "anonymous",
    "stranger",
    "other_office",
    "staff",
    "leader",
    "clerk",
    "council",
    "admin",
    "submitter",
    "reporter",
    "superuser",
)
OFFICE_A = ("staff", "leader", "council", "admin", "superuser")
EVERYONE_LOGGED_IN = tuple(p for p in PERSONAS if p != "anonymous")


def build_cast() -> dict:
    province = UnitFactory(name="Ủy ban nhân dân tỉnh Thử", kind=Unit.Kind.PROVINCE)
    office_a = UnitFactory(parent=province, name="Ủy ban nhân dân xã An Thịnh")
    school = UnitFactory(parent=office_a, name="Trường Tiểu học An Thịnh", kind=Unit.Kind.SCHOOL)
    agency = UnitFactory(parent=office_a, name="Công an xã An Thịnh", kind=Unit.Kind.AGENCY)
    office_b = UnitFactory(parent=province, name="Ủy ban nhân dân xã Bình Minh")
    return {
        "province": province,
        "office_a": office_a,
        "school": school,
        "agency": agency,
        "office_b": office_b,
        "conference_a": ConferenceFactory(organiser=office_a),
        "conference_b": ConferenceFactory(organiser=office_b),
        "users": _people(office_a, school, agency, office_b),
    }


def _people(office_a, school, agency, office_b) -> dict:
    return {
        "anonymous": None,
        "stranger": UserFactory(),
        "other_office": member(office_b, Role.STAFF),
        "staff": member(office_a, Role.STAFF),
        "leader": member(office_a, Role.LEADER),
        "clerk": member(office_a, Role.CLERK),
        "council": member(office_a, Role.COUNCIL),
        "admin": member(office_a, Role.ADMIN),
        "submitter": member(school, Role.SUBMITTER),
        "reporter": member(agency, Role.REPORTER),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


@pytest.fixture
def cast(db) -> dict:
    return build_cast()


@pytest.fixture
def world(cast) -> dict:
    """The cast under the name the authorisation cases and the older tests use."""
    return cast
