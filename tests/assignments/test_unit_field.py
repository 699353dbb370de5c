"""Assignment and milestone forms choose units through the search field (never a select of
every unit of the province): the chosen ones are shown as chips with hidden inputs, and what
is posted is still checked against the units the conference may assign."""

import pytest
from django.urls import reverse

from assignments.models import Assignment
from tests.assignments.factories import MilestoneFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_assignment_form_searches_instead_of_listing_units(client, world):
    conference = world["conference_a"]
    client.force_login(world["users"]["staff"])
    html = client.get(reverse("assignment_create", kwargs={"conference_pk": conference.pk}))
    html = html.content.decode()
    assert (
        "Công an xã An Thịnh" not in html and "<option" not in html.split('id="id_unit"')[1][:200]
    )
    search = reverse("unit_search") + f"?goc=1&amp;trong={conference.organiser.pk}"
    assert f'hx-get="{search}"' in html


def test_assignment_form_refuses_a_unit_outside_the_organiser(client, world):
    conference = world["conference_a"]
    client.force_login(world["users"]["staff"])
    url = reverse("assignment_create", kwargs={"conference_pk": conference.pk})
    response = client.post(url, {"unit": world["office_b"].pk, "role": "lead"}, **HTMX)
    html = response.content.decode()
    assert "Hãy chọn một lựa chọn hợp lệ" in html
    assert 'class="unit-search is-invalid"' in html  # so that Bootstrap shows the message
    assert not Assignment.objects.filter(conference=conference).exists()


def test_milestone_form_keeps_its_units_as_chips(client, world):
    conference = world["conference_a"]
    milestone = MilestoneFactory(conference=conference)
    milestone.units.set([world["school"], world["agency"]])
    client.force_login(world["users"]["staff"])
    html = client.get(reverse("milestone_edit", kwargs={"pk": milestone.pk})).content.decode()
    for unit in (world["school"], world["agency"]):
        assert f'<input type="hidden" name="units" value="{unit.pk}">' in html
        assert unit.name in html
    assert "data-multiple" in html


def test_milestone_units_posted_from_chips_are_saved(client, world):
    conference = world["conference_a"]
    client.force_login(world["users"]["staff"])
    client.post(
        reverse("milestone_create", kwargs={"conference_pk": conference.pk}),
        {"title": "Họp Hội đồng.", "deadline_kind": "none", "tim_don_vi": "",
         "units": [world["school"].pk, world["agency"].pk]},
    )  # fmt: skip
    milestone = conference.milestones.get()
    assert set(milestone.units.all()) == {world["school"], world["agency"]}
