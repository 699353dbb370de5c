"""The register sorted by the user (core.sorting): Vietnamese name order from the stored
sort_key, page 2 going on where page 1 stopped, the other direction, a fallback for an
unknown value, the filters kept by the headers, the phone select, the Excel export in the
page's order; and the key kept current by every way a delegate is written."""

import importlib
import itertools
import random
import re
from io import BytesIO

import openpyxl
import pytest
from django.apps import apps
from django.urls import reverse

from core.vntext import name_sort_key, name_sort_string
from delegates import selectors, services
from delegates.models import Delegate, Source
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.delegates.test_import import _import, _row, _xlsx

pytestmark = pytest.mark.django_db

FAMILIES = ["Nguyễn", "Trần", "Lê", "Đỗ", "Đinh", "Dương", "Ksor", "Hà"]
MIDDLES = ["Văn", "Thị", "Đức", "Thị Minh", "", "Hoàng"]
GIVENS = ["An", "Án", "Anh", "Ánh", "Ăn", "Mai", "Mạ", "Dũng", "Đào", "H'Hen", "Yến", "Bình"]


def _names(count: int) -> list[str]:
    combos = [
        " ".join(part for part in combo if part)
        for combo in itertools.product(FAMILIES, MIDDLES, GIVENS)
    ]
    random.Random(5).shuffle(combos)
    return combos[:count]


def _register(setup, count: int) -> list[Delegate]:
    """`count` delegates in the setup's category, inserted together (bulk_create)."""
    conference, category = setup["conference"], setup["category"]
    rows = [
        Delegate(conference=conference, category=category, full_name=name, source=Source.GUEST)
        for name in _names(count)
    ]
    return Delegate.objects.bulk_create(rows)


def _in_python_order(delegates) -> list[int]:
    return [d.pk for d in sorted(delegates, key=lambda d: (name_sort_key(d.full_name), d.pk))]


def _page(client, setup, **query) -> list[int]:
    response = client.get(reverse("delegates_register", args=[setup["conference"].pk]), query)
    assert response.status_code == 200
    return [d.pk for d in response.context["page"]]


def _html(client, setup, **query) -> str:
    url = reverse("delegates_register", args=[setup["conference"].pk])
    return client.get(url, query).content.decode()


def test_register_by_name_page_two_continues_page_one(client, setup):
    delegates = _register(setup, 130)
    client.force_login(setup["staff"])
    first, second = _page(client, setup, sort="ten"), _page(client, setup, sort="ten", page=2)
    assert (len(first), len(second)) == (100, 30)
    assert first + second == _in_python_order(delegates)
    assert "?sort=ten&page=2" in _html(client, setup, sort="ten")  # the pager keeps the order


def test_register_by_name_descending_is_the_reverse(client, setup):
    delegates = _register(setup, 130)
    client.force_login(setup["staff"])
    shown = _page(client, setup, sort="-ten") + _page(client, setup, sort="-ten", page=2)
    assert shown == list(reversed(_in_python_order(delegates)))


def test_register_default_is_category_then_vietnamese_name(client, setup):
    later = CategoryFactory(conference=setup["conference"], title="Khách mời", order=50)
    setup["category"].order = 10
    setup["category"].save()
    names = ["Nguyễn Văn An", "Lê Văn Án", "Trần Thị Mai", "Đỗ Mạ"]
    for name in names:
        DelegateFactory(category=setup["category"], full_name=name)
    DelegateFactory(category=later, full_name="Phạm Văn An")
    school = DelegateFactory(
        category=later, full_name="Trường Tiểu học Kim Đồng", is_collective=True
    )
    DelegateFactory(category=later, full_name="Lò Văn Tiểu")
    client.force_login(setup["staff"])
    shown = [Delegate.objects.get(pk=pk).full_name for pk in _page(client, setup)]
    # Lê Văn Án before Nguyễn Văn An (the letters of the whole name first, tones last), Mạ
    # before Mai; a collective by its name as written ("Trường…"), not by its last word
    # ("Đồng" would come first).
    assert shown == [
        "Lê Văn Án", "Nguyễn Văn An", "Đỗ Mạ", "Trần Thị Mai",
        "Phạm Văn An", "Lò Văn Tiểu", "Trường Tiểu học Kim Đồng",
    ]  # fmt: skip
    assert school.sort_key == name_sort_string(school.full_name, as_written=True)
    assert _page(client, setup, sort="khong-co-cach-nay") == _page(client, setup)  # fallback


def test_register_by_unit_then_name_with_units_missing_last(client, setup):
    a = DelegateFactory(category=setup["category"], unit=setup["school_b"], full_name="Lê Bình")
    b = DelegateFactory(category=setup["category"], unit=setup["school_a"], full_name="Hà An")
    c = DelegateFactory(category=setup["category"], unit=setup["school_a"], full_name="Vũ Anh")
    nowhere = DelegateFactory(category=setup["category"], full_name="Trần An")
    client.force_login(setup["staff"])
    units = sorted([setup["school_a"], setup["school_b"]], key=lambda u: u.path)
    by_unit = {setup["school_a"].pk: [b.pk, c.pk], setup["school_b"].pk: [a.pk]}
    expected = [pk for unit in units for pk in by_unit[unit.pk]]
    assert _page(client, setup, sort="don-vi") == [*expected, nowhere.pk]
    # Reversed, the units turn round, the people in each stay A to Z, no unit stays last.
    reverse_units = [pk for unit in reversed(units) for pk in by_unit[unit.pk]]
    assert _page(client, setup, sort="-don-vi") == [*reverse_units, nowhere.pk]


