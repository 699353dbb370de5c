from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError, PermissionDeniedError
from core.views import attempt, form_error, require

from .. import council, eligibility, permissions, selectors, services
from ..forms import (
    CommentForm,
    FinaliseForm,
    FlagsForm,
    OverrideForm,
    VoteForm,
    nomination_form_class,
)
from ..models import CouncilVote, Nomination
from .clearance import warn_eligibility


def _back(nomination):
    return redirect("honorees:nomination_detail", pk=nomination.pk)


@login_required
def nomination_detail(request, pk: int):
    nomination = selectors.get_nomination(request.user, pk)
    round, user = nomination.round, request.user
    office = permissions.can_view_round_office(user, round)
    my_vote = CouncilVote.objects.filter(nomination=nomination, member=user).first()
    tally = council.nomination_tally(nomination) if office else None
    context = {
        "nomination": nomination,
        "round": round,
        "events": nomination.events.select_related("actor"),
        "office": office,
        "actions": permissions.nomination_actions(user, nomination),
        "votes": nomination.votes.select_related("member") if office else [],
        "tally": tally,
        "result": council.kept_result(nomination) if office else None,
        "vote_form": VoteForm(initial={"choice": my_vote.choice if my_vote else None}),
        "my_vote": my_vote,
        "return_form": CommentForm(),
        "finalise_form": FinaliseForm(),
    }
    if office:
        context.update(_history(nomination))
    context.update(_eligibility(user, nomination, office))
    return render(request, "honorees/nomination_detail.html", context)


def _eligibility(user, nomination, office: bool) -> dict:
    """The checks' result (unit and office), the agencies' answers and the office's forms."""
    can_override = permissions.can_override_eligibility(user, nomination)
    return {
        "eligibility": eligibility.check_nomination(nomination),
        "clearance_answers": selectors.nomination_clearance_answers(nomination) if office else [],
        "can_override": can_override,
        "override_form": OverrideForm() if can_override else None,
        "flags_form": FlagsForm(instance=nomination)
        if permissions.can_record_flags(user, nomination)
        else None,
    }


def _history(nomination) -> dict:
    """The person's earlier awards across the province (office users only)."""
    history = selectors.person_award_history(nomination)
    up_to = nomination.round.conference.end_year - 1
    return {
        "history": history,
        "history_shown": not nomination.is_collective,
        "cstdcs_years": selectors.consecutive_years(
            history, award_code=selectors.CSTDCS_CODE, up_to=up_to
        ),
        "cstdcs_up_to": up_to,
    }


