"""Every page of the base app that lists things runs as many queries with three items as with
one: units, a unit's children and its users, conferences, the activity log, the home page."""

import pytest
from django.urls import reverse

from conferences.models import Role, Unit
from conferences.services import log_activity
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db


def _school_staff(c):
    """Staff of the school, whose subtree starts with the school alone."""
    if "school_staff" not in c:
        c["school_staff"] = member(c["school"], Role.STAFF)
        c["school_staff"].memberships.create(unit=c["school"], role=Role.ADMIN)
    return c["school_staff"]


def _add_unit_under_school(c, i):
    name = f"Tổ chuyên môn số {i}"
    kind = Unit.Kind.OFFICE if i else Unit.Kind.VILLAGE
    UnitFactory(parent=Unit.objects.get(pk=c["school"].pk), name=name, kind=kind, active=i != 2)
    return name


def _add_conference_under_school(c, i):
    title = f"Hội nghị của tổ số {i}"
    organiser = UnitFactory(parent=Unit.objects.get(pk=c["school"].pk), kind=Unit.Kind.OFFICE)
    ConferenceFactory(organiser=organiser, title=title)
    return title


def _add_member(c, i):
    name = f"Đỗ Thị Người Dùng {i}"
    member(c["office_a"], [Role.STAFF, Role.COUNCIL, Role.ADMIN][i], full_name=name)
    return name


def _add_child(c, i):
    name = f"Thôn Mới Số {i}"
    UnitFactory(parent=Unit.objects.get(pk=c["office_a"].pk), name=name, kind=Unit.Kind.VILLAGE)
    return name


def _add_entry(c, i):
    users = c["users"]
    summary = f"Sửa thông tin lần {i}"
    actor, target = [
        (users["staff"], c["school"]),
        (users["admin"], c["agency"]),
        (users["submitter"], users["submitter"]),
    ][i]
    log_activity(
        actor=actor,
        action="test.changed",
        summary=summary,
        target=target,
        scope_unit=c["school"],
        conference=ConferenceFactory(organiser=c["office_a"]) if i < 2 else None,
        changes={"name": ["cũ", "mới"]},
    )
    return summary


def _unit_detail(c):
    return reverse("unit_detail", kwargs={"pk": c["office_a"].pk})


PAGES = [
    pytest.param(_school_staff, lambda c: reverse("unit_list"), _add_unit_under_school, id="units"),
    pytest.param("admin", _unit_detail, _add_member, id="unit_members"),
    pytest.param("admin", _unit_detail, _add_child, id="unit_children"),
    pytest.param(
        _school_staff,
        lambda c: reverse("conference_list"),
        _add_conference_under_school,
        id="conferences",
    ),
    pytest.param("leader", lambda c: reverse("activity_list"), _add_entry, id="activity"),
    pytest.param(
        "leader", lambda c: reverse("activity_list") + "?sort=thoi-gian", _add_entry, id="oldest"
    ),
    pytest.param(
        _school_staff,
        lambda c: reverse("conference_list") + "?sort=ten",
        _add_conference_under_school,
        id="conferences_by_title",
    ),
    pytest.param(
        _school_staff, lambda c: reverse("home"), _add_conference_under_school, id="home_staff"
    ),
]


@pytest.mark.parametrize(("persona", "url", "add"), PAGES)
def test_base_page_queries_do_not_grow(client, cast, persona, url, add):
    user = persona(cast) if callable(persona) else cast["users"][persona]
    client.force_login(user)
    assert_queries_constant(client, lambda: url(cast), lambda i: add(cast, i))
