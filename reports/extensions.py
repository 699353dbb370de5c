"""What the summary report adds to the base app's pages: its card on the conference page and
the leader's "to approve" items on the home page."""

from django.urls import reverse

from conferences.selectors import visible_conferences
from core.extensions import ConferenceLink, HomeItem

from .models import ReportStatus, SummaryReport
from .permissions import can_create_report, can_review_report, can_view_report


def conference_links(user, conference) -> list[ConferenceLink]:
    report = SummaryReport.objects.filter(conference=conference).first()
    url = reverse("reports:detail", args=[conference.pk])
    if report is not None and can_view_report(user, report):
        number = f"số {report.number:02d}/{report.type_code}" if report.number else ""
        return [
            ConferenceLink(
                f"Báo cáo tổng kết — {report.get_status_display().lower()}",
                url,
                "Soạn từng mục với số liệu lấy từ dữ liệu, gửi duyệt, ban hành, tải DOCX, PDF.",
                order=60,
                figures=tuple(f for f in (report.get_status_display(), number) if f),
            )
        ]
    if report is None and can_create_report(user, conference):
        return [
            ConferenceLink(
                "Lập báo cáo tổng kết",
                reverse("reports:start", args=[conference.pk]),
                "Báo cáo tổng kết phong trào thi đua, số liệu tự động từ khen thưởng, đại biểu.",
                order=60,
            )
        ]
    return []


def leader_items(user) -> list[HomeItem]:
    waiting = SummaryReport.objects.filter(
        status=ReportStatus.PENDING_APPROVAL, conference__in=visible_conferences(user)
    ).select_related("conference__organiser")
    return [
        HomeItem(
            f"Báo cáo tổng kết: {report.conference.title}",
            reverse("reports:detail", args=[report.conference_id]),
            report.conference.organiser.name,
            badge="Chờ duyệt",
            badge_class="warning",
        )
        for report in waiting
        if can_review_report(user, report)
    ]
