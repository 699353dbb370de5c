"""The daily reminder of clearance answers still missing (honorees.services.clearance_reminders):
near or past the deadline, once a day per request, to the agencies that have not answered."""

import datetime as dt

from django.utils import timezone

from honorees.models import ClearanceAnswer, ClearanceRequest
from honorees.services.clearance_reminders import send_clearance_reminders
from honorees.tasks import task_send_clearance_reminders
from tests.honorees.test_clearance import _ask, _submitted

A = ClearanceAnswer.Status


def _run(today, capture):
    with capture(execute=True):
        return send_clearance_reminders(today=today)


def test_agencies_with_missing_answers_are_reminded_once_a_day(
    office, agencies, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.CLEARANCE_REMINDER_DAYS = 2
    today = timezone.localdate()
    _submitted(office, full_name="Vũ Thị Mơ")
    _submitted(office, full_name="Lê Văn Tám")
    police, tax = _ask(office, agencies, "police", "tax", deadline=today + dt.timedelta(days=2))
    # The tax office has answered about everyone: it is not reminded.
    tax.answers.update(status=A.CLEARED)
    mailoutbox.clear()

    assert _run(today, django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mailoutbox] == [[agencies["police_reporter"].email]]
    body = mailoutbox[0].body
    assert "còn 2 người, tập thể chưa có ý kiến" in body
    assert f"hạn trả lời {police.deadline:%d/%m/%Y}" in body
    assert "http" in body and "/khen-thuong/xin-y-kien/" in body
    assert ClearanceRequest.objects.get(pk=police.pk).reminded_on == today

    # The same day again (a second beat, a retry): nothing more.
    assert _run(today, django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 1
    # The next day, past the deadline and one answer still missing: "quá hạn" in the subject.
    police.answers.filter(nomination__full_name="Vũ Thị Mơ").update(status=A.CLEARED)
    later = today + dt.timedelta(days=3)
    assert _run(later, django_capture_on_commit_callbacks) == 1
    assert "đã quá hạn" in mailoutbox[1].subject
    assert "còn 1 người, tập thể chưa có ý kiến; đã quá hạn 1 ngày" in mailoutbox[1].body


def test_no_reminder_far_from_the_deadline_or_long_after_it(
    office, agencies, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.CLEARANCE_REMINDER_DAYS = 2
    settings.CLEARANCE_OVERDUE_DAYS = 7
    today = timezone.localdate()
    _submitted(office)
    _ask(office, agencies, "police", deadline=today + dt.timedelta(days=5))
    mailoutbox.clear()
    assert _run(today, django_capture_on_commit_callbacks) == 0
    assert _run(today + dt.timedelta(days=13), django_capture_on_commit_callbacks) == 0
    assert _run(today + dt.timedelta(days=12), django_capture_on_commit_callbacks) == 1
    assert len(mailoutbox) == 1


def test_the_beat_task_reminds_with_todays_date(
    office, agencies, mailoutbox, django_capture_on_commit_callbacks
):
    _submitted(office)
    (police,) = _ask(office, agencies, "police", deadline=timezone.localdate())
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert task_send_clearance_reminders.apply().get() == 1
    assert ClearanceRequest.objects.get(pk=police.pk).reminded_on == timezone.localdate()
