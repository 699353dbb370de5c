"""The office's board of a conference and its inline editing (HTMX, with plain-page fallbacks).

Every change answers with the refreshed board list (HTMX) or a redirect to the board."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from conferences.selectors import get_conference
from core.errors import DomainError, PermissionDeniedError
from core.views import require

from .. import selectors, services
from ..forms import AssignmentForm, DutyForm, MilestoneForm, TemplateApplyForm
from ..models import DutyStatus, DutyTemplate
from ..permissions import can_manage_assignments, can_view_board

# Up to this many duties in all, the board shows every assignment's list; above it (a
# province's conference), each list opens on demand and stays open for the user (session).
BOARD_OPEN_DUTIES = 60


def _open_key(conference) -> str:
    return f"board_open_{conference.pk}"


def _keep_open(request, assignment, *, is_open: bool = True) -> None:
    """Remember that the user opened (or closed) an assignment's duty list."""
    key = _open_key(assignment.conference)
    opened = set(request.session.get(key, []))
    opened = opened | {assignment.pk} if is_open else opened - {assignment.pk}
    request.session[key] = sorted(opened)


def board_context(request, conference, *, error: str = "") -> dict:
    assignments = selectors.board_assignments(conference)
    duties = [d for a in assignments for d in a.duties.all()]
    selectors.annotate_duties(duties, selectors.today())
    collapsible = len(duties) > BOARD_OPEN_DUTIES
    opened = set(request.session.get(_open_key(conference), [])) if collapsible else set()
    for assignment in assignments:
        assignment.duties_open = not collapsible or assignment.pk in opened
        assignment.late_count = sum(1 for d in assignment.duties.all() if d.late_days)
    return {
        "conference": conference,
        "assignments": assignments,
        "collapsible": collapsible,
        "milestones": selectors.annotate_milestones(conference),
        "can_edit": can_manage_assignments(request.user, conference),
        "templates": DutyTemplate.objects.all(),
        "error": error,
        "print_formats": [("pdf", "PDF"), ("docx", "DOCX")],
    }


@login_required
def assignment_duties(request, pk: int):
    """One assignment's duty list, opened (or closed with ?an=1) on a large board."""
    assignment = selectors.get_assignment(request.user, pk)
    conference = assignment.conference
    require(can_view_board(request.user, conference))
    is_open = request.GET.get("an") != "1"
    _keep_open(request, assignment, is_open=is_open)
    if not request.htmx:  # opened as a page: the board, with this list as asked
        return redirect(
            reverse("assignment_board", kwargs={"conference_pk": conference.pk})
            + f"#assignment-{assignment.pk}"
        )
    assignment = next(a for a in selectors.board_assignments(conference) if a.pk == pk)
    selectors.annotate_duties(list(assignment.duties.all()), selectors.today())
    assignment.duties_open = is_open
    assignment.late_count = sum(1 for d in assignment.duties.all() if d.late_days)
    context = {
        "assignment": assignment,
        "conference": conference,
        "collapsible": True,
        "can_edit": can_manage_assignments(request.user, conference),
    }
    return render(request, "assignments/_duty_list.html", context)


@login_required
def assignment_board(request, conference_pk: int):
    conference = get_conference(request.user, conference_pk)
    require(can_view_board(request.user, conference))
    context = board_context(request, conference)
    view = request.GET.get("xem", "")
    context["by_status"] = view == "trang-thai"
    if context["by_status"]:
        columns = selectors.duties_by_status(context["assignments"])
        context["columns"] = [(DutyStatus(s).label, s, columns[s]) for s in DutyStatus.values]
    return render(request, "assignments/board.html", context)


def _board_done(request, conference, *, error: str = ""):
    """After a change: the refreshed list for HTMX, a redirect for a plain form."""
    if request.htmx:
        response = render(
            request, "assignments/_board_list.html", board_context(request, conference, error=error)
        )
        return reswap(retarget(response, "#board-list"), "innerHTML")
    if error:
        messages.error(request, error)
    return redirect("assignment_board", conference_pk=conference.pk)


def _run(request, conference, action: Callable[[], object]):
    """Call a service for an action button; a refusal becomes a message on the board."""
    try:
        action()
    except PermissionDeniedError as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        return _board_done(request, conference, error=exc.message)
    return _board_done(request, conference)


def _form_view(request, conference, form, save: Callable[[dict], object], *, title: str):
    """An add or edit form of the board, for the office that manages the assignments (403
    for anyone else): `save(cleaned_data)` calls the service; a refused rule shows on the
    form; saved, the refreshed board."""
    require(can_manage_assignments(request.user, conference))
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except PermissionDeniedError as exc:
            raise PermissionDenied from exc
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return _board_done(request, conference)
    template = "assignments/_form.html" if request.htmx else "assignments/form_page.html"
    context = {"conference": conference, "form": form, "title": title, "action": request.path}
    return render(request, template, context)


