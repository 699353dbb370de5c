"""Each role's home page is its to-do list with the right numbers: the council member's
dossiers still to vote on, each round's own counts for a unit, the plans staff must fix or
issue, and the agencies' reports that came in since the previous visit."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conferences.models import Role, User
from tests.assignments.factories import DutyFactory, DutyUpdateFactory
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory, VoteFactory
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db
SUBMITTED = "submitted"


def _home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def test_council_count_drops_as_the_member_votes_and_ignores_others_votes(client):
    commune = UnitFactory()
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    first, second = NominationFactory.create_batch(2, round=round, status=SUBMITTED)
    me, colleague = member(commune, Role.COUNCIL), member(commune, Role.COUNCIL)
    VoteFactory(nomination=first, member=colleague)
    VoteFactory(nomination=second, member=colleague)

    assert "2 hồ sơ chờ bạn cho ý kiến" in _home(client, me)
    VoteFactory(nomination=first, member=me)
    assert "1 hồ sơ chờ bạn cho ý kiến" in _home(client, me)
    VoteFactory(nomination=second, member=me)
    page = _home(client, me)
    assert "hồ sơ chờ bạn cho ý kiến —" not in page and "Không có hồ sơ nào chờ bình xét" in page


def test_each_round_shows_its_own_counts_to_the_unit(client):
    commune = UnitFactory()
    school = UnitFactory(parent=commune, name="Trường Tiểu học Thượng Hồng")
    conference = ConferenceFactory(organiser=commune)
    busy = RoundFactory(conference=conference, title="Đợt khen tổng kết")
    RoundFactory(conference=conference, title="Đợt khen đột xuất")
    NominationFactory.create_batch(3, round=busy, unit=school, status=SUBMITTED)
    submitter = member(school, Role.SUBMITTER)

    page = _home(client, submitter)
    busy_line = page[page.index("Đợt khen tổng kết") :][:600]
    quiet_line = page[page.index("Đợt khen đột xuất") :][:600]
    assert "Đã gửi: 3" in busy_line
    assert "Chưa có hồ sơ" in quiet_line and "Đã gửi" not in quiet_line.split("</li>")[0]


def test_staff_see_the_returned_and_the_approved_plan(client):
    commune = UnitFactory()
    staff = member(commune, Role.STAFF)
    returned = plan_for(ConferenceFactory(organiser=commune, title="Hội nghị A"), "returned", staff)
    approved = plan_for(ConferenceFactory(organiser=commune, title="Hội nghị B"), "approved", staff)

    page = _home(client, staff)
    assert "Kế hoạch bị trả lại: sửa theo ý kiến rồi gửi lại — Hội nghị A" in page
    assert "Kế hoạch đã được duyệt: ban hành, lấy số — Hội nghị B" in page
    assert reverse("plan_detail", args=[returned.pk]) in page
    assert reverse("plan_detail", args=[approved.pk]) in page


def test_agency_reports_since_the_previous_visit(client):
    commune = UnitFactory()
    staff = member(commune, Role.STAFF)
    duty = DutyFactory(assignment__conference=ConferenceFactory(organiser=commune))
    _home(client, staff)  # a first visit
    staff.refresh_from_db()
    assert staff.home_seen_at is not None

    DutyUpdateFactory(duty=duty)
    DutyUpdateFactory(duty=duty)
    assert "2 báo cáo mới của cơ quan từ lần xem trước" in _home(client, staff)
    assert "báo cáo mới" not in _home(client, staff)  # seen now


def test_a_report_older_than_the_visit_is_not_new(client):
    commune = UnitFactory()
    staff = member(commune, Role.STAFF)
    duty = DutyFactory(assignment__conference=ConferenceFactory(organiser=commune))
    DutyUpdateFactory(duty=duty)
    User.objects.filter(pk=staff.pk).update(home_seen_at=timezone.now() + dt.timedelta(minutes=1))
    assert "báo cáo mới" not in _home(client, staff)
