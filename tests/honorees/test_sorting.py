"""A round's nominations sorted by the user (core.sorting): by name (a person given name
first, a household by its head, a collective by its name as written), by unit, award form,
status and date received; headers keep the filters; the key made on every write path."""

import datetime as dt
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from core.vntext import name_sort_string
from honorees.models import Nomination
from tests.honorees.factories import NominationFactory, award
from tests.honorees.test_import import _import
from tests.honorees.xlsx import person_row

pytestmark = pytest.mark.django_db

S = Nomination.Status


def _nominate(office, name, *, unit=None, kind="individual", **fields):
    collective = kind == "collective"
    names = {"collective_name": name, "full_name": ""} if collective else {"full_name": name}
    return NominationFactory(
        round=office["round"], unit=unit or office["school"], kind=kind,
        status=fields.pop("status", S.SUBMITTED), **names, **fields,
    )  # fmt: skip


def _shown(client, office, **query) -> list[int]:
    response = client.get(reverse("honorees:round_detail", args=[office["round"].pk]), query)
    assert response.status_code == 200
    return [n.pk for n in response.context["page"]]


def _html(client, office, **query) -> str:
    url = reverse("honorees:round_detail", args=[office["round"].pk])
    return client.get(url, query).content.decode()


def test_by_name_person_given_name_first_collective_as_written_household_by_head(client, office):
    school = _nominate(office, "Trường Tiểu học Kim Đồng", kind="collective")
    kindergarten = _nominate(office, "Trường Mầm non Hoa Sen", kind="collective")
    an = _nominate(office, "Nguyễn Văn An")
    an_tone = _nominate(office, "Lê Văn Án")
    household = _nominate(office, "Đỗ Văn Bình", kind="household", gender="male")
    ma = _nominate(office, "Hà Thị Mạ", unit=office["village"])
    mai = _nominate(office, "Trần Thị Mai", unit=office["village"])
    client.force_login(office["staff"])
    expected = [an_tone, an, household, ma, mai, kindergarten, school]
    assert _shown(client, office, sort="ten") == [n.pk for n in expected]
    assert _shown(client, office, sort="-ten") == [n.pk for n in reversed(expected)]
    assert household.display_name == "Hộ ông Đỗ Văn Bình"  # sorted by "Bình", its head's name


def test_default_is_unit_then_collectives_individuals_households_by_name(client, office):
    village_person = _nominate(office, "Lê Thị Yến", unit=office["village"])
    household = _nominate(office, "Đinh Văn An", kind="household")
    person_b = _nominate(office, "Phạm Văn Bình")
    person_a = _nominate(office, "Vũ Thị Anh")
    group = _nominate(office, "Tổ Toán", kind="collective")
    client.force_login(office["staff"])
    units = sorted([office["school"], office["village"]], key=lambda u: u.path)
    by_unit = {
        office["school"].pk: [group.pk, person_a.pk, person_b.pk, household.pk],
        office["village"].pk: [village_person.pk],
    }
    expected = [pk for unit in units for pk in by_unit[unit.pk]]
    assert _shown(client, office) == expected
    assert _shown(client, office, sort="khong-co") == expected  # unknown: the default


def test_by_date_received_newest_first_and_status_in_workflow_order(client, office):
    now = timezone.now()
    old = _nominate(office, "Lê Văn Cũ", submitted_at=now - dt.timedelta(days=3))
    new = _nominate(office, "Lê Văn Mới", submitted_at=now - dt.timedelta(hours=1))
    mid = _nominate(
        office, "Lê Văn Giữa", submitted_at=now - dt.timedelta(days=1), status=S.APPROVED
    )
    client.force_login(office["staff"])
    assert _shown(client, office, sort="-ngay-nhan") == [new.pk, mid.pk, old.pk]
    assert _shown(client, office, sort="ngay-nhan") == [old.pk, mid.pk, new.pk]
    # submitted comes before approved in the statuses' order, names break the tie
    assert _shown(client, office, sort="trang-thai") == [old.pk, new.pk, mid.pk]
    html = _html(client, office, sort="-ngay-nhan")
    assert (now - dt.timedelta(days=3)).astimezone(timezone.get_current_timezone()).strftime(
        "%d/%m/%Y"
    ) in html


