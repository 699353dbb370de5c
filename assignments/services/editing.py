"""The office edits a conference's assignments, duties and milestones."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Model, QuerySet

from conferences.models import Conference, Unit, User
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from ..models import (
    Assignment,
    DeadlineKind,
    Duty,
    DutyTemplate,
    DutyUpdate,
    Milestone,
)
from ..permissions import can_manage_assignments

# Bodies outside the committee's authority are "asked" in the plans ("Đề nghị Công ty ...").
REQUESTED_KINDS = (Unit.Kind.AGENCY, Unit.Kind.ENTERPRISE, Unit.Kind.ORGANISATION)


def _check(by: User, conference: Conference) -> None:
    if not can_manage_assignments(by, conference):
        raise PermissionDeniedError("Bạn không có quyền phân công nhiệm vụ cho hội nghị này.")


def _text(value: str | None) -> str:
    return (nfc(value) or "").strip()


def clean_deadline(
    kind: str, date: dt.date | None, offset: int | None
) -> tuple[str, dt.date | None, int | None]:
    """The deadline fields for `kind`, the others emptied; a clear message when one is missing."""
    if kind == DeadlineKind.ABSOLUTE:
        if date is None:
            raise DomainError("Hãy nhập ngày hạn.", field="deadline_date")
        return kind, date, None
    if kind == DeadlineKind.RELATIVE:
        if offset is None:
            raise DomainError("Hãy nhập số ngày so với ngày hội nghị.", field="offset_days")
        return kind, None, offset
    return DeadlineKind.NONE, None, None


def _next_order(qs: QuerySet) -> int:
    return (qs.aggregate(m=Max("order"))["m"] or 0) + 1


def _move(by: User, conference: Conference, siblings: QuerySet, obj: Model, direction: str) -> bool:
    """Swap `obj` with its neighbour ("up" or "down"); orders are renumbered 1..n first. False
    at an end."""
    _check(by, conference)
    items = list(siblings.order_by("order", "id"))
    index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items, start=1):
        item.order = position
    type(obj).objects.bulk_update(items, ["order"])
    return True


def _update(
    obj: Model,
    fields: dict,
    *,
    by: User,
    conference: Conference,
    action: str,
    summary: Callable[[], str],
    update_fields: list[str] | None = None,
) -> None:
    """Set `fields` and save when any differs from the row, with an activity entry holding
    the previous values (`summary()` is asked once the new values are set); nothing when
    none differs."""
    changes = diff_fields(obj, fields)
    if not changes:
        return
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save(update_fields=update_fields)
    log_activity(
        actor=by,
        action=action,
        summary=summary(),
        target=obj,
        conference=conference,
        changes=changes,
    )


def _delete(obj: Model, *, by: User, conference: Conference, action: str, summary: str) -> None:
    """The activity entry first (it names the row while it still exists), then the row."""
    log_activity(actor=by, action=action, summary=summary, target=obj, conference=conference)
    obj.delete()


# --- Assignments ---------------------------------------------------------------------------------
def default_heading(unit: Unit) -> str:
    return f"Đề nghị {unit.name}" if unit.kind in REQUESTED_KINDS else unit.name


def _check_assignment_fields(conference: Conference, fields: dict, exclude_pk=None) -> dict:
    unit = fields["unit"]
    if not unit.path.startswith(conference.organiser.path):
        raise DomainError("Đơn vị không thuộc phạm vi của đơn vị tổ chức.", field="unit")
    if conference.assignments.filter(unit=unit).exclude(pk=exclude_pk).exists():
        raise DomainError(f"{unit.name} đã được phân công trong hội nghị này.", field="unit")
    supports = fields.get("supports")
    if supports and (supports.conference_id != conference.pk or supports.pk == exclude_pk):
        raise DomainError("Chọn một cơ quan chủ trì của cùng hội nghị.", field="supports")
    fields["heading"] = _text(fields.get("heading")) or default_heading(unit)
    fields["note"] = _text(fields.get("note"))
    if fields.get("role") != Assignment.Role.SUPPORT:
        fields["supports"] = None
    return fields


@transaction.atomic
def create_assignment(
    *,
    conference: Conference,
    unit: Unit,
    by: User,
    role: str = Assignment.Role.LEAD,
    supports: Assignment | None = None,
    heading: str = "",
    note: str = "",
) -> Assignment:
    """Give an agency a part in the conference, at the end of the list. The heading defaults
    to the unit's name ("Đề nghị ..." for bodies outside the committee).
    Side effects: the assignment row, an activity entry."""
    _check(by, conference)
    fields = {"unit": unit, "role": role, "supports": supports, "heading": heading, "note": note}
    fields = _check_assignment_fields(conference, fields)
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                conference=conference, order=_next_order(conference.assignments), **fields
            )
    except IntegrityError as exc:  # the same unit added by a concurrent request
        raise DomainError(f"{unit.name} đã được phân công.", field="unit") from exc
    log_activity(
        actor=by,
        action="assignment.created",
        summary=f"Phân công {assignment.heading}",
        target=assignment,
        conference=conference,
    )
    return assignment


@transaction.atomic
def update_assignment(*, assignment: Assignment, by: User, **fields: Any) -> Assignment:
    """Change an assignment's agency, role, heading or note.
    Side effects: the row, an activity entry with the previous values."""
    conference = assignment.conference
    _check(by, conference)
    fields = _check_assignment_fields(
        conference, {"unit": assignment.unit, **fields}, exclude_pk=assignment.pk
    )
    _update(
        assignment,
        fields,
        by=by,
        conference=conference,
        action="assignment.updated",
        summary=lambda: f"Sửa phân công {assignment.heading}",
    )
    return assignment


@transaction.atomic
def delete_assignment(*, assignment: Assignment, by: User) -> None:
    """Remove an agency and its duties; refused once the agency has reported on one.
    Side effects: deletes the assignment and its duties, an activity entry."""
    conference = assignment.conference
    _check(by, conference)
    if DutyUpdate.objects.filter(duty__assignment=assignment).exists():
        raise DomainError("Cơ quan này đã báo cáo tiến độ; không thể xóa phân công.")
    _delete(
        assignment,
        by=by,
        conference=conference,
        action="assignment.deleted",
        summary=f"Xóa phân công {assignment.heading}",
    )


@transaction.atomic
def move_assignment(*, assignment: Assignment, direction: str, by: User) -> bool:
    """Move one place up or down. Side effects: orders of the conference's assignments."""
    conference = assignment.conference
    return _move(by, conference, conference.assignments.all(), assignment, direction)


