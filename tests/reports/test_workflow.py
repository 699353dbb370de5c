"""The report goes draft -> sent -> returned (with the leader's comment) -> sent -> approved ->
issued with the next number of the organiser's register; each step only by its role."""

import datetime as dt

import pytest

from conferences.models import DocumentNumberRegister
from core.errors import DomainError, PermissionDeniedError
from reports import services
from reports.models import ReportSection, ReportStatus, SummaryReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world_data, cast):
    return services.create_report(conference=world_data["conference"], by=cast["users"]["staff"])


def test_report_starts_from_the_template_of_its_kind(report):
    headings = list(report.sections.values_list("heading", flat=True))
    assert headings[:3] == [
        "ĐẶC ĐIỂM TÌNH HÌNH",
        "KẾT QUẢ TRIỂN KHAI PHONG TRÀO",
        "KẾT QUẢ KHEN THƯỞNG",
    ]
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ" in headings
    assert report.sections.filter(kind=ReportSection.Kind.AWARDS_TABLE).count() == 1
    assert report.type_code == "BC-UBND" and report.status == ReportStatus.DRAFT


def test_return_then_approve_then_issue_with_number(report, cast):
    users = cast["users"]
    services.submit_report(report=report, by=users["staff"])
    with pytest.raises(PermissionDeniedError):
        services.approve_report(report=report, by=users["staff"])
    services.return_report(report=report, by=users["leader"], comment="Bổ sung phần hạn chế")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    assert report.return_comment == "Bổ sung phần hạn chế"
    section = report.sections.first()
    services.save_section(
        report=report, section=section, by=users["staff"], heading="ĐẶC ĐIỂM CHUNG", level=1,
        text="- Thuận lợi: nhiều",
    )  # fmt: skip
    services.submit_report(report=report, by=users["staff"])
    with pytest.raises(PermissionDeniedError):
        services.save_section(
            report=report, section=section, by=users["staff"], heading="X", level=1
        )
    services.approve_report(report=report, by=users["leader"])
    with pytest.raises(PermissionDeniedError):
        services.issue_report(report=report, by=users["council"])
    DocumentNumberRegister.objects.create(
        unit=report.conference.organiser, year=2026, type_code="BC-UBND", last_number=4
    )
    services.issue_report(report=report, by=users["clerk"], issued_on=dt.date(2026, 12, 1))
    report.refresh_from_db()
    assert (report.status, report.number) == (ReportStatus.ISSUED, 5)
    assert report.number_line == "Số: 05/BC-UBND"
    assert report.frozen_figures["values"]["khen_thuong"] == "04"
    with pytest.raises(DomainError):
        services.submit_report(report=report, by=users["staff"])


def test_return_needs_a_comment(report, cast):
    services.submit_report(report=report, by=cast["users"]["staff"])
    with pytest.raises(DomainError):
        services.return_report(report=report, by=cast["users"]["leader"], comment="  ")
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING_APPROVAL


def test_one_report_per_conference(report, cast):
    with pytest.raises(DomainError):
        services.create_report(conference=report.conference, by=cast["users"]["staff"])
    assert SummaryReport.objects.filter(conference=report.conference).count() == 1


def test_leader_cannot_edit_and_other_office_cannot_create(report, cast):
    with pytest.raises(PermissionDeniedError):
        services.save_section(report=report, by=cast["users"]["leader"], heading="X", level=1)
    with pytest.raises(PermissionDeniedError):
        services.create_report(conference=cast["conference_b"], by=cast["users"]["staff"])


def test_template_follows_the_conference_kind(cast):
    from tests.factories import ConferenceFactory

    staff = cast["users"]["staff"]
    contest = ConferenceFactory(organiser=cast["office_a"], kind="good_deeds_contest")
    exemplar = ConferenceFactory(organiser=cast["office_a"], kind="exemplar")
    with_contest = services.create_report(conference=contest, by=staff)
    plain = services.create_report(conference=exemplar, by=staff)
    assert "Người tốt, việc tốt" in with_contest.subject
    assert "Tổng kết phong trào thi đua yêu nước" in plain.subject
    assert with_contest.sections.filter(heading="Cuộc thi viết").exists()
    assert not plain.sections.filter(heading="Cuộc thi viết").exists()
