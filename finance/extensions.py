"""What the budget adds to the base app's pages: its card on the conference page and the
leader's "to approve" items."""

from django.urls import reverse

from conferences.selectors import visible_conferences
from core.extensions import ConferenceLink, HomeItem

from .models import BudgetEstimate
from .permissions import can_create_estimate, can_review_estimate, can_view_budget


def conference_links(user, conference) -> list[ConferenceLink]:
    if not can_view_budget(user, conference):
        return []
    estimate = BudgetEstimate.objects.filter(conference=conference).first()
    if estimate is None and not can_create_estimate(user, conference):
        return []
    fund = reverse("finance:fund") + f"?don_vi={conference.organiser_id}"
    links = [
        ConferenceLink(
            "Dự trù kinh phí" if estimate else "Lập dự trù kinh phí",
            reverse("finance:estimate", args=[conference.pk]),
            "Dự trù từng khoản, tiền thưởng từ quyết định, Tờ trình, thực chi so với dự toán.",
            order=70,
            figures=(estimate.get_status_display(),) if estimate else (),
        ),
        ConferenceLink(
            "Sổ quỹ thi đua, khen thưởng",
            fund,
            "Thu, chi, số dư theo năm; tiền thưởng của quyết định được ghi tự động.",
            order=75,
        ),
    ]
    return links


def leader_items(user) -> list[HomeItem]:
    waiting = BudgetEstimate.objects.filter(
        status=BudgetEstimate.Status.SUBMITTED, conference__in=visible_conferences(user)
    ).select_related("conference__organiser")
    return [
        HomeItem(
            f"Dự trù kinh phí: {e.conference.title}",
            reverse("finance:estimate", args=[e.conference_id]),
            e.conference.organiser.name,
            badge="Chờ duyệt",
            badge_class="warning",
        )
        for e in waiting
        if can_review_estimate(user, e)
    ]
