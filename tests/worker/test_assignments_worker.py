"""The reminder job through a real worker on Redis: run twice the same day, sent once."""

import datetime as dt
import time
from pathlib import Path

import pytest
from django.utils import timezone

from assignments.models import ReminderLog
from assignments.tasks import task_send_due_reminders
from conferences.models import Role, Unit
from tests.assignments.factories import AssignmentFactory, absolute_duty, relative_duty
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.worker.test_notifications_worker import _read_mails, _wait_for_mails

pytestmark = pytest.mark.worker


def _wait_for_logs(count: int, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ReminderLog.objects.count() >= count:
            return ReminderLog.objects.count()
        time.sleep(0.2)
    return ReminderLog.objects.count()


def test_worker_reminder_job_twice_same_day_sends_each_reminder_once(celery_worker, worker_env):
    today = timezone.localdate()
    commune = UnitFactory()
    conference = ConferenceFactory(organiser=commune, date=today + dt.timedelta(days=10))
    police = UnitFactory(parent=commune, name="Công an xã", kind=Unit.Kind.AGENCY)
    power = UnitFactory(parent=commune, name="Đội điện", kind=Unit.Kind.AGENCY)
    police_reporter = member(police, Role.REPORTER, email="congan@example.test")
    member(power, Role.REPORTER, email="dien@example.test")
    police_job = AssignmentFactory(conference=conference, unit=police)
    absolute_duty(police_job, today - dt.timedelta(days=2), text="Lập phương án bảo vệ.")
    relative_duty(police_job, -9, text="Kiểm tra hội trường.")
    relative_duty(AssignmentFactory(conference=conference, unit=power), -8, text="Kiểm tra điện.")

    first_run = task_send_due_reminders.delay().get(timeout=60)
    folder = Path(worker_env["EMAIL_URL"].removeprefix("filemail://"))
    first = _wait_for_mails(folder, 2)
    second_run = task_send_due_reminders.delay().get(timeout=60)
    time.sleep(2)  # a wrongly queued second email would arrive in this time

    mails = _read_mails(folder)
    assert (first_run, second_run) == (2, 0)
    assert len(first) == 2
    assert len(mails) == 2
    assert _wait_for_logs(3) == 3
    to_police = next(m for m in mails if m["To"] == police_reporter.email)
    body = to_police.get_content()
    assert "Lập phương án bảo vệ." in body and "Quá hạn 2 ngày" in body
    assert "Kiểm tra hội trường." in body
