"""Documents recover from faults: a render whose worker died is found through its lease and
queued again (or failed, then retried); a request made while the broker is down fails the row
with a message and a retry instead of a 500; partial files of killed renders are removed."""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from documents import services
from documents.builders import register
from documents.builders.certificates import CertificateTestBuilder
from documents.models import GeneratedDocument
from tests.documents.factories import CertificateSettingFactory

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture
def setting(world):
    return CertificateSettingFactory(organiser=world["office_a"])


def _queued(setting, user, captured) -> GeneratedDocument:
    """A requested document whose task was never run (its callbacks are dropped)."""
    with captured(execute=False):
        return services.request_document(
            kind="certificate_test", target=setting, fmt="pdf", by=user
        )


def _stall(document, settings, *, attempts=1, seconds_silent=None) -> None:
    """The state a worker killed with kill -9 leaves: rendering, 72%, no heartbeat since."""
    silent = seconds_silent or settings.DOCUMENTS_LEASE_SECONDS + 5
    then = timezone.now() - timedelta(seconds=silent)
    GeneratedDocument.objects.filter(pk=document.pk).update(
        status=Status.RENDERING, attempts=attempts, started_at=then, heartbeat_at=then,
        progress_done=72, progress_total=100, task_id="dead-worker-task",
    )  # fmt: skip


def _partial(document) -> Path:
    from django.conf import settings

    folder = Path(settings.MEDIA_ROOT) / f"documents/{document.pk}"
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / ".0123abcd.partial"
    partial.write_bytes(b"%PDF- half a file")
    return partial


# --- leases -------------------------------------------------------------------------------------
def test_stalled_render_is_queued_again_and_finished(
    setting, world, settings, django_capture_on_commit_callbacks
):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(document, settings)
    partial = _partial(document)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.recover_stalled_documents() == 1

    document.refresh_from_db()
    assert document.status == Status.READY, document.error
    assert document.attempts == 2
    assert not partial.exists()


def test_live_render_is_left_alone(setting, world, settings, django_capture_on_commit_callbacks):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(document, settings, seconds_silent=settings.DOCUMENTS_LEASE_SECONDS - 30)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.recover_stalled_documents() == 0

    assert callbacks == []
    document.refresh_from_db()
    assert (document.status, document.progress_done) == (Status.RENDERING, 72)


def test_stalled_render_out_of_attempts_fails_then_retry_renders(
    setting, world, settings, django_capture_on_commit_callbacks
):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(document, settings, attempts=settings.DOCUMENTS_MAX_ATTEMPTS)

    services.recover_stalled_documents()
    document.refresh_from_db()
    assert document.status == Status.FAILED
    assert "dừng giữa chừng 3 lần" in document.error

    with django_capture_on_commit_callbacks(execute=True):
        services.retry_document(document=document, by=world["users"]["staff"])
    document.refresh_from_db()
    assert document.status == Status.READY and document.attempts == 1


