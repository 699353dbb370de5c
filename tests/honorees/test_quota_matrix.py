"""Quotas set for many units in one go, in a matrix that opens without errors."""

import pytest
from django.urls import reverse

from conferences.models import Role
from honorees.models import RoundQuota
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import QuotaFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    commune = UnitFactory()
    schools = [UnitFactory(parent=commune, name=f"Trường {i}") for i in range(3)]
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    return round, schools, member(commune, Role.STAFF)


def test_the_page_opens_without_errors(client, office):
    round, _, staff = office
    client.force_login(staff)
    page = client.get(reverse("honorees:round_quotas", args=[round.pk])).content.decode()
    assert "Trường này là bắt buộc" not in page
    assert 'data-testid="quota-matrix"' in page


def test_the_matrix_saves_what_changed(client, office):
    round, (a, b, c), staff = office
    QuotaFactory(round=round, unit=c, max_individuals=1, max_collectives=1)
    client.force_login(staff)
    response = client.post(
        reverse("honorees:round_quotas", args=[round.pk]),
        {"matrix": "1", f"ind-{a.pk}": "3", f"col-{a.pk}": "1", f"ind-{b.pk}": "",
         f"col-{b.pk}": "", f"ind-{c.pk}": "1", f"col-{c.pk}": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    saved = {q.unit_id: (q.max_individuals, q.max_collectives) for q in RoundQuota.objects.all()}
    assert saved == {a.pk: (3, 1), c.pk: (1, 1)}


def test_a_bad_number_keeps_what_was_typed_and_saves_nothing(client, office):
    round, (a, b, _), staff = office
    client.force_login(staff)
    response = client.post(
        reverse("honorees:round_quotas", args=[round.pk]),
        {"matrix": "1", f"ind-{a.pk}": "2", f"col-{a.pk}": "0", f"ind-{b.pk}": "hai",
         f"col-{b.pk}": "1"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and 'value="hai"' in page
    assert "Cần một số nguyên từ 0 trở lên." in page
    assert RoundQuota.objects.count() == 0
