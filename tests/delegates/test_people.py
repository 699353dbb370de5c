"""One person, one row: a delegate entered twice (old and new tone placement, a missing birth
year) is flagged and merged; an awarded honouree the unit already sent as a delegate is not
added a second time."""

import pytest
from django.urls import reverse

from conferences.models import Role
from delegates import selectors, services
from delegates.models import Delegate
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.factories import ConferenceFactory, UnitFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    commune = UnitFactory()
    school = UnitFactory(parent=commune)
    conference = ConferenceFactory(organiser=commune)
    return {
        "conference": conference,
        "school": school,
        "category": CategoryFactory(conference=conference),
        "staff": member(commune, Role.STAFF),
    }


def test_twins_fold_tone_placement_and_ignore_a_missing_year(setup):
    c = setup["category"]
    hoa = DelegateFactory(category=c, full_name="Trần Thị Hòa", birth_year=1980)
    hoa_old = DelegateFactory(category=c, full_name="Trần  Thị Hoà", birth_year=None)
    DelegateFactory(category=c, full_name="Trần Thị Hòa", birth_year=1991)  # another person
    DelegateFactory(category=c, full_name="Trần Thị Hoa", birth_year=1980)  # folds the same

    twins = selectors.duplicate_delegates(setup["conference"])

    assert hoa_old.pk in twins[hoa.pk] and hoa.pk in twins[hoa_old.pk]
    assert len(twins[hoa.pk]) == 2  # "Hoa" 1980 too; the 1991 one is someone else


def test_register_flags_twins_and_merge_keeps_one_row(client, setup):
    c = setup["category"]
    keep = DelegateFactory(category=c, full_name="Lò Văn Pọm", birth_year=None, position="")
    drop = DelegateFactory(
        category=c, full_name="Lò Văn Pọm", birth_year=1975, position="Trưởng bản",
        present_at="2026-12-18T08:00:00+07:00",
    )  # fmt: skip
    client.force_login(setup["staff"])
    url = reverse("delegates_register", args=[setup["conference"].pk])
    page = client.get(url).content.decode()
    assert f'data-testid="twin-{keep.pk}"' in page and "Có thể trùng người" in page

    client.post(reverse("delegates_merge", args=[setup["conference"].pk, keep.pk, drop.pk]))

    assert list(Delegate.objects.filter(conference=setup["conference"])) == [keep]
    keep.refresh_from_db()
    assert (keep.birth_year, keep.position) == (1975, "Trưởng bản")
    assert keep.present_at is not None
    assert "Có thể trùng người" not in client.get(url).content.decode()


def test_adding_a_twin_warns(client, setup):
    DelegateFactory(category=setup["category"], full_name="Nguyễn Văn Hùng", birth_year=1970)
    client.force_login(setup["staff"])
    response = client.post(
        reverse("delegates_create", args=[setup["conference"].pk]),
        {
            "category": setup["category"].pk,
            "full_name": "Nguyễn văn  Hùng",
            "gender": "male",
            "ethnicity": "Kinh",
            "source": "guest",
        },
        follow=True,
    )
    assert "Danh sách đã có 1 người trùng tên với" in response.content.decode()


def test_an_awarded_school_delegate_is_not_added_twice(setup):
    sent = DelegateFactory(
        category=setup["category"], unit=setup["school"], full_name="Phạm Thị Thủy", birth_year=1985
    )
    delegate = services.upsert_honoree_delegate(
        conference=setup["conference"],
        source_key="honorees.nomination:7",
        full_name="Phạm Thị Thuỷ",
        is_collective=False,
        by=setup["staff"],
        gender="female",
        birth_year=1985,
        unit=setup["school"],
    )
    assert delegate.pk == sent.pk
    assert Delegate.objects.filter(conference=setup["conference"]).count() == 1
    sent.refresh_from_db()
    assert sent.source_key == "honorees.nomination:7"
    # The same call again finds the row by its key.
    again = services.upsert_honoree_delegate(
        conference=setup["conference"],
        source_key="honorees.nomination:7",
        full_name="Phạm Thị Thủy",
        is_collective=False,
        by=setup["staff"],
    )
    assert again.pk == sent.pk
