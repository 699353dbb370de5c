"""The province view: read-only pages over an office's communes."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from core.errors import DomainError
from core.views import attempt, form_error, require
from documents.services import request_document

from . import crosswalk, permissions, selectors, services
from .charts import bar_chart
from .excel import rollup_xlsx_response
from .forms import (
    ApiTokenForm,
    CrosswalkUploadForm,
    SuccessionForm,
    filter_form,
    period_form,
)
from .rollup import build_rollup
from .statistics import CIRCULAR, build_statistics
from .statistics_export import statistics_xlsx_response


def _rollup_for(request, pk: int):
    scope = selectors.get_scope(request.user, pk)
    form = filter_form(request.GET)
    return scope, form, build_rollup(scope, form.to_filter())


@require_GET
@login_required
def index(request):
    require(permissions.can_open_rollups(request.user))
    scopes = selectors.rollup_scopes(request.user)
    context = {"scopes": scopes, "can_tokens": permissions.can_open_tokens(request.user)}
    return render(request, "province/index.html", context)


@require_GET
@login_required
def rollup(request, pk: int):
    scope, form, data = _rollup_for(request, pk)
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""

    def commune_url(row) -> str:
        return reverse("province:commune", args=[scope.pk, row.unit.pk]) + suffix

    for row in data.rows:
        row.url = commune_url(row)
    charts = [
        bar_chart(
            "Số người, tập thể được khen theo đơn vị",
            ((r.unit.label, r.figures.honourees, r.url) for r in data.rows),
        ),
        bar_chart(
            "Số người, tập thể được khen theo lĩnh vực",
            ((s, n, "") for s, n in data.totals.by_sector.most_common()),
        ),
    ]
    context = {"scope": scope, "form": form, "rollup": data, "charts": charts, "query": suffix}
    return render(request, "province/rollup.html", context)


@require_GET
@login_required
def rollup_export(request, pk: int):
    _, _, data = _rollup_for(request, pk)
    return rollup_xlsx_response(data)


@require_GET
@login_required
def commune(request, pk: int, unit_pk: int):
    scope, form, data = _rollup_for(request, pk)
    unit = selectors.get_row_unit(scope, unit_pk)
    row = data.row_for(unit.pk)
    query = request.GET.urlencode()
    context = {
        "scope": scope,
        "unit": unit,
        "row": row,
        "form": form,
        "rollup": data,
        "forms": [(f, row.figures.by_form[f.pk]) for f in data.forms if row.figures.by_form[f.pk]],
        "categories": row.figures.by_category.most_common(),
        "query": f"?{query}" if query else "",
    }
    return render(request, "province/commune.html", context)


# --- API tokens -------------------------------------------------------------------------------
@login_required
def token_list(request):
    require(permissions.can_open_tokens(request.user))
    form = ApiTokenForm(request.POST or None, units=selectors.token_units(request.user))
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = services.create_api_token(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            created = {"token": token, "raw": raw}
            form = ApiTokenForm(units=selectors.token_units(request.user))
    context = {
        "form": form,
        "created": created,
        "tokens": selectors.visible_tokens(request.user)[:200],
    }
    return render(request, "province/tokens.html", context)


@require_POST
@login_required
def token_revoke(request, pk: int):
    token = selectors.get_token(request.user, pk)
    attempt(
        request,
        lambda: services.revoke_api_token(token=token, by=request.user),
        f"Đã thu hồi khóa “{token.name}”.",
    )
    return redirect("province:token_list")


# --- Statutory statistics ---------------------------------------------------------------------
def _statistics_for(request, pk: int):
    scope = selectors.get_scope(request.user, pk)
    form = period_form(request.GET)
    period = form.to_filter()
    stats = build_statistics(
        scope,
        date_from=dt.date(period.from_year, 1, 1),
        date_to=dt.date(period.to_year, 12, 31),
    )
    return scope, form, stats


@require_GET
@login_required
def statistics(request, pk: int):
    scope, form, stats = _statistics_for(request, pk)
    query = request.GET.urlencode()
    context = {
        "scope": scope,
        "form": form,
        "stats": stats,
        "circular": CIRCULAR,
        "query": f"?{query}" if query else "",
    }
    return render(request, "province/statistics.html", context)


@require_GET
@login_required
def statistics_export(request, pk: int):
    return statistics_xlsx_response(_statistics_for(request, pk)[2])


@require_GET
@login_required
def statistics_pdf(request, pk: int):
    """The forms as a PDF, rendered by the worker (its page shows the progress)."""
    scope = selectors.get_scope(request.user, pk)
    period = period_form(request.GET).to_filter()
    document = request_document(
        kind="province_statistics", target=scope, fmt="pdf", by=request.user,
        params={"from_year": period.from_year, "to_year": period.to_year},
    )  # fmt: skip
    return redirect("document_detail", pk=document.pk)


# --- Crosswalk of merged units --------------------------------------------------------------------
def _crosswalk_context(request, scope, **extra) -> dict:
    units = selectors.row_units(scope).order_by("path")
    return {
        "scope": scope,
        "successions": selectors.scope_successions(scope).order_by("new_unit__path"),
        "form": SuccessionForm(units=units),
        "upload_form": CrosswalkUploadForm(),
        "can_manage": permissions.can_manage_successions(request.user, scope),
        "headers": crosswalk.HEADERS,
        **extra,
    }


@login_required
def successions(request, pk: int):
    scope = selectors.get_scope(request.user, pk)
    units = selectors.row_units(scope).order_by("path")
    form = SuccessionForm(request.POST or None, units=units)
    if request.method == "POST":
        require(permissions.can_manage_successions(request.user, scope))
        if form.is_valid():
            old = crosswalk.find_unit(form.cleaned_data["old_code"])
            if old is None:
                form.add_error("old_code", "Không tìm thấy đơn vị mang mã này.")
            else:
                try:
                    crosswalk.add_succession(
                        scope=scope, old_unit=old, new_unit=form.cleaned_data["new_unit"],
                        note=form.cleaned_data["note"], by=request.user,
                    )  # fmt: skip
                except DomainError as exc:
                    form_error(form, exc)
                else:
                    messages.success(request, f"Đã ghi {old.name} sáp nhập.")
                    return redirect("province:successions", pk=scope.pk)
    context = _crosswalk_context(request, scope)
    context["form"] = form
    return render(request, "province/successions.html", context)


@require_POST
@login_required
def successions_import(request, pk: int):
    scope = selectors.get_scope(request.user, pk)
    require(permissions.can_manage_successions(request.user, scope))
    upload = CrosswalkUploadForm(request.POST, request.FILES)
    errors = []
    if upload.is_valid():
        try:
            result = crosswalk.import_successions(
                scope=scope, data=upload.cleaned_data["file"].read(), by=request.user
            )
        except DomainError as exc:
            errors = [exc.message]
        else:
            errors = result.errors
            if not errors:
                messages.success(request, f"Đã ghi {result.created} đơn vị sáp nhập từ tệp.")
                return redirect("province:successions", pk=scope.pk)
    context = _crosswalk_context(request, scope, import_errors=errors)
    context["upload_form"] = upload
    return render(request, "province/successions.html", context, status=200)


@require_POST
@login_required
def succession_remove(request, pk: int, succession_pk: int):
    scope = selectors.get_scope(request.user, pk)
    row = selectors.get_succession(scope, succession_pk)
    attempt(
        request,
        lambda: crosswalk.remove_succession(scope=scope, succession=row, by=request.user),
        "Đã bỏ dòng sáp nhập.",
    )
    return redirect("province:successions", pk=scope.pk)
