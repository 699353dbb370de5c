"""What assignments add to the home page and the conference page (core.extensions)."""

from django.urls import reverse

from core.extensions import ConferenceLink, HomeItem

from . import selectors, wording
from .models import Duty, DutyStatus
from .permissions import can_view_board

HOME_LIMIT = 10


def reporter_items(user) -> list[HomeItem]:
    """The reporter's open duties, most urgent first, late ones marked."""
    today = selectors.today()
    duties = selectors.my_open_duties(user)
    items = [_duty_item(duty, today) for duty in duties[:HOME_LIMIT]]
    if duties:
        items.append(
            HomeItem(
                label="Xem tất cả nhiệm vụ của tôi",
                url=reverse("my_duties"),
                detail=f"{len(duties)} nhiệm vụ chưa hoàn thành",
            )
        )
    return items


def _duty_item(duty, today) -> HomeItem:
    late = duty.days_late(today)
    deadline = duty.deadline_wording(duty.assignment.conference.date)
    detail = duty.assignment.conference.title + (f" — hạn {deadline}" if deadline else "")
    if late:
        detail += f" — {wording.days_late(late)}"
    return HomeItem(
        label=duty.text[:160],
        url=reverse("duty_report", kwargs={"pk": duty.pk}),
        detail=detail,
        badge="Quá hạn" if late else duty.get_status_display(),
        badge_class="danger" if late else "secondary",
    )


def staff_items(user) -> list[HomeItem]:
    """One line per conference the user staffs that has open duties: how many are late, and
    the agencies' reports that came in since the user's previous visit."""
    items = []
    new = selectors.new_reports_by_conference(user, user.home_seen_at)
    for conference, open_count, late in selectors.late_counts_by_conference(user):
        reports = new.get(conference.pk, 0)
        detail = f"{open_count} nhiệm vụ chưa hoàn thành"
        if reports:
            detail += f"; {reports} báo cáo mới của cơ quan từ lần xem trước"
        items.append(
            HomeItem(
                label=f"Phân công nhiệm vụ: {conference.title}",
                url=reverse("assignment_board", kwargs={"conference_pk": conference.pk}),
                detail=detail,
                badge=f"{late} quá hạn" if late else ("Báo cáo mới" if reports else ""),
                badge_class="danger" if late else "info",
            )
        )
    return items


def _figures(conference) -> tuple[str, ...]:
    """Duties done, open and late (late counted as the board counts them)."""
    today = selectors.today()
    duties = list(
        Duty.objects.filter(assignment__conference=conference).select_related(
            "assignment__conference"
        )
    )
    done = sum(d.status == DutyStatus.DONE for d in duties)
    late = sum(d.status != DutyStatus.DONE and d.days_late(today) > 0 for d in duties)
    return (f"{done}/{len(duties)} nhiệm vụ xong", f"{late} quá hạn")


def conference_links(user, conference) -> list[ConferenceLink]:
    links = [
        ConferenceLink(
            title="Tiến độ chuẩn bị",
            url=reverse("assignment_timeline", kwargs={"conference_pk": conference.pk}),
            description="Các mốc thời gian và thời hạn nhiệm vụ đến ngày hội nghị.",
            order=41,
        )
    ]
    if can_view_board(user, conference):
        links.insert(
            0,
            ConferenceLink(
                title="Phân công nhiệm vụ",
                url=reverse("assignment_board", kwargs={"conference_pk": conference.pk}),
                description="Nhiệm vụ của từng cơ quan, thời hạn, tiến độ và việc quá hạn.",
                order=40,
                figures=_figures(conference),
            ),
        )
    return links
