"""Demo data: a draft summary report for Thượng Hồng's conference (the one with the nomination
round), its figures live from the demo's nominations and draft decision. Idempotent."""

from conferences.models import Conference, User

from .models import SummaryReport
from .services import create_report


def seed_demo_report(stdout) -> None:
    conference = (
        Conference.objects.filter(organiser__code="HP-TH", nomination_rounds__isnull=False)
        .order_by("pk")
        .first()
    )
    canbo = User.objects.filter(username="canbo").first()
    if conference is None or canbo is None:
        return
    if SummaryReport.objects.filter(conference=conference).exists():
        return
    create_report(conference=conference, by=canbo)
    stdout.write(f"Báo cáo tổng kết: dự thảo cho “{conference.title}”.")
