"""Home page: one panel per role the user holds."""

import re

import pytest
from django.urls import reverse

from conferences.models import Role
from tests.authz import PERSONAS

pytestmark = pytest.mark.django_db

PANELS = {
    "stranger": [],
    "other_office": ["staff"],
    "staff": ["staff"],
    "leader": ["leader"],
    "council": ["council"],
    "admin": ["admin"],
    "submitter": ["submitter"],
    "reporter": ["reporter"],
    "clerk": ["clerk"],
    "superuser": ["staff", "admin"],
}


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def _panel_roles(html: str) -> list[str]:
    return re.findall(r'<section [^>]*data-role="([^"]+)"', html)


def _panel(html: str, role: str) -> str:
    start = html.index(f'data-role="{role}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_home_shows_panel_of_each_role(client, world, persona):
    html = _home(client, world["users"][persona])

    assert _panel_roles(html) == PANELS[persona]


def test_home_user_with_two_roles_sees_both_panels(client, world):
    user = world["users"]["submitter"]
    user.memberships.create(unit=world["agency"], role=Role.REPORTER)

    html = _home(client, user)

    assert _panel_roles(html) == ["submitter", "reporter"]
    assert world["school"].name in _panel(html, "submitter")
    assert world["agency"].name in _panel(html, "reporter")


def test_home_staff_panel_lists_conferences_in_scope(client, world):
    html = _panel(_home(client, world["users"]["staff"]), "staff")

    assert world["conference_a"].title in html
    assert world["conference_b"].title not in html


def test_home_submitter_panel_lists_conferences_above(client, world):
    html = _panel(_home(client, world["users"]["submitter"]), "submitter")

    assert world["conference_a"].title in html
    assert world["conference_b"].title not in html


def test_home_admin_panel_links_to_member_add(client, world):
    html = _panel(_home(client, world["users"]["admin"]), "admin")

    assert reverse("member_add", kwargs={"pk": world["office_a"].pk}) in html


def test_home_without_role_explains_what_to_do(client, world):
    html = _home(client, world["users"]["stranger"])

    assert "chưa được giao vai trò" in html
