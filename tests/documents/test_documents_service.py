import io
import os

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from core.errors import DomainError, PermissionDeniedError
from documents import services
from documents.builders import Builder, Rendered, register
from documents.builders.certificates import CertificateTestBuilder
from documents.models import GeneratedDocument
from tests.documents.factories import CertificateSettingFactory

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture
def setting(world):
    return CertificateSettingFactory(organiser=world["office_a"])


def _request(setting, user, fmt="pdf"):
    return services.request_document(kind="certificate_test", target=setting, fmt=fmt, by=user)


def test_request_document_renders_in_worker_and_stores_file(
    setting, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = _request(setting, world["users"]["staff"])
    document.refresh_from_db()
    assert document.status == Status.READY
    assert document.attempts == 1 and document.progress_done == document.progress_total == 2
    reader = PdfReader(io.BytesIO(document.file.read()))
    assert len(reader.pages) == 3  # calibration grid + two sample certificates
    box = reader.pages[1].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    assert "Nguyễn Thị Thu Hà" in reader.pages[1].extract_text()
    assert document.expires_at > timezone.now()


def test_request_document_same_content_is_not_rendered_twice(
    setting, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _request(setting, world["users"]["staff"])
    second = _request(setting, world["users"]["admin"])
    assert second.pk == first.pk
    assert GeneratedDocument.objects.count() == 1


def test_request_document_changed_settings_render_again(
    setting, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _request(setting, world["users"]["staff"])
    setting.offsets = {"name": ["2", "-1.5"]}
    setting.save()
    with django_capture_on_commit_callbacks(execute=True):
        second = _request(setting, world["users"]["staff"])
    assert second.pk != first.pk
    assert second.content_hash != first.content_hash


def test_request_document_refuses_user_without_right(setting, world):
    with pytest.raises(PermissionDeniedError):
        _request(setting, world["users"]["leader"])
    with pytest.raises(DomainError, match="định dạng"):
        services.request_document(
            kind="certificate_test", target=setting, fmt="zip", by=world["users"]["staff"]
        )
    assert not GeneratedDocument.objects.exists()


class _Exploding(CertificateTestBuilder):
    kind = "exploding_test"

    def render(self, payload, fmt, progress):
        raise RuntimeError("renderer crashed")


def test_render_failure_is_shown_and_retry_renders_again(
    setting, world, django_capture_on_commit_callbacks
):
    register(_Exploding())
    with django_capture_on_commit_callbacks(execute=True):
        document = services.request_document(
            kind="exploding_test", target=setting, fmt="pdf", by=world["users"]["staff"]
        )
    document.refresh_from_db()
    assert document.status == Status.FAILED
    assert "Lỗi khi tạo văn bản" in document.error
    document.kind = "certificate_test"  # the fault is mended (a new release, say)
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_document(document=document, by=world["users"]["staff"])
    document.refresh_from_db()
    assert document.status == Status.READY and document.error == ""


def test_render_task_delivered_twice_does_nothing_the_second_time(
    setting, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = _request(setting, world["users"]["staff"])
    document.refresh_from_db()
    path, mtime = document.file.path, os.stat(document.file.path).st_mtime_ns
    services.render_generated_document(document_id=document.pk)
    document.refresh_from_db()
    assert document.attempts == 1 and os.stat(path).st_mtime_ns == mtime
    assert sorted(os.listdir(os.path.dirname(path))) == [document.filename]


def test_render_gives_up_after_max_attempts(setting, world, settings):
    document = GeneratedDocument.objects.create(
        kind="certificate_test",
        fmt="pdf",
        title="x",
        scope_unit=world["office_a"],
        target_type_id=_ct(setting),
        target_id=str(setting.pk),
        content_hash="h",
        status=Status.RENDERING,
        attempts=settings.DOCUMENTS_MAX_ATTEMPTS,
        task_id="t-1",
    )
    services.render_generated_document(document_id=document.pk, task_id="t-1")
    document.refresh_from_db()
    assert document.status == Status.FAILED and "Đã thử" in document.error


def _ct(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_purge_expired_documents_removes_file_and_row(
    setting, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = _request(setting, world["users"]["staff"])
    document.refresh_from_db()
    path = document.file.path
    assert services.purge_expired_documents(now=timezone.now()) == 0
    assert services.purge_expired_documents(now=document.expires_at) == 1
    assert not os.path.exists(path) and not GeneratedDocument.objects.exists()


def test_missing_fields_block_the_request_with_names(setting, world):
    class _Strict(CertificateTestBuilder):
        kind = "strict_test"

        def missing(self, payload):
            return ["Nguyễn Văn A: thiếu đơn vị"]

    register(_Strict())
    with pytest.raises(DomainError, match="Nguyễn Văn A: thiếu đơn vị"):
        services.request_document(
            kind="strict_test", target=setting, fmt="pdf", by=world["users"]["staff"]
        )
    assert services.preflight(kind="strict_test", target=setting) == ["Nguyễn Văn A: thiếu đơn vị"]


def test_render_document_command_writes_the_file(setting, tmp_path):
    out = tmp_path / "thu.docx"
    call_command(
        "render_document",
        "certificate_test",
        str(setting.pk),
        "--format",
        "docx",
        "--output",
        str(out),
    )
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert out.stat().st_size > 0
    assert "Nguyễn Thị Thu Hà" in text or any(
        "Nguyễn Thị Thu Hà" in c.text
        for t in Document(str(out)).tables
        for r in t.rows
        for c in r.cells
    )


def test_builder_base_denies_by_default(world):
    assert Builder().can_request(world["users"]["superuser"], None) is False
    assert Rendered(b"x", "a.pdf").warnings == []


def test_beat_schedule_purges_expired_documents_with_a_registered_task():
    from django.conf import settings

    from config.celery import app

    app.loader.import_default_modules()  # what a worker or beat does at start (autodiscovery)
    entry = settings.CELERY_BEAT_SCHEDULE["documents-purge-expired"]
    assert entry["task"] in app.tasks
    assert settings.CELERY_BEAT_SCHEDULE["assignments-send-due-reminders"]["task"] in app.tasks
