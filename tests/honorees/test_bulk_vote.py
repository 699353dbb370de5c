"""A council member votes on many dossiers in one go: the choices made on the cards, "agree"
for the rest, and one card alone keeps the member's place on the page."""

import pytest
from django.urls import reverse

from conferences.models import Role
from honorees.models import CouncilVote
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory, VoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    commune = UnitFactory()
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    dossiers = NominationFactory.create_batch(4, round=round, status="submitted")
    return round, dossiers, member(commune, Role.COUNCIL)


def _mine(user):
    return dict(CouncilVote.objects.filter(member=user).values_list("nomination", "choice"))


def test_agree_to_the_rest_with_exceptions(client, council):
    round, (a, b, c, d), me = council
    VoteFactory(nomination=d, member=me, choice="abstain")
    client.force_login(me)
    response = client.post(
        reverse("honorees:council_votes", args=[round.pk]),
        {
            f"choice-{b.pk}": "disagree",
            f"comment-{b.pk}": "Chưa đủ thành tích",
            "default": "agree",
        },
        follow=True,
    )
    assert _mine(me) == {a.pk: "agree", b.pk: "disagree", c.pk: "agree", d.pk: "abstain"}
    assert "Đã ghi ý kiến cho 3 hồ sơ." in response.content.decode()
    assert CouncilVote.objects.get(member=me, nomination=b).comment == "Chưa đủ thành tích"


def test_one_card_alone_comes_back_to_that_card(client, council):
    round, (a, b, *_), me = council
    client.force_login(me)
    response = client.post(
        reverse("honorees:council_votes", args=[round.pk]),
        {f"choice-{a.pk}": "agree", f"choice-{b.pk}": "disagree", "only": a.pk},
    )
    assert response["Location"].endswith(f"#n{a.pk}")
    assert _mine(me) == {a.pk: "agree"}


def test_nothing_new_records_nothing(client, council):
    round, (a, *_), me = council
    VoteFactory(nomination=a, member=me, choice="agree")
    client.force_login(me)
    response = client.post(
        reverse("honorees:council_votes", args=[round.pk]),
        {f"choice-{a.pk}": "agree", "only": a.pk},
        follow=True,
    )
    assert "Không có ý kiến mới nào để ghi." in response.content.decode()
    assert CouncilVote.objects.filter(member=me).count() == 1


def test_a_bad_choice_records_none_of_the_batch(client, council):
    round, (a, b, *_), me = council
    client.force_login(me)
    client.post(
        reverse("honorees:council_votes", args=[round.pk]),
        {f"choice-{a.pk}": "agree", f"choice-{b.pk}": "maybe"},
    )
    assert _mine(me) == {}


def test_the_queue_is_paged_and_a_vote_comes_back_to_its_page(client):
    from honorees.views.review import COUNCIL_PAGE

    commune = UnitFactory()
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    NominationFactory.create_batch(COUNCIL_PAGE + 3, round=round, status="submitted")
    me = member(commune, Role.COUNCIL)
    client.force_login(me)
    url = reverse("honorees:council_list", args=[round.pk])
    first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert first.count('data-testid="council-item"') == COUNCIL_PAGE
    assert second.count('data-testid="council-item"') == 3
    assert f"Trang 2/2 ({COUNCIL_PAGE + 3})" in second
    last = round.nominations.order_by("-pk").first()
    response = client.post(
        reverse("honorees:council_votes", args=[round.pk]),
        {f"choice-{last.pk}": "agree", "only": last.pk, "page": 2},
    )
    assert response["Location"].endswith(f"?page=2#n{last.pk}")


def test_a_vote_on_one_card_reads_only_that_card(client):
    """With thousands of dossiers in the queue, one card's vote must not load them all: the
    queue is read for the posted cards only (the queries name them, not the whole round)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    commune = UnitFactory()
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    dossiers = NominationFactory.create_batch(30, round=round, status="submitted")
    me = member(commune, Role.COUNCIL)
    client.force_login(me)
    target = dossiers[7]
    with CaptureQueriesContext(connection) as captured:
        client.post(
            reverse("honorees:council_votes", args=[round.pk]),
            {f"choice-{target.pk}": "agree", "only": target.pk},
        )
    queue_reads = [q["sql"] for q in captured if 'FROM "honorees_nomination"' in q["sql"]]
    assert queue_reads and all(str(target.pk) in sql for sql in queue_reads[:1])
    assert _mine(me) == {target.pk: "agree"}
