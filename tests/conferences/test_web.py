"""Safe redirects (`back`, `next`) and strict parameters: a value no page of ours sends answers
400 with a Vietnamese message, never a 500, and changes nothing."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.web import BadParameter, int_param, safe_next
from documents.models import GeneratedDocument
from tests.factories import PASSWORD, UserFactory
from tests.honorees.factories import RoundFactory

EVIL = "https://evil.example/"


# --- the helpers --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "candidate",
    [EVIL, "//evil.example/x", "http://testserver/x", "javascript:alert(1)", "", None],
)
def test_safe_next_refuses_other_hosts_and_schemes(candidate):
    request = RequestFactory().get("/", secure=True)

    assert safe_next(request, candidate, "/ve-nha/") == "/ve-nha/"


def test_safe_next_keeps_a_path_of_this_site_and_resolves_url_names():
    request = RequestFactory().get("/")

    assert safe_next(request, "/hoi-nghi/3/?q=a", "home") == "/hoi-nghi/3/?q=a"
    assert safe_next(request, EVIL, "unit_detail", pk=4) == reverse("unit_detail", args=[4])


@pytest.mark.parametrize(("value", "expected"), [("12", 12), (" 7 ", 7), ("", None), (None, None)])
def test_int_param_reads_whole_numbers(value, expected):
    assert int_param(value, label="đơn vị") == expected


@pytest.mark.parametrize("value", ["abc", "1.5", "-3", "1e3", "١٢", "12abc"])
def test_int_param_refuses_anything_else_in_vietnamese(value):
    with pytest.raises(BadParameter) as exc:
        int_param(value, label="đơn vị")

    assert "của “đơn vị” không hợp lệ: cần một số" in exc.value.message


# --- the views ----------------------------------------------------------------------------
def _bad_request(response) -> str:
    page = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="bad-parameter"' in page
    return page


@pytest.mark.django_db
def test_document_request_with_a_word_for_a_category_answers_400(client, world):
    client.force_login(world["users"]["staff"])
    url = reverse("document_request", args=["delegate_invitations", world["conference_a"].pk])

    response = client.post(url, {"fmt": "pdf", "param_category": "abc", "param_unit": ""})

    assert "“abc” của “thành phần” không hợp lệ" in _bad_request(response)
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_document_request_refused_never_goes_back_to_another_host(client, world):
    client.force_login(world["users"]["staff"])
    url = reverse("document_request", args=["delegate_invitations", world["conference_a"].pk])

    outside = client.post(url, {"fmt": "xyz", "back": EVIL})
    inside = client.post(url, {"fmt": "xyz", "back": "/hoi-nghi/"})

    assert outside.status_code == 302 and outside.url == reverse("home")
    assert inside.url == "/hoi-nghi/"


@pytest.mark.django_db
def test_login_never_sends_to_another_host(client):
    UserFactory(username="canbo")

    response = client.post(
        reverse("login"), {"username": "canbo", "password": PASSWORD, "next": EVIL}
    )

    assert response.status_code == 302 and response.url == reverse("home")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["conference=abc", "actor=abc", "date_from=31-31-2025"])
def test_activity_list_bad_filter_answers_400(client, world, query):
    client.force_login(world["users"]["staff"])

    page = _bad_request(client.get(reverse("activity_list") + "?" + query))

    assert "Bộ lọc không hợp lệ" in page


@pytest.mark.django_db
def test_activity_list_good_filter_still_answers_200(client, world):
    client.force_login(world["users"]["staff"])
    query = f"?conference={world['conference_a'].pk}&date_from=2025-01-01"

    assert client.get(reverse("activity_list") + query).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["delegates_register", "delegates_export"])
def test_delegate_register_bad_filter_answers_400(client, world, name):
    client.force_login(world["users"]["staff"])
    url = reverse(name, args=[world["conference_a"].pk])

    page = _bad_request(client.get(url + "?category=abc"))

    assert "Thành phần" in page


@pytest.mark.django_db
def test_invitations_bad_choice_in_query_answers_400(client, world):
    client.force_login(world["users"]["staff"])
    url = reverse("delegates_invitations", args=[world["conference_a"].pk])

    _bad_request(client.get(url + "?unit=abc"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "words"),
    [("unit=abc", "của “đơn vị” không hợp lệ"), ("status=abc", "không có trong danh mục")],
)
def test_round_detail_bad_filter_answers_400(client, world, query, words):
    round = RoundFactory(conference=world["conference_a"])
    client.force_login(world["users"]["staff"])
    url = reverse("honorees:round_detail", args=[round.pk])

    assert words in _bad_request(client.get(f"{url}?{query}"))
    assert client.get(f"{url}?unit={world['school'].pk}&status=submitted").status_code == 200


@pytest.mark.django_db
def test_bad_parameter_answers_htmx_with_plain_text(client, world):
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("activity_list") + "?actor=abc", HTTP_HX_REQUEST="true")

    assert response.status_code == 400
    assert response.content.decode().startswith("Bộ lọc không hợp lệ")