# --- Duties -----------------------------------------------------------------------------------------
def _duty_fields(fields: dict) -> dict:
    text = _text(fields.get("text"))
    if not text:
        raise DomainError("Hãy nhập nội dung nhiệm vụ.", field="text")
    kind, date, offset = clean_deadline(
        fields.get("deadline_kind", DeadlineKind.NONE),
        fields.get("deadline_date"),
        fields.get("offset_days"),
    )
    label = _text(fields.get("deadline_label"))[:200]
    return {
        "text": text,
        "deadline_kind": kind,
        "deadline_date": date,
        "offset_days": offset,
        "deadline_label": label,
    }


@transaction.atomic
def create_duty(*, assignment: Assignment, by: User, **fields: Any) -> Duty:
    """Add a duty at the end of an assignment. Fields: text, deadline_kind, deadline_date,
    offset_days, deadline_label (the deadline in the plan's words). Side effects: the duty row, an activity entry."""
    conference = assignment.conference
    _check(by, conference)
    duty = Duty.objects.create(
        assignment=assignment, order=_next_order(assignment.duties), **_duty_fields(fields)
    )
    log_activity(
        actor=by,
        action="duty.created",
        summary=f"Giao nhiệm vụ cho {assignment.heading}",
        target=duty,
        conference=conference,
    )
    return duty


@transaction.atomic
def update_duty(*, duty: Duty, by: User, **fields: Any) -> Duty:
    """Change a duty's text or deadline. Side effects: the row, an activity entry."""
    conference = duty.assignment.conference
    _check(by, conference)
    fields = _duty_fields(fields)
    _update(
        duty,
        fields,
        by=by,
        conference=conference,
        action="duty.updated",
        summary=lambda: f"Sửa nhiệm vụ của {duty.assignment.heading}",
        # Only these columns: a full save of this copy could undo a status reported meanwhile.
        update_fields=[*fields, "updated_at"],
    )
    return duty


@transaction.atomic
def delete_duty(*, duty: Duty, by: User) -> None:
    """Side effects: deletes the duty and its reports, an activity entry."""
    conference = duty.assignment.conference
    _check(by, conference)
    _delete(
        duty,
        by=by,
        conference=conference,
        action="duty.deleted",
        summary=f"Xóa nhiệm vụ của {duty.assignment.heading}: {duty.text[:200]}",
    )


@transaction.atomic
def move_duty(*, duty: Duty, direction: str, by: User) -> bool:
    """Side effects: orders of the assignment's duties."""
    assignment = duty.assignment
    return _move(by, assignment.conference, assignment.duties.all(), duty, direction)


