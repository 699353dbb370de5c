from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from conferences.models import Unit
from conferences.selectors import get_conference
from core.errors import DomainError, PermissionDeniedError
from core.views import attempt, form_error, paged, require, save_form, xlsx_response
from core.web import BadParameter, int_param
from documents.services import request_document

from .. import permissions, selectors, services, workflow
from ..excel import export_nominations, template_xlsx
from ..forms import ExtendForm, QuotaForm, RoundForm
from ..models import Nomination, NominationRound


@login_required
def round_list(request, conference_pk: int):
    conference = get_conference(request.user, conference_pk)
    rounds = list(selectors.conference_rounds(conference))
    for round in rounds:
        round.my_units = selectors.submitter_units(request.user, round)
        round.office = permissions.can_view_round_office(request.user, round)
    context = {
        "conference": conference,
        "rounds": rounds,
        "can_create": permissions.can_create_round(request.user, conference),
        "can_lookup": permissions.can_lookup_awards(request.user),
    }
    return render(request, "honorees/round_list.html", context)


def _save_round(request, form, *, conference=None, round=None):
    data = dict(form.cleaned_data)
    forms = list(data.pop("allowed_forms"))
    try:
        if round is None:
            return services.create_round(
                conference=conference, by=request.user, allowed_forms=forms, **data
            )
        return services.update_round(round=round, by=request.user, allowed_forms=forms, **data)
    except PermissionDeniedError as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        form_error(form, exc)
    return None


@login_required
def round_create(request, conference_pk: int):
    conference = get_conference(request.user, conference_pk)
    require(permissions.can_create_round(request.user, conference))
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        round = _save_round(request, form, conference=conference)
        if round is not None:
            messages.success(request, "Đã mở đợt đề nghị khen thưởng.")
            return redirect("honorees:round_quotas", pk=round.pk)
    return render(request, "honorees/round_form.html", {"form": form, "conference": conference})


@login_required
def round_edit(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_manage_round(request.user, round))
    form = RoundForm(request.POST or None, instance=round)
    if request.method == "POST" and form.is_valid():
        fresh = selectors.get_round(request.user, pk)
        if _save_round(request, form, round=fresh) is not None:
            messages.success(request, "Đã lưu đợt đề nghị khen thưởng.")
            return redirect("honorees:round_detail", pk=pk)
    context = {"form": form, "conference": round.conference, "round": round}
    return render(request, "honorees/round_form.html", context)


ROUND_PAGE = 100  # nominations per page of a round (a province's round has thousands)


@login_required
def round_detail(request, pk: int):
    """The office's page of a round: every unit's nominations, filters, the round's actions."""
    round = selectors.get_round(request.user, pk)
    if not permissions.can_view_round_office(request.user, round):
        units = selectors.submitter_units(request.user, round)
        require(bool(units))
        return redirect("honorees:unit_round", pk=round.pk, unit_pk=units[0].pk)
    nominations = selectors.round_nominations(round)
    status, unit = request.GET.get("status", ""), request.GET.get("unit", "")
    if status and status not in Nomination.Status.values:
        raise BadParameter(f"Trạng thái hồ sơ “{status[:40]}” không có trong danh mục.")
    if status:
        nominations = nominations.filter(status=status)
    if int_param(unit, label="đơn vị") is not None:
        nominations = nominations.filter(unit_id=int(unit))
    sort = selectors.ROUND_SORTS.read(request)
    page = paged(request, sort.apply(nominations), ROUND_PAGE)
    context = {
        "round": round,
        "sort": sort,
        "conference": round.conference,
        "nominations": page,
        "page": page,
        "statuses": Nomination.Status.choices,
        "quotas": selectors.round_quotas(round),
        "filter_status": status,
        "filter_unit": unit,
        "decisions": round.decisions.order_by("-date"),
        "clearance_requests": selectors.round_clearance_requests(round),
        "can_manage": permissions.can_manage_round(request.user, round),
        "can_extend": permissions.can_extend_round(request.user, round),
        "can_close": permissions.can_close_round(request.user, round),
        "reopens": not workflow.round_is_open(round),
        "can_vote": permissions.is_council_member(request.user, round),
        "extend_form": ExtendForm(),
    }
    return render(request, "honorees/round_detail.html", context)


def _round_already(round: NominationRound, state: str) -> str:
    """A second click on "close" finds the round closed: say so (extending again is a change)."""
    if state == NominationRound.State.EXTENDED or round.state != state:
        return ""
    return f"Đợt đã ở trạng thái “{round.get_state_display()}”."


