"""An agency (or the office) reports on a duty."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse

from conferences.models import Membership, Role, User
from conferences.review_chain import staff_of
from core import uploads
from core.errors import DomainError, PermissionDeniedError
from core.notifications import notify
from core.vntext import nfc

from ..models import Duty, DutyStatus, DutyUpdate
from ..permissions import can_report_on_duty
from ..workflow import transition_duty

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


# Extension -> what checks the content before it is kept (core.uploads).
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


def _office_staff(duty: Duty) -> list[User]:
    """The organiser's staff, and those of the offices drafting for it."""
    organiser = duty.assignment.conference.organiser
    return [
        *(
            m.user
            for m in Membership.objects.filter(unit=organiser, role=Role.STAFF).select_related(
                "user"
            )
        ),
        *staff_of(organiser),
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
    if file is not None:
        check_file(file)
    previous = duty.status
    label = DutyStatus(status).label if status in DutyStatus.values else status
    assignment = duty.assignment
    transition_duty(
        duty=duty,
        to=status,
        by=by,
        action="duty.status_updated",
        summary=f"{assignment.heading}: “{duty.text[:150]}” — {label}",
        changes={"status": [previous, status]} if previous != status else {},
    )
    update = DutyUpdate.objects.create(
        duty=duty, by=by, status=status, note=(nfc(note) or "").strip(), file=file or ""
    )
    _notify(duty, update, by)
    return update


def _notify(duty: Duty, update: DutyUpdate, by: User) -> None:
    assignment = duty.assignment
    conference = assignment.conference
    label = DutyStatus(update.status).label
    url = reverse("assignment_board", kwargs={"conference_pk": conference.pk})
    body = (
        f"{assignment.unit.name} báo cáo nhiệm vụ của hội nghị “{conference.title}”:\n"
        f"{duty.text}\n\nTrạng thái: {label}\n"
        + (f"Ghi chú: {update.note}\n" if update.note else "")
    )
    notify(
        users=[u for u in _office_staff(duty) if u.pk != by.pk],
        subject=f"{assignment.unit.name}: {label.lower()} một nhiệm vụ",
        body=body,
        link=url,
    )