def test_asking_again_does_not_return_the_stuck_job(
    setting, world, settings, django_capture_on_commit_callbacks
):
    stuck = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(stuck, settings, attempts=settings.DOCUMENTS_MAX_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        again = services.request_document(
            kind="certificate_test", target=setting, fmt="pdf", by=world["users"]["staff"]
        )

    assert again.pk != stuck.pk
    again.refresh_from_db()
    stuck.refresh_from_db()
    assert again.status == Status.READY
    assert stuck.status == Status.FAILED


def test_asking_again_revives_a_stalled_job_with_attempts_left(
    setting, world, settings, django_capture_on_commit_callbacks
):
    stuck = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(stuck, settings)

    with django_capture_on_commit_callbacks(execute=True):
        again = services.request_document(
            kind="certificate_test", target=setting, fmt="pdf", by=world["users"]["admin"]
        )

    assert again.pk == stuck.pk
    stuck.refresh_from_db()
    assert stuck.status == Status.READY and GeneratedDocument.objects.count() == 1


def test_progress_view_recovers_a_stalled_job(
    client, setting, world, settings, django_capture_on_commit_callbacks
):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(document, settings)
    client.force_login(world["users"]["staff"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("document_progress", args=[document.pk]))

    assert response.status_code == 200
    document.refresh_from_db()
    assert document.status == Status.READY


def test_stalled_job_can_be_retried_by_hand(
    setting, world, settings, django_capture_on_commit_callbacks
):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(document, settings)

    with django_capture_on_commit_callbacks(execute=True):
        services.retry_document(document=document, by=world["users"]["staff"])

    document.refresh_from_db()
    assert document.status == Status.READY


def test_second_copy_of_a_task_waits_while_the_lease_is_fresh(
    setting, world, settings, django_capture_on_commit_callbacks
):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    _stall(document, settings, seconds_silent=1)

    services.render_generated_document(document_id=document.pk, task_id="another-copy")
    document.refresh_from_db()
    assert (document.status, document.attempts) == (Status.RENDERING, 1)

    # The same task redelivered after its worker process died takes the row over at once.
    services.render_generated_document(document_id=document.pk, task_id="dead-worker-task")
    document.refresh_from_db()
    assert (document.status, document.attempts) == (Status.READY, 2)


def test_beat_schedule_recovers_stalled_documents_every_minute():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["documents-recover-stalled"]
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] <= 60


class _Slow(CertificateTestBuilder):
    """Renders for a while without reporting progress, watching its own row's lease."""

    kind = "slow_test"
    seen: list = []

    def render(self, payload, fmt, progress):
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            row = GeneratedDocument.objects.filter(kind=self.kind).values("heartbeat_at").get()
            _Slow.seen.append(row["heartbeat_at"])
            time.sleep(0.1)
        return super().render(payload, fmt, progress)


@pytest.mark.django_db(transaction=True)
def test_heartbeat_refreshes_the_lease_of_a_long_render(setting, world, settings):
    settings.DOCUMENTS_LEASE_SECONDS = 1  # a beat every 1/6 s
    register(_Slow())
    _Slow.seen = []

    document = services.request_document(
        kind="slow_test", target=setting, fmt="pdf", by=world["users"]["staff"]
    )

    document.refresh_from_db()
    assert document.status == Status.READY
    assert len(set(_Slow.seen)) >= 4  # the lease moved on while render() said nothing


# --- the broker down ----------------------------------------------------------------------------
@pytest.fixture
def broker_down():
    """The real publish path against a Redis port nobody listens on."""
    import socket

    with socket.socket() as probe:  # a port the system just gave out, now closed again
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    saved = {k: celery_app.conf[k] for k in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=f"redis://127.0.0.1:{port}/0", task_always_eager=False)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    celery_app.conf.update(saved)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_print_request_with_broker_down_shows_failed_job_with_retry(
    client, setting, world, broker_down
):
    client.force_login(world["users"]["staff"])
    url = reverse("document_request", args=["certificate_test", setting.pk])

    started = time.monotonic()
    response = client.post(url, {"fmt": "pdf"})

    assert time.monotonic() - started < 15
    assert response.status_code == 302
    document = GeneratedDocument.objects.get()
    assert document.status == Status.FAILED
    assert document.error == services.DISPATCH_FAILED
    page = client.get(response.url).content.decode()
    assert "Không gửi được yêu cầu tới máy tạo văn bản" in page
    assert "Thử lại" in page


def test_retry_after_the_broker_is_back_renders(
    client, setting, world, django_capture_on_commit_callbacks
):
    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    services._fail(document.pk, services.DISPATCH_FAILED)
    client.force_login(world["users"]["staff"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("document_retry", args=[document.pk]))

    document.refresh_from_db()
    assert document.status == Status.READY


# --- partial files ------------------------------------------------------------------------------
def test_purge_removes_partial_files_of_killed_renders(
    setting, world, settings, django_capture_on_commit_callbacks
):
    import os

    document = _queued(setting, world["users"]["staff"], django_capture_on_commit_callbacks)
    services._fail(document.pk, "x")
    old, fresh = _partial(document), _partial(document).with_name(".fresh.partial")
    fresh.write_bytes(b"a render still writing")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))

    services.purge_expired_documents()

    assert not old.exists()
    assert fresh.exists()
