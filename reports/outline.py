"""The report resolved into the plan's outline shape (conferences.plans.outline): numbering
applied, figure tokens replaced by their values. The same outline feeds the preview and the
printed report (documents.builders.reports), so what the leader approves is what prints."""

from __future__ import annotations

from django.utils import timezone

from conferences.plans import content as C
from conferences.plans.outline import Line, Numbering, Outline, OutlineSection, text_lines
from core.vntext import format_place_date

from .figures import fill
from .models import ReportSection, SummaryReport


def _filled(data: dict, values: dict[str, str]) -> dict:
    items = [
        {**item, "text": fill(item["text"], values), "lead": fill(item["lead"], values)}
        for item in data["items"]
    ]
    return {**data, "items": items}


def _heading(section: ReportSection, label: str) -> list[Line]:
    heading = section.heading.strip()
    if section.level == 0 or not heading:
        return []
    if section.level == 1:
        return [Line("h1", heading.upper(), marker=label)]
    return [Line("h2" if section.level == 2 else "h3", heading, marker=label)]


def outline_sections(sections: list[ReportSection], values: dict[str, str]) -> list:
    numbering = Numbering()
    out = []
    for section in sections:
        label = ""
        if section.level in (1, 2, 3) and section.heading.strip():
            label = numbering.label(section.level, "")
        lines = _heading(section, label)
        if section.kind == ReportSection.Kind.TEXT:
            lines += text_lines(_filled(C.clean("text", section.content), values))
        title = f"{label} {section.heading}".strip() or section.get_kind_display()
        out.append(OutlineSection(f"s{section.pk}", title, section.kind, tuple(lines)))
    return out


def build_outline(report: SummaryReport, sections: list[ReportSection], figures: dict) -> dict:
    """The outline as plain data (the awards table's rows in `extra`)."""
    blank_day = report.issued_on is None
    when = report.issued_on or timezone.localdate()  # unsigned: "ngày    tháng 12 năm 2026"
    outline = Outline(
        issuing_body=report.issuing_body.upper(),
        parent_body=report.parent_body.upper(),
        number_line=report.number_line,
        place_date=format_place_date(report.place, when, blank_day=blank_day),
        subject=tuple(report.subject_lines),
        sections=tuple(outline_sections(sections, figures["values"])),
        recipients=tuple(report.recipients),
        signer=tuple(report.signer_lines),
        signer_name=report.signer_name,
        title="BÁO CÁO",
        extra={"awards_table": figures["by_form"], "money": figures["money"]},
    )
    return outline.as_dict()
