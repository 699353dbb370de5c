"""The activity log reads as Vietnamese: field names, labels of choices, Có/Không, dates, and a
plan section's change as the lines removed and added, never a Python dictionary."""

import datetime as dt

import pytest
from django.urls import reverse

from conferences.activity import readable_changes
from conferences.models import ActivityEntry, Role
from conferences.plans import services
from conferences.services import log_activity
from tests.factories import ConferenceFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


def _items(*texts):
    return {
        "items": [{"marker": "-", "level": 0, "text": t, "lead": "", "number": ""} for t in texts]
    }


def test_plan_section_change_reads_as_lines_removed_and_added(client):
    plan = plan_for(ConferenceFactory(date=dt.date(2026, 3, 15)))
    section = plan.sections.filter(content__has_key="items").first()
    services.update_section(
        section=section, by=plan.created_by, content=_items("Biểu dương tập thể", "Tổng kết năm")
    )
    services.update_section(
        section=section, by=plan.created_by, content=_items("Biểu dương tập thể", "Tổng kết 5 năm")
    )
    entry = ActivityEntry.objects.filter(action="plan.section_updated").first()
    (row,) = [r for r in readable_changes(entry) if r.label == "Nội dung"]
    assert row.lines == [("-", "Tổng kết năm"), ("+", "Tổng kết 5 năm")]

    leader = member(plan.conference.organiser, Role.LEADER)
    client.force_login(leader)
    page = client.get(reverse("activity_list")).content.decode()
    assert "− Tổng kết năm" in page and "+ Tổng kết 5 năm" in page
    assert "{&#x27;" not in page and "&#x27;items&#x27;" not in page


def test_choices_booleans_and_dates_read_as_the_forms_show_them():
    conference = ConferenceFactory()
    entry = log_activity(
        actor=None,
        action="test.changed",
        summary="Sửa",
        target=conference,
        conference=conference,
        changes={
            "date": ["2026-03-15", "2026-04-02"],
            "date_is_expected": [True, False],
            "no_such_field": [None, "x"],
            "title": ["20261201", "Hội nghị"],
        },
    )
    rows = {r.label: (r.before, r.after) for r in readable_changes(entry)}
    date_label = str(conference._meta.get_field("date").verbose_name)
    assert rows[date_label[:1].upper() + date_label[1:]] == ("15/03/2026", "02/04/2026")
    expected_label = str(conference._meta.get_field("date_is_expected").verbose_name)
    assert rows[expected_label[:1].upper() + expected_label[1:]] == ("Có", "Không")
    assert rows["no such field"] == ("—", "x")
    title_label = _cap(conference._meta.get_field("title").verbose_name)
    assert rows[title_label] == ("20261201", "Hội nghị")  # eight digits are not a date


def test_status_codes_read_as_their_labels():
    from assignments.models import Duty, DutyStatus
    from tests.assignments.factories import DutyFactory

    duty = DutyFactory()
    entry = log_activity(
        actor=None,
        action="duty.status_updated",
        summary="x",
        target=duty,
        conference=duty.assignment.conference,
        changes={"status": [DutyStatus.TODO, DutyStatus.IN_PROGRESS]},
    )
    (row,) = readable_changes(entry)
    assert (row.label, row.before, row.after) == (
        _cap(Duty._meta.get_field("status").verbose_name),
        "Chưa thực hiện",
        "Đang thực hiện",
    )


def _cap(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]