# --- Assignments -------------------------------------------------------------------------------------
@login_required
def assignment_create(request, conference_pk: int):
    conference = get_conference(request.user, conference_pk)
    return _form_view(
        request,
        conference,
        AssignmentForm(request.POST or None, conference=conference),
        lambda data: services.create_assignment(conference=conference, by=request.user, **data),
        title="Thêm cơ quan được phân công",
    )


@login_required
def assignment_edit(request, pk: int):
    assignment = selectors.get_assignment(request.user, pk)
    conference = assignment.conference
    form = AssignmentForm(request.POST or None, conference=conference, instance=assignment)

    def save(data):
        data.pop("unit", None)
        return services.update_assignment(assignment=assignment, by=request.user, **data)

    return _form_view(request, conference, form, save, title=f"Sửa: {assignment.heading}")


@login_required
@require_POST
def assignment_delete(request, pk: int):
    assignment = selectors.get_assignment(request.user, pk)
    return _run(
        request,
        assignment.conference,
        lambda: services.delete_assignment(assignment=assignment, by=request.user),
    )


@login_required
@require_POST
def assignment_move(request, pk: int, direction: str):
    assignment = selectors.get_assignment(request.user, pk)
    return _run(
        request,
        assignment.conference,
        lambda: services.move_assignment(
            assignment=assignment, direction=direction, by=request.user
        ),
    )


@login_required
@require_POST
def template_apply(request, pk: int):
    assignment = selectors.get_assignment(request.user, pk)
    form = TemplateApplyForm(request.POST)
    if not form.is_valid():
        return _board_done(request, assignment.conference, error="Hãy chọn một mẫu nhiệm vụ.")
    template = form.cleaned_data["template"]
    _keep_open(request, assignment)
    return _run(
        request,
        assignment.conference,
        lambda: services.apply_duty_template(
            assignment=assignment, template=template, by=request.user
        ),
    )


# --- Duties -----------------------------------------------------------------------------------------
@login_required
def duty_create(request, assignment_pk: int):
    assignment = selectors.get_assignment(request.user, assignment_pk)
    conference = assignment.conference
    form = DutyForm(request.POST or None)

    def save(data):
        _keep_open(request, assignment)
        return services.create_duty(assignment=assignment, by=request.user, **data)

    return _form_view(request, conference, form, save, title=f"Thêm nhiệm vụ: {assignment.heading}")


@login_required
def duty_edit(request, pk: int):
    duty = selectors.get_office_duty(request.user, pk)
    conference = duty.assignment.conference
    form = DutyForm.for_duty(duty, request.POST or None)

    def save(data):
        _keep_open(request, duty.assignment)
        return services.update_duty(duty=duty, by=request.user, **data)

    return _form_view(request, conference, form, save, title="Sửa nhiệm vụ")


@login_required
@require_POST
def duty_delete(request, pk: int):
    duty = selectors.get_office_duty(request.user, pk)
    return _run(
        request,
        duty.assignment.conference,
        lambda: services.delete_duty(duty=duty, by=request.user),
    )


@login_required
@require_POST
def duty_move(request, pk: int, direction: str):
    duty = selectors.get_office_duty(request.user, pk)
    _keep_open(request, duty.assignment)
    return _run(
        request,
        duty.assignment.conference,
        lambda: services.move_duty(duty=duty, direction=direction, by=request.user),
    )


@login_required
@require_POST
def duty_reorder(request, assignment_pk: int):
    assignment = selectors.get_assignment(request.user, assignment_pk)
    try:
        ids = [int(value) for value in request.POST.getlist("ids")]
    except ValueError:
        ids = []
    _keep_open(request, assignment)
    return _run(
        request,
        assignment.conference,
        lambda: services.reorder_duties(assignment=assignment, duty_ids=ids, by=request.user),
    )


# --- Milestones -------------------------------------------------------------------------------------
@login_required
def milestone_create(request, conference_pk: int):
    conference = get_conference(request.user, conference_pk)
    return _form_view(
        request,
        conference,
        MilestoneForm(request.POST or None, conference=conference),
        lambda data: services.create_milestone(conference=conference, by=request.user, **data),
        title="Thêm mốc thời gian",
    )


@login_required
def milestone_edit(request, pk: int):
    milestone = selectors.get_milestone(request.user, pk)
    conference = milestone.conference
    return _form_view(
        request,
        conference,
        MilestoneForm(request.POST or None, conference=conference, instance=milestone),
        lambda data: services.update_milestone(milestone=milestone, by=request.user, **data),
        title="Sửa mốc thời gian",
    )


@login_required
@require_POST
def milestone_delete(request, pk: int):
    milestone = selectors.get_milestone(request.user, pk)
    return _run(
        request,
        milestone.conference,
        lambda: services.delete_milestone(milestone=milestone, by=request.user),
    )


@login_required
@require_POST
def milestone_move(request, pk: int, direction: str):
    milestone = selectors.get_milestone(request.user, pk)
    return _run(
        request,
        milestone.conference,
        lambda: services.move_milestone(milestone=milestone, direction=direction, by=request.user),
    )


def board_url(conference) -> str:
    return reverse("assignment_board", kwargs={"conference_pk": conference.pk})
