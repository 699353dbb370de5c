"""The allocation notice through the outbox: the office previews every letter (its exact text
and absolute link, who it reaches, the paper notice for units without an account), confirms
the count it saw, and a preview gone stale sends nothing."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from conferences.models import Role
from delegates.models import DelegateRound
from tests.delegates.factories import AllocationFactory
from tests.factories import UnitFactory, member

SITE = "https://thidua.example.gov.vn"


@pytest.fixture
def notice(setup, settings):
    """Three units with seats: school A (the cast's submitter and a second one), school B (its
    submitter has no address), a village with no account at all."""
    settings.SITE_URL = SITE
    AllocationFactory(category=setup["category"], unit=setup["school_b"], seats=1)
    setup["submitter_b"].email = ""
    setup["submitter_b"].save()
    village = UnitFactory(parent=setup["office"], name="Thôn Không Tài Khoản")
    AllocationFactory(category=setup["category"], unit=village, seats=1)
    second = member(setup["school_a"], Role.SUBMITTER, email="pho.hieu.truong@example.vn")
    url = reverse("delegates_notify", args=[setup["conference"].pk])
    return {**setup, "village": village, "second": second, "url": url}


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _confirm_data(response) -> dict:
    outbox = response.context["outbox"]
    return {"count": outbox.count, "fingerprint": outbox.fingerprint}


def test_the_preview_shows_the_letter_with_its_absolute_link_and_the_counts(client, notice):
    client.force_login(notice["staff"])
    response = client.get(notice["url"])
    assert response.status_code == 200
    text = _text(response)
    assert "Sẽ gửi 1 thư đến 1 đơn vị (2 địa chỉ thư điện tử)" in text
    assert "2 đơn vị chưa có tài khoản nhận thư" in text
    conference = notice["conference"]
    assert f"[Thi đua - Khen thưởng] Phân bổ đại biểu dự {conference.title}" in text
    assert "- Đại biểu cơ sở: 2 đại biểu" in text
    link = f"{SITE}/hoi-nghi/{conference.pk}/dai-bieu/don-vi/{notice['school_a'].pk}/"
    assert f'href="{link}"' in response.content.decode()
    assert notice["second"].email in text and "Gửi 1 thư" in text
    assert not mail.outbox and not DelegateRound.objects.filter(notified_at__isnull=False).exists()


def test_the_select_shows_any_units_letter(client, notice):
    client.force_login(notice["staff"])
    letters = client.get(notice["url"]).context["outbox"].letters
    position = [letter.recipient for letter in letters].index("Thôn Không Tài Khoản")
    response = client.get(notice["url"], {"thu": position})
    shown = response.context["letter"]
    assert shown.recipient == "Thôn Không Tài Khoản"
    assert "cho Thôn Không Tài Khoản:" in _text(response)
    assert "thư này không được gửi" in _text(response)


def test_units_without_an_account_are_listed_with_their_paper_notice(client, notice):
    client.force_login(notice["staff"])
    html = client.get(notice["url"]).content.decode()
    unreached = html[html.index('data-testid="outbox-unreached"') :]
    unreached = unreached[: unreached.index("</ul>")]
    paper = reverse("document_request", args=["quota_notice", notice["conference"].pk])
    for unit in (notice["school_b"], notice["village"]):
        assert unit.name in unreached
        assert f'name="param_unit" value="{unit.pk}"' in unreached
    assert unreached.count(f'action="{paper}"') == 2
    assert notice["school_a"].name not in unreached


def test_confirming_sends_exactly_the_letters_previewed(
    client, notice, django_capture_on_commit_callbacks
):
    client.force_login(notice["staff"])
    data = _confirm_data(client.get(notice["url"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(notice["url"], data, follow=True)
    assert response.redirect_chain[-1][0].endswith("/phan-bo/")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [notice["submitter_a"].email, notice["second"].email]
    )
    text = _text(response)
    assert (
        "1 đơn vị đã nhận thư thông báo phân bổ (2 thư điện tử tới cán bộ của các đơn vị)." in text
    )
    assert "2 đơn vị chưa có tài khoản nhận thư: Trường B, Thôn Không Tài Khoản" in text
    assert mail.outbox[0].body.endswith(
        f"{SITE}/hoi-nghi/{notice['conference'].pk}/dai-bieu/don-vi/{notice['school_a'].pk}/"
    )
    assert DelegateRound.objects.get(conference=notice["conference"]).notified_at is not None


def test_a_stale_preview_sends_nothing_and_shows_the_new_one(
    client, notice, django_capture_on_commit_callbacks
):
    client.force_login(notice["staff"])
    data = _confirm_data(client.get(notice["url"]))
    member(notice["village"], Role.SUBMITTER, email="thon@example.vn")  # an account meanwhile
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(notice["url"], data)
    assert response.status_code == 200
    assert not mail.outbox
    assert not DelegateRound.objects.filter(notified_at__isnull=False).exists()
    text = _text(response)
    assert "Danh sách thư đã thay đổi từ lúc xem trước" in text
    assert "Sẽ gửi 2 thư đến 2 đơn vị (3 địa chỉ thư điện tử)" in text
    fresh = _confirm_data(response)
    assert fresh["fingerprint"] != data["fingerprint"] and fresh["count"] == 2


def test_a_second_click_on_the_same_preview_sends_nothing_more(
    client, notice, django_capture_on_commit_callbacks
):
    client.force_login(notice["staff"])
    data = _confirm_data(client.get(notice["url"]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(notice["url"], data)
        again = client.post(notice["url"], data)
    assert len(mail.outbox) == 2  # the two submitters of school A, once
    assert "Danh sách thư đã thay đổi" in _text(again)


def test_the_confirm_form_asks_first_and_posts_the_count_and_fingerprint(client, notice):
    client.force_login(notice["staff"])
    response = client.get(notice["url"])
    html = response.content.decode()
    form = html[html.index('data-testid="outbox-confirm"') :]
    form = form[: form.index("</form>")]
    assert "data-confirm=" in form and "không thu hồi được" in form
    assert 'name="count" value="1"' in form
    assert f'name="fingerprint" value="{response.context["outbox"].fingerprint}"' in form


def test_the_allocation_page_links_to_the_preview(client, notice):
    client.force_login(notice["staff"])
    page = client.get(reverse("delegates_allocation", args=[notice["conference"].pk]))
    assert f'href="{notice["url"]}"' in page.content.decode()


@pytest.mark.parametrize("persona", ["leader", "submitter"])
def test_only_the_office_staff_preview_and_send(client, notice, persona):
    client.force_login(notice[persona if persona != "submitter" else "submitter_a"])
    outbox_data = {"count": 1, "fingerprint": "x"}
    assert client.get(notice["url"]).status_code == 403
    assert client.post(notice["url"], outbox_data).status_code == 403
    assert not mail.outbox


def test_the_preview_labels_its_fields_and_speaks_vietnamese(client, notice):
    from tests.page_checks import english_words, unlabelled_fields

    client.force_login(notice["staff"])
    html = client.get(notice["url"]).content.decode()
    assert 'id="outbox-letter"' in html  # the letter select is there, and labelled
    assert unlabelled_fields(html) == []
    assert english_words(html) == []


def test_the_preview_runs_in_constant_queries(client, setup):
    from tests.queries import assert_queries_constant

    def add_unit(i):
        unit = UnitFactory(parent=setup["office"], name=f"Thôn Số {i}")
        AllocationFactory(category=setup["category"], unit=unit, seats=1)
        member(unit, Role.SUBMITTER, full_name=f"Cán Bộ Thôn {i}")
        return f"Cán Bộ Thôn {i}"

    client.force_login(setup["staff"])
    assert_queries_constant(
        client, reverse("delegates_notify", args=[setup["conference"].pk]), add_unit
    )
