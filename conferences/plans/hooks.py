"""The plan's card on the conference page and the leaders' "to approve" list on the home page."""

from django.urls import reverse

from conferences.models import Plan, PlanStatus
from conferences.review_chain import prime_reviewers
from core.extensions import ConferenceLink, HomeItem

from .permissions import can_create_plan, can_view_plan


def conference_links(user, conference) -> list[ConferenceLink]:
    plan = Plan.objects.filter(conference=conference).first()
    if plan is not None and can_view_plan(user, plan):
        number = f"số {plan.number}/{plan.type_code}" if plan.number else ""
        return [
            ConferenceLink(
                f"Kế hoạch — {plan.get_status_display().lower()}",
                reverse("plan_detail", args=[plan.pk]),
                "Soạn từng mục, xem trước trang in, gửi duyệt, ban hành và tải DOCX, PDF.",
                order=10,
                figures=tuple(
                    f
                    for f in (plan.get_status_display(), number, f"{plan.sections.count()} mục")
                    if f
                ),
            )
        ]
    if plan is None and can_create_plan(user, conference):
        return [
            ConferenceLink(
                "Lập kế hoạch",
                reverse("plan_start", args=[conference.pk]),
                "Bắt đầu từ mẫu theo loại hội nghị hoặc sao chép kế hoạch của hội nghị trước.",
                order=10,
            )
        ]
    return []


def leader_items(user) -> list[HomeItem]:
    """Sent plans that wait for this user: to check (the drafting office's leader) or to
    decide (the organiser's leader, once any check is done)."""
    from conferences.selectors import visible_conferences

    from .permissions import can_approve_plan, can_check_plan

    waiting = list(
        Plan.objects.filter(
            status=PlanStatus.PENDING_APPROVAL, conference__in=visible_conferences(user)
        ).select_related("conference__organiser")
    )
    prime_reviewers(plan.conference.organiser for plan in waiting)
    items = []
    for plan in waiting:
        if can_check_plan(user, plan):
            badge = "Chờ kiểm tra"
        elif can_approve_plan(user, plan):
            badge = "Chờ duyệt"
        else:
            continue
        items.append(
            HomeItem(
                f"Kế hoạch: {plan.conference.title}",
                reverse("plan_review", args=[plan.pk]),
                plan.conference.organiser.name,
                badge=badge,
                badge_class="warning",
            )
        )
    return items


# What a plan in each state asks of the office's staff on the home page.
STAFF_TODO = {
    PlanStatus.RETURNED: ("Kế hoạch bị trả lại: sửa theo ý kiến rồi gửi lại", "Trả lại", "danger"),
    PlanStatus.APPROVED: ("Kế hoạch đã được duyệt: ban hành, lấy số", "Đã duyệt", "success"),
    PlanStatus.DRAFT: ("Kế hoạch đang soạn", "Đang soạn", "secondary"),
}


def staff_items(user) -> list[HomeItem]:
    """Plans the user's office must act on: returned (fix and resend), approved (issue),
    drafts; the leader's comment comes with a returned plan."""
    from conferences.selectors import visible_conferences

    from .permissions import can_edit_plan, can_issue_plan

    plans = Plan.objects.filter(
        status__in=list(STAFF_TODO), conference__in=visible_conferences(user)
    ).select_related("conference__organiser")
    items = []
    for plan in plans.order_by("status", "conference__date"):
        if not (can_edit_plan(user, plan) or can_issue_plan(user, plan)):
            continue
        label, badge, colour = STAFF_TODO[plan.status]
        items.append(
            HomeItem(
                f"{label} — {plan.conference.title}",
                reverse("plan_detail", args=[plan.pk]),
                plan.conference.organiser.name,
                badge=badge,
                badge_class=colour,
            )
        )
    return items
