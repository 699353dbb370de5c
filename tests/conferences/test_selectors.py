"""Scoped reads: what each persona of the authorisation world may see."""

import pytest

from conferences import selectors
from conferences.models import Role
from conferences.services import log_activity
from tests.authz import PERSONAS
from tests.factories import ConferenceFactory, member

pytestmark = pytest.mark.django_db

LOGGED_IN = tuple(p for p in PERSONAS if p != "anonymous")
OFFICE_A_ROLES = ("staff", "leader", "council", "admin")

UNITS_SEEN = {
    **dict.fromkeys(OFFICE_A_ROLES, {"office_a", "school", "agency"}),
    "stranger": set(),
    "other_office": {"office_b"},
    "submitter": {"school"},
    "reporter": {"agency"},
    "clerk": {"office_a"},  # a unit role: its own office only
    "superuser": {"province", "office_a", "school", "agency", "office_b"},
}

CONFERENCES_SEEN = {
    **dict.fromkeys(OFFICE_A_ROLES, {"conference_a", "conference_school"}),
    "stranger": set(),
    "other_office": {"conference_b"},
    # Unit users take part in what is organised above them (and by their own unit).
    "submitter": {"conference_province", "conference_a", "conference_school"},
    "reporter": {"conference_province", "conference_a"},
    "clerk": {"conference_province", "conference_a"},
    "superuser": {"conference_province", "conference_a", "conference_school", "conference_b"},
}

ACTIVITY_SEEN = {
    **dict.fromkeys(OFFICE_A_ROLES, {"office_a", "school"}),
    "stranger": set(),
    "other_office": {"office_b"},
    "submitter": set(),
    "reporter": set(),
    "clerk": set(),
    "superuser": {"province", "office_a", "school", "office_b"},
}


def _names(world, objects, keys) -> set[str]:
    by_pk = {world[k].pk: k for k in keys}
    return {by_pk.get(o.pk, f"unexpected {o}") for o in objects}


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_visible_units_scoped_to_persona(world, persona):
    units = selectors.visible_units(world["users"][persona])

    assert _names(world, units, UNITS_SEEN["superuser"]) == UNITS_SEEN[persona]


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_visible_conferences_scoped_to_persona(world, persona):
    world["conference_province"] = ConferenceFactory(organiser=world["province"])
    world["conference_school"] = ConferenceFactory(organiser=world["school"])

    conferences = selectors.visible_conferences(world["users"][persona])

    assert _names(world, conferences, CONFERENCES_SEEN["superuser"]) == CONFERENCES_SEEN[persona]


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_visible_activity_scoped_to_persona(world, persona):
    entries = {}
    for key in ACTIVITY_SEEN["superuser"]:
        entry = log_activity(
            actor=None, action="test", summary=key, target=world[key], scope_unit=world[key]
        )
        entries[entry.pk] = key

    seen = selectors.visible_activity(world["users"][persona])

    assert {entries[e.pk] for e in seen} == ACTIVITY_SEEN[persona]


def test_visible_units_ignore_roles_in_inactive_units(world):
    office_a = world["office_a"]
    office_a.active = False
    office_a.save()

    assert list(selectors.visible_units(world["users"]["staff"])) == []
    assert list(selectors.visible_conferences(world["users"]["staff"])) == []


def test_visible_units_join_several_roles(world):
    user = member(world["office_b"], Role.STAFF)
    user.memberships.create(unit=world["school"], role=Role.SUBMITTER)

    units = selectors.visible_units(user)

    assert set(units) == {world["office_b"], world["school"]}


def test_search_units_orders_tree_by_path(world):
    units = list(selectors.search_units(world["users"]["staff"]))

    assert units == [world["office_a"], world["school"], world["agency"]]


def test_manageable_users_are_people_of_the_subtree(world):
    users = world["users"]

    manageable = set(selectors.manageable_users(users["admin"]))

    assert manageable == {users[p] for p in (*OFFICE_A_ROLES, "submitter", "reporter", "clerk")}
