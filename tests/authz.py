"""The authorisation harness: every URL of the project, with the answer expected for each
kind of visitor. Apps add their URLs by appending `Case`s to `CASES` in
`tests/<app>/authz_cases.py`; `test_authz.py` runs them all and fails when a URL of the
project has no case.

The world: office A (a commune) with a school and an agency under it; office B (another
commune). Personas: anonymous, stranger (logged in, no role), other_office (staff of B),
each role of A (staff, leader, council, admin at the commune; submitter at the school;
reporter at the agency) and the superuser.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from conferences.models import Role, Unit
from tests.factories import ConferenceFactory, UnitFactory, UserFactory, member

PERSONAS = (
    "anonymous",
    "stranger",
    "other_office",
    "staff",
    "leader",
    "council",
    "admin",
    "submitter",
    "reporter",
    "superuser",
)
OFFICE_A = ("staff", "leader", "council", "admin", "superuser")
EVERYONE_LOGGED_IN = tuple(p for p in PERSONAS if p != "anonymous")

LOGIN_REDIRECT = "login"


@dataclass
class Case:
    """`allowed`: personas that get `ok` (200 unless said); the others get `denied`
    (a dict persona -> status, default 404 for a scoped object); anonymous visitors are sent
    to the login page unless `public`. `state`, when given, reads what the request may change:
    it must read the same after the request for every persona but `changers` (default: the
    allowed ones)."""

    name: str
    kwargs: Callable[[dict], dict] = lambda w: {}
    method: str = "get"
    data: Callable[[dict], dict] | None = None
    allowed: tuple[str, ...] = OFFICE_A
    ok: int = 200
    denied: int = 404
    overrides: dict[str, int] = field(default_factory=dict)
    public: bool = False
    query: str = ""
    state: Callable[[dict], object] | None = None
    changers: tuple[str, ...] | None = None

    def may_change(self, persona: str) -> bool:
        return persona in (self.allowed if self.changers is None else self.changers)

    def expected(self, persona: str) -> int | str:
        if persona in self.overrides:
            return self.overrides[persona]
        if persona == "anonymous" and not self.public:
            return LOGIN_REDIRECT
        if self.public or persona in self.allowed:
            return self.ok
        return self.denied


CASES: list[Case] = []
# URL names that are not ours to test here (Django's admin has its own permission model).
EXEMPT_PREFIXES = ("admin:",)


def build_world() -> dict:
    province = UnitFactory(name="Ủy ban nhân dân tỉnh Thử", kind=Unit.Kind.PROVINCE)
    office_a = UnitFactory(parent=province, name="Ủy ban nhân dân xã An Thịnh")
    school = UnitFactory(parent=office_a, name="Trường Tiểu học An Thịnh", kind=Unit.Kind.SCHOOL)
    agency = UnitFactory(parent=office_a, name="Công an xã An Thịnh", kind=Unit.Kind.AGENCY)
    office_b = UnitFactory(parent=province, name="Ủy ban nhân dân xã Bình Minh")
    world = {
        "province": province,
        "office_a": office_a,
        "school": school,
        "agency": agency,
        "office_b": office_b,
        "conference_a": ConferenceFactory(organiser=office_a),
        "conference_b": ConferenceFactory(organiser=office_b),
    }
    world["users"] = {
        "anonymous": None,
        "stranger": UserFactory(),
        "other_office": member(office_b, Role.STAFF),
        "staff": member(office_a, Role.STAFF),
        "leader": member(office_a, Role.LEADER),
        "council": member(office_a, Role.COUNCIL),
        "admin": member(office_a, Role.ADMIN),
        "submitter": member(school, Role.SUBMITTER),
        "reporter": member(agency, Role.REPORTER),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    return world


@pytest.fixture
def world(db) -> dict:
    return build_world()
