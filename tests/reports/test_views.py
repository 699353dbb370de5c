"""The report's page: its figures and sections, a section saved through the page, the
workflow through the page, and the queries constant in the number of sections and awards."""

import pytest
from django.urls import reverse

from reports import services
from reports.models import ReportSection, ReportStatus, SummaryReport
from tests.queries import assert_queries_constant
from tests.reports.world import line

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world_data, cast):
    return services.create_report(conference=world_data["conference"], by=cast["users"]["staff"])


def _url(report) -> str:
    return reverse("reports:detail", args=[report.conference_id])


def test_page_shows_live_figures_and_saves_a_section(client, report, cast):
    client.force_login(cast["users"]["staff"])
    page = client.get(_url(report)).content.decode()
    assert "[[ho_so_gui]]" in page and "4.010.000 đồng" in page
    section = report.sections.get(heading="KẾT QUẢ KHEN THƯỞNG")
    response = client.post(
        reverse("reports:section_edit", args=[section.pk]),
        {f"s{section.pk}-heading": "KẾT QUẢ KHEN THƯỞNG", f"s{section.pk}-level": "1",
         f"s{section.pk}-text": "Tổng cộng [[khen_thuong]] tập thể, cá nhân."},
    )  # fmt: skip
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.content["items"][0]["text"] == "Tổng cộng [[khen_thuong]] tập thể, cá nhân."
    preview = client.get(reverse("report_preview", args=[report.conference_id])).content.decode()
    assert "Tổng cộng 04 tập thể, cá nhân." in preview


def test_workflow_through_the_pages(client, report, cast):
    users = cast["users"]
    client.force_login(users["staff"])
    client.post(reverse("reports:submit", args=[report.conference_id]))
    client.force_login(users["leader"])
    client.post(reverse("reports:approve", args=[report.conference_id]))
    client.force_login(users["clerk"])
    client.post(reverse("reports:issue", args=[report.conference_id]), {"issued_on": "2026-12-01"})
    report.refresh_from_db()
    assert (report.status, report.number) == (ReportStatus.ISSUED, 1)
    page = client.get(_url(report)).content.decode()
    assert "Số: 01/BC-UBND" in page and "đã chốt khi ban hành" in page


def test_report_page_queries_constant_in_sections(client, report, cast):
    client.force_login(cast["users"]["staff"])
    ReportSection.objects.filter(report=report).delete()

    def add(i):
        heading = f"MỤC SỐ {i}"
        services.save_section(
            report=SummaryReport.objects.get(pk=report.pk), by=cast["users"]["staff"],
            heading=heading, level=1, text=f"- Ý [[khen_thuong]] {i}",
        )  # fmt: skip
        return heading

    assert_queries_constant(client, _url(report), add)


def test_report_page_queries_constant_in_awards(client, report, world_data, cast):
    client.force_login(cast["users"]["staff"])
    sectors = ["Nông nghiệp", "Văn hóa", "Thể thao"]

    def add(i):
        line(world_data["draft"], form=["gk-xa", "cstd-cs", "ldtt"][i], sector=sectors[i])
        return sectors[i]

    assert_queries_constant(client, _url(report), add)


def test_sections_move_up_and_down_through_the_page(client, report, cast):
    client.force_login(cast["users"]["staff"])
    first, second = list(report.sections.all())[:2]
    client.post(reverse("reports:section_move", args=[second.pk, "len"]))
    assert list(report.sections.values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    client.post(reverse("reports:section_move", args=[second.pk, "len"]))  # already first
    assert list(report.sections.values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    client.post(reverse("reports:section_move", args=[second.pk, "xuong"]))
    assert list(report.sections.values_list("pk", flat=True))[:2] == [first.pk, second.pk]
    assert (
        client.post(reverse("reports:section_move", args=[second.pk, "ngang"])).status_code == 404
    )


def test_a_refused_section_keeps_what_was_typed(client, report, cast):
    client.force_login(cast["users"]["staff"])
    section = report.sections.first()
    response = client.post(
        reverse("reports:section_edit", args=[section.pk]),
        {f"s{section.pk}-heading": "Tiêu đề mới", f"s{section.pk}-level": "9",
         f"s{section.pk}-text": "Đoạn văn vừa gõ [[khen_thuong]]"},
    )  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert "Đoạn văn vừa gõ [[khen_thuong]]" in page and "Tiêu đề mới" in page
    section.refresh_from_db()
    assert section.heading != "Tiêu đề mới"
