"""The budget and the fund's pages. Thin views: fetch through a scoped selector (404), check
the predicate (403), call one service, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from conferences import selectors as conference_selectors
from conferences.document_views import DocumentPage
from core.views import attempt, require, save_form

from . import forms, selectors, services
from . import permissions as perms
from .workflow import prizes_are_live


def _flags(user, estimate) -> dict:
    return {
        "can_edit": perms.can_edit_estimate(user, estimate),
        "can_submit": perms.can_submit_estimate(user, estimate),
        "can_review": perms.can_review_estimate(user, estimate),
        "can_record_actual": perms.can_record_actual(user, estimate),
    }


@login_required
def estimate_detail(request, conference_pk: int):
    conference = conference_selectors.get_conference(request.user, conference_pk)
    require(perms.can_view_budget(request.user, conference))
    estimate = selectors.estimate_of(conference)
    if estimate is None:
        return redirect("finance:estimate_start", conference.pk)
    return _detail(request, estimate)


def _detail(request, estimate, *, bound=None, status: int = 200):
    """The estimate's page; `bound` is a form the user sent that did not validate, shown with
    what they typed and its errors ("header", "line" or a line's pk)."""
    bound = bound or {}
    rows = selectors.estimate_rows(estimate)
    flags = _flags(request.user, estimate)
    for row in rows:
        # The stored lines' edit forms (the live prize lines come from the decisions).
        if flags["can_edit"] and row.line:
            row.form = bound.get(row.line.pk) or _line_form(row.line)
    header_form = bound.get("header") or forms.EstimateHeaderForm.for_estimate(estimate)
    context = {
        "conference": estimate.conference,
        "estimate": estimate,
        "rows": rows,
        "totals": selectors.estimate_totals(rows),
        "line_form": bound.get("line") or forms.LineForm(prefix="new"),
        "header_form": header_form if flags["can_edit"] else None,
        "header_open": "header" in bound,
        "return_form": forms.ReturnForm(),
        "prizes_live": prizes_are_live(estimate),
        **flags,
    }
    return render(request, "finance/estimate_detail.html", context, status=status)


def _line_form(line) -> forms.LineForm:
    fields = ("group", "description", "unit_label", "quantity", "unit_price")
    return forms.LineForm(prefix=f"l{line.pk}", initial={f: getattr(line, f) for f in fields})


PAGE = DocumentPage(
    fetch=selectors.get_estimate, page=_detail, url_name="finance:estimate", keyword="estimate"
)
estimate_start = PAGE.start_view(
    existing=selectors.estimate_of,
    allowed=perms.can_create_estimate,
    create=services.create_estimate,
    success="Đã lập dự trù kinh phí.",
    template="finance/estimate_start.html",
)


@login_required
@require_POST
def estimate_header(request, conference_pk: int):
    estimate = selectors.get_estimate(request.user, conference_pk)
    require(perms.can_edit_estimate(request.user, estimate))
    form = forms.EstimateHeaderForm(request.POST)
    return PAGE.save(
        request, estimate, form, "header", services.update_estimate_header, "Đã lưu Tờ trình."
    )


@login_required
@require_POST
def line_add(request, conference_pk: int):
    estimate = selectors.get_estimate(request.user, conference_pk)
    require(perms.can_edit_estimate(request.user, estimate))
    form = forms.LineForm(request.POST, prefix="new")
    return PAGE.save(request, estimate, form, "line", services.save_line, "Đã thêm dòng dự trù.")


@login_required
@require_POST
def line_edit(request, pk: int):
    line = selectors.get_line(request.user, pk)
    estimate = line.estimate
    require(perms.can_edit_estimate(request.user, estimate))
    form = forms.LineForm(request.POST, prefix=f"l{line.pk}")
    return PAGE.save(
        request, estimate, form, line.pk, services.save_line, "Đã lưu dòng dự trù.", line=line
    )


@login_required
@require_POST
def line_actual(request, pk: int):
    line = selectors.get_line(request.user, pk)
    require(perms.can_record_actual(request.user, line.estimate))
    form = forms.ActualForm(request.POST, prefix=f"a{line.pk}")
    if form.is_valid():
        attempt(
            request,
            lambda: services.record_actual(
                line=line, by=request.user, actual_amount=form.cleaned_data["actual_amount"]
            ),
            "Đã ghi thực chi.",
        )
    else:
        messages.error(request, "Số tiền thực chi không hợp lệ.")
    return redirect("finance:estimate", line.estimate.conference_id)


@login_required
@require_POST
def line_delete(request, pk: int):
    line = selectors.get_line(request.user, pk)
    conference_pk = line.estimate.conference_id
    require(perms.can_edit_estimate(request.user, line.estimate))
    attempt(request, lambda: services.delete_line(line=line, by=request.user), "Đã xóa dòng.")
    return redirect("finance:estimate", conference_pk)


estimate_submit = PAGE.step_view(
    perms.can_submit_estimate,
    services.submit_estimate,
    "Đã trình dự trù kinh phí; tiền thưởng đã được chốt theo các quyết định.",
)
estimate_approve = PAGE.step_view(
    perms.can_review_estimate, services.approve_estimate, "Đã duyệt dự trù kinh phí."
)
estimate_return = PAGE.step_view(
    perms.can_review_estimate,
    services.return_estimate,
    "Đã trả lại dự trù để sửa.",
    form_class=forms.ReturnForm,
    invalid="Cần ghi lý do trả lại.",
)


def _year(value) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@login_required
def fund_ledger(request):
    """The fund's book of one of the user's offices for one year (?don_vi=&nam=); a POST adds
    an entry to the book shown."""
    units = list(selectors.fund_units(request.user))
    if not units:
        raise PermissionDenied
    wanted = request.GET.get("don_vi")
    unit = next((u for u in units if str(u.pk) == wanted), None) if wanted else units[0]
    if unit is None:
        raise Http404
    require(perms.can_view_fund(request.user, unit))
    year = _year(request.GET.get("nam"))
    can_edit = perms.can_edit_fund(request.user, unit)
    form = forms.FundEntryForm(request.POST or None)
    if request.method == "POST":
        require(can_edit)
        if save_form(
            request,
            form,
            lambda data: services.add_fund_entry(unit=unit, by=request.user, **data),
            "Đã ghi sổ quỹ.",
        ):
            return redirect(f"{request.path}?don_vi={unit.pk}&nam={year}")
    context = {
        "units": units,
        "unit": unit,
        "year": year,
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 6, -1),
        "ledger": selectors.ledger(unit, year),
        "form": form,
        "can_edit": can_edit,
    }
    return render(request, "finance/fund_ledger.html", context)
