"""The seating plan: the hall's grid (drag a delegate to another seat), the hall's set-up,
automatic placement, the list to move someone with the keyboard or a phone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError, PermissionDeniedError
from core.views import form_error, require

from .. import permissions, selectors, services
from ..forms import AutoPlaceForm, BlockFormSet, HallSettingsForm, HallSetupForm, MoveForm
from ..models import Seat
from .common import conference_for

VIEW = permissions.can_view_seating
EDIT = permissions.can_edit_seating


def _hall_context(request, conference) -> dict:
    plan = selectors.seating_plan(conference)
    blocks = selectors.hall(plan)
    return {
        "conference": conference,
        "plan": plan,
        "blocks": blocks,
        "counts": selectors.seat_counts(blocks),
        "unseated": selectors.unseated_delegates(conference) if plan else [],
        "can_edit": EDIT(request.user, conference),
    }


@login_required
def seating(request, conference_pk: int):
    conference = conference_for(request, conference_pk, VIEW)
    context = {**_hall_context(request, conference), "auto_form": AutoPlaceForm(), "tab": "seating"}
    return render(request, "delegates/seating.html", context)


def _block_initial(plan) -> list[dict]:
    if plan is None:
        return []
    return [
        {
            "id": b.pk,
            "name": b.name,
            "rows": b.rows,
            "seats_per_row": b.seats_per_row,
            "aisle_side": b.aisle_side,
            "reserved_rows": b.reserved_rows,
        }
        for b in plan.blocks.all()
    ]


@login_required
def seating_setup(request, conference_pk: int):
    """The quick set-up (replaces the hall) and the edit of each block and of the plan."""
    conference = conference_for(request, conference_pk, EDIT)
    plan = selectors.seating_plan(conference)
    quick = HallSetupForm(request.POST if "quick" in request.POST else None)
    settings_initial = {
        "stage_label": plan.stage_label if plan else "SÂN KHẤU",
        "front_categories": list(plan.front_categories.all()) if plan else [],
    }
    edit = request.method == "POST" and "quick" not in request.POST
    settings_form = HallSettingsForm(
        request.POST if edit else None, initial=settings_initial, conference=conference
    )
    formset = BlockFormSet(request.POST if edit else None, initial=_block_initial(plan))
    if quick.is_bound and quick.is_valid():
        try:
            services.set_up_hall(conference=conference, by=request.user, **quick.cleaned_data)
        except DomainError as exc:
            form_error(quick, exc)
        else:
            messages.success(request, "Đã thiết lập hội trường. Bấm “Xếp chỗ tự động” để xếp.")
            return redirect("delegates_seating", conference.pk)
    if edit and settings_form.is_valid() and formset.is_valid():
        blocks = [
            {**f.cleaned_data, "delete": f.cleaned_data.get("DELETE", False)}
            for f in formset.forms
            if f.has_changed() or f.cleaned_data.get("id")
        ]
        try:
            services.save_hall(
                conference=conference,
                settings=settings_form.cleaned_data,
                blocks=blocks,
                by=request.user,
            )
        except DomainError as exc:
            form_error(settings_form, exc)
        else:
            messages.success(request, "Đã lưu hội trường.")
            return redirect("delegates_seating", conference.pk)
    context = {
        "conference": conference,
        "plan": plan,
        "quick": quick,
        "settings_form": settings_form,
        "formset": formset,
        "tab": "seating",
    }
    return render(request, "delegates/seating_setup.html", context)


@login_required
@require_POST
def seating_auto(request, conference_pk: int):
    conference = conference_for(request, conference_pk, EDIT)
    form = AutoPlaceForm(request.POST)
    form.is_valid()
    options = {k: bool(form.cleaned_data.get(k)) for k in ("redo_all", "present_only")}
    try:
        result = services.place_automatically(conference=conference, by=request.user, **options)
    except PermissionDeniedError:
        require(False)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _placement_message(result))
    return redirect("delegates_seating", conference.pk)


def _placement_message(result) -> str:
    text = f"Đã xếp chỗ: {result.placed} đại biểu có chỗ"
    if result.kept:
        text += f" (giữ nguyên {result.kept} chỗ đã chuyển bằng tay)"
    if result.unplaced:
        text += f"; {result.unplaced} người chưa có chỗ vì hội trường không đủ ghế"
    return text + "."


def _target_seat(conference, data: dict) -> Seat | None:
    """The seat a move names, or None (take the seat away); DomainError for a seat that is
    not in the hall."""
    seats = Seat.objects.filter(block__plan__conference=conference).select_related("block")
    if data.get("seat"):
        seat = seats.filter(pk=data["seat"]).first()
    elif data.get("block") and data.get("row") and data.get("number"):
        seat = seats.filter(block_id=data["block"], row=data["row"], number=data["number"]).first()
    elif data.get("block") or data.get("row") or data.get("number"):
        raise DomainError("Hãy chọn khu và ghi đủ số hàng, số ghế.")
    else:
        return None
    if seat is None:
        raise DomainError("Không có ghế này trong hội trường.")
    return seat


@login_required
@require_POST
def seating_move(request, conference_pk: int):
    """Drag and drop (HTMX: answers the hall's grid) or the form "Chuyển đến ghế" (answers
    a redirect to the list it came from)."""
    conference = conference_for(request, conference_pk, EDIT)
    form = MoveForm(request.POST)
    error = ""
    if not form.is_valid():
        error = "Yêu cầu chuyển chỗ không hợp lệ."
    else:
        delegate = selectors.get_delegate(conference, form.cleaned_data["delegate"])
        try:
            seat = _target_seat(conference, form.cleaned_data)
            services.move_delegate(delegate=delegate, seat=seat, by=request.user)
        except PermissionDeniedError:
            require(False)
        except DomainError as exc:
            error = exc.message
    if request.htmx:
        context = {**_hall_context(request, conference), "error": error}
        return render(request, "delegates/_hall.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "Đã chuyển chỗ.")
    back = "delegates_seating_list" if request.POST.get("from") == "list" else "delegates_seating"
    return redirect(back, conference.pk)


@login_required
def seating_list(request, conference_pk: int):
    """Each delegate with their seat and a form to move them (keyboard, phone)."""
    conference = conference_for(request, conference_pk, VIEW)
    plan = selectors.seating_plan(conference)
    context = {
        "conference": conference,
        "plan": plan,
        "people": selectors.seat_list(conference),
        "blocks": list(plan.blocks.all()) if plan else [],
        "can_edit": EDIT(request.user, conference),
        "tab": "seating",
    }
    return render(request, "delegates/seating_list.html", context)
