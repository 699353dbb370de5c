"""Reads of the summary report, scoped to what the user may see (404 outside it)."""

from __future__ import annotations

from django.http import Http404

from conferences.selectors import get_conference, visible_conferences

from .figures import compute_figures
from .models import ReportSection, ReportStatus, SummaryReport
from .outline import build_outline


def report_of(conference) -> SummaryReport | None:
    return SummaryReport.objects.filter(conference=conference).first()


def get_report(user, conference_pk: int) -> SummaryReport:
    """The report of a conference the user sees (404 when there is none)."""
    conference = get_conference(user, conference_pk)
    report = SummaryReport.objects.select_related("conference__organiser").filter(
        conference=conference
    )
    found = report.first()
    if found is None:
        raise Http404
    return found


def get_section(user, pk: int) -> ReportSection:
    """A section of a report of a conference the user sees (404 otherwise)."""
    section = (
        ReportSection.objects.select_related("report__conference__organiser")
        .filter(pk=pk, report__conference__in=visible_conferences(user))
        .first()
    )
    if section is None:
        raise Http404
    return section


def report_sections(report: SummaryReport) -> list[ReportSection]:
    return list(report.sections.all())


def report_figures(report: SummaryReport) -> dict:
    """Live until the report is issued, then the figures frozen at issue."""
    if report.status == ReportStatus.ISSUED and report.frozen_figures is not None:
        return report.frozen_figures
    return compute_figures(report.conference)


def printable_outline(report: SummaryReport) -> dict:
    """What the report prints, as plain data (documents.builders.reports reads this)."""
    return build_outline(report, report_sections(report), report_figures(report))