def test_register_by_invitation_status_in_the_order_of_its_moves(client, setup):
    declined = DelegateFactory(category=setup["category"], invitation_status="declined")
    confirmed = DelegateFactory(category=setup["category"], invitation_status="confirmed")
    to_invite = DelegateFactory(category=setup["category"], invitation_status="to_invite")
    invited = DelegateFactory(category=setup["category"], invitation_status="invited")
    client.force_login(setup["staff"])
    order = [to_invite.pk, invited.pk, confirmed.pk, declined.pk]
    assert _page(client, setup, sort="tinh-trang") == order
    assert _page(client, setup, sort="-tinh-trang") == order[::-1]


def test_register_headers_keep_the_filters_and_say_aria_sort(client, setup):
    DelegateFactory(category=setup["category"], full_name="Nguyễn Văn An")
    client.force_login(setup["staff"])
    html = _html(client, setup, invitation_status="to_invite", q="an", sort="-ten", page="1")
    headers = re.findall(r"<th [^>]*>\s*<a [^>]*href=\"([^\"]*)\"[^>]*>", html)
    assert len(headers) == 4
    for href in headers:
        assert "invitation_status=to_invite" in href and "q=an" in href
        assert "page=" not in href
    assert '<th data-label="Họ và tên" aria-sort="descending"><a class="sort-link" href="?' in html
    assert "invitation_status=to_invite&amp;q=an&amp;sort=ten" in html  # flips the direction
    assert html.count("aria-sort=") == 1
    # The filter form sends the order along, so filtering does not lose it.
    assert '<input type="hidden" name="sort" value="-ten">' in html


def test_register_has_the_phone_select(client, setup):
    client.force_login(setup["staff"])
    html = _html(client, setup, source="guest", sort="don-vi")
    select = html[html.index('data-testid="sort-select"') :]
    select = select[: select.index("</form>")]
    assert '<label class="form-label small mb-0" for="sap-xep">Sắp xếp theo</label>' in select
    assert '<option value="don-vi" selected>Đơn vị (tăng dần)</option>' in select
    assert '<option value="-ten">Họ và tên (Z → A)</option>' in select
    assert '<input type="hidden" name="source" value="guest">' in select


def test_register_export_follows_the_page_order(client, setup):
    delegates = _register(setup, 40)
    client.force_login(setup["staff"])
    url = reverse("delegates_export", args=[setup["conference"].pk])
    sheet = openpyxl.load_workbook(BytesIO(client.get(url, {"sort": "-ten"}).content)).active
    column = list(next(sheet.iter_rows(values_only=True))).index("Họ và tên")
    names = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    by_pk = {d.pk: d.full_name for d in delegates}
    assert names == [by_pk[pk] for pk in reversed(_in_python_order(delegates))]
    default = selectors.register_export_table(setup["conference"], {})
    assert [row[column] for row in default["rows"]] == [
        by_pk[pk] for pk in _in_python_order(delegates)
    ]


# --- the key on every write path -----------------------------------------------------------


def _key_of(pk: int) -> str:
    return Delegate.objects.values_list("sort_key", flat=True).get(pk=pk)


def test_key_made_on_save_service_add_and_edit(setup):
    delegate = services.add_delegate(
        conference=setup["conference"], category=setup["category"], by=setup["staff"],
        unit=setup["school_a"], full_name="Lê Văn Án",
    )  # fmt: skip
    assert _key_of(delegate.pk) == name_sort_string("Lê Văn Án")
    services.update_delegate(delegate=delegate, by=setup["staff"], full_name="Đinh Thị Mạ")
    assert _key_of(delegate.pk) == name_sort_string("Đinh Thị Mạ")
    delegate.is_collective = True
    delegate.save(update_fields=["is_collective"])
    assert _key_of(delegate.pk) == name_sort_string("Đinh Thị Mạ", as_written=True)


def test_key_made_by_bulk_add_update_and_bulk_update(setup):
    people = [(setup["category"], {"full_name": "Nguyễn Văn An"})]
    (added,) = services.add_delegates(
        conference=setup["conference"], unit=setup["school_a"], by=setup["staff"], people=people
    )
    assert _key_of(added.pk) == name_sort_string("Nguyễn Văn An")
    Delegate.objects.filter(pk=added.pk).update(full_name="Trần Thị Yến")
    assert _key_of(added.pk) == name_sort_string("Trần Thị Yến")
    added.full_name = "Hà Văn Dũng"
    Delegate.objects.bulk_update([added], ["full_name"])
    assert _key_of(added.pk) == name_sort_string("Hà Văn Dũng")


def test_imported_rows_get_the_key(setup):
    report = _import(setup, _xlsx(_row("Lê Văn Án"), _row("Y Bih Niê")))
    assert report.ok and report.new == 2
    keys = dict(Delegate.objects.values_list("full_name", "sort_key"))
    assert keys == {name: name_sort_string(name) for name in ("Lê Văn Án", "Y Bih Niê")}


def test_migration_fills_rows_written_before_it(setup):
    person = DelegateFactory(category=setup["category"], full_name="Đỗ Thị Ánh")
    school = DelegateFactory(
        category=setup["category"], full_name="Trường Mầm non Hoa Sen", is_collective=True
    )
    Delegate._base_manager.update(sort_key="")  # as the rows were before the column
    migration = importlib.import_module("delegates.migrations.0005_name_sort_key")
    migration.fill(apps, None)
    assert _key_of(person.pk) == name_sort_string("Đỗ Thị Ánh")
    assert _key_of(school.pk) == name_sort_string("Trường Mầm non Hoa Sen", as_written=True)
