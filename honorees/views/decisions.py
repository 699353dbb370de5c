from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError, PermissionDeniedError
from core.views import attempt, form_error, require

from .. import permissions, selectors, services
from ..documents_data import certificate_papers, decision_document_data, default_decision_fields
from ..forms import DecisionForm
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
    context = {
        "decision": decision,
        "round": decision.round,
        "data": data,
        "papers": [
            (paper, f"In {label.lower()} ({count} người)")
            for paper, label, count in certificate_papers(data)
        ],
        "can_edit": permissions.can_edit_decision(request.user, decision),
        "can_sign": permissions.can_sign_decision(request.user, decision),
        "can_print": permissions.can_print_decision(request.user, decision),
        "decision_formats": [("pdf", "PDF"), ("docx", "DOCX")],
        "certificate_formats": [("pdf", "PDF để in"), ("zip", "ZIP từng người: DOCX và PDF")],
    }
    return render(request, "honorees/decision_detail.html", context)


@login_required
@require_POST
def decision_sign(request, pk: int):
    decision = selectors.get_decision(request.user, pk)

    def already() -> str:
        """For a leader who could sign it: the decision was signed by an earlier click."""
        current = selectors.get_decision(request.user, pk)
        if current.status != AwardDecision.Status.SIGNED:
            return ""
        before = decision_as_if(decision=current, status=AwardDecision.Status.DRAFT)
        if not permissions.can_sign_decision(request.user, before):
            return ""
        return f"Quyết định đã được ký trước đó, số {current.number_text}."

    if not permissions.can_sign_decision(request.user, decision):
        note = already()
        require(bool(note))
        messages.info(request, note)
        return redirect("honorees:decision_detail", pk=pk)
    attempt(
        request,
        lambda: services.sign_decision(decision=decision, by=request.user),
        "Đã ký quyết định; các hồ sơ trong danh sách chuyển sang “Đã có quyết định khen thưởng”.",
        already=already,
    )
    return redirect("honorees:decision_detail", pk=pk)
