"""A nominee sent twice (a double click) is one nominee taking one quota place; repeated
workflow clicks (send, finalise, sign, close) answer with the current state, not an error."""

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse

from conferences.idempotency import new_token
from honorees import services
from honorees.models import AwardDecision, Nomination, NominationRound
from tests.honorees.factories import NominationFactory, VoteFactory, approve_and_issue, award
from tests.honorees.test_services import DECISION

S = Nomination.Status
pytestmark = pytest.mark.django_db


def _form(token=None):
    data = {
        "full_name": "Phạm Thị Mai",
        "gender": "female",
        "birth_year": 1985,
        "achievement_summary": "Giáo viên dạy giỏi.",
        "proposed_award": award("gk-xa").pk,
        "submit": "1",
    }
    return {**data, "form_token": token} if token else data


def _create_url(office):
    kwargs = {"pk": office["round"].pk, "unit_pk": office["school"].pk, "kind": "individual"}
    return reverse("honorees:nomination_create", kwargs=kwargs)


def _last_message(response) -> tuple[str, str]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)][-1]


def test_nomination_form_carries_a_one_time_token(client, office):
    client.force_login(office["submitter"])

    page = client.get(_create_url(office)).content.decode()

    assert 'name="form_token"' in page


def test_nomination_sent_twice_with_one_token_creates_one_nominee(client, office):
    client.force_login(office["submitter"])
    token = new_token()

    first = client.post(_create_url(office), _form(token))
    second = client.post(_create_url(office), _form(token))

    assert Nomination.objects.count() == 1
    assert Nomination.objects.get().status == S.SUBMITTED
    assert second.status_code == 302 and second.url == first.url
    assert _last_message(second) == (
        "info",
        "Hồ sơ này đã được lưu ở lần bấm trước; không tạo thêm.",
    )


def test_nomination_sent_twice_without_token_is_refused_the_second_time(client, office):
    client.force_login(office["submitter"])

    client.post(_create_url(office), _form())
    second = client.post(_create_url(office), _form())

    assert Nomination.objects.count() == 1
    assert second.status_code == 200
    assert "đã được đề nghị trong đợt này" in second.content.decode()


def test_nomination_token_is_not_used_up_by_a_refused_form(client, office):
    sent = [
        NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED)
        for _ in range(3)
    ]
    client.force_login(office["submitter"])
    token = new_token()

    refused = client.post(_create_url(office), _form(token))  # over the quota of 3
    Nomination.objects.filter(pk=sent[0].pk).update(status=S.WITHDRAWN)
    accepted = client.post(_create_url(office), _form(token))

    assert refused.status_code == 200 and "Vượt chỉ tiêu" in refused.content.decode()
    assert accepted.status_code == 302
    assert Nomination.objects.filter(full_name="Phạm Thị Mai", status=S.SUBMITTED).count() == 1


def test_database_holds_one_alive_nomination_per_person_and_round(office):
    NominationFactory(round=office["round"], unit=office["school"], full_name="Lê Văn Hai")

    with pytest.raises(IntegrityError), transaction.atomic():
        NominationFactory(round=office["round"], unit=office["village"], full_name="LÊ VĂN HAI")

    NominationFactory(
        round=office["round"], unit=office["village"], full_name="Lê Văn Hai", birth_year=1990
    )
    NominationFactory(
        round=office["round"], unit=office["school"], full_name="Lê Văn Hai", status=S.WITHDRAWN
    )
    assert Nomination.objects.filter(name_key="le van hai").count() == 3


def test_submit_twice_says_it_was_sent(client, office):
    draft = NominationFactory(round=office["round"], unit=office["school"])
    client.force_login(office["submitter"])
    url = reverse("honorees:nomination_submit", kwargs={"pk": draft.pk})

    client.post(url)
    second = client.post(url)

    assert second.status_code == 302
    assert draft.events.filter(to_status=S.SUBMITTED).count() == 1
    level, text = _last_message(second)
    assert level == "info" and "“Đã gửi”" in text


def test_approve_twice_says_it_was_approved(client, office):
    n = NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED)
    for m in office["council"]:
        VoteFactory(nomination=n, member=m)
    client.force_login(office["staff"])
    url = reverse("honorees:nomination_finalise", kwargs={"pk": n.pk})

    client.post(url, {"outcome": "approved"})
    second = client.post(url, {"outcome": "approved"})

    assert n.events.filter(to_status=S.APPROVED).count() == 1
    level, text = _last_message(second)
    assert level == "info" and "Được Hội đồng thông qua" in text


def test_issue_twice_keeps_one_number_and_says_so(client, office):
    NominationFactory(round=office["round"], unit=office["school"], status=S.APPROVED)
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    services.approve_decision(decision=decision, by=office["leader"])
    client.force_login(office["clerk"])
    url = reverse("honorees:decision_issue", kwargs={"pk": decision.pk})

    client.post(url)
    second = client.post(url)

    decision.refresh_from_db()
    assert second.status_code == 302
    assert (decision.status, decision.number) == (AwardDecision.Status.ISSUED, 1)
    level, text = _last_message(second)
    assert level == "info" and f"số {decision.number_text}" in text


def test_approve_decision_twice_says_it_was_approved(client, office):
    NominationFactory(round=office["round"], unit=office["school"], status=S.APPROVED)
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    client.force_login(office["leader"])
    url = reverse("honorees:decision_approve", kwargs={"pk": decision.pk})

    client.post(url)
    second = client.post(url)

    level, text = _last_message(second)
    assert level == "info" and "đã được duyệt" in text


def test_issue_by_someone_who_could_not_issue_is_still_refused(client, office):
    NominationFactory(round=office["round"], unit=office["school"], status=S.APPROVED)
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office)
    client.force_login(office["leader"])

    response = client.post(reverse("honorees:decision_issue", kwargs={"pk": decision.pk}))

    assert response.status_code == 403


def test_close_round_twice_says_it_is_closed(client, office):
    client.force_login(office["staff"])
    url = reverse("honorees:round_state", kwargs={"pk": office["round"].pk})

    client.post(url, {"state": "closed"})
    second = client.post(url, {"state": "closed"})

    assert NominationRound.objects.get().state == "closed"
    level, _text = _last_message(second)
    assert level == "info"