@login_required
def nomination_edit(request, pk: int):
    nomination = selectors.get_nomination(request.user, pk)
    require(permissions.can_edit_nomination(request.user, nomination))
    form_class = nomination_form_class(nomination.kind)
    form = form_class(
        request.POST or None, request.FILES or None, instance=nomination, round=nomination.round
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        dossier = data.pop("dossier", None)
        fresh = selectors.get_nomination(request.user, pk)
        try:
            services.update_nomination(
                nomination=fresh,
                by=request.user,
                dossier=dossier if dossier and dossier != fresh.dossier else None,
                **data,
            )
            if "submit" in request.POST:
                services.submit_nomination(nomination=fresh, by=request.user)
                warn_eligibility(request, fresh)
        except PermissionDeniedError as exc:
            raise PermissionDenied from exc
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Đã lưu hồ sơ.")
            return _back(nomination)
    context = {
        "form": form,
        "round": nomination.round,
        "unit": nomination.unit,
        "kind": nomination.kind,
        "nomination": nomination,
    }
    return render(request, "honorees/nomination_form.html", context)


def _post_action(request, pk: int, allowed, action, success: str, reached=()):
    """`reached`: the states the action leads to; a click on a nomination already there (a
    double click) is told so instead of refused."""
    nomination = selectors.get_nomination(request.user, pk)
    require(allowed(request.user, nomination))
    attempt(
        request,
        lambda: action(nomination),
        success,
        already=lambda: _already_in(selectors.get_nomination(request.user, pk), reached),
    )
    return _back(nomination)


def _already_in(nomination, states) -> str:
    if nomination.status not in states:
        return ""
    return (
        f"Hồ sơ đã ở trạng thái “{nomination.get_status_display()}”: thao tác này đã được "
        "thực hiện trước đó."
    )


@login_required
@require_POST
def nomination_submit(request, pk: int):
    return _post_action(
        request,
        pk,
        lambda u, n: permissions.can_act_for_unit(u, n.unit),
        lambda n: _submit_and_warn(request, n),
        "Đã gửi hồ sơ.",
        reached=(Nomination.Status.SUBMITTED,),
    )


def _submit_and_warn(request, nomination) -> None:
    services.submit_nomination(nomination=nomination, by=request.user)
    warn_eligibility(request, nomination)


@login_required
@require_POST
def nomination_withdraw(request, pk: int):
    return _post_action(
        request,
        pk,
        lambda u, n: permissions.can_act_for_unit(u, n.unit),
        lambda n: services.withdraw_nomination(nomination=n, by=request.user),
        "Đã rút hồ sơ.",
        reached=(Nomination.Status.WITHDRAWN,),
    )


@login_required
@require_POST
def nomination_restore(request, pk: int):
    return _post_action(
        request,
        pk,
        lambda u, n: permissions.can_act_for_unit(u, n.unit),
        lambda n: services.restore_nomination(nomination=n, by=request.user),
        "Đã khôi phục hồ sơ; hồ sơ ở trạng thái đang soạn, hãy gửi lại khi sẵn sàng.",
        reached=(Nomination.Status.DRAFT,),
    )


@login_required
@require_POST
def nomination_return(request, pk: int):
    comment = request.POST.get("comment", "")
    return _post_action(
        request,
        pk,
        lambda u, n: permissions.can_manage_round(u, n.round),
        lambda n: services.return_nomination(nomination=n, by=request.user, comment=comment),
        "Đã trả lại hồ sơ cho đơn vị.",
        reached=(Nomination.Status.RETURNED,),
    )


@login_required
@require_POST
def nomination_vote(request, pk: int):
    form = VoteForm(request.POST)
    nomination = selectors.get_nomination(request.user, pk)
    require(permissions.is_council_member(request.user, nomination.round))
    if not form.is_valid():
        messages.error(request, "Hãy chọn một ý kiến.")
    else:
        attempt(
            request,
            lambda: services.cast_vote(nomination=nomination, by=request.user, **form.cleaned_data),
            "Đã ghi ý kiến của bạn.",
        )
    return redirect("honorees:council_list", pk=nomination.round_id)


@login_required
@require_POST
def nomination_finalise(request, pk: int):
    form = FinaliseForm(request.POST)
    nomination = selectors.get_nomination(request.user, pk)
    require(permissions.can_manage_round(request.user, nomination.round))
    if not form.is_valid():
        messages.error(request, "Hãy chọn kết quả.")
    else:
        outcome = form.cleaned_data["outcome"]
        attempt(
            request,
            lambda: services.finalise_nomination(
                nomination=nomination, by=request.user, **form.cleaned_data
            ),
            "Đã chốt kết quả bình xét.",
            already=lambda: _already_in(selectors.get_nomination(request.user, pk), (outcome,)),
        )
    return redirect("honorees:review_tally", pk=nomination.round_id)


@login_required
@require_POST
def nomination_delegate(request, pk: int):
    chosen = request.POST.get("chosen") == "1"
    nomination = selectors.get_nomination(request.user, pk)
    require(permissions.can_manage_round(request.user, nomination.round))
    attempt(
        request,
        lambda: services.set_delegate_above(nomination=nomination, by=request.user, chosen=chosen),
        "Đã cập nhật danh sách đại biểu dự hội nghị cấp trên.",
    )
    return redirect("honorees:delegates_above", pk=nomination.round_id)


@login_required
def nomination_dossier(request, pk: int):
    nomination = selectors.get_nomination(request.user, pk)
    if not nomination.dossier:
        raise Http404
    name = nomination.dossier.name.rsplit("/", 1)[-1]
    return FileResponse(nomination.dossier.open("rb"), as_attachment=True, filename=name)
