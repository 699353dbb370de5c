"""The unit tree opens level by level (its tops and their children first, deeper levels on
demand), and a unit is chosen among thousands by a search field that answers as one types,
with or without marks, in the user's world only."""

import pytest
from django.urls import reverse

from conferences.models import Unit
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(cast):
    return UnitFactory(parent=cast["school"], name="Tổ Đồng Tâm", kind=Unit.Kind.VILLAGE)


def test_unit_tree_shows_tops_and_children_then_opens_on_demand(client, cast, village):
    client.force_login(cast["users"]["staff"])
    html = client.get(reverse("unit_list")).content.decode()
    assert "Ủy ban nhân dân xã An Thịnh" in html and "Trường Tiểu học An Thịnh" in html
    assert "Tổ Đồng Tâm" not in html  # a grandchild waits until its parent is opened
    opener = reverse("unit_children", kwargs={"pk": cast["school"].pk})
    assert f'hx-get="{opener}"' in html
    rows = client.get(opener).content.decode()
    assert "Tổ Đồng Tâm" in rows and "tree-indent-3" in rows and "<tr>" in rows


def test_unit_tree_of_a_unit_role_shows_its_own_unit(client, cast):
    client.force_login(cast["users"]["submitter"])
    html = client.get(reverse("unit_list")).content.decode()
    assert "Trường Tiểu học An Thịnh" in html and "Ủy ban nhân dân xã An Thịnh" not in html


def test_unit_children_outside_the_world_is_not_found(client, cast):
    client.force_login(cast["users"]["other_office"])
    response = client.get(reverse("unit_children", kwargs={"pk": cast["office_a"].pk}))
    assert response.status_code == 404


@pytest.mark.parametrize("typed", ["đồng tâm", "dong tam", "DONG TAM", "Đồng Tâm"])
def test_unit_search_ignores_marks_and_case(client, cast, village, typed):
    client.force_login(cast["users"]["staff"])
    html = client.get(reverse("unit_search"), {"tim_don_vi": typed}).content.decode()
    assert f'data-unit-pick="{village.pk}"' in html


def test_unit_search_stays_under_the_unit_asked_and_in_the_world(client, cast, village):
    client.force_login(cast["users"]["staff"])
    url = reverse("unit_search")
    under_school = {"tim_don_vi": "an thinh", "trong": cast["school"].pk}
    html = client.get(url, under_school).content.decode()
    assert "Công an xã An Thịnh" not in html and "Trường Tiểu học" not in html
    html = client.get(url, {**under_school, "goc": "1"}).content.decode()
    assert "Trường Tiểu học An Thịnh" in html
    html = client.get(url, {"tim_don_vi": "binh minh"}).content.decode()
    assert "Bình Minh" not in html  # office B is not staff A's world
    assert "Không có đơn vị nào khớp" in html
    assert "ít nhất hai chữ" in client.get(url, {"tim_don_vi": "a"}).content.decode()


def test_unit_search_says_when_there_are_more(client, cast):
    for i in range(25):
        UnitFactory(parent=cast["office_a"], name=f"Thôn Số {i}", kind=Unit.Kind.VILLAGE)
    client.force_login(cast["users"]["staff"])
    html = client.get(reverse("unit_search"), {"tim_don_vi": "thon so"}).content.decode()
    assert html.count("data-unit-pick=") == 20 and "gõ thêm để thu hẹp" in html
