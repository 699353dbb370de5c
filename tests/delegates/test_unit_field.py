"""The office's delegate form chooses the unit through the search field: no select with every
unit of the province; the chosen unit shows as a chip; a unit outside the organiser is refused."""

import pytest
from django.urls import reverse

from conferences.models import Unit
from delegates.models import Delegate
from tests.delegates.factories import DelegateFactory
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def _url(name, s, **kw):
    return reverse(name, kwargs={"conference_pk": s["conference"].pk, **kw})


def _person(setup, unit) -> dict:
    return {
        "category": setup["category"].pk, "source": "unit", "title": "", "full_name": "Lê Văn Tư",
        "gender": "male", "birth_year": "1970", "ethnicity": "Kinh", "position": "",
        "sector": "", "phone": "", "unit": unit.pk, "unit_name": "", "seat_or_zone": "",
    }  # fmt: skip


def test_add_delegate_form_lists_no_units(client, setup):
    client.force_login(setup["staff"])
    html = client.get(_url("delegates_create", setup)).content.decode()
    assert "Trường B" not in html and "data-unit-search" in html
    assert f"trong={setup['office'].pk}" in html


def test_add_delegate_with_a_unit_from_the_search(client, setup):
    client.force_login(setup["staff"])
    response = client.post(_url("delegates_create", setup), _person(setup, setup["school_b"]))
    assert response.status_code == 302
    assert Delegate.objects.get(full_name="Lê Văn Tư").unit == setup["school_b"]


def test_add_delegate_refuses_a_unit_outside_the_organiser(client, setup, cast):
    client.force_login(setup["staff"])
    response = client.post(_url("delegates_create", setup), _person(setup, cast["office_b"]))
    assert (
        response.status_code == 200 and "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    )
    assert not Delegate.objects.filter(full_name="Lê Văn Tư").exists()


def test_edit_delegate_shows_its_unit_as_a_chip(client, setup):
    delegate = DelegateFactory(category=setup["category"], unit=setup["school_b"])
    client.force_login(setup["staff"])
    html = client.get(_url("delegates_edit", setup, pk=delegate.pk)).content.decode()
    assert f'<input type="hidden" name="unit" value="{setup["school_b"].pk}">' in html
    assert "Trường B" in html


def test_invitations_chooser_filters_by_a_unit_from_the_search(client, setup):
    DelegateFactory(category=setup["category"], unit=setup["school_a"], full_name="Người Trường A")
    DelegateFactory(category=setup["category"], unit=setup["school_b"], full_name="Người Trường B")
    client.force_login(setup["staff"])
    url = _url("delegates_invitations", setup)
    html = client.get(url, {"unit": setup["school_b"].pk}).content.decode()
    assert "Người Trường B" in html and "Người Trường A" not in html
    assert f'<input type="hidden" name="unit" value="{setup["school_b"].pk}">' in html
    # a unit with nobody in the register is a valid choice, with nobody to print
    nobody = UnitFactory(parent=setup["office"], name="Thôn Vắng", kind=Unit.Kind.VILLAGE)
    empty = client.get(url, {"unit": nobody.pk})
    assert empty.status_code == 200 and "Người Trường" not in empty.content.decode()


def test_register_filters_by_a_unit_from_the_search(client, setup, cast):
    DelegateFactory(category=setup["category"], unit=setup["school_a"], full_name="Người Trường A")
    DelegateFactory(category=setup["category"], unit=setup["school_b"], full_name="Người Trường B")
    client.force_login(setup["staff"])
    url = _url("delegates_register", setup)
    html = client.get(url).content.decode()
    assert "data-unit-search" in html
    assert f'<option value="{setup["school_b"].pk}"' not in html  # no select of the units
    html = client.get(url, {"unit": setup["school_b"].pk}).content.decode()
    assert "Người Trường B" in html and "Người Trường A" not in html
    assert f'<input type="hidden" name="unit" value="{setup["school_b"].pk}">' in html
    nobody = UnitFactory(parent=setup["office"], name="Thôn Vắng", kind=Unit.Kind.VILLAGE)
    empty = client.get(url, {"unit": nobody.pk})
    assert empty.status_code == 200 and "Người Trường" not in empty.content.decode()
    assert client.get(url, {"unit": cast["office_b"].pk}).status_code == 400
