"""Unit search: with or without tone marks, any case, any Unicode form; only in scope."""

import unicodedata

import pytest
from django.urls import reverse

from conferences.models import Role, Unit
from core.vntext import fold
from tests.factories import UnitFactory, member

pytestmark = pytest.mark.django_db

NAME = "Ủy ban nhân dân xã Thượng Hồng"


@pytest.fixture
def thuong_hong(world):
    commune = UnitFactory(parent=world["province"], name=NAME, code="HP-TH")
    UnitFactory(parent=commune, name="Thôn Đông Hồng", short_name="TDP Đông", code="HP-TH-DH")
    UnitFactory(parent=commune, name="Thôn Trung", code="HP-TH-T2")
    return commune


def _search(client, user, query: str) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("unit_list"), {"q": query})
    assert response.status_code == 200
    return [u.name for u in response.context["units"]]


@pytest.mark.parametrize(
    "query",
    ["thuong hong", "THƯỢNG HỒNG", unicodedata.normalize("NFD", "Thượng Hồng"), "  Thượng hồng "],
    ids=["no-marks", "upper", "nfd", "padded"],
)
def test_unit_list_search_ignores_marks_case_and_form(client, thuong_hong, query):
    staff = member(thuong_hong, Role.STAFF)

    names = _search(client, staff, query)

    assert names == [NAME]


def test_unit_list_search_finds_d_with_stroke(client, thuong_hong):
    staff = member(thuong_hong, Role.STAFF)

    assert _search(client, staff, "dong hong") == ["Thôn Đông Hồng"]


def test_unit_list_search_matches_short_name_and_code(client, thuong_hong):
    staff = member(thuong_hong, Role.STAFF)

    assert _search(client, staff, "tdp dong") == ["Thôn Đông Hồng"]
    assert _search(client, staff, "hp-th-t2") == ["Thôn Trung"]


def test_unit_list_search_stays_in_scope(client, world, thuong_hong):
    assert _search(client, world["users"]["staff"], "thuong hong") == []
    assert _search(client, world["users"]["submitter"], "hong") == []
    assert _search(client, world["users"]["superuser"], "thuong hong") == [NAME]


def test_unit_list_search_no_match_says_so(client, world, thuong_hong):
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("unit_list"), {"q": "thuong hong"})

    assert "Không có đơn vị nào khớp với “thuong hong”" in response.content.decode()


def test_fold_lookup_compares_without_marks(thuong_hong):
    found = Unit.objects.filter(name__fold__contains=fold("UY BAN NHAN DAN XA THUONG"))

    assert list(found) == [thuong_hong]
