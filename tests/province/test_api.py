"""The read-only JSON API: token scoping, revocation, constant queries, the token page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conferences.models import Role
from province.generator import generate_province
from province.models import ApiToken, hash_token
from province.services import create_api_token, revoke_api_token
from tests.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True)


def _get(client, raw: str, name: str, query: dict | None = None, **kwargs):
    url = reverse(f"api:{name}", kwargs=kwargs)
    return client.get(url, query or {}, HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_a_communes_token_cannot_read_another_commune(client, small_province, admin):
    a, b = small_province.communes[:2]
    _, raw = create_api_token(unit=a, name="Văn bản xã A", by=admin)
    listed = _get(client, raw, "conferences", {"limit": 100}).json()
    assert listed["count"] == 2
    assert {c["organiser_id"] for c in listed["items"]} == {a.pk}
    conference_b = b.conferences.first()
    assert _get(client, raw, "conference", conference_id=conference_b.pk).status_code == 404
    decision_b = conference_b.nomination_rounds.get().decisions.get()
    assert _get(client, raw, "decision", decision_id=decision_b.pk).status_code == 404
    decisions = _get(client, raw, "decisions", {"limit": 100}).json()["items"]
    assert {d["organiser_name"] for d in decisions} == {a.name}
    stats = _get(client, raw, "statistics", {"from_year": 2024, "to_year": 2025}).json()
    assert [u["unit_id"] for u in stats["units"]] == [a.pk]
    assert stats["totals"]["honourees"] == 20


def test_a_province_token_reads_every_commune_and_the_sums_agree(client, small_province, admin):
    _, raw = create_api_token(unit=small_province.province, name="CSDL tỉnh", by=admin)
    stats = _get(client, raw, "statistics", {"from_year": 2024, "to_year": 2025}).json()
    assert len(stats["units"]) == 12
    assert stats["totals"]["honourees"] == sum(u["figures"]["honourees"] for u in stats["units"])
    assert stats["totals"]["amount"] == sum(u["figures"]["amount"] for u in stats["units"])
    decision = _get(client, raw, "decisions", {"year": 2025, "limit": 1}).json()["items"][0]
    detail = _get(client, raw, "decision", decision_id=decision["id"]).json()
    assert len(detail["lines"]) == detail["line_count"] == 10
    assert sum(line["amount"] for line in detail["lines"]) == detail["amount_total"] > 0
    assert detail["number"] == "01/QĐ-UBND"


def test_a_revoked_or_unknown_token_is_refused(client, small_province, admin):
    token, raw = create_api_token(unit=small_province.province, name="Cũ", by=admin)
    assert _get(client, raw, "conferences").status_code == 200
    revoke_api_token(token=token, by=admin)
    assert _get(client, raw, "conferences").status_code == 401
    assert _get(client, raw + "x", "conferences").status_code == 401
    assert client.get(reverse("api:conferences")).status_code == 401


def _queries(client, raw, name, query=None, **kwargs) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = _get(client, raw, name, query, **kwargs)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_api_query_counts_do_not_grow_with_the_data(client, admin):
    small = generate_province(communes=3, years=1, lines_per_commune=3, prefix="QA")
    large = generate_province(communes=12, years=1, lines_per_commune=12, prefix="QB")
    raws = [create_api_token(unit=p.province, name="x", by=admin)[1] for p in (small, large)]
    for name, query in (
        ("conferences", {"limit": 100}),
        ("decisions", {"limit": 100}),
        ("statistics", {"from_year": 2025, "to_year": 2025}),
    ):
        few, many = (_queries(client, raw, name, query) for raw in raws)
        assert few == many, name
    details = []
    for raw, p in zip(raws, (small, large), strict=True):
        decision = p.conferences[0].nomination_rounds.get().decisions.get()
        details.append(_queries(client, raw, "decision", decision_id=decision.pk))
    assert details[0] == details[1]


def test_token_page_shows_the_key_once_and_keeps_only_its_hash(client, small_province):
    commune = small_province.communes[0]
    client.force_login(member(commune, Role.ADMIN))
    response = client.post(reverse("province:token_list"), {"unit": commune.pk, "name": "QLVB"})
    assert response.status_code == 200
    raw = response.context["created"]["raw"]
    token = ApiToken.objects.get()
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert token.unit == commune and token.name == "QLVB"
    assert raw in response.content.decode()
    assert raw not in client.get(reverse("province:token_list")).content.decode()
    assert _get(client, raw, "conferences").status_code == 200


def test_token_page_refuses_a_unit_outside_the_administrators_office(client, small_province):
    mine, sibling = small_province.communes[:2]
    client.force_login(member(mine, Role.ADMIN))
    response = client.post(reverse("province:token_list"), {"unit": sibling.pk, "name": "X"})
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_api_docs_are_served_from_our_static_files(client):
    client.force_login(UserFactory())
    html = client.get(reverse("api:openapi-view")).content.decode()
    assert "ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    schema = client.get(reverse("api:openapi-json")).json()
    assert "/api/v1/statistics" in schema["paths"]
