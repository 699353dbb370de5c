"""Reception on the day: search by name without diacritics or scan the invitation's QR code,
mark present, and a live count of present vs expected per category."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from core.errors import DomainError

from .. import permissions, selectors, services
from ..forms import TokenForm
from .common import conference_for

MANAGE = permissions.can_manage_delegates


@login_required
def checkin(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    context = {
        "conference": conference,
        "counts": selectors.checkin_counts(conference),
        "token_form": TokenForm(),
        "tab": "checkin",
    }
    return render(request, "delegates/checkin.html", context)


@login_required
def checkin_search(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    query = request.GET.get("q", "").strip()
    context = {
        "conference": conference,
        "query": query,
        "results": selectors.checkin_search(conference, query),
    }
    return render(request, "delegates/_checkin_results.html", context)


@login_required
def checkin_counts(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    context = {"conference": conference, "counts": selectors.checkin_counts(conference)}
    return render(request, "delegates/_checkin_counts.html", context)


@login_required
@require_POST
def check_in(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    delegate = services.check_in(delegate=selectors.get_delegate(conference, pk), by=request.user)
    response = render(
        request, "delegates/_checkin_row.html", {"conference": conference, "d": delegate}
    )
    response["HX-Trigger"] = "checked-in"
    return response


@login_required
@require_POST
def undo_check_in(request, conference_pk: int, pk: int):
    """A mark made on the wrong person at the desk is taken back (logged)."""
    conference = conference_for(request, conference_pk, MANAGE)
    delegate = services.undo_check_in(
        delegate=selectors.get_delegate(conference, pk), by=request.user
    )
    response = render(
        request, "delegates/_checkin_row.html", {"conference": conference, "d": delegate}
    )
    response["HX-Trigger"] = "checked-in"
    return response


@login_required
@require_POST
def check_in_token(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    form = TokenForm(request.POST)
    delegate, error = None, ""
    if form.is_valid():
        try:
            delegate = services.check_in_by_token(
                conference=conference, token=form.cleaned_data["token"], by=request.user
            )
        except DomainError as exc:
            error = exc.message
    else:
        error = "Chưa có mã giấy mời."
    response = render(
        request,
        "delegates/_checkin_scan.html",
        {"conference": conference, "d": delegate, "error": error},
    )
    if delegate:
        response["HX-Trigger"] = "checked-in"
    return response
