"""Every assignments page that lists things runs as many queries with three items as with one:
the office's board (both views), the timeline, the agency's duty pages, a duty's reports and
the reporter's home page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conferences.models import Unit
from tests.assignments.factories import (
    AssignmentFactory,
    DutyFactory,
    DutyUpdateFactory,
    MilestoneFactory,
    relative_duty,
)
from tests.factories import ConferenceFactory, UnitFactory
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db


def _conference(c):
    """The cast's conference, 20 days ahead (so deadlines before it are on the timeline)."""
    conference = c["conference_a"]
    if conference.date is None:
        conference.date = timezone.localdate() + dt.timedelta(days=20)
        conference.save(update_fields=["date"])
    return conference


def _conf_url(name, query=""):
    return lambda c: reverse(name, kwargs={"conference_pk": _conference(c).pk}) + query


def _add_assignment(c, i):
    """A new agency's assignment with a late duty, a plain duty and a milestone for it."""
    conference = _conference(c)
    agency = UnitFactory(parent=c["office_a"], name=f"Đội Thử Số {i}", kind=Unit.Kind.AGENCY)
    assignment = AssignmentFactory(conference=conference, unit=agency)
    text = f"Chuẩn bị hội trường phần {i}."
    relative_duty(assignment, -3, text=text)
    DutyFactory(assignment=assignment, status="in_progress")
    MilestoneFactory(conference=conference, title=f"Mốc chuẩn bị {i}.").units.add(agency)
    return text


def _add_agency_duty(c, i):
    """A duty of the cast's agency in a new conference (the pages group by conference)."""
    conference = ConferenceFactory(organiser=c["office_a"], title=f"Hội nghị phân công {i}")
    assignment = AssignmentFactory(conference=conference, unit=c["agency"])
    text = f"Bảo đảm an ninh trật tự đợt {i}."
    relative_duty(assignment, 2, text=text)
    return text


def _add_conference_with_open_duty(c, i):
    """For the staff's home page: one line per conference with open duties."""
    _add_agency_duty(c, i)
    return f"Phân công nhiệm vụ: Hội nghị phân công {i}"


def _duty_url(c):
    if "duty" not in c:
        assignment = AssignmentFactory(conference=_conference(c), unit=c["agency"])
        c["duty"] = DutyFactory(assignment=assignment)
    return reverse("duty_report", kwargs={"pk": c["duty"].pk})


def _add_update(c, i):
    _duty_url(c)
    note = f"Đã làm xong phần việc {i}."
    reporter = c["users"]["reporter"] if i else c["users"]["staff"]
    DutyUpdateFactory(duty=c["duty"], by=reporter, note=note)
    return note


PAGES = [
    pytest.param("staff", _conf_url("assignment_board"), _add_assignment, id="board"),
    pytest.param(
        "staff",
        _conf_url("assignment_board", "?xem=trang-thai"),
        _add_assignment,
        id="board_by_status",
    ),
    pytest.param("leader", _conf_url("assignment_timeline"), _add_assignment, id="timeline"),
    pytest.param("reporter", lambda c: reverse("my_duties"), _add_agency_duty, id="my_duties"),
    pytest.param(
        "staff",
        lambda c: reverse("unit_duties", kwargs={"unit_pk": c["agency"].pk}),
        _add_agency_duty,
        id="unit_duties",
    ),
    pytest.param("reporter", _duty_url, _add_update, id="duty_reports"),
    pytest.param("reporter", lambda c: reverse("home"), _add_agency_duty, id="home_reporter"),
    pytest.param(
        "staff", lambda c: reverse("home"), _add_conference_with_open_duty, id="home_staff"
    ),
]


@pytest.mark.parametrize(("persona", "url", "add"), PAGES)
def test_assignments_page_queries_do_not_grow(client, cast, persona, url, add):
    client.force_login(cast["users"][persona])
    assert_queries_constant(client, lambda: url(cast), lambda i: add(cast, i))
