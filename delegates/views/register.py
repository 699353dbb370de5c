"""The register (list, filters, Excel), the office's delegate form, status changes and the
composition report."""

import tablib
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from conferences.idempotency import submit_once
from core.errors import DomainError
from core.importing import export_xlsx
from core.views import attempt, form_error, paged, require, xlsx_response
from core.web import require_valid_filter
from documents.services import request_document

from .. import permissions, report, selectors, services
from ..forms import (
    DelegateForm,
    InvitationChoiceForm,
    InvitationDateForm,
    RegisterFilterForm,
    StatusForm,
    UnitDelegateForm,
)
from ..models import Delegate, DelegateCategory, InvitationStatus
from ..workflow import invitation_choices
from .common import ADDED_BEFORE, conference_for

MANAGE = permissions.can_manage_delegates


def _filter_form(request, conference):
    """The register's filters; values no page of ours sends answer 400."""
    form = RegisterFilterForm(
        request.GET or None,
        categories=DelegateCategory.objects.filter(conference=conference),
        units=_register_units(conference),
        within=conference.organiser,
    )
    require_valid_filter(form)
    return form


def _register_units(conference):
    """The units the filter accepts: the organiser and every unit below it (what the search
    field suggests; a unit without delegates simply lists none)."""
    from conferences.models import Unit

    return Unit.objects.filter(path__startswith=conference.organiser.path)


@login_required
def register(request, conference_pk: int):
    conference = conference_for(request, conference_pk)
    form = _filter_form(request, conference)
    sort = selectors.REGISTER_SORTS.read(request)
    page = paged(
        request, selectors.register(conference, filters=form.filters(), sort=sort.value), 100
    )
    twins = selectors.duplicate_delegates(conference)
    for delegate in page:
        delegate.status_choices = invitation_choices(delegate)
        delegate.twins = twins.get(delegate.pk, [])
    context = {
        "conference": conference,
        "filter_form": form,
        "page": page,
        "sort": sort,
        "query": request.GET.urlencode(),
        "can_manage": MANAGE(request.user, conference),
        "tab": "register",
        "twin_count": len(twins),
        "statuses": InvitationStatus.choices,
    }
    return render(request, "delegates/register.html", context)


@login_required
def register_export(request, conference_pk: int):
    """The filtered register as Excel: at once, or past EXPORT_IN_WORKER_ROWS by the worker
    (the document's page shows its progress)."""
    conference = conference_for(request, conference_pk)
    form = _filter_form(request, conference)
    filters = form.filters()
    sort = selectors.REGISTER_SORTS.read(request).value
    if selectors.register(conference, filters=filters).count() > settings.EXPORT_IN_WORKER_ROWS:
        params = {key: str(value) for key, value in filters.items() if value}
        if sort != selectors.REGISTER_SORTS.default:
            params["sort"] = sort
        document = request_document(
            kind="delegates_register_xlsx", target=conference, fmt="xlsx", by=request.user,
            params=params,
        )  # fmt: skip
        return redirect("document_detail", pk=document.pk)
    table = selectors.register_export_table(conference, filters, sort)
    dataset = tablib.Dataset(*[tuple(row) for row in table["rows"]], headers=table["headers"])
    return xlsx_response(export_xlsx(dataset, sheet=table["sheet"]), f"dai-bieu-{conference.pk}")


@login_required
def delegate_create(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    units = selectors.allocatable_unit_queryset(conference)
    form = DelegateForm(request.POST or None, conference=conference, units=units)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        back = reverse("delegates_register", kwargs={"conference_pk": conference.pk})

        def add() -> str:
            delegate = services.add_delegate(
                conference=conference,
                category=data.pop("category"),
                unit=data.pop("unit"),
                source=data.pop("source"),
                by=request.user,
                **data,
            )
            messages.success(request, f"Đã thêm đại biểu {delegate}.")
            _warn_twins(request, delegate)
            return back

        try:
            url, repeated = submit_once(request, add)
        except DomainError as exc:
            form_error(form, exc)
        else:
            if repeated:
                messages.info(request, ADDED_BEFORE)
            return redirect(url or back)
    return render(request, "delegates/delegate_form.html", {"conference": conference, "form": form})


def _edit_form(request, conference, delegate, office: bool):
    if office:
        units = selectors.allocatable_unit_queryset(conference)
        return DelegateForm(
            request.POST or None, instance=delegate, conference=conference, units=units
        )
    categories = DelegateCategory.objects.filter(
        conference=conference, allocations__unit=delegate.unit
    )
    return UnitDelegateForm(request.POST or None, instance=delegate, categories=categories)


def _back(request, conference, delegate, office: bool):
    if office:
        return redirect("delegates_register", conference_pk=conference.pk)
    return redirect("delegates_unit", conference_pk=conference.pk, unit_pk=delegate.unit_id)


@login_required
def delegate_edit(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, lambda u, c: True)
    delegate = selectors.get_delegate(conference, pk)
    office = MANAGE(request.user, conference)
    require(
        office
        or (
            delegate.unit_id
            and permissions.can_submit_for_unit(
                request.user, conference, delegate.unit, selectors.round_of(conference)
            )
        )
    )
    form = _edit_form(request, conference, selectors.get_delegate(conference, pk), office)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("unit", "source")}
        try:
            services.update_delegate(delegate=delegate, by=request.user, **data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"Đã lưu thông tin đại biểu {delegate}.")
            return _back(request, conference, delegate, office)
    context = {"conference": conference, "form": form, "delegate": delegate}
    return render(request, "delegates/delegate_form.html", context)