@login_required
@require_POST
def round_state(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_manage_round(request.user, round))
    state = request.POST.get("state", "")
    deadline = None
    if state == NominationRound.State.EXTENDED:
        form = ExtendForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Hãy ghi hạn mới hợp lệ.")
            return redirect("honorees:round_detail", pk=pk)
        deadline = form.cleaned_data["deadline"]
    attempt(
        request,
        lambda: services.change_round_state(
            round=round, by=request.user, state=state, deadline=deadline
        ),
        "Đã cập nhật trạng thái đợt.",
        already=lambda: _round_already(selectors.get_round(request.user, pk), state),
    )
    return redirect("honorees:round_detail", pk=pk)


@login_required
def round_quotas(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    can_manage = permissions.can_manage_round(request.user, round)
    organiser = round.conference.organiser
    units = Unit.objects.get_descendants(organiser).filter(active=True).order_by("path")
    one_unit = request.method == "POST" and "matrix" not in request.POST
    form = QuotaForm(request.POST if one_unit else None, units=units)
    page = paged(request, units, QUOTA_PAGE)
    quotas = {q.unit_id: q for q in round.quotas.filter(unit__in=list(page))}
    matrix = [_quota_row(unit, quotas.get(unit.pk), request) for unit in page]
    if request.method == "POST" and not one_unit:
        require(can_manage)
        if not any(row["errors"] for row in matrix) and attempt(
            request,
            lambda: services.set_quotas(round=round, by=request.user, rows=_changed(matrix)),
            "Đã lưu chỉ tiêu của các đơn vị trong trang.",
        ):
            query = f"?page={page.number}" if page.number > 1 else ""
            return redirect(reverse("honorees:round_quotas", args=[pk]) + query)
        messages.error(request, "Có ô chỉ tiêu chưa đúng: hãy sửa các ô được đánh dấu.")
    if one_unit:
        require(can_manage)
        if save_form(
            request,
            form,
            lambda data: services.set_quota(round=round, by=request.user, **data),
            "Đã giao chỉ tiêu.",
        ):
            return redirect("honorees:round_quotas", pk=pk)
    context = {
        "round": round,
        "conference": round.conference,
        "quotas": selectors.round_quotas(round),
        "form": form,
        "can_manage": can_manage,
        "matrix": matrix,
        "page": page,
    }
    return render(request, "honorees/round_quotas.html", context)


QUOTA_PAGE = 100  # units per page of the quota matrix (two fields each: under Django's limit)


def _number(text: str) -> tuple[int | None, str]:
    text = (text or "").strip()
    if text == "":
        return None, ""
    if not (text.isascii() and text.isdigit()):
        return None, "Cần một số nguyên từ 0 trở lên."
    return int(text), ""


def _quota_row(unit, quota, request) -> dict:
    """One unit's line of the matrix: what is saved, or what was typed (and what is wrong)."""
    saved = (quota.max_individuals, quota.max_collectives) if quota else (None, None)
    row = {"unit": unit, "saved": saved, "values": saved, "errors": ""}
    if request.method == "POST" and "matrix" in request.POST:
        typed = [request.POST.get(f"{kind}-{unit.pk}", "") for kind in ("ind", "col")]
        (ind, e1), (col, e2) = _number(typed[0]), _number(typed[1])
        row["values"] = (typed[0], typed[1])
        row["errors"] = e1 or e2
        row["new"] = (ind, col)
    return row


def _changed(matrix: list[dict]) -> dict:
    """{unit: (individuals, collectives)} for the lines typed differently from what is saved;
    a line left empty keeps no quota."""
    changed = {}
    for row in matrix:
        ind, col = row.get("new", (None, None))
        if (ind, col) == (None, None) or (ind, col) == row["saved"]:
            continue
        changed[row["unit"]] = (ind or 0, col or 0)
    return changed


@login_required
def round_export(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    nominations = selectors.round_nominations(round)
    if nominations.count() > settings.EXPORT_IN_WORKER_ROWS:  # the worker writes it
        document = request_document(
            kind="round_nominations_xlsx", target=round, fmt="xlsx", by=request.user
        )
        return redirect("document_detail", pk=document.pk)
    return xlsx_response(export_nominations(nominations), f"de-nghi-khen-thuong-dot-{round.pk}")


@login_required
def round_template(request, pk: int):
    round = selectors.get_round(request.user, pk)
    return xlsx_response(template_xlsx(round), f"mau-de-nghi-khen-thuong-dot-{round.pk}")
