"""An agency (or the office) reports on a duty."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from conferences import uploads
from conferences.errors import DomainError, PermissionDeniedError
from conferences.models import Membership, Role, User
from conferences.notifications import notify
from conferences.services import log_activity
from conferences.vntext import nfc

from ..models import DUTY_TRANSITIONS, Duty, DutyStatus, DutyUpdate
from ..permissions import can_report_on_duty

# Extension -> the first bytes a real file of that type starts with.
FILE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "xls": (b"\xd0\xcf\x11\xe0",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG",),
}


# Extension -> what checks the content before it is kept (conferences.uploads).
CONTENT_CHECKS = {
    "pdf": uploads.check_pdf,
    "docx": uploads.check_docx,
    "xlsx": uploads.check_xlsx_attachment,
    "doc": uploads.check_legacy_office,
    "xls": uploads.check_legacy_office,
    "jpg": uploads.check_image,
    "jpeg": uploads.check_image,
    "png": uploads.check_image,
}


def max_file_bytes() -> int:
    return getattr(settings, "ASSIGNMENTS_MAX_FILE_MB", 10) * 1024 * 1024


def check_file(file: UploadedFile) -> None:
    """Refuse files that are too big or whose content is not what their name says."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if extension not in FILE_SIGNATURES:
        allowed = ", ".join(sorted(FILE_SIGNATURES))
        raise DomainError(f"Chỉ nhận tệp {allowed}.", field="file")
    if file.size > max_file_bytes():
        raise DomainError(f"Tệp lớn hơn {max_file_bytes() // (1024 * 1024)} MB.", field="file")
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not head.startswith(FILE_SIGNATURES[extension]):
        raise DomainError("Nội dung tệp không đúng với loại tệp.", field="file")
    try:
        CONTENT_CHECKS[extension](file)
    except DomainError as exc:
        raise DomainError(exc.message, field="file") from exc
    file.seek(0)


def check_transition(current: str, new: str) -> None:
    """The one place that says which status moves are allowed."""
    if new not in DutyStatus.values:
        raise DomainError("Trạng thái không hợp lệ.", field="status")
    if new != current and new not in DUTY_TRANSITIONS[current]:
        raise DomainError(
            f"Không thể chuyển từ “{DutyStatus(current).label}” sang “{DutyStatus(new).label}”.",
            field="status",
        )


def _office_staff(duty: Duty) -> list[User]:
    organiser = duty.assignment.conference.organiser
    return [
        m.user
        for m in Membership.objects.filter(unit=organiser, role=Role.STAFF).select_related("user")
    ]


@transaction.atomic
def update_duty_status(
    *, duty: Duty, status: str, by: User, note: str = "", file: UploadedFile | None = None
) -> DutyUpdate:
    """Record a report on a duty and move its status (the same status adds a progress note).
    Side effects: the duty's status and done_at, a DutyUpdate row (with the file), an activity
    entry, an email to the organiser's office staff (after commit)."""
    if not can_report_on_duty(by, duty):
        raise PermissionDeniedError("Bạn không có quyền báo cáo nhiệm vụ này.")
    duty = (
        Duty.objects.select_for_update()
        .select_related("assignment__conference__organiser", "assignment__unit")
        .get(pk=duty.pk)
    )
    check_transition(duty.status, status)
    if file is not None:
        check_file(file)
    previous = duty.status
    duty.status = status
    duty.done_at = (duty.done_at or timezone.now()) if status == DutyStatus.DONE else None
    duty.save(update_fields=["status", "done_at", "updated_at"])
    update = DutyUpdate.objects.create(
        duty=duty, by=by, status=status, note=(nfc(note) or "").strip(), file=file or ""
    )
    _log_and_notify(duty, update, previous, by)
    return update


def _log_and_notify(duty: Duty, update: DutyUpdate, previous: str, by: User) -> None:
    assignment = duty.assignment
    conference = assignment.conference
    label = DutyStatus(update.status).label
    log_activity(
        actor=by,
        action="duty.status_updated",
        summary=f"{assignment.heading}: “{duty.text[:150]}” — {label}",
        target=duty,
        scope_unit=conference.organiser,
        conference=conference,
        changes={"status": [previous, update.status]} if previous != update.status else {},
    )
    url = reverse("assignment_board", kwargs={"conference_pk": conference.pk})
    body = (
        f"{assignment.unit.name} báo cáo nhiệm vụ của hội nghị “{conference.title}”:\n"
        f"{duty.text}\n\nTrạng thái: {label}\n"
        + (f"Ghi chú: {update.note}\n" if update.note else "")
        + f"\nXem bảng phân công: {url}"
    )
    notify(
        users=[u for u in _office_staff(duty) if u.pk != by.pk],
        subject=f"{assignment.unit.name}: {label.lower()} một nhiệm vụ",
        body=body,
    )
