"""The daily reminder of clearance requests: an agency that has not answered about every
nominee hears about it in the days before the deadline and after it, once a day however
often (or however concurrently) the job runs."""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse

from conferences.models import Membership, Role, User
from core.notifications import notify

from ..models import ClearanceAnswer, ClearanceRequest


def _window(today: dt.date) -> tuple[dt.date, dt.date]:
    """Deadlines reminded today: from CLEARANCE_OVERDUE_DAYS ago to CLEARANCE_REMINDER_DAYS
    ahead (an answer long overdue is the office's call, by telephone or letter)."""
    ahead = getattr(settings, "CLEARANCE_REMINDER_DAYS", 2)
    behind = getattr(settings, "CLEARANCE_OVERDUE_DAYS", 7)
    return today - dt.timedelta(days=behind), today + dt.timedelta(days=ahead)


def due_requests(today: dt.date) -> list[ClearanceRequest]:
    """Requests with answers still missing whose deadline falls in the window, not yet
    reminded today, with `missing` (the count of nominees not answered)."""
    first, last = _window(today)
    return list(
        ClearanceRequest.objects.filter(deadline__gte=first, deadline__lte=last)
        .filter(agency__active=True)
        .exclude(reminded_on=today)
        .annotate(
            missing=Count("answers", filter=Q(answers__status=ClearanceAnswer.Status.PENDING))
        )
        .filter(missing__gt=0)
        .select_related("agency", "round__conference__organiser")
        .order_by("agency__path", "deadline", "pk")
    )


def send_clearance_reminders(*, today: dt.date) -> int:
    """Email each agency with answers missing the list of its requests due soon or late.
    Each request is claimed for the day by one UPDATE (a concurrent or earlier run that
    claimed it first sends nothing for it). Side effects: reminded_on, one email per agency
    to each of its reporters (after commit). Returns the number of agencies reminded."""
    requests = due_requests(today)
    reporters: dict[int, list[User]] = defaultdict(list)
    for m in Membership.objects.filter(
        unit_id__in={r.agency_id for r in requests}, role=Role.REPORTER, user__is_active=True
    ).select_related("user"):
        if m.user.email:
            reporters[m.unit_id].append(m.user)
    by_agency: dict[int, list[ClearanceRequest]] = defaultdict(list)
    for request in requests:
        if not reporters.get(request.agency_id):
            continue  # nobody to tell: the office sees it on the round's clearance page
        claimed = (
            ClearanceRequest.objects.filter(pk=request.pk)
            .exclude(reminded_on=today)
            .update(reminded_on=today)
        )
        if claimed:
            by_agency[request.agency_id].append(request)
    for agency_id, items in by_agency.items():
        _email(reporters[agency_id], items, today)
    return len(by_agency)


def _email(users: list[User], items: list[ClearanceRequest], today: dt.date) -> None:
    agency = items[0].agency
    lines = [f"Kính gửi {agency.name},", ""]
    for r in items:
        when = (
            f"đã quá hạn {(today - r.deadline).days} ngày (hạn {r.deadline:%d/%m/%Y})"
            if r.deadline < today
            else f"hạn trả lời {r.deadline:%d/%m/%Y}"
        )
        lines.append(
            f"- {r.round.conference.organiser.name}, đợt “{r.round.title}”: còn {r.missing} "
            f"người, tập thể chưa có ý kiến; {when}."
        )
    lines += ["", "Đề nghị cơ quan cho ý kiến tại trang “Đề nghị cho ý kiến”."]
    late = sum(1 for r in items if r.deadline < today)
    subject = "Nhắc trả lời đề nghị cho ý kiến về khen thưởng" + (
        f" ({late} đề nghị đã quá hạn)" if late else ""
    )
    notify(
        users=users,
        subject=subject,
        body="\n".join(lines),
        link=reverse("honorees:clearance_inbox"),
    )
