"""The daily reminder: due soon and late duties, one email per agency, once per day."""

import datetime as dt

import pytest

from assignments.models import ReminderLog
from assignments.services import send_due_reminders
from assignments.tasks import task_send_due_reminders
from conferences.models import Role, Unit
from tests.assignments.factories import AssignmentFactory, absolute_duty, relative_duty
from tests.factories import ConferenceFactory, UnitFactory, member

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def world():
    commune = UnitFactory()
    police = UnitFactory(parent=commune, name="Công an xã", kind=Unit.Kind.AGENCY)
    power = UnitFactory(parent=commune, name="Đội điện", kind=Unit.Kind.AGENCY)
    conference = ConferenceFactory(organiser=commune, date=dt.date(2026, 12, 1))
    police_job = AssignmentFactory(conference=conference, unit=police)
    power_job = AssignmentFactory(conference=conference, unit=power)
    return {
        "conference": conference,
        "police": police_job,
        "power": power_job,
        "police_reporter": member(police, Role.REPORTER),
        "power_reporter": member(power, Role.REPORTER),
    }


def _send(django_capture_on_commit_callbacks, today=TODAY) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return send_due_reminders(today=today)


def test_send_due_reminders_emails_each_agency_once_listing_its_duties(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    late = absolute_duty(world["police"], dt.date(2026, 11, 19), text="Lập phương án bảo vệ.")
    soon = relative_duty(world["police"], -8, text="Kiểm tra hội trường.")  # 23/11
    relative_duty(world["police"], -1, text="Việc còn xa.")  # 30/11: outside 3 days
    absolute_duty(
        world["police"], dt.date(2026, 11, 1), text="Việc đã xong.", status="done",
        done_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    relative_duty(world["power"], -9, text="Kiểm tra đường điện.")  # 22/11

    agencies = _send(django_capture_on_commit_callbacks)

    assert agencies == 2
    police_mail = next(m for m in mailoutbox if m.to == [world["police_reporter"].email])
    assert "Lập phương án bảo vệ." in police_mail.body and "Quá hạn 2 ngày" in police_mail.body
    assert "Kiểm tra hội trường." in police_mail.body
    assert "Việc còn xa." not in police_mail.body and "Việc đã xong." not in police_mail.body
    assert len(mailoutbox) == 2
    kinds = dict(ReminderLog.objects.values_list("duty_id", "kind"))
    assert kinds[late.pk] == "overdue" and kinds[soon.pk] == "due_soon"


def test_send_due_reminders_twice_same_day_sends_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    relative_duty(world["police"], -9)

    first = _send(django_capture_on_commit_callbacks)
    second = _send(django_capture_on_commit_callbacks)

    assert (first, second) == (1, 0)
    assert len(mailoutbox) == 1
    assert ReminderLog.objects.count() == 1


def test_send_due_reminders_next_day_reminds_again(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    relative_duty(world["police"], -9)

    _send(django_capture_on_commit_callbacks)
    _send(django_capture_on_commit_callbacks, today=TODAY + dt.timedelta(days=1))

    assert len(mailoutbox) == 2
    assert ReminderLog.objects.count() == 2


def test_send_due_reminders_days_setting_widens_window(
    world, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.ASSIGNMENTS_REMINDER_DAYS = 10
    relative_duty(world["police"], -1)  # 30/11: 9 days ahead

    assert _send(django_capture_on_commit_callbacks) == 1


def test_send_due_reminders_stop_after_conference_day(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    relative_duty(world["police"], -5)

    sent = _send(django_capture_on_commit_callbacks, today=dt.date(2026, 12, 5))

    assert sent == 0 and mailoutbox == []


def test_send_due_reminders_agency_without_reporter_logs_nothing(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    world["police_reporter"].memberships.all().delete()
    relative_duty(world["police"], -9)

    assert _send(django_capture_on_commit_callbacks) == 0
    assert not ReminderLog.objects.exists()


def test_task_send_due_reminders_runs_the_service(world, mailoutbox, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: TODAY)
    relative_duty(world["power"], -9)

    assert task_send_due_reminders.delay().get() == 1
    assert ReminderLog.objects.filter(date=TODAY).count() == 1


def test_beat_schedule_runs_daily_at_seven():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["assignments-send-due-reminders"]
    assert entry["task"] == "assignments.tasks.task_send_due_reminders"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"
