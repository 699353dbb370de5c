"""The conference page shows each part's progress in numbers to the office, and a side
navigation to every part."""

import datetime as dt

import pytest
from django.urls import reverse

from conferences.models import Role
from tests.assignments.factories import DutyFactory
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory, VoteFactory
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


def test_each_part_shows_its_numbers(client):
    commune = UnitFactory()
    conference = ConferenceFactory(organiser=commune, date=dt.date(2020, 1, 10))
    staff = member(commune, Role.STAFF)
    plan_for(conference, "approved", staff)
    category = CategoryFactory(conference=conference, target_min=10, target_max=10)
    DelegateFactory(category=category, present_at="2020-01-10T08:00:00+07:00")
    DelegateFactory(category=category, invitation_status="invited")
    round = RoundFactory(conference=conference)
    voted = NominationFactory(round=round, status="submitted")
    NominationFactory(round=round, status="returned")
    VoteFactory(nomination=voted)
    DutyFactory(
        assignment__conference=conference, status="done", done_at="2020-01-05T08:00:00+07:00"
    )
    DutyFactory(
        assignment__conference=conference,
        deadline_kind="absolute",
        deadline_date=dt.date(2019, 12, 1),
    )

    client.force_login(staff)
    page = client.get(reverse("conference_detail", args=[conference.pk])).content.decode()

    for figure in (
        "Đã duyệt",
        "2/10 đại biểu",
        "1 đã mời",
        "1 có mặt",
        "1 đã gửi",
        "1 bị trả lại",
        "1 phiếu bình xét",
        "1/2 nhiệm vụ xong",
        "1 quá hạn",
        "0 tệp đã in",
    ):
        assert f">{figure}<" in page, figure
    nav = page[page.index('data-testid="conference-nav"') :]
    assert reverse("delegates_composition", args=[conference.pk]) in nav


def test_a_unit_sees_no_office_figures(client):
    commune = UnitFactory()
    school = UnitFactory(parent=commune)
    conference = ConferenceFactory(organiser=commune)
    NominationFactory(round=RoundFactory(conference=conference), unit=school, status="submitted")
    client.force_login(member(school, Role.SUBMITTER))
    page = client.get(reverse("conference_detail", args=[conference.pk])).content.decode()
    assert "phiếu bình xét" not in page and "đã gửi<" not in page