@transaction.atomic
def reorder_duties(*, assignment: Assignment, duty_ids: list[int], by: User) -> None:
    """Put the assignment's duties in the given order (drag and drop); ids must be exactly
    the assignment's duties. Side effects: their orders."""
    _check(by, assignment.conference)
    duties = {d.pk: d for d in assignment.duties.all()}
    if sorted(duty_ids) != sorted(duties):
        raise DomainError("Danh sách nhiệm vụ đã thay đổi; hãy tải lại trang.")
    for position, pk in enumerate(duty_ids, start=1):
        duties[pk].order = position
    Duty.objects.bulk_update(duties.values(), ["order"])


@transaction.atomic
def apply_duty_template(*, assignment: Assignment, template: DutyTemplate, by: User) -> list:
    """Append the template's duties (relative deadlines where the template has an offset);
    they are ordinary duties afterwards, edited one by one.
    Side effects: duty rows, an activity entry."""
    conference = assignment.conference
    _check(by, conference)
    start = _next_order(assignment.duties)
    duties = [
        Duty(
            assignment=assignment,
            order=start + i,
            text=item.text,
            deadline_kind=DeadlineKind.NONE if item.offset_days is None else DeadlineKind.RELATIVE,
            offset_days=item.offset_days,
        )
        for i, item in enumerate(template.items.order_by("order", "id"))
    ]
    Duty.objects.bulk_create(duties)
    log_activity(
        actor=by,
        action="duty.template_applied",
        summary=f"Áp dụng mẫu “{template.name}” cho {assignment.heading} ({len(duties)} nhiệm vụ)",
        target=assignment,
        conference=conference,
    )
    return duties


# --- Milestones -------------------------------------------------------------------------------------
def _milestone_fields(conference: Conference, fields: dict) -> tuple[dict, list]:
    title = _text(fields.get("title"))
    if not title:
        raise DomainError("Hãy nhập nội dung bước.", field="title")
    kind, date, offset = clean_deadline(
        fields.get("deadline_kind", DeadlineKind.NONE),
        fields.get("deadline_date"),
        fields.get("offset_days"),
    )
    units = list(fields.get("units") or [])
    if any(not u.path.startswith(conference.organiser.path) for u in units):
        raise DomainError("Đơn vị không thuộc phạm vi của đơn vị tổ chức.", field="units")
    values = {
        "title": title,
        "deadline_kind": kind,
        "deadline_date": date,
        "offset_days": offset,
        "date_label": _text(fields.get("date_label")),
        "responsible_text": _text(fields.get("responsible_text")),
    }
    return values, units


@transaction.atomic
def create_milestone(*, conference: Conference, by: User, **fields: Any) -> Milestone:
    """Add a step of the preparation at the end. Fields: title, deadline_kind, deadline_date,
    offset_days, date_label, units, responsible_text.
    Side effects: the milestone row and its units, an activity entry."""
    _check(by, conference)
    values, units = _milestone_fields(conference, fields)
    milestone = Milestone.objects.create(
        conference=conference, order=_next_order(conference.milestones), **values
    )
    milestone.units.set(units)
    log_activity(
        actor=by,
        action="milestone.created",
        summary=f"Thêm mốc: {milestone.title[:200]}",
        target=milestone,
        conference=conference,
    )
    return milestone


@transaction.atomic
def update_milestone(*, milestone: Milestone, by: User, **fields: Any) -> Milestone:
    """Side effects: the row and its units, an activity entry with the previous values."""
    conference = milestone.conference
    _check(by, conference)
    values, units = _milestone_fields(conference, fields)
    changes = diff_fields(milestone, values)
    for name, value in values.items():
        setattr(milestone, name, value)
    milestone.save()
    milestone.units.set(units)
    log_activity(
        actor=by,
        action="milestone.updated",
        summary=f"Sửa mốc: {milestone.title[:200]}",
        target=milestone,
        conference=conference,
        changes=changes,
    )
    return milestone


@transaction.atomic
def delete_milestone(*, milestone: Milestone, by: User) -> None:
    """Side effects: deletes the milestone, an activity entry."""
    conference = milestone.conference
    _check(by, conference)
    _delete(
        milestone,
        by=by,
        conference=conference,
        action="milestone.deleted",
        summary=f"Xóa mốc: {milestone.title[:200]}",
    )


@transaction.atomic
def move_milestone(*, milestone: Milestone, direction: str, by: User) -> bool:
    """Side effects: orders of the conference's milestones."""
    conference = milestone.conference
    return _move(by, conference, conference.milestones.all(), milestone, direction)
