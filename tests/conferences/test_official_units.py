"""The official register of administrative units: a province's communes with their codes,
loaded idempotently, keeping (and coding) the units an office already has."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from conferences.models import ActivityEntry, Unit
from conferences.official_units import load_official_units, official_communes
from core.errors import PermissionDeniedError
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

CAO_BANG = "04"


def test_command_creates_the_province_and_all_its_communes_with_codes():
    call_command("load_official_units", province=CAO_BANG, stdout=io.StringIO())
    province = Unit.objects.get(official_code=CAO_BANG)
    assert province.name == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert province.kind == Unit.Kind.PROVINCE and province.is_root()
    communes = Unit.objects.get_tree(province).filter(kind=Unit.Kind.COMMUNE)
    expected = official_communes(CAO_BANG)
    assert communes.count() == len(expected) > 50
    assert set(communes.values_list("official_code", flat=True)) == {c.code for c in expected}
    first = communes.get(official_code=expected[0].code)
    assert first.name == f"Ủy ban nhân dân {expected[0].place}"
    assert first.name.split()[4] in ("xã", "phường", "đặc")  # the level, in lower case
    assert Unit.objects.get_tree(province).count() == len(expected) + 1


def test_loading_twice_changes_nothing():
    load_official_units(province_code=CAO_BANG, by=None)
    before = list(Unit.objects.order_by("path").values_list("path", "code", "official_code"))
    report = load_official_units(province_code=CAO_BANG, by=None)
    after = list(Unit.objects.order_by("path").values_list("path", "code", "official_code"))
    assert after == before
    assert report.created == [] and report.matched == []
    assert report.unchanged == len(before)


def test_existing_units_are_kept_and_get_the_code_whatever_the_tone_placement():
    # An office entered its province and one commune before the register was loaded, with the
    # older tone placement ("Thủy" for the register's "Thuỷ") and its own codes.
    province = UnitFactory(
        name="Ủy ban nhân dân thành phố Hải Phòng", code="HP", kind=Unit.Kind.PROVINCE
    )
    own = UnitFactory(parent=province, name="Ủy ban nhân dân phường Thủy Nguyên", code="HP-TN")
    report = load_official_units(province_code="31", by=None)
    own.refresh_from_db()
    province.refresh_from_db()
    assert province.official_code == "31" and province.code == "HP"
    assert own.official_code == "11560" and own.code == "HP-TN"
    assert Unit.objects.filter(official_code="11560").count() == 1
    assert own.name in report.matched
    assert Unit.objects.get_root_nodes().count() == 1


def test_only_a_system_administrator_loads_from_the_page(client):
    staff = UserFactory()
    with pytest.raises(PermissionDeniedError):
        load_official_units(province_code=CAO_BANG, by=staff)
    assert not Unit.objects.exists()


def test_page_loads_a_province_and_logs_it(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("official_units_load"), {"province": CAO_BANG})
    province = Unit.objects.get(official_code=CAO_BANG)
    assert response.status_code == 302
    assert response["Location"] == reverse("unit_detail", kwargs={"pk": province.pk})
    entry = ActivityEntry.objects.get(action="unit.official_loaded")
    assert entry.actor == admin and "tỉnh Cao Bằng" in entry.summary


def test_unknown_province_code_is_refused_in_vietnamese():
    with pytest.raises(CommandError, match="Không có tỉnh, thành phố nào mang mã 99"):
        call_command("load_official_units", province="99")
