"""The summary report's pages. Thin views: fetch through a scoped selector (404), check the
predicate (403), call one service, redirect."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from conferences import selectors as conference_selectors
from conferences.document_views import DocumentPage
from conferences.plans.content import items_to_text
from core.views import attempt, require

from . import forms, selectors, services
from . import permissions as perms
from .figures import CATALOGUE


def _flags(user, report) -> dict:
    return {
        "can_edit": perms.can_edit_report(user, report),
        "can_submit": perms.can_submit_report(user, report),
        "can_review": perms.can_review_report(user, report),
        "can_issue": perms.can_issue_report(user, report),
    }


@login_required
def report_detail(request, conference_pk: int):
    conference = conference_selectors.get_conference(request.user, conference_pk)
    report = selectors.report_of(conference)
    if report is None:
        return redirect("reports:start", conference.pk)
    require(perms.can_view_report(request.user, report))
    return _detail(request, report)


def _detail(request, report, *, bound=None, status: int = 200):
    """The editor page; `bound` is a form the user sent that did not validate: shown with what
    they typed and its errors ("header", "add" or a section's pk)."""
    bound = bound or {}
    sections = selectors.report_sections(report)
    figures = selectors.report_figures(report)
    flags = _flags(request.user, report)
    header_form = bound.get("header") or forms.ReportHeaderForm.for_plan(report)
    context = {
        "conference": report.conference,
        "report": report,
        "sections": [
            (
                s,
                bound.get(s.pk)
                or forms.SectionForm(prefix=f"s{s.pk}", initial=_section_initial(s)),
            )
            for s in sections
        ],
        "figures": [
            (key, label, figures["values"].get(key, "")) for key, label in CATALOGUE.items()
        ],
        "header_form": header_form if flags["can_edit"] else None,
        "header_open": "header" in bound,
        "add_form": bound.get("add") or forms.AddSectionForm(prefix="new"),
        "add_open": "add" in bound,
        "return_form": forms.ReturnForm(),
        "issue_form": forms.IssueForm(),
        **flags,
    }
    return render(request, "reports/report_detail.html", context, status=status)


def _section_initial(section) -> dict:
    text = items_to_text(section.content.get("items", [])) if section.kind == "text" else ""
    return {"heading": section.heading, "level": section.level, "text": text}


PAGE = DocumentPage(
    fetch=selectors.get_report, page=_detail, url_name="reports:detail", keyword="report"
)
report_start = PAGE.start_view(
    existing=selectors.report_of,
    allowed=perms.can_create_report,
    create=services.create_report,
    success="Đã lập dự thảo báo cáo tổng kết từ mẫu.",
    template="reports/report_start.html",
)


@login_required
@require_POST
def report_header(request, conference_pk: int):
    report = selectors.get_report(request.user, conference_pk)
    require(perms.can_edit_report(request.user, report))
    form = forms.ReportHeaderForm(request.POST)
    return PAGE.save(
        request,
        report,
        form,
        "header",
        services.update_report_header,
        "Đã lưu phần đầu báo cáo.",
    )


@login_required
@require_POST
def section_add(request, conference_pk: int):
    report = selectors.get_report(request.user, conference_pk)
    require(perms.can_edit_report(request.user, report))
    form = forms.AddSectionForm(request.POST, prefix="new")
    if not form.is_valid():
        return _detail(request, report, bound={"add": form}, status=400)
    attempt(
        request,
        lambda: services.save_section(report=report, by=request.user, **form.cleaned_data),
        "Đã thêm mục.",
    )
    return redirect("reports:detail", conference_pk)


@login_required
@require_POST
def section_edit(request, pk: int):
    section = selectors.get_section(request.user, pk)
    report = section.report
    require(perms.can_edit_report(request.user, report))
    form = forms.SectionForm(request.POST, prefix=f"s{section.pk}")
    if not form.is_valid():
        return _detail(request, report, bound={section.pk: form}, status=400)
    attempt(
        request,
        lambda: services.save_section(
            report=report, section=section, by=request.user, **form.cleaned_data
        ),
        "Đã lưu mục.",
    )
    return redirect("reports:detail", report.conference_id)


@login_required
@require_POST
def section_delete(request, pk: int):
    section = selectors.get_section(request.user, pk)
    conference_pk = section.report.conference_id
    require(perms.can_edit_report(request.user, section.report))
    attempt(
        request, lambda: services.delete_section(section=section, by=request.user), "Đã xóa mục."
    )
    return redirect("reports:detail", conference_pk)


@login_required
@require_POST
def section_move(request, pk: int, direction: str):
    if direction not in ("len", "xuong"):
        raise Http404
    section = selectors.get_section(request.user, pk)
    conference_pk = section.report.conference_id
    require(perms.can_edit_report(request.user, section.report))
    attempt(
        request,
        lambda: services.move_section(section=section, by=request.user, up=direction == "len"),
        "Đã chuyển mục.",
    )
    return redirect("reports:detail", conference_pk)


report_submit = PAGE.step_view(
    perms.can_submit_report, services.submit_report, "Đã gửi báo cáo để lãnh đạo duyệt."
)
report_approve = PAGE.step_view(
    perms.can_review_report, services.approve_report, "Đã duyệt báo cáo."
)
report_return = PAGE.step_view(
    perms.can_review_report,
    services.return_report,
    "Đã trả lại báo cáo để sửa.",
    form_class=forms.ReturnForm,
    invalid="Cần ghi lý do trả lại để cán bộ biết việc cần sửa.",
)
report_issue = PAGE.step_view(
    perms.can_issue_report,
    services.issue_report,
    "Đã ban hành báo cáo, số liệu đã được chốt.",
    form_class=forms.IssueForm,
    invalid="Ngày ban hành không hợp lệ.",
)
