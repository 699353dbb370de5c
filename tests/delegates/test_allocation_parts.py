"""The allocation grid at province size: shown and saved one unit group (a commune and its
units) at a time, so no save ever posts more fields than Django accepts, and the totals stay
exact whatever part was saved."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from conferences.models import Role, Unit
from delegates.models import SeatAllocation
from tests.delegates.factories import CategoryFactory
from tests.factories import ConferenceFactory, UnitFactory, member

pytestmark = pytest.mark.django_db

COMMUNES = 120


@pytest.fixture
def province():
    top = UnitFactory(name="Ủy ban nhân dân tỉnh Thử", kind=Unit.Kind.PROVINCE)
    communes = []
    for i in range(COMMUNES):
        commune = UnitFactory(parent=top, name=f"Ủy ban nhân dân xã Thử {i:03d}")
        for kind in (Unit.Kind.SCHOOL, Unit.Kind.VILLAGE):
            UnitFactory(parent=commune, name=f"{kind.label} {i:03d}", kind=kind)
        communes.append(commune)
    conference = ConferenceFactory(organiser=top)
    categories = [
        CategoryFactory(conference=conference, title=f"Thành phần {n}", target_min=5000)
        for n in range(3)
    ]
    return {
        "conference": conference,
        "communes": communes,
        "categories": categories,
        "staff": member(top, Role.STAFF),
    }


def _fields(html: str) -> dict[str, str]:
    """The form's seat fields and hidden fields, as the browser would post them."""
    seats = dict(re.findall(r'name="(seats-\d+-\d+)" value="(\d+)"', html))
    hidden = dict(re.findall(r'type="hidden" name="(nhom|trang)" value="(\d+)"', html))
    return {**seats, **hidden}


def test_allocation_grid_of_120_communes_saves_group_by_group(client, province):
    client.force_login(province["staff"])
    url = reverse("delegates_allocation", kwargs={"conference_pk": province["conference"].pk})
    units = Unit.objects.filter(depth__gt=1, path__startswith=province["communes"][0].path[:4])
    assert units.count() * len(province["categories"]) > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS

    for commune in province["communes"]:
        response = client.get(url, {"nhom": commune.pk})
        html = response.content.decode()
        assert len(html) < 300_000
        data = _fields(html)
        seat_names = [k for k in data if k.startswith("seats-")]
        assert len(seat_names) == 3 * 3  # the commune and its two units, three categories
        assert len(data) + 1 < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        data.update(dict.fromkeys(seat_names, "2"))
        response = client.post(url, data)
        assert response.status_code == 302
        assert response.url == f"{url}?nhom={commune.pk}"

    assert SeatAllocation.objects.count() == COMMUNES * 3 * 3
    assert set(SeatAllocation.objects.values_list("seats", flat=True)) == {2}
    # The headers count every part; the group list totals each commune.
    html = client.get(url).content.decode()
    assert html.count(f"đã phân {COMMUNES * 3 * 2}") == 3
    assert html.count("3 đơn vị, 18 đại biểu") == COMMUNES


def test_allocation_part_leaves_other_groups_alone(client, province):
    client.force_login(province["staff"])
    url = reverse("delegates_allocation", kwargs={"conference_pk": province["conference"].pk})
    first, second = province["communes"][:2]
    category = province["categories"][0]
    client.post(url, {"nhom": first.pk, f"seats-{category.pk}-{first.pk}": "4"})
    response = client.post(url, {"nhom": second.pk, f"seats-{category.pk}-{second.pk}": "1"})
    assert response.status_code == 302
    assert dict(SeatAllocation.objects.values_list("unit_id", "seats")) == {
        first.pk: 4,
        second.pk: 1,
    }


def test_allocation_large_group_is_cut_into_pages(client):
    top = UnitFactory(name="Ủy ban nhân dân tỉnh Lớn", kind=Unit.Kind.PROVINCE)
    big = UnitFactory(parent=top, name="Ủy ban nhân dân xã Lớn")
    for i in range(200):
        UnitFactory(parent=big, name=f"Thôn Lớn {i:03d}", kind=Unit.Kind.VILLAGE)
    UnitFactory(parent=top, name="Ủy ban nhân dân xã Nhỏ")
    conference = ConferenceFactory(organiser=top)
    category, *_ = [CategoryFactory(conference=conference, target_min=900) for _ in range(3)]
    client.force_login(member(top, Role.STAFF))
    url = reverse("delegates_allocation", kwargs={"conference_pk": conference.pk})

    html = client.get(url, {"nhom": big.pk, "trang": 2}).content.decode()
    data = _fields(html)
    assert data["trang"] == "2"
    assert len([k for k in data if k.startswith("seats-")]) == 3  # 201 units, 200 a page
    last = Unit.objects.get(name="Thôn Lớn 199")
    data[f"seats-{category.pk}-{last.pk}"] = "7"
    response = client.post(url, data)
    assert response.url == f"{url}?nhom={big.pk}&trang=2"
    assert list(SeatAllocation.objects.values_list("unit_id", "seats")) == [(last.pk, 7)]


def test_allocation_part_no_longer_shown_saves_nothing(client, province):
    client.force_login(province["staff"])
    url = reverse("delegates_allocation", kwargs={"conference_pk": province["conference"].pk})
    commune, category = province["communes"][5], province["categories"][0]
    # switched off meanwhile, with its units: its group is gone from the grid
    Unit.objects.filter(path__startswith=commune.path).update(active=False)
    response = client.post(url, {"nhom": commune.pk, f"seats-{category.pk}-{commune.pk}": "4"})
    assert "Nhóm đơn vị vừa sửa không còn trong bảng" in response.content.decode()
    assert not SeatAllocation.objects.exists()
