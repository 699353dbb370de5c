"""The daily reminder: each agency hears about its duties due soon and its late ones, once
per duty and day however often, or however concurrently, the job runs."""

import datetime as dt
import uuid
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from conferences.models import Membership, Role, User
from core.notifications import notify

from .. import wording
from ..models import DeadlineKind, Duty, DutyStatus, ReminderLog


def reminder_days() -> int:
    return getattr(settings, "ASSIGNMENTS_REMINDER_DAYS", 3)


def due_duties(today: dt.date, days: int) -> list[tuple[Duty, str]]:
    """Open duties due within `days` or already late, with the kind of reminder. Reminders
    stop once the conference day has passed: late work no longer helps it."""
    duties = (
        Duty.objects.select_related("assignment__conference", "assignment__unit")
        .exclude(status=DutyStatus.DONE)
        .exclude(deadline_kind=DeadlineKind.NONE)
        .exclude(assignment__conference__date__lt=today)
        .filter(assignment__unit__active=True)
        .order_by("assignment__conference_id", "assignment__order", "order", "id")
    )
    horizon = today + dt.timedelta(days=days)
    found = []
    for duty in duties:
        deadline = duty.deadline
        if deadline is None or deadline > horizon:
            continue
        kind = ReminderLog.Kind.OVERDUE if deadline < today else ReminderLog.Kind.DUE_SOON
        found.append((duty, kind))
    return found


def _recipients(unit_ids: set[int]) -> dict[int, list[User]]:
    by_unit: dict[int, list[User]] = defaultdict(list)
    memberships = Membership.objects.filter(
        unit_id__in=unit_ids, role=Role.REPORTER, user__is_active=True
    ).select_related("user")
    for m in memberships:
        if m.user.email:
            by_unit[m.unit_id].append(m.user)
    return by_unit


@transaction.atomic
def send_due_reminders(*, today: dt.date) -> int:
    """Email each agency the list of its duties due within ASSIGNMENTS_REMINDER_DAYS days and
    its late ones. The log rows are inserted first (the unique constraint drops any a
    concurrent or earlier run already made); only the rows this run inserted are emailed.
    Side effects: ReminderLog rows, one email per agency to each of its reporters (after
    commit). Returns the number of agencies reminded."""
    found = due_duties(today, reminder_days())
    recipients = _recipients({duty.assignment.unit_id for duty, _kind in found})
    run_id = uuid.uuid4()
    rows = [
        ReminderLog(
            duty=duty, agency_id=duty.assignment.unit_id, date=today, kind=kind, run_id=run_id
        )  # fmt: skip
        for duty, kind in found
        if recipients.get(duty.assignment.unit_id)
    ]
    ReminderLog.objects.bulk_create(rows, ignore_conflicts=True)
    mine = set(ReminderLog.objects.filter(run_id=run_id).values_list("duty_id", "kind"))
    by_agency: dict[int, list[tuple[Duty, str]]] = defaultdict(list)
    for duty, kind in found:
        if (duty.pk, kind) in mine:
            by_agency[duty.assignment.unit_id].append((duty, kind))
    for unit_id, items in by_agency.items():
        _email_agency(recipients[unit_id], items, today)
    return len(by_agency)


def _email_agency(users: list[User], items: list[tuple[Duty, str]], today: dt.date) -> None:
    agency = items[0][0].assignment.unit
    late = [duty for duty, kind in items if kind == ReminderLog.Kind.OVERDUE]
    soon = [duty for duty, kind in items if kind == ReminderLog.Kind.DUE_SOON]
    lines = [f"Kính gửi {agency.name},", ""]
    if late:
        lines += ["Nhiệm vụ đã quá hạn:", *(_line(d, today) for d in late), ""]
    if soon:
        lines += ["Nhiệm vụ sắp đến hạn:", *(_line(d, today) for d in soon), ""]
    lines.append("Đề nghị cơ quan cập nhật tiến độ tại trang “Nhiệm vụ của tôi”.")
    subject = f"Nhắc hạn nhiệm vụ: {len(late)} quá hạn, {len(soon)} sắp đến hạn"
    notify(users=users, subject=subject, body="\n".join(lines), link=reverse("my_duties"))


def _line(duty: Duty, today: dt.date) -> str:
    conference = duty.assignment.conference
    late = wording.days_late(duty.days_late(today))
    deadline = wording.short_date(duty.deadline)
    return f"- {duty.text} (hạn {deadline}{'; ' + late if late else ''}) — {conference.title}"
