"""Security headers every page carries: frames, and (below) the Content-Security-Policy."""

import pytest
from django.urls import reverse

from conferences.models import Role
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_and_plan():
    office = UnitFactory()
    staff = member(office, Role.STAFF)
    return staff, plan_for(ConferenceFactory(organiser=office), staff=staff)


def test_frames_pages_refuse_to_be_framed(client, staff_and_plan):
    staff, plan = staff_and_plan
    client.force_login(staff)

    for url in (reverse("home"), reverse("plan_detail", args=[plan.pk]), reverse("login")):
        assert client.get(url)["X-Frame-Options"] == "DENY", url


def test_frames_plan_preview_may_be_framed_by_our_own_plan_page(client, staff_and_plan):
    staff, plan = staff_and_plan
    client.force_login(staff)

    response = client.get(reverse("plan_preview", args=[plan.pk]))

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
