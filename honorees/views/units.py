from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from conferences.forms import XlsxUploadForm, run_upload
from conferences.idempotency import submit_once
from core.errors import DomainError, PermissionDeniedError
from core.views import form_error, require

from .. import eligibility, permissions, selectors, services
from ..forms import nomination_form_class
from ..models import Nomination
from ..services.imports import unit_eligibility_warning
from .clearance import warn_eligibility


@login_required
def unit_round(request, pk: int, unit_pk: int):
    """The unit's page: its quota and what is left, the deadline, its nominations."""
    round = selectors.get_round(request.user, pk)
    unit = selectors.get_round_unit(request.user, round, unit_pk)
    nominations = list(selectors.unit_nominations(round, unit))
    for nomination in nominations:
        nomination.round, nomination.unit = round, unit
        nomination.actions = permissions.nomination_actions(request.user, nomination)
    eligibility.attach_results(round, nominations)
    context = {
        "round": round,
        "conference": round.conference,
        "unit": unit,
        "quota_lines": selectors.unit_quota_lines(round, unit),
        "nominations": nominations,
        "can_add": permissions.can_add_nominations(request.user, round, unit),
        "takes_households": round.allowed_forms.filter(for_households=True).exists(),
    }
    return render(request, "honorees/unit_round.html", context)


def _create(request, form, round, unit, kind) -> str:
    """Create (and send, for "submit") the nomination; returns the unit's page."""
    data = dict(form.cleaned_data)
    dossier = data.pop("dossier", None) or None
    nomination = services.create_nomination(
        round=round, unit=unit, kind=kind, by=request.user, dossier=dossier, **data
    )
    if "submit" in request.POST:
        nomination = services.submit_nomination(nomination=nomination, by=request.user)
    sent = nomination.status == Nomination.Status.SUBMITTED
    messages.success(request, "Đã gửi hồ sơ." if sent else "Đã lưu hồ sơ (chưa gửi).")
    if sent:
        warn_eligibility(request, nomination)
    return reverse("honorees:unit_round", kwargs={"pk": round.pk, "unit_pk": unit.pk})


@login_required
def nomination_create(request, pk: int, unit_pk: int, kind: str):
    if kind not in Nomination.Kind.values:
        raise Http404
    round = selectors.get_round(request.user, pk)
    unit = selectors.get_round_unit(request.user, round, unit_pk)
    require(permissions.can_act_for_unit(request.user, unit))
    form_class = nomination_form_class(kind)
    form = form_class(request.POST or None, request.FILES or None, round=round)
    if request.method == "POST" and form.is_valid():
        try:
            url, repeated = submit_once(request, lambda: _create(request, form, round, unit, kind))
        except PermissionDeniedError as exc:
            raise PermissionDenied from exc
        except DomainError as exc:
            form_error(form, exc)
        else:
            if repeated:
                messages.info(request, "Hồ sơ này đã được lưu ở lần bấm trước; không tạo thêm.")
            return redirect(url or "honorees:unit_round", pk=round.pk, unit_pk=unit.pk)
    context = {"form": form, "round": round, "unit": unit, "kind": kind}
    return render(request, "honorees/nomination_form.html", context)


def _warn_unit_eligibility(request, round, unit) -> None:
    """After an Excel list is sent: how many of the unit's nominations fail a check."""
    if warning := unit_eligibility_warning(round, unit):
        messages.warning(request, warning)


@login_required
def nomination_import(request, pk: int, unit_pk: int):
    round = selectors.get_round(request.user, pk)
    unit = selectors.get_round_unit(request.user, round, unit_pk)
    require(permissions.can_act_for_unit(request.user, unit))
    form = XlsxUploadForm(request.POST or None, request.FILES or None)
    params = {"round": round.pk, "unit": unit.pk}
    upload = run_upload(request, form, kind="nominations", params=params)
    if upload.job:
        return redirect(upload.job)
    report = upload.report
    if upload.confirmed and report.ok:
        messages.success(request, f"Đã gửi {report.new} hồ sơ từ tệp Excel.")
        _warn_unit_eligibility(request, round, unit)
        return redirect("honorees:unit_round", pk=round.pk, unit_pk=unit.pk)
    context = {
        "form": form,
        "round": round,
        "unit": unit,
        "report": report,
        "preview": upload.preview,
        "held": upload.held,
    }
    return render(request, "honorees/nomination_import.html", context)
