"""The sitting's pages: the office records attendance, enters an absent member's written votes,
sets the number to honour and finalises; council members see whether their votes count."""

import pytest
from django.urls import reverse

from conferences.models import Role
from honorees.models import CouncilSitting, CouncilVote, Nomination, RoundAwardLimit
from tests.factories import member
from tests.honorees.factories import NominationFactory, RoundFactory, award, sitting

S = Nomination.Status


@pytest.fixture
def world(cast):
    round = RoundFactory(conference=cast["conference_a"])
    present, absent = cast["users"]["council"], member(cast["office_a"], Role.COUNCIL)
    return {
        "round": round,
        "staff": cast["users"]["staff"],
        "present": present,
        "absent": absent,
        "nominee": NominationFactory(round=round, status=S.SUBMITTED, full_name="Hoàng Thị Lan"),
    }


def _url(name, world):
    return reverse(f"honorees:{name}", kwargs={"pk": world["round"].pk})


def test_office_records_the_sitting_and_sees_the_attendance(client, world):
    client.force_login(world["staff"])
    data = {
        "held_at": "2026-12-05T14:00",
        "place": "Hội trường xã",
        "chair": world["present"].pk,
        "secretary_name": "Lê Thị Thư",
        "present": [world["present"].pk],
    }
    response = client.post(_url("council_sitting", world), data)
    assert response.status_code == 302
    recorded = CouncilSitting.objects.get(round=world["round"])
    assert list(recorded.present.all()) == [world["present"]]
    page = client.get(_url("council_sitting", world)).content.decode()
    assert "có mặt 1, vắng mặt 1" in page
    assert "Hoàng Thị Lan" in page and "Ghi phiếu bằng văn bản" in page


def test_sitting_form_keeps_a_refused_chair_as_a_form_error(client, world):
    client.force_login(world["staff"])
    data = {
        "held_at": "2026-12-05T14:00",
        "place": "Hội trường xã",
        "chair": world["absent"].pk,
        "secretary_name": "Lê Thị Thư",
        "present": [world["present"].pk],
    }
    response = client.post(_url("council_sitting", world), data)
    assert response.status_code == 200
    assert "Người chủ trì phải là thành viên Hội đồng có mặt." in response.content.decode()
    assert not CouncilSitting.objects.exists()


def test_office_enters_an_absent_members_written_vote(client, world):
    sitting(world["round"], [world["present"]])
    client.force_login(world["staff"])
    data = {"member": world["absent"].pk, f"n{world['nominee'].pk}": "agree"}
    client.post(_url("council_written_votes", world), data)
    vote = CouncilVote.objects.get(member=world["absent"])
    assert (vote.choice, vote.in_writing, vote.entered_by) == ("agree", True, world["staff"])


def test_office_sets_the_number_to_honour(client, world):
    client.force_login(world["staff"])
    client.post(_url("round_award_limits", world), {f"seats_{award('gk-xa').pk}": "2"})
    assert RoundAwardLimit.objects.get(round=world["round"]).seats == 2
    response = client.post(
        _url("round_award_limits", world), {f"seats_{award('gk-xa').pk}": "hai"}, follow=True
    )
    assert "phải là số nguyên" in response.content.decode()
    assert RoundAwardLimit.objects.get(round=world["round"]).seats == 2


def test_finalising_twice_answers_with_the_current_state(client, world):
    sitting(world["round"], [world["present"], world["absent"]])
    for voter in (world["present"], world["absent"]):
        CouncilVote.objects.create(nomination=world["nominee"], member=voter, choice="agree")
    client.force_login(world["staff"])
    first = client.post(_url("council_finalise", world), follow=True).content.decode()
    assert "Đã chốt kết quả phiên họp Hội đồng." in first
    world["nominee"].refresh_from_db()
    assert world["nominee"].status == S.APPROVED
    second = client.post(_url("council_finalise", world), follow=True).content.decode()
    assert "Phiên họp đã được chốt kết quả." in second


def test_absent_member_is_told_their_votes_here_do_not_count(client, world):
    sitting(world["round"], [world["present"]])
    client.force_login(world["absent"])
    page = client.get(_url("council_list", world)).content.decode()
    assert 'data-testid="absent-notice"' in page
    client.force_login(world["present"])
    assert (
        'data-testid="absent-notice"'
        not in client.get(_url("council_list", world)).content.decode()
    )


def test_tally_page_shows_each_forms_rule_and_share(client, world):
    sitting(world["round"], [world["present"], world["absent"]])
    CouncilVote.objects.create(nomination=world["nominee"], member=world["present"], choice="agree")
    client.force_login(world["staff"])
    page = client.get(_url("review_tally", world)).content.decode()
    assert "1/2 = 50%" in page and "hơn một nửa tổng số thành viên Hội đồng" in page
