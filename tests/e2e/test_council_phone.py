"""The council on a phone (390 px wide): a member present votes; a member recorded absent is told
the page's votes do not count; the office enters the absent member's written vote on the
sitting page. No page scrolls sideways."""

import pytest

from conferences.models import Role
from honorees.models import CouncilVote, Nomination
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory, sitting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_council_votes_and_written_votes_on_a_phone(as_user):
    commune = UnitFactory(name="Ủy ban nhân dân xã Hòa Bình")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    present = member(commune, Role.COUNCIL, full_name="Trần Thị Mai")
    absent = member(commune, Role.COUNCIL, full_name="Lương Văn Bảo")
    staff = member(commune, Role.STAFF)
    nominee = NominationFactory(
        round=round, status=Nomination.Status.SUBMITTED, full_name="Hoàng Thị Lan"
    )
    sitting(round, [present])

    voter = as_user(present)
    voter.set_viewport_size(PHONE)
    voter.goto(f"/khen-thuong/dot/{round.pk}/binh-xet/")
    item = voter.get_by_test_id("council-item").first
    item.get_by_label("Đồng ý", exact=True).check()
    item.get_by_role("button", name="Ghi ý kiến").click()
    voter.get_by_text("Đã ghi ý kiến của bạn.").wait_for()
    assert voter.get_by_test_id("absent-notice").count() == 0
    assert _fits(voter)

    away = as_user(absent)
    away.set_viewport_size(PHONE)
    away.goto(f"/khen-thuong/dot/{round.pk}/binh-xet/")
    assert "không được tính" in away.get_by_test_id("absent-notice").inner_text()
    assert _fits(away)

    office = as_user(staff)
    office.set_viewport_size(PHONE)
    office.goto(f"/khen-thuong/dot/{round.pk}/phien-hop/")
    card = office.get_by_test_id("written-votes").filter(has_text="Lương Văn Bảo")
    card.get_by_label("Phiếu của Lương Văn Bảo cho Hoàng Thị Lan").select_option(label="Đồng ý")
    card.get_by_role("button", name="Ghi phiếu bằng văn bản").click()
    office.get_by_text("Đã ghi phiếu bằng văn bản của Lương Văn Bảo.").wait_for()
    assert _fits(office)
    vote = CouncilVote.objects.get(nomination=nominee, member=absent)
    assert vote.in_writing and vote.entered_by == staff
    tally = office.get_by_test_id("sitting-tally").first.inner_text()
    assert "Đồng ý 2" in tally and "2/2 = 100% (tính cả 1 phiếu bằng văn bản)" in tally
