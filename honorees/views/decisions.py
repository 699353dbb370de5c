from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError, PermissionDeniedError
from core.views import attempt, form_error, require

from .. import permissions, selectors, services
from ..documents_data import certificate_papers, decision_document_data, default_decision_fields
from ..forms import DecisionForm, DecisionReturnForm
from ..models import AwardDecision
from ..workflow import decision_as_if


@login_required
def decision_create(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_manage_decisions(request.user, round))
    form = DecisionForm(request.POST or None, initial=default_decision_fields(round))
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.create_decision(round=round, by=request.user, **form.cleaned_data)
        except PermissionDeniedError as exc:
            raise PermissionDenied from exc
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Đã lập dự thảo quyết định.")
            return redirect("honorees:decision_detail", pk=decision.pk)
    context = {"form": form, "round": round, "conference": round.conference}
    return render(request, "honorees/decision_form.html", context)


@login_required
def decision_edit(request, pk: int):
    decision = selectors.get_decision(request.user, pk)
    require(permissions.can_edit_decision(request.user, decision))
    form = DecisionForm(request.POST or None, instance=decision)
    if request.method == "POST" and form.is_valid():
        fresh = selectors.get_decision(request.user, pk)
        try:
            services.update_decision(decision=fresh, by=request.user, **form.cleaned_data)
        except PermissionDeniedError as exc:
            raise PermissionDenied from exc
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Đã lưu dự thảo quyết định.")
            return redirect("honorees:decision_detail", pk=pk)
    context = {"form": form, "round": decision.round, "decision": decision}
    return render(request, "honorees/decision_form.html", context)


@login_required
def decision_detail(request, pk: int):
    decision = selectors.get_decision(request.user, pk)
    data = decision_document_data(decision)
    actions = permissions.decision_actions(request.user, decision)
    context = {
        "decision": decision,
        "round": decision.round,
        "data": data,
        "papers": [
            (paper, f"In {label.lower()} ({count} người)")
            for paper, label, count in certificate_papers(data)
        ],
        "no_paper": [c for c in data.certificates if not c.paper],
        "actions": actions,
        "return_form": DecisionReturnForm() if actions.send_back else None,
        "can_see_round": permissions.can_view_round_office(request.user, decision.round),
        "decision_formats": [("pdf", "PDF"), ("docx", "DOCX")],
        "certificate_formats": [("pdf", "PDF để in"), ("zip", "ZIP từng người: DOCX và PDF")],
    }
    return render(request, "honorees/decision_detail.html", context)


def _already(request, pk: int, status: str, predicate, note: str):
    """For a user who could have made the move: the decision is in `status` after an earlier
    click (a double click), as `note` (formatted with the decision) says."""

    def check() -> str:
        current = selectors.get_decision(request.user, pk)
        if current.status != status:
            return ""
        before = decision_as_if(decision=current, status=WAS[status])
        return note.format(d=current) if predicate(request.user, before) else ""

    return check


WAS = {AwardDecision.Status.APPROVED: AwardDecision.Status.DRAFT,
       AwardDecision.Status.ISSUED: AwardDecision.Status.APPROVED}  # fmt: skip


def _move(request, pk: int, *, predicate, status: str, service, note: str, success: str):
    decision = selectors.get_decision(request.user, pk)
    already = _already(request, pk, status, predicate, note)
    if not predicate(request.user, decision):
        message = already()
        require(bool(message))
        messages.info(request, message)
        return redirect("honorees:decision_detail", pk=pk)
    attempt(request, lambda: service(decision=decision, by=request.user), success, already=already)
    return redirect("honorees:decision_detail", pk=pk)


@login_required
@require_POST
def decision_approve(request, pk: int):
    """The leader approves (signs) the draft; the văn thư numbers and issues it next."""
    return _move(
        request,
        pk,
        predicate=permissions.can_approve_decision,
        status=AwardDecision.Status.APPROVED,
        service=services.approve_decision,
        note="Quyết định đã được duyệt trước đó.",
        success="Đã duyệt quyết định; văn thư sẽ vào số và ban hành.",
    )


@login_required
@require_POST
def decision_check(request, pk: int):
    """The drafting office's leader passes the checked draft to the organiser's leader."""
    decision = selectors.get_decision(request.user, pk)
    if not permissions.can_check_decision(request.user, decision):
        require(
            decision.reviewed_at is not None
            and permissions.is_decision_reviewer(request.user, decision)
        )
        messages.info(request, "Dự thảo đã được kiểm tra trước đó.")
        return redirect("honorees:decision_detail", pk=pk)
    attempt(
        request,
        lambda: services.check_decision(decision=decision, by=request.user),
        "Đã kiểm tra và trình lãnh đạo ký dự thảo quyết định.",
    )
    return redirect("honorees:decision_detail", pk=pk)


@login_required
@require_POST
def decision_issue(request, pk: int):
    """The văn thư gives the number and the date, and issues the decision."""
    return _move(
        request,
        pk,
        predicate=permissions.can_issue_decision,
        status=AwardDecision.Status.ISSUED,
        service=services.issue_decision,
        note="Quyết định đã được ban hành trước đó, số {d.number_text}.",
        success="Đã vào số và ban hành quyết định; các hồ sơ trong danh sách chuyển sang "
        "“Đã có quyết định khen thưởng”.",
    )


@login_required
@require_POST
def decision_return(request, pk: int):
    """The leader sends the draft back to the office with a reason."""
    decision = selectors.get_decision(request.user, pk)
    require(permissions.can_return_decision(request.user, decision))
    form = DecisionReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy ghi lý do trả lại để cán bộ sửa dự thảo.")
        return redirect("honorees:decision_detail", pk=pk)
    reason = form.cleaned_data["reason"]
    attempt(
        request,
        lambda: services.return_decision(decision=decision, by=request.user, reason=reason),
        "Đã trả lại dự thảo cho cán bộ thi đua với lý do đã ghi.",
    )
    return redirect("honorees:decision_detail", pk=pk)
