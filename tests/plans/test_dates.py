"""Dates and times as offices write them: the unsigned plan's month, the time line worded by the
section (session, short date, weekday, the plan's own words) and the same on the programme
sheet, deadlines in the plan's words in italic brackets."""

import datetime as dt

import pytest
from django.utils import timezone

from assignments.selectors import DutyLine
from conferences.models import PlanRevision
from conferences.plans import services
from conferences.plans.outline import build_outline
from documents.builders import get_builder
from documents.engine.inline import italic_passages
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    conference = ConferenceFactory(date=dt.date(2026, 3, 15), date_is_expected=False, length="")
    return plan_for(conference)


def test_unissued_plan_prints_the_month_the_staff_chose(plan):
    services.update_plan_header(plan=plan, by=plan.created_by, undated_month=dt.date(2026, 11, 1))
    plan.refresh_from_db()
    assert build_outline(plan).place_date.endswith("ngày    tháng 11 năm 2026")


def test_unissued_plan_keeps_the_month_it_was_sent_for_approval(plan):
    services.submit_plan(plan=plan, by=plan.created_by)
    sent = timezone.make_aware(dt.datetime(2025, 2, 10, 9, 0))
    PlanRevision.objects.filter(plan=plan).update(created_at=sent)
    plan.refresh_from_db()
    assert build_outline(plan).place_date.endswith("ngày    tháng 02 năm 2025")


def _time_text(plan, **content) -> str:
    section = plan.sections.get(kind="time")
    services.update_section(section=section, by=plan.created_by, content=content)
    plan.refresh_from_db()
    outline = build_outline(plan)
    lines = next(s for s in outline.sections if s.key == f"s{section.pk}").lines
    return lines[0].plain


def test_time_line_with_session_short_date_and_no_weekday(plan):
    text = _time_text(plan, session="sáng", short_date=True, show_weekday=False)
    assert text == "1. Thời gian: Sáng 15/3/2026."


def test_time_line_in_the_plans_own_words_with_its_length(plan):
    text = _time_text(
        plan, show_length=True, length_text="½ ngày", when_text="ngày 10 hoặc ngày 11/01/2027"
    )
    assert text == "1. Thời gian: ½ ngày, ngày 10 hoặc ngày 11/01/2027."


def test_programme_sheet_says_the_time_as_the_plan_does(plan):
    _time_text(plan, session="sáng", short_date=True, show_weekday=False)
    payload = get_builder("programme").collect(plan, {})
    assert payload["when"] == "Sáng 15/3/2026"


def test_deadline_in_the_plans_words_is_italic_after_the_duty():
    line = DutyLine("Gửi giấy mời;", "3/10/2024", "hoàn thành trước 07 ngày tổ chức Hội nghị").line
    assert line == "Gửi giấy mời *(hoàn thành trước 07 ngày tổ chức Hội nghị)*;"
    assert italic_passages(line) == ["(hoàn thành trước 07 ngày tổ chức Hội nghị)"]


def test_deadline_without_words_prints_no_nested_brackets():
    line = DutyLine("Gửi giấy mời.", "3/10/2024 (5 ngày trước ngày hội nghị)").line
    assert line == "Gửi giấy mời *(Thời hạn: 3/10/2024, 5 ngày trước ngày hội nghị)*."
