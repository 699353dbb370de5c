"""A unit's own page: its allocation (the notice), its delegates, the form and the Excel
import. Its submitter works here until the deadline; the office at any time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from conferences.forms import run_upload
from conferences.idempotency import submit_once
from core.errors import DomainError
from core.importing import XLSX_CONTENT_TYPE
from core.views import form_error, require

from .. import permissions, selectors, services
from ..excel import template_xlsx
from ..forms import UnitDelegateForm, XlsxUploadForm
from ..models import DelegateCategory, Source
from .common import ADDED_BEFORE, conference_for


def _unit_scope(request, conference_pk: int, unit_pk: int):
    conference = conference_for(request, conference_pk, lambda u, c: True)
    unit = selectors.get_allocated_unit(request.user, conference, unit_pk)
    require(permissions.can_view_unit_delegates(request.user, conference, unit))
    delegate_round = selectors.round_of(conference)
    can_submit = permissions.can_submit_for_unit(request.user, conference, unit, delegate_round)
    return conference, unit, delegate_round, can_submit


def _allocated_categories(conference, unit):
    return DelegateCategory.objects.filter(
        conference=conference, allocations__unit=unit, allocations__seats__gt=0
    )


def _add(request, form, conference, unit):
    """Add the unit's delegate once per form token: the redirect, or None with the form's
    error."""
    data = dict(form.cleaned_data)
    back = reverse("delegates_unit", kwargs={"conference_pk": conference.pk, "unit_pk": unit.pk})

    def add() -> str:
        delegate = services.add_delegate(
            conference=conference,
            category=data.pop("category"),
            unit=unit,
            by=request.user,
            source=Source.UNIT,
            **data,
        )
        messages.success(request, f"Đã thêm đại biểu {delegate}.")
        return back

    try:
        url, repeated = submit_once(request, add)
    except DomainError as exc:
        form_error(form, exc)
        return None
    if repeated:
        messages.info(request, ADDED_BEFORE)
    return redirect(url or back)


@login_required
def unit_page(request, conference_pk: int, unit_pk: int):
    conference, unit, delegate_round, can_submit = _unit_scope(request, conference_pk, unit_pk)
    form = UnitDelegateForm(
        request.POST or None, categories=_allocated_categories(conference, unit)
    )
    if request.method == "POST":
        require(can_submit)
        if form.is_valid():
            response = _add(request, form, conference, unit)
            if response is not None:
                return response
    context = {
        "conference": conference,
        "unit": unit,
        "delegate_round": delegate_round,
        "deadline_passed": permissions.deadline_passed(delegate_round),
        "allocations": selectors.unit_allocations(conference, unit),
        "delegates": selectors.unit_delegates(conference, unit),
        "form": form,
        "upload_form": XlsxUploadForm(),
        "can_submit": can_submit,
        "is_office": permissions.can_view_delegates(request.user, conference),
    }
    return render(request, "delegates/unit_page.html", context)


@login_required
def unit_template(request, conference_pk: int, unit_pk: int):
    conference, unit, _round, _can = _unit_scope(request, conference_pk, unit_pk)
    categories = [c.title for c in _allocated_categories(conference, unit)]
    data = template_xlsx(unit_name=unit.name, categories=categories)
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="mau-dai-bieu-{unit.code}.xlsx"'
    return response


@login_required
def unit_import(request, conference_pk: int, unit_pk: int):
    conference, unit, delegate_round, can_submit = _unit_scope(request, conference_pk, unit_pk)
    require(can_submit)
    form = XlsxUploadForm(request.POST or None, request.FILES or None)
    params = {"conference": conference.pk, "unit": unit.pk}
    upload = run_upload(request, form, kind="delegates", params=params)
    if upload.job:
        return redirect(upload.job)
    report = upload.report
    if upload.confirmed and report.ok:
        messages.success(request, f"Đã nhập {report.new} đại biểu từ tệp Excel.")
        return redirect("delegates_unit", conference_pk=conference.pk, unit_pk=unit.pk)
    context = {
        "conference": conference,
        "unit": unit,
        "form": form,
        "report": report,
        "preview": upload.preview,
        "held": upload.held,
    }
    return render(request, "delegates/unit_import.html", context)
