"""The province view: read-only pages over an office's communes."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.views import require

from . import permissions, selectors
from .charts import bar_chart
from .excel import rollup_xlsx_response
from .forms import filter_form
from .rollup import build_rollup


def _rollup_for(request, pk: int):
    scope = selectors.get_scope(request.user, pk)
    form = filter_form(request.GET)
    return scope, form, build_rollup(scope, form.to_filter())


@require_GET
@login_required
def index(request):
    require(permissions.can_open_rollups(request.user))
    scopes = selectors.rollup_scopes(request.user)
    return render(request, "province/index.html", {"scopes": scopes})


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
