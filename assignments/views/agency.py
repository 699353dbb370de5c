"""The agency's side: its duties across conferences, status reports, files, the timeline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from conferences.selectors import get_conference, get_unit
from core.errors import DomainError, PermissionDeniedError
from core.web import safe_next

from .. import selectors, services
from ..forms import StatusForm
from ..permissions import can_report_on_duty, can_view_board, can_view_duty, can_view_unit_duties
from ..workflow import status_choices


def _duty_page(request, duties, *, title: str, unit=None):
    duties = list(duties)
    selectors.annotate_duties(duties, selectors.today())
    context = {"duties": duties, "title": title, "unit": unit}
    return render(request, "assignments/my_duties.html", context)


@login_required
def my_duties(request):
    """The reporter's duties in every conference, grouped by conference."""
    duties = selectors.open_duties_of_units(selectors.reporter_unit_ids(request.user))
    return _duty_page(request, duties, title="Nhiệm vụ của tôi")


@login_required
def unit_duties(request, unit_pk: int):
    """One agency's duties: for its reporters and the office over it."""
    unit = get_unit(request.user, unit_pk)
    if not can_view_unit_duties(request.user, unit):
        raise PermissionDenied
    duties = selectors.open_duties_of_units([unit.pk])
    return _duty_page(request, duties, title=f"Nhiệm vụ của {unit.name}", unit=unit)


def _next_url(request, duty) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return safe_next(request, target, "duty_report", pk=duty.pk)


@login_required
def duty_report(request, pk: int):
    """A duty, its reports, and the status form for those who may report."""
    duty = selectors.get_duty(request.user, pk)
    if not can_view_duty(request.user, duty):
        raise PermissionDenied
    can_report = can_report_on_duty(request.user, duty)
    form = StatusForm(
        request.POST or None,
        request.FILES or None,
        initial={"status": duty.status},
        choices=status_choices(duty),
    )
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_duty_status(duty=duty, by=request.user, **form.cleaned_data)
            except PermissionDeniedError as exc:
                raise PermissionDenied from exc
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Đã cập nhật tiến độ nhiệm vụ.")
                return redirect(_next_url(request, duty))
    selectors.annotate_duties([duty], selectors.today())
    context = {
        "duty": duty,
        "form": form if can_report else None,
        "updates": duty.updates.select_related("by"),
        "next": request.GET.get("next", ""),
    }
    return render(request, "assignments/duty_report.html", context)


@login_required
def update_file(request, pk: int):
    """The file of a report, to those who may see the duty; never a public media URL."""
    update = selectors.get_update(request.user, pk)
    if not update.file:
        raise Http404
    return FileResponse(update.file.open("rb"), as_attachment=True, filename=update.file_name)


@login_required
def timeline(request, conference_pk: int):
    """From today to the conference day: milestones and deadlines in date order. The office
    sees every agency's deadlines; an agency sees its own."""
    conference = get_conference(request.user, conference_pk)
    assignments = selectors.board_assignments(conference)
    if not can_view_board(request.user, conference):
        mine = set(selectors.reporter_unit_ids(request.user))
        assignments = [a for a in assignments if a.unit_id in mine]
    duties = [d for a in assignments for d in a.duties.all()]
    today = selectors.today()
    entries = selectors.timeline(conference, duties=duties, start=today)
    days_left = (conference.date - today).days if conference.date else None
    context = {"conference": conference, "entries": entries, "today": today, "days_left": days_left}
    return render(request, "assignments/timeline.html", context)
