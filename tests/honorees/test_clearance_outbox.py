"""Clearance requests through the outbox: the office composes a request, previews one letter
per agency (exact text, absolute link, agencies nobody can receive it at), confirms the count
it saw; a preview gone stale creates and sends nothing."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conferences.models import ActivityEntry, Role, Unit
from honorees.models import ClearanceRequest
from tests.factories import UnitFactory, member
from tests.honorees.factories import NominationFactory

SITE = "https://thidua.example.gov.vn"


@pytest.fixture
def asking(cast, office, settings):
    """Office A's round with two nominees sent; the police (one reporter with an address)
    and the tax office (no account) to ask."""
    settings.SITE_URL = SITE
    for name in ("Vũ Thị Mơ", "Đỗ Văn Tùng"):
        NominationFactory(
            round=office["round"], unit=office["school"], status="submitted", full_name=name
        )
    tax = UnitFactory(parent=office["commune"], name="Chi cục Thuế", kind=Unit.Kind.AGENCY)
    deadline = timezone.localdate() + dt.timedelta(days=5)
    return {
        **office,
        "police": cast["agency"],
        "police_reporter": cast["users"]["reporter"],
        "tax": tax,
        "url": reverse("honorees:clearance_send", args=[office["round"].pk]),
        "query": {
            "agencies": [cast["agency"].pk, tax.pk],
            "deadline": deadline.isoformat(),
            "note": "Đề nghị xác nhận việc chấp hành pháp luật\r\ntại địa phương.",
        },
    }


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _confirm(response, query) -> dict:
    outbox = response.context["outbox"]
    return {**query, "count": outbox.count, "fingerprint": outbox.fingerprint}


def test_the_preview_shows_each_agencys_letter_and_who_it_cannot_reach(client, asking):
    client.force_login(asking["staff"])
    response = client.get(asking["url"], asking["query"])
    assert response.status_code == 200
    text = _text(response)
    assert "Sẽ gửi 1 thư đến 1 cơ quan (1 địa chỉ thư điện tử)" in text
    assert "1 cơ quan chưa có tài khoản nhận thư" in text
    letter = response.context["letter"]
    assert letter.recipient == "Công an xã An Thịnh"
    assert "[Thi đua - Khen thưởng] Đề nghị cho ý kiến về người được khen thưởng" in text
    assert "cho ý kiến về 2 tập thể, cá nhân" in text and "tại địa phương." in text
    assert f'href="{SITE}/khen-thuong/xin-y-kien/"' in response.content.decode()
    html = response.content.decode()
    unreached = html[html.index('data-testid="outbox-unreached"') :]
    assert "Chi cục Thuế" in unreached[: unreached.index("</ul>")]
    assert "Gửi 1 thư" in text
    assert not ClearanceRequest.objects.exists() and not mail.outbox


def test_without_a_request_composed_the_page_shows_the_form_only(client, asking):
    client.force_login(asking["staff"])
    response = client.get(asking["url"])
    assert response.status_code == 200 and response.context["outbox"] is None
    assert 'data-testid="clearance-compose"' in response.content.decode()
    past = {**asking["query"], "deadline": "2020-01-01"}
    response = client.get(asking["url"], past)
    assert response.context["outbox"] is None
    assert "Hạn trả lời không được trước hôm nay." in _text(response)


def test_confirming_asks_the_agencies_and_mails_the_reporters(
    client, asking, django_capture_on_commit_callbacks
):
    client.force_login(asking["staff"])
    data = _confirm(client.get(asking["url"], asking["query"]), asking["query"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(asking["url"], data, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "honorees:clearance_list", args=[asking["round"].pk]
    )
    asked = ClearanceRequest.objects.filter(round=asking["round"])
    assert sorted(asked.values_list("agency__name", flat=True)) == [
        "Chi cục Thuế",
        "Công an xã An Thịnh",
    ]
    assert all(r.answers.count() == 2 for r in asked)
    [message] = mail.outbox
    assert message.to == [asking["police_reporter"].email]
    assert message.body.endswith(f"Xem và xử lý tại: {SITE}/khen-thuong/xin-y-kien/")
    assert "pháp luật\ntại địa phương." in message.body
    text = _text(response)
    assert "1 cơ quan đã nhận thư (1 thư điện tử tới đầu mối của các cơ quan)" in text
    assert "1 cơ quan chưa có tài khoản nhận thư: Chi cục Thuế" in text
    summary = ActivityEntry.objects.get(action="clearance.requested").summary
    assert "1 cơ quan nhận thư; 1 cơ quan chưa có tài khoản nhận thư" in summary


def test_a_stale_preview_creates_and_sends_nothing(
    client, asking, django_capture_on_commit_callbacks
):
    client.force_login(asking["staff"])
    data = _confirm(client.get(asking["url"], asking["query"]), asking["query"])
    NominationFactory(round=asking["round"], unit=asking["school"], status="submitted")
    member(asking["tax"], Role.REPORTER, email="thue@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(asking["url"], data)
    assert response.status_code == 200
    assert not ClearanceRequest.objects.exists() and not mail.outbox
    text = _text(response)
    assert "Danh sách thư đã thay đổi từ lúc xem trước" in text
    assert "Sẽ gửi 2 thư đến 2 cơ quan" in text and "về 3 tập thể, cá nhân" in text
    assert _confirm(response, {})["fingerprint"] != data["fingerprint"]


def test_a_second_click_asks_nobody_twice(client, asking, django_capture_on_commit_callbacks):
    client.force_login(asking["staff"])
    data = _confirm(client.get(asking["url"], asking["query"]), asking["query"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(asking["url"], data)
        again = client.post(asking["url"], data)
    assert ClearanceRequest.objects.count() == 2 and len(mail.outbox) == 1
    assert "Danh sách thư đã thay đổi" in _text(again)


def test_the_round_page_composes_through_the_preview(client, asking):
    client.force_login(asking["staff"])
    page = client.get(reverse("honorees:clearance_list", args=[asking["round"].pk]))
    html = page.content.decode()
    assert f'method="get" action="{asking["url"]}"' in html


@pytest.mark.parametrize("persona", ["leader", "clerk", "submitter"])
def test_only_the_office_staff_preview_and_send(client, asking, persona):
    client.force_login(asking[persona])
    assert client.get(asking["url"], asking["query"]).status_code in (403, 404)
    data = {**asking["query"], "count": 1, "fingerprint": "x"}
    assert client.post(asking["url"], data).status_code in (403, 404)
    assert not ClearanceRequest.objects.exists()


def test_the_pages_label_their_fields_and_speak_vietnamese(client, asking):
    from tests.page_checks import english_words, unlabelled_fields

    client.force_login(asking["staff"])
    for query in ({}, asking["query"], {**asking["query"], "agencies": []}):
        html = client.get(asking["url"], query).content.decode()
        assert unlabelled_fields(html) == [], query
        assert english_words(html) == [], query


def test_the_preview_runs_in_constant_queries(client, asking):
    from tests.queries import assert_queries_constant

    agencies = []

    def add_agency(i):
        agency = UnitFactory(parent=asking["commune"], name=f"Cơ Quan Số {i}", kind="agency")
        member(agency, Role.REPORTER, full_name=f"Đầu Mối Số {i}")
        agencies.append(agency.pk)
        return f"Đầu Mối Số {i}"

    def url():
        query = "&".join(f"agencies={pk}" for pk in agencies)
        return f"{asking['url']}?{query}&deadline={asking['query']['deadline']}"

    client.force_login(asking["staff"])
    assert_queries_constant(client, url, add_agency)