@login_required
@require_POST
def delegate_delete(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, lambda u, c: True)
    delegate = selectors.get_delegate(conference, pk)
    office = MANAGE(request.user, conference)
    require(
        office
        or (
            delegate.unit_id
            and permissions.can_submit_for_unit(
                request.user, conference, delegate.unit, selectors.round_of(conference)
            )
        )
    )
    services.remove_delegate(delegate=delegate, by=request.user)
    messages.success(request, f"Đã xóa đại biểu {delegate}.")
    return _back(request, conference, delegate, office)


def _warn_twins(request, delegate) -> None:
    twins = [
        d
        for d in selectors.same_person_as(
            delegate.conference,
            full_name=delegate.full_name,
            birth_year=delegate.birth_year,
            unit=delegate.unit,
        )
        if d.pk != delegate.pk
    ]
    if twins and not delegate.is_collective:
        messages.warning(
            request,
            f"Danh sách đã có {len(twins)} người trùng tên với {delegate} "
            f"({', '.join(d.category.title for d in twins)}). Nếu là một người, hãy gộp ở "
            "danh sách đại biểu để người đó chỉ nhận một giấy mời.",
        )


@login_required
@require_POST
def delegate_merge(request, conference_pk: int, pk: int, other_pk: int):
    """Keep `pk`, fold `other_pk` into it (the same person entered twice)."""
    conference = conference_for(request, conference_pk, MANAGE)
    keep = selectors.get_delegate(conference, pk)
    drop = selectors.get_delegate(conference, other_pk)
    try:
        services.merge_delegates(keep=keep, drop=drop, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã gộp hai dòng của đại biểu {keep}.")
    return redirect("delegates_register", conference_pk=conference.pk)


@login_required
@require_POST
def delegate_status(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    delegate = selectors.get_delegate(conference, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Tình trạng không hợp lệ.")
    else:
        try:
            services.change_invitation_status(
                delegate=delegate, status=form.cleaned_data["status"], by=request.user
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Đã cập nhật tình trạng mời của {delegate}.")
    return redirect("delegates_register", conference_pk=conference.pk)


@login_required
@require_POST
def delegate_status_bulk(request, conference_pk: int):
    """The checked rows of the register take one invitation status; back to the same page."""
    conference = conference_for(request, conference_pk, MANAGE)
    form = StatusForm(request.POST)
    pks = [int(v) for v in request.POST.getlist("chon") if v.isascii() and v.isdigit()]
    chosen = list(Delegate.objects.filter(conference=conference, pk__in=pks))
    if not form.is_valid() or not chosen:
        messages.error(request, "Hãy chọn người và tình trạng mời.")
    else:
        status = form.cleaned_data["status"]
        attempt(
            request,
            lambda: services.change_invitation_statuses(
                conference=conference, delegates=chosen, status=status, by=request.user
            ),
            f"Đã đổi tình trạng mời của {len(chosen)} người đã chọn thành "
            f"“{dict(InvitationStatus.choices)[status]}” (người đã ở tình trạng đó giữ nguyên).",
        )
    back = reverse("delegates_register", kwargs={"conference_pk": conference.pk})
    query = request.POST.get("query", "")
    return redirect(f"{back}?{query}" if query else back)


@login_required
def composition_report(request, conference_pk: int):
    conference = conference_for(request, conference_pk)
    categories = selectors.category_rows(conference)
    top = [c for c in categories if c.parent_id is None]
    context = {
        "conference": conference,
        "categories": categories,
        "total_actual": sum(c.actual for c in top),
        "total_allocated": sum(c.allocated for c in top),
        "rules_wording": selectors.composition_rules_for_plan(conference),
        "violations": selectors.check_composition(conference),
        "sections": report.structure(conference),
        "reference_year": report.reference_year(conference),
        "tab": "report",
    }
    return render(request, "delegates/report.html", context)


@login_required
def invitations(request, conference_pk: int):
    """Choose delegates, print their invitations (a worker renders them), mark them invited."""
    conference = conference_for(request, conference_pk, MANAGE)
    form = InvitationChoiceForm(
        request.POST or request.GET or None,
        categories=DelegateCategory.objects.filter(conference=conference),
        units=selectors.allocatable_unit_queryset(conference),  # what the search suggests
        within=conference.organiser,
    )
    if request.method == "GET":
        require_valid_filter(form)
    chosen = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if request.method == "POST":
            try:
                document = services.print_invitations(
                    conference=conference, by=request.user, **data
                )
            except DomainError as exc:
                form_error(form, exc)
            else:
                return redirect("document_detail", pk=document.pk)
        chosen = selectors.delegates_for_invitations(
            conference, **{**data, "status": data["status"] or None}
        )
    context = {
        "conference": conference,
        "form": form,
        "chosen": chosen,
        "tab": "register",
        "date_form": InvitationDateForm(instance=selectors.round_of(conference)),
        "place_date": selectors.invitation_place_date(conference),
    }
    return render(request, "delegates/invitations.html", context)


@login_required
@require_POST
def invitation_date(request, conference_pk: int):
    """Save the place and date line the invitations print."""
    conference = conference_for(request, conference_pk, MANAGE)
    form = InvitationDateForm(request.POST, instance=selectors.round_of(conference))
    if form.is_valid():
        services.set_invitation_date(conference=conference, by=request.user, **form.cleaned_data)
        messages.success(request, "Đã lưu địa danh và ngày ký giấy mời.")
    else:
        messages.error(request, "Ngày ký giấy mời chưa hợp lệ.")
    return redirect("delegates_invitations", conference_pk=conference.pk)
