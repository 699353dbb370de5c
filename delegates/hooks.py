"""What the delegates app plugs into the base app (registered in DelegatesConfig.ready)."""

from django.urls import reverse
from django.utils import timezone

from conferences.models import Role
from conferences.permissions import memberships_of
from core.extensions import ConferenceLink, HomeItem
from core.vntext import format_date_short

from . import permissions, selectors


def conference_links(user, conference) -> list[ConferenceLink]:
    if permissions.can_view_delegates(user, conference):
        url = reverse("delegates_composition", kwargs={"conference_pk": conference.pk})
        return [
            ConferenceLink(
                "Đại biểu",
                url,
                "Thành phần, số lượng; phân bổ cho đơn vị; danh sách, báo cáo cơ cấu; đón tiếp.",
                order=20,
                figures=_figures(conference),
            )
        ]
    unit_ids = {m.unit_id for m in memberships_of(user) if m.role == Role.SUBMITTER}
    units = [u for u in selectors.units_with_allocations(conference) if u.pk in unit_ids]
    return [
        ConferenceLink(
            f"Đại biểu của {u.label}",
            reverse("delegates_unit", kwargs={"conference_pk": conference.pk, "unit_pk": u.pk}),
            "Số đại biểu được phân bổ và danh sách đơn vị cử.",
            order=20,
        )
        for u in units
    ]


def _figures(conference) -> tuple[str, ...]:
    """Delegates named against the seats planned, invitations sent, present on the day."""
    from django.db.models import Count, Q, Sum
    from django.db.models.functions import Coalesce

    from .models import Delegate, DelegateCategory, InvitationStatus

    counts = Delegate.objects.filter(selectors.ACTIVE, conference=conference).aggregate(
        named=Count("id"),
        invited=Count("id", filter=~Q(invitation_status=InvitationStatus.TO_INVITE)),
        present=Count("id", filter=Q(present_at__isnull=False)),
    )
    planned = DelegateCategory.objects.filter(conference=conference, parent=None).aggregate(
        seats=Sum(Coalesce("target_max", "target_min"))
    )["seats"]
    named = f"{counts['named']}/{planned} đại biểu" if planned else f"{counts['named']} đại biểu"
    return (named, f"{counts['invited']} đã mời", f"{counts['present']} có mặt")


def _countdown(delegate_round, now) -> tuple[str, str]:
    if delegate_round is None or delegate_round.deadline is None:
        return "", "secondary"
    days = (
        timezone.localtime(delegate_round.deadline).date() - timezone.localtime(now).date()
    ).days
    if delegate_round.deadline < now:
        return "Hết hạn", "danger"
    if days == 0:
        return "Hạn hôm nay", "warning"
    return f"Còn {days} ngày", "warning" if days <= 3 else "info"


def submitter_home_items(user) -> list[HomeItem]:
    now = timezone.now()
    items = []
    for conference, unit, seats, used, delegate_round in selectors.submitter_allocations(user):
        badge, colour = _countdown(delegate_round, now)
        deadline = ""
        if delegate_round and delegate_round.deadline:
            deadline = (
                f"; hạn gửi {format_date_short(timezone.localtime(delegate_round.deadline).date())}"
            )
        items.append(
            HomeItem(
                label=f"Đại biểu dự {conference.title}",
                url=reverse(
                    "delegates_unit", kwargs={"conference_pk": conference.pk, "unit_pk": unit.pk}
                ),
                detail=f"{unit.name}: đã cử {used}/{seats}, còn {max(seats - used, 0)} chỗ{deadline}",
                badge=badge,
                badge_class=colour,
            )
        )
    return items
