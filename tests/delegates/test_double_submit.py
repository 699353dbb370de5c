"""A delegate form sent twice (a double click, a resent page) adds one delegate: two people may
share a name, so a one-time form token tells a repeat from a second person."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conferences.idempotency import new_token
from delegates.models import Delegate

pytestmark = pytest.mark.django_db


def _url(name, s, **kw):
    return reverse(name, kwargs={"conference_pk": s["conference"].pk, **kw})


def _person(setup, token=None, **extra) -> dict:
    data = {
        "category": setup["category"].pk,
        "full_name": "Đỗ Thị Hoa",
        "gender": "female",
        "birth_year": "1985",
        "ethnicity": "Kinh",
        "position": "Giáo viên",
        "sector": "culture",
        **extra,
    }
    return {**data, "form_token": token} if token else data


def _last_message(response) -> tuple[str, str]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)][-1]


def test_unit_page_form_sent_twice_adds_one_delegate(client, setup):
    client.force_login(setup["submitter_a"])
    url = _url("delegates_unit", setup, unit_pk=setup["school_a"].pk)
    assert 'name="form_token"' in client.get(url).content.decode()
    token = new_token()

    first = client.post(url, _person(setup, token))
    second = client.post(url, _person(setup, token))

    assert Delegate.objects.count() == 1
    assert second.status_code == 302 and second.url == first.url == url
    assert _last_message(second) == (
        "info",
        "Đại biểu này đã được thêm ở lần bấm trước; không thêm lần nữa.",
    )


def test_unit_page_two_people_of_the_same_name_are_two_delegates(client, setup):
    client.force_login(setup["submitter_a"])
    url = _url("delegates_unit", setup, unit_pk=setup["school_a"].pk)

    client.post(url, _person(setup, new_token()))
    client.post(url, _person(setup, new_token()))

    assert Delegate.objects.filter(full_name="Đỗ Thị Hoa").count() == 2


def test_office_form_sent_twice_adds_one_delegate(client, setup):
    client.force_login(setup["staff"])
    url = _url("delegates_create", setup)
    assert 'name="form_token"' in client.get(url).content.decode()
    token = new_token()
    data = _person(setup, token, source="guest", unit_name="Hội Cựu chiến binh")

    first = client.post(url, data)
    second = client.post(url, data)

    assert Delegate.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert second.url == _url("delegates_register", setup)


def test_a_token_of_another_user_is_not_taken_as_theirs(client, setup):
    url = _url("delegates_unit", setup, unit_pk=setup["school_a"].pk)
    token = new_token()
    client.force_login(setup["submitter_a"])
    client.post(url, _person(setup, token))
    client.force_login(setup["staff"])

    repeat = client.post(url, _person(setup, token, full_name="Người Khác"))

    assert Delegate.objects.count() == 1
    assert repeat.status_code == 302 and repeat.url == url
