"""Email notifications: queued after commit, one message per user with an address."""

import pytest
from django.core.mail.backends.locmem import EmailBackend

from config.celery import app as celery_app
from core.notifications import SUBJECT_PREFIX, deliver_notification, notify
from core.tasks import task_send_notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class FlakyBackend(EmailBackend):
    """The mail server refuses the first `failures` connections, then accepts."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise ConnectionRefusedError("SMTP down")
        return super().send_messages(messages)


def test_notify_sends_after_commit(mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.DEFAULT_FROM_EMAIL = "thidua@xa.test"
    ha = UserFactory(email="ha@example.test")
    lan = UserFactory(email="lan@example.test")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(users=[ha, lan, ha], subject="Kế hoạch đã duyệt", body="Kế hoạch số 12/KH.")
    assert mailoutbox == []

    for callback in callbacks:
        callback()

    assert sorted(m.to[0] for m in mailoutbox) == ["ha@example.test", "lan@example.test"]
    assert {m.subject for m in mailoutbox} == {SUBJECT_PREFIX + "Kế hoạch đã duyệt"}
    assert {m.from_email for m in mailoutbox} == {"thidua@xa.test"}
    assert mailoutbox[0].body == "Kế hoạch số 12/KH."


def test_notify_queues_nothing_without_addresses(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        notify(users=[UserFactory(email="")], subject="S", body="B")

    assert callbacks == []


def test_deliver_notification_skips_inactive_and_missing_users(mailoutbox):
    active = UserFactory(email="a@example.test")
    inactive = UserFactory(email="b@example.test", is_active=False)

    sent = deliver_notification(user_ids=[active.pk, inactive.pk, 999999], subject="S", body="B")

    assert sent == 1
    assert [m.to for m in mailoutbox] == [["a@example.test"]]


def test_task_send_notification_retries_when_smtp_fails(mailoutbox, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.failures = 2
    user = UserFactory(email="a@example.test")
    # Without propagation apply() runs the retries in-process; with it a retry only raises.
    celery_app.conf.task_eager_propagates = False
    try:
        result = task_send_notification.apply(
            kwargs={"user_ids": [user.pk], "subject": "S", "body": "B"}
        )
    finally:
        celery_app.conf.task_eager_propagates = True

    assert result.get() == 1
    assert FlakyBackend.failures == 0
    assert [m.to for m in mailoutbox] == [["a@example.test"]]


def test_link_is_absolute_and_report_is_honest(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://thidua.thuonghong.gov.vn/"
    ha = UserFactory(email="ha@example.test")
    no_address = UserFactory(email="")

    with django_capture_on_commit_callbacks(execute=True):
        delivery = notify(users=[ha, no_address], subject="S", body="B", link="/ke-hoach/5/")

    assert delivery.sent == 1 and delivery.unreachable == (no_address,)
    assert (
        mailoutbox[0].body == "B\n\nXem và xử lý tại: https://thidua.thuonghong.gov.vn/ke-hoach/5/"
    )


def test_plan_sent_for_approval_links_to_the_review_page(
    client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    from conferences.models import Role
    from tests.factories import ConferenceFactory, member
    from tests.plans.factories import plan_for

    settings.SITE_URL = "https://thidua.example.gov.vn"
    plan = plan_for(ConferenceFactory())
    member(plan.conference.organiser, Role.LEADER, email="lanhdao@example.test")
    client.force_login(plan.created_by)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ke-hoach/{plan.pk}/gui-duyet/", follow=True)

    assert response.status_code == 200
    assert "Chưa có ai giữ vai trò Lãnh đạo" not in response.content.decode()
    (mail,) = [m for m in mailoutbox if m.to == ["lanhdao@example.test"]]
    assert mail.body.endswith(f"https://thidua.example.gov.vn/ke-hoach/{plan.pk}/duyet/")


def test_sending_a_plan_nobody_can_approve_says_so(client):
    from conferences.models import Role
    from tests.factories import ConferenceFactory
    from tests.plans.factories import plan_for

    plan = plan_for(ConferenceFactory())
    plan.conference.organiser.memberships.filter(role=Role.LEADER).delete()
    client.force_login(plan.created_by)
    response = client.post(f"/ke-hoach/{plan.pk}/gui-duyet/", follow=True)

    page = response.content.decode()
    assert "Chưa có ai giữ vai trò Lãnh đạo" in page