def test_by_award_form_in_the_catalogue_order(client, office):
    first, second = sorted([award("gk-xa"), award("ldtt")], key=lambda f: (f.order, f.pk))
    later = _nominate(office, "An Văn Sau", proposed_award=second)
    earlier = _nominate(office, "Bùi Văn Trước", proposed_award=first)
    client.force_login(office["staff"])
    assert _shown(client, office, sort="hinh-thuc") == [earlier.pk, later.pk]


def test_headers_keep_the_filters_say_aria_sort_and_phones_get_a_select(client, office):
    _nominate(office, "Nguyễn Văn An")
    client.force_login(office["staff"])
    html = _html(client, office, status="submitted", sort="ten", page="1")
    hrefs = re.findall(r"<th [^>]*>\s*<a [^>]*href=\"([^\"]*)\"", html)
    assert len(hrefs) == 5
    assert all("status=submitted" in href and "page=" not in href for href in hrefs)
    assert '<th data-label="Họ tên / tên tập thể" aria-sort="ascending">' in html
    assert "?status=submitted&amp;sort=-ten" in html
    select = html[html.index('data-testid="sort-select"') :]
    select = select[: select.index("</form>")]
    assert (
        "Sắp xếp theo" in select
        and '<input type="hidden" name="status" value="submitted">' in select
    )
    assert '<option value="-ngay-nhan">Ngày nhận (mới trước)</option>' in select


# --- the key on every write path -----------------------------------------------------------


def _key(pk: int) -> str:
    return Nomination.objects.values_list("sort_key", flat=True).get(pk=pk)


def test_key_follows_kind_and_name_on_save_and_update(office):
    nomination = _nominate(office, "Nguyễn Văn Thành")
    assert _key(nomination.pk) == name_sort_string("Nguyễn Văn Thành")
    nomination.kind, nomination.collective_name = "collective", "Đội Thành Công"
    nomination.save(update_fields=["kind", "collective_name"])
    assert _key(nomination.pk) == name_sort_string("Đội Thành Công", as_written=True)
    Nomination.objects.filter(pk=nomination.pk).update(collective_name="Chi đoàn Thanh niên")
    assert _key(nomination.pk) == name_sort_string("Chi đoàn Thanh niên", as_written=True)


def test_imported_nominations_get_the_key(office):
    collective = person_row(3, **{"Cá nhân/Tập thể": "Tập thể", "Họ và tên": "Tổ khối Năm",
                                  "Năm sinh": None, "Người đứng đầu (tập thể)": "Lê Văn A",
                                  "Số thành viên (tập thể)": 8.0})  # fmt: skip
    report = _import(office, [person_row(1, **{"Họ và tên": "Lê Văn Án"}), collective])
    assert report.ok, report.errors
    assert _key(Nomination.objects.get(kind="individual").pk) == name_sort_string("Lê Văn Án")
    group = Nomination.objects.get(kind="collective")
    assert _key(group.pk) == name_sort_string("Tổ khối Năm", as_written=True)


def test_migration_fills_rows_written_before_it(office):
    person = _nominate(office, "Đỗ Thị Ánh")
    group = _nominate(office, "Trường Mầm non Hoa Sen", kind="collective")
    Nomination._base_manager.update(sort_key="")
    importlib.import_module("honorees.migrations.0018_name_sort_key").fill(apps, None)
    assert _key(person.pk) == name_sort_string("Đỗ Thị Ánh")
    assert _key(group.pk) == name_sort_string("Trường Mầm non Hoa Sen", as_written=True)
