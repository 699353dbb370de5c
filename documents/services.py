"""Requesting and rendering documents. The page never waits for a render: a request
creates a row and queues a task; the worker renders and the page polls."""

import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError

from .builders import Builder, get_builder
from .models import GeneratedDocument, SignedCopy
from .workflow import transition_document

logger = logging.getLogger(__name__)
Status = GeneratedDocument.Status

# Bump when the renderers change what they produce, so old files are not reused.
ENGINE_VERSION = "2"


def content_hash(*, kind: str, fmt: str, payload) -> str:
    data = json.dumps(
        [ENGINE_VERSION, kind, fmt, payload], sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(data.encode()).hexdigest()


def _builder(kind: str, fmt: str) -> Builder:
    builder = get_builder(kind)
    if builder is None:
        raise DomainError("Không có loại văn bản này.")
    if fmt not in builder.formats:
        raise DomainError(f"{builder.label} không in được ra định dạng {fmt.upper()}.")
    return builder


PREVIEW_MAX = 10


def preview_count(params: dict | None) -> int:
    """How many copies of a batch a preview asks for (params["preview"]); 0 for no preview."""
    raw = (params or {}).get("preview")
    if raw in (None, "", 0, "0"):
        return 0
    try:
        count = int(raw)
    except (TypeError, ValueError):
        count = 0
    if not 1 <= count <= PREVIEW_MAX:
        raise DomainError(f"Chỉ xem trước được từ 1 đến {PREVIEW_MAX} trang.")
    return count


def cut_for_preview(builder: Builder, payload, count: int, fmt: str):
    """`payload` itself, or for a preview (count > 0) its first `count` copies; refused for
    a kind that is not a batch and for any format but PDF (the preview is shown as images)."""
    if not count:
        return payload
    cut = builder.preview_payload(payload, count) if fmt == "pdf" else None
    if cut is None:
        raise DomainError(f"{builder.label}: chỉ xem trước được bản PDF của một đợt in.")
    return cut


def preflight(*, kind: str, target, params: dict | None = None) -> list[str]:
    """What is missing before printing (empty when everything resolves)."""
    builder = get_builder(kind)
    return builder.missing(builder.collect(target, params or {})) if builder else []


def _reusable(digest: str, fmt: str) -> GeneratedDocument | None:
    """A ready, queued or live job with this content (a stalled one was recovered first)."""
    fresh = Q(status=Status.READY, expires_at__gt=timezone.now()) | (
        Q(status__in=[Status.PENDING, Status.RENDERING]) & ~_stalled()
    )
    return (
        GeneratedDocument.objects.filter(fresh, content_hash=digest, fmt=fmt)
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def request_document(
    *, kind: str, target, fmt: str, by, params: dict | None = None
) -> GeneratedDocument:
    """Ask for a document. Returns a ready or running one with the same content when there
    is one. `params["preview"] = n` asks for the first n copies of a batch only (PDF), after
    the whole batch passed the checks. Side effects: a GeneratedDocument row, an activity
    entry and a render task queued after commit (neither when an existing one is reused)."""
    builder = _builder(kind, fmt)
    if not builder.can_request(by, target):
        raise PermissionDeniedError("Bạn không có quyền in văn bản này.")
    params = params or {}
    preview = preview_count(params)
    if builder.collect_in_worker:
        payload = {"fingerprint": builder.fingerprint(target, params), "params": params}
    else:
        payload = builder.collect(target, params)
        missing = builder.missing(payload)
        if missing:
            raise DomainError("Chưa đủ thông tin để in: " + "; ".join(missing[:20]))
        payload = cut_for_preview(builder, payload, preview, fmt)
    digest = content_hash(kind=kind, fmt=fmt, payload=payload)
    recover_stalled_documents(content_hash=digest)
    existing = _reusable(digest, fmt)
    if existing is not None:
        return existing
    title = builder.title(target)
    try:
        with transaction.atomic():
            document = GeneratedDocument.objects.create(
                kind=kind,
                fmt=fmt,
                title=(f"Xem trước {preview} trang đầu — {title}" if preview else title)[:300],
                params={**params, "preview": preview} if preview else params,
                scope_unit=builder.scope_unit(target),
                conference=builder.conference(target),
                target_type=ContentType.objects.get_for_model(target),
                target_id=str(target.pk),
                content_hash=digest,
                requested_by=by,
            )
    except IntegrityError:
        # The same content asked at the same moment (a double click): the other request's job.
        return _reusable(digest, fmt)
    log_activity(
        actor=by,
        action="document.requested",
        summary=f"Yêu cầu in {document}",
        target=document,
        scope_unit=document.scope_unit,
        conference=document.conference,
    )
    _enqueue(document)
    return document


DISPATCH_FAILED = (
    "Không gửi được yêu cầu tới máy tạo văn bản (hàng đợi không trả lời). "
    "Bấm “Thử lại” sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống."
)


def queue_for(kind: str) -> str:
    """Batches of one page per person go to their own queue (and worker): see README,
    "Workers"."""
    from .tasks import BATCH_QUEUE, DOCUMENTS_QUEUE

    builder = get_builder(kind)
    return BATCH_QUEUE if builder is not None and builder.batch else DOCUMENTS_QUEUE


def _enqueue(document: GeneratedDocument) -> None:
    """Give the row a new task id and send the task once the transaction commits."""
    task_id = str(uuid.uuid4())
    GeneratedDocument.objects.filter(pk=document.pk).update(task_id=task_id)
    document.task_id = task_id
    queue = queue_for(document.kind)
    transaction.on_commit(lambda: _dispatch(document.pk, task_id, queue))


def _dispatch(document_id: int, task_id: str, queue: str) -> None:
    """Send the render task; when the broker cannot take it, the row fails with a message
    and a "Thử lại" button instead of waiting for good (and the page shows no error 500)."""
    from kombu.exceptions import OperationalError

    from .tasks import task_render_document

    try:
        task_render_document.apply_async(
            kwargs={"document_id": document_id}, task_id=task_id, queue=queue
        )
    except (OperationalError, OSError):
        logger.exception("could not queue the render of document %s", document_id)
        _fail(document_id, DISPATCH_FAILED)


@transaction.atomic
def retry_document(*, document: GeneratedDocument, by) -> GeneratedDocument:
    """Queue a failed (or stalled) document again; when the same content was asked for again
    meanwhile, that render instead of a second one.
    Side effects: the row reset, a log row, a task queued."""
    again = _reusable(document.content_hash, document.fmt)
    if again is not None and again.pk != document.pk:
        return again
    document = transition_document(
        document_id=document.pk,
        to=Status.PENDING,
        by=by,
        fields={"error": "", "attempts": 0, "progress_done": 0, "progress_total": 0},
        where=Q(status=Status.FAILED) | _stalled(),
    )
    _enqueue(document)
    return document


# --- leases: finding renders whose worker died ----------------------------------------------------
STALLED_TOO_OFTEN = (
    "Máy tạo văn bản đã dừng giữa chừng {attempts} lần khi tạo văn bản này. "
    "Bấm “Thử lại”; nếu vẫn lỗi, hãy báo quản trị hệ thống."
)


def _stalled(now=None) -> Q:
    """Rendering rows whose worker has not beaten for longer than the lease."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.DOCUMENTS_LEASE_SECONDS)
    silent = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    return Q(status=Status.RENDERING) & silent


def recover_stalled_documents(*, now=None, document_ids=None, content_hash=None) -> int:
    """Queue again every stalled render that has attempts left, fail the others (they can be
    retried). Run every minute by Celery beat, and for one document when someone looks at it.
    Side effects: rows back to pending with a new task sent, or failed."""
    stalled = GeneratedDocument.objects.filter(_stalled(now))
    if document_ids is not None:
        stalled = stalled.filter(pk__in=document_ids)
    if content_hash is not None:
        stalled = stalled.filter(content_hash=content_hash)
    return sum(_recover(document, now) for document in stalled.only("pk", "attempts"))


@transaction.atomic
def _recover(document: GeneratedDocument, now) -> int:
    if document.attempts >= settings.DOCUMENTS_MAX_ATTEMPTS:
        message = STALLED_TOO_OFTEN.format(attempts=document.attempts)
        fields = {"error": message, "finished_at": timezone.now()}
        return _move_stalled(document, Status.FAILED, fields, now)
    if not _move_stalled(document, Status.PENDING, {"progress_done": 0, "progress_total": 0}, now):
        return 0  # recovered meanwhile by someone else
    logger.warning("document %s lost its worker; queued again", document.pk)
    _enqueue(document)
    return 1


def _move_stalled(document: GeneratedDocument, to: str, fields: dict, now) -> int:
    try:
        transition_document(document_id=document.pk, to=to, fields=fields, where=_stalled(now))
    except DomainError:
        return 0
    return 1


# --- rendering (in the worker) -----------------------------------------------------------------
def _claim(document_id: int, task_id: str) -> GeneratedDocument | None:
    """Take the job: a pending row; a rendering row only for the same task (a message
    redelivered after its worker process died) or when its lease expired. Counts the
    attempt, starts the lease, removes partial files of an earlier attempt. A task
    delivered twice finds the row taken or ready and does nothing."""
    takeable = Q(status=Status.PENDING) | _stalled()
    if task_id:
        takeable |= Q(status=Status.RENDERING, task_id=task_id)
    now = timezone.now()
    fields = {"attempts": F("attempts") + 1, "started_at": now, "heartbeat_at": now}
    try:
        document = transition_document(
            document_id=document_id,
            to=Status.RENDERING,
            fields={**fields, "task_id": task_id},
            where=takeable,
        )
    except DomainError:
        return None
    _remove_partials(Path(settings.MEDIA_ROOT) / f"documents/{document_id}")
    return document


def _remove_partials(folder: Path, *, older_than: float | None = None) -> int:
    removed = 0
    for partial in folder.glob(".*.partial"):
        if older_than is None or partial.stat().st_mtime < older_than:
            partial.unlink(missing_ok=True)
            removed += 1
    return removed


def _beat(document_id: int) -> None:
    GeneratedDocument.objects.filter(pk=document_id, status=Status.RENDERING).update(
        heartbeat_at=timezone.now()
    )


class _Heartbeat:
    """Refreshes the row's lease from a thread while the render runs: one WeasyPrint layout
    can take longer than the lease without reporting progress."""

    def __init__(self, document_id: int) -> None:
        self.document_id = document_id
        self.interval = max(settings.DOCUMENTS_LEASE_SECONDS / 6, 0.05)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"heartbeat-{document_id}")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        self.thread.join()

    def _run(self) -> None:
        try:
            while not self.stopped.wait(self.interval):
                try:
                    _beat(self.document_id)
                except DatabaseError:  # a missed beat is not worth failing the render for
                    logger.warning("heartbeat of document %s not saved", self.document_id)
        finally:
            connection.close()


class _ProgressWriter:
    """Saves progress at most every half second (and at the end)."""

    def __init__(self, document_id: int) -> None:
        self.document_id = document_id
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.5:
            return
        self.last = now
        GeneratedDocument.objects.filter(pk=self.document_id, status=Status.RENDERING).update(
            progress_done=min(done, total), progress_total=total, heartbeat_at=timezone.now()
        )


def _write_atomically(document: GeneratedDocument, filename: str, content: bytes) -> str:
    """Write under a fixed path through a temporary file and a rename, so a reader never
    sees half a file and a second run of the same task replaces it whole."""
    relative = f"documents/{document.pk}/{filename}"
    final = Path(settings.MEDIA_ROOT) / relative
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(f".{uuid.uuid4().hex}.partial")
    partial.write_bytes(content)
    os.replace(partial, final)
    return relative


def _fail(document_id: int, message: str) -> None:
    fields = {"error": message, "finished_at": timezone.now()}
    with suppress(DomainError):  # already finished by another run
        transition_document(document_id=document_id, to=Status.FAILED, fields=fields)


# --- after a render: what the apps record about a document once it is ready ---------------------
# kind -> callbacks(*, target, payload, by). They run in the worker, in the transaction that
# marks the document ready, with the payload it rendered (a preview's too: check "preview").
_AFTER_RENDER: dict[str, list] = {}


def register_after_render(kind: str, callback) -> None:
    """Let an app record what a document of `kind` printed (e.g. the delegates invited),
    from what the worker actually rendered; registered in the app's AppConfig.ready."""
    if callback not in _AFTER_RENDER.setdefault(kind, []):
        _AFTER_RENDER[kind].append(callback)


def _after_render(document: GeneratedDocument, target, payload) -> None:
    for callback in _AFTER_RENDER.get(document.kind, ()):
        try:
            with transaction.atomic():
                callback(target=target, payload=payload, by=document.requested_by)
        except DomainError as exc:  # e.g. the requester lost the right meanwhile
            logger.warning("after rendering document %s: %s", document.pk, exc.message)


def render_generated_document(*, document_id: int, task_id: str = "") -> None:
    """Render a requested document. Side effects: the file, the row's status, progress and
    lease."""
    document = _claim(document_id, task_id)
    if document is None:
        return
    if document.attempts > settings.DOCUMENTS_MAX_ATTEMPTS:
        _fail(document_id, f"Đã thử {document.attempts - 1} lần nhưng không tạo được văn bản.")
        return
    builder = get_builder(document.kind)
    target = document.target_type.get_object_for_this_type(pk=document.target_id)
    try:
        payload = builder.collect(target, document.params)
        missing = builder.missing(payload)  # what the request checked may be gone now
        if missing:
            raise DomainError("Chưa đủ thông tin để in: " + "; ".join(missing[:20]))
        payload = cut_for_preview(builder, payload, preview_count(document.params), document.fmt)
        with _Heartbeat(document_id):
            rendered = builder.render(payload, document.fmt, _ProgressWriter(document_id))
    except DomainError as exc:
        _fail(document_id, exc.message)
        return
    except Exception:
        logger.exception("rendering document %s failed", document_id)
        _fail(document_id, "Lỗi khi tạo văn bản. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.")
        return
    digest = (
        document.content_hash  # the fingerprint the next request compares
        if builder.collect_in_worker
        else content_hash(kind=document.kind, fmt=document.fmt, payload=payload)
    )
    with transaction.atomic():
        if _finish(document, rendered, digest):
            _after_render(document, target, payload)


def _finish(document: GeneratedDocument, rendered, digest: str) -> bool:
    """Write the file and mark the row ready; False when another run decided meanwhile."""
    relative = _write_atomically(document, rendered.filename, rendered.content)
    now = timezone.now()
    fields = {
        "file": relative,
        "filename": rendered.filename,
        "size": len(rendered.content),
        "warnings": rendered.warnings[:200],
        "content_hash": digest,
        "finished_at": now,
        "expires_at": now + timedelta(hours=settings.DOCUMENTS_EXPIRE_HOURS),
        "progress_done": F("progress_total"),
    }
    try:
        transition_document(document_id=document.pk, to=Status.READY, fields=fields)
    except DomainError:  # failed or taken over meanwhile: that run decides
        return False
    return True


def purge_expired_documents(*, now=None) -> int:
    """Delete expired files and their rows, and partial files left by killed renders.
    Side effects: files and rows removed."""
    now = now or timezone.now()
    expired = GeneratedDocument.objects.filter(expires_at__lte=now)
    count = 0
    for document in expired.iterator():
        # The whole folder: the file, its previews, and any partial file of a killed render.
        shutil.rmtree(Path(settings.MEDIA_ROOT) / f"documents/{document.pk}", ignore_errors=True)
        document.delete()
        count += 1
    _sweep_partials(now)
    return count


def _sweep_partials(now) -> int:
    """Partial files older than a lease: no live render is still writing them."""
    cutoff = (now - timedelta(seconds=settings.DOCUMENTS_LEASE_SECONDS)).timestamp()
    folders = (Path(settings.MEDIA_ROOT) / "documents").glob("*/")
    return sum(_remove_partials(folder, older_than=cutoff) for folder in folders)


@transaction.atomic
def save_certificate_setting(*, setting, fields: dict, offsets: dict, by):
    """Save how an organiser prints a certificate kind.
    Side effects: the setting row (and an uploaded background file), an activity entry."""
    from conferences.services import diff_fields

    from .permissions import can_edit_certificate_settings

    if not can_edit_certificate_settings(by, setting.organiser):
        raise PermissionDeniedError("Bạn không có quyền sửa mẫu in của đơn vị này.")
    values = {k: v for k, v in fields.items() if k != "background" or v is not None}
    changes = diff_fields(setting, {**values, "offsets": offsets}) if setting.pk else {}
    for name, value in values.items():
        setattr(setting, name, value)
    setting.offsets = offsets
    setting.save()
    log_activity(
        actor=by,
        action="certificate_setting.saved",
        summary=f"Lưu mẫu in {setting}",
        target=setting,
        scope_unit=setting.organiser,
        changes=changes,
    )
    return setting


# --- signed copies (bản ký số) ------------------------------------------------------------------
# The largest signed PDF taken (settings.SIGNED_COPY_MAX_BYTES overrides): a decision with its
# list and a scanned signature page is a few megabytes.
SIGNED_COPY_MAX_BYTES = 20 * 1024 * 1024


def signed_copy_max_bytes() -> int:
    return getattr(settings, "SIGNED_COPY_MAX_BYTES", SIGNED_COPY_MAX_BYTES)


def active_trust_roots() -> list[bytes]:
    """The DER certificates signed copies are checked against (the administrator's)."""
    from .models import TrustRoot

    return [bytes(der) for der in TrustRoot.objects.filter(active=True).values_list(
        "certificate", flat=True
    )]  # fmt: skip


def _copies_of(target):
    return SignedCopy.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    )


def official_signed_copy(target) -> SignedCopy | None:
    """The official file of an issued plan or award decision: its latest valid signed copy
    for the current issue (its number as now), or None. `target` is a conferences Plan or a
    honorees AwardDecision; anything else has none. Whoever calls it decides who may see it:
    the logged-in pages serve it through the view `signed_official_download`; a public page
    reads `.file`, `.filename`, `.sha256`, `.signatures` itself."""
    from .signable import signable_of

    signable = signable_of(target)
    if signable is None or not signable.is_issued(target):
        return None
    return (
        _copies_of(target)
        .filter(status="valid", number_text=signable.number_text(target))
        .select_related("uploaded_by")
        .first()
    )


def official_copy_for_document(document: GeneratedDocument) -> SignedCopy | None:
    """The official signed copy of the plan or decision a generated PDF printed, or None
    (the print's page points to it)."""
    from .signable import signable_for

    signable = signable_for(document.kind)
    if signable is None or document.fmt != GeneratedDocument.Format.PDF:
        return None
    target = signable.model.objects.filter(pk=document.target_id).first()
    return official_signed_copy(target) if target is not None else None


def signed_copies_of(target) -> list[SignedCopy]:
    """Every signed copy uploaded for `target`, newest first (valid and invalid)."""
    return list(_copies_of(target).select_related("uploaded_by")[:50])


def upload_signed_copy(*, target, upload, by) -> SignedCopy:
    """Check a signed PDF of an issued plan or decision and keep it with the result: valid
    (every signature intact, covering the document, trusted; the text that of the issued
    document) or invalid with the reason. Refused with a DomainError (and nothing kept) when
    the file is too large, not a PDF or unreadable. Side effects: the file under MEDIA, a
    SignedCopy row, an activity entry."""
    from django.core.files.base import ContentFile

    from .signable import signable_of
    from .signed import check_upload, too_large, validate

    signable = signable_of(target)
    if signable is None:
        raise DomainError("Văn bản này không nhận bản ký số.")
    if not signable.can_upload(by, target):
        raise PermissionDeniedError("Chỉ văn thư tải lên bản ký số của văn bản đã ban hành.")
    limit = signed_copy_max_bytes()
    if upload is None:
        raise DomainError("Hãy chọn tệp PDF đã ký số.")
    if (getattr(upload, "size", 0) or 0) > limit:
        raise too_large(upload.size, limit)
    data = upload.read(limit + 1)
    check_upload(data, max_bytes=limit)
    outcome = validate(data, expected=signable.expected(target), trust_roots=active_trust_roots())
    digest = hashlib.sha256(data).hexdigest()
    number = signable.number_text(target)
    scope_unit = signable.scope_unit(target)
    with transaction.atomic():
        copy = SignedCopy(
            kind=signable.kind,
            target_type=ContentType.objects.get_for_model(target),
            target_id=str(target.pk),
            scope_unit=scope_unit,
            number_text=number,
            filename=_safe_pdf_name(getattr(upload, "name", "") or f"{signable.kind}.pdf"),
            size=len(data),
            sha256=digest,
            status=SignedCopy.Status.VALID if outcome.valid else SignedCopy.Status.INVALID,
            reason=outcome.reason[:4000],
            signatures=outcome.signatures,
            text_check=outcome.text_check,
            uploaded_by=by,
        )
        copy.file.save(f"{signable.kind}-{target.pk}-{digest[:16]}.pdf", ContentFile(data), False)
        copy.save()
        result = "hợp lệ, thành bản chính thức" if outcome.valid else "không hợp lệ"
        log_activity(
            actor=by,
            action="signed_copy.uploaded",
            summary=f"Tải lên bản ký số của {signable.label.lower()} số {number}: {result}"
            + ("" if outcome.valid else f" ({outcome.reason})"),
            target=copy,
            scope_unit=scope_unit,
        )
    return copy


def _safe_pdf_name(name: str) -> str:
    """The uploaded file's own name, without folders, ending .pdf (for the download)."""
    name = Path(name.replace("\\", "/")).name.strip() or "ban-ky-so.pdf"
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>:|?*')[:150]
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"


def certificate_png(*, code) -> bytes | None:
    """The certificate of a verification code (honorees.VerificationCode) as it was printed
    with that code, its first page as a PNG for the public verification page; None when the
    award prints no paper. Rendered here, at once (one page): the caller caches it."""
    return get_builder("award_certificates").image_png(code)
