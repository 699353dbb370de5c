"""The plan editor and its workflow. Thin views: fetch through a scoped selector (404), check
the predicate (403), call one service, then redirect or return an HTMX fragment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from conferences import selectors as conference_selectors
from conferences.models import Plan, PlanSection, PlanStatus
from core.errors import DomainError, PermissionDeniedError
from core.views import require

from . import forms, selectors, services, workflow
from . import permissions as perms
from .outline import build_outline
from .workflow import plan_as_if


def _changed(response):
    """Tell the page (HTMX) that the plan changed, so the preview reloads."""
    response["HX-Trigger"] = "plan-changed"
    return response


def _flags(user, plan) -> dict:
    return {
        "can_edit": perms.can_edit_plan(user, plan),
        "can_submit": perms.can_submit_plan(user, plan),
        "can_review": perms.can_return_plan(user, plan),
        "can_approve": perms.can_approve_plan(user, plan),
        "can_check": perms.can_check_plan(user, plan),
        "awaits_check": perms.plan_awaits_check(plan),
        "review_checked": plan.reviewed_at is not None and workflow.awaits_approval(plan),
        "can_follow_review": perms.can_follow_review(user, plan),
        "can_comment": perms.can_comment_plan(user, plan),
        "can_issue": perms.can_issue_plan(user, plan),
        "can_amend": perms.can_amend_plan(user, plan),
    }


@login_required
def plan_start(request, conference_pk: int):
    conference = conference_selectors.get_conference(request.user, conference_pk)
    existing = Plan.objects.filter(conference=conference).first()
    if existing:
        return redirect("plan_detail", existing.pk)
    require(perms.can_create_plan(request.user, conference))
    sources = selectors.copy_sources(request.user, conference)
    form = forms.PlanStartForm(request.POST or None, sources=sources, conference=conference)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_plan(
                conference=conference,
                by=request.user,
                template=form.cleaned_data["template"],
                copy_from=form.cleaned_data["copy_from"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Đã lập dự thảo kế hoạch. Hãy sửa từng mục cho phù hợp.")
            return redirect("plan_detail", plan.pk)
    return render(request, "plans/plan_start.html", {"conference": conference, "form": form})


def _detail_context(request, plan: Plan) -> dict:
    sections = list(selectors.plan_sections(plan))
    outline = {s.key: s for s in build_outline(plan, sections).sections}
    return {
        "plan": plan,
        "conference": plan.conference,
        "sections": [(s, outline[f"s{s.pk}"]) for s in sections],
        "add_form": forms.AddSectionForm(),
        "comments": selectors.plan_comments(plan),
        "revisions": plan.revisions.select_related("created_by"),
        # The comments of the latest revision are shown when the plan comes back; read its id
        # once, not once per comment.
        "latest_revision_id": plan.revisions.values_list("pk", flat=True).last(),
        "issue_form": forms.IssueForm(),
        "changed_since_approval": (
            selectors.changed_since_approval(plan)
            if workflow.plan_can_move(plan, PlanStatus.ISSUED)
            else []
        ),
        "show_return_comments": plan.status == PlanStatus.RETURNED,
        **_flags(request.user, plan),
    }


@login_required
def plan_detail(request, pk: int):
    plan = selectors.get_plan(request.user, pk)
    return render(request, "plans/plan_detail.html", _detail_context(request, plan))


@login_required
def plan_header(request, pk: int):
    plan = selectors.get_plan(request.user, pk)
    if request.method == "GET" and request.GET.get("cancel"):
        return render(
            request, "plans/_plan_header.html", {"plan": plan, **_flags(request.user, plan)}
        )
    require(perms.can_edit_plan(request.user, plan))
    form = forms.PlanHeaderForm.for_plan(plan, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.update_plan_header(plan=plan, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            context = {"plan": plan, **_flags(request.user, plan)}
            return _changed(render(request, "plans/_plan_header.html", context))
    return render(request, "plans/_plan_header_form.html", {"plan": plan, "form": form})


def _card(request, section: PlanSection, changed: bool = False):
    plan = section.plan
    outline = {s.key: s for s in build_outline(plan).sections}
    context = {
        "section": section,
        "part": outline.get(f"s{section.pk}"),
        "plan": plan,
        **_flags(request.user, plan),
    }
    response = render(request, "plans/_plan_section.html", context)
    return _changed(response) if changed else response


@login_required
def section_edit(request, pk: int):
    section = selectors.get_section(request.user, pk)
    if request.method == "GET" and request.GET.get("cancel"):
        return _card(request, section)
    require(perms.can_edit_plan(request.user, section.plan))
    form, formset = forms.section_forms(section, request.POST if request.method == "POST" else None)
    context = {"section": section, "plan": section.plan}
    if request.method == "POST" and forms.section_valid(form, formset):
        fields = {
            k: form.cleaned_data[k]
            for k in ("heading", "level", "number", "inline", "nest", "after_duty")
            if k in form.cleaned_data
        }
        try:
            section = services.update_section(
                section=section,
                by=request.user,
                content=form.content(),
                expected_version=form.cleaned_data["version"],
                **fields,
            )
        except services.StaleSectionError as exc:
            form, formset, context["current"] = _conflict(request, exc)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            section.plan = selectors.get_plan(request.user, section.plan_id)
            return _card(request, section, changed=True)
    context.update(form=form, formset=formset)
    return render(request, "plans/_plan_section_form.html", context)


def _conflict(request, exc):
    """The editor again after a colleague's save: what the user typed (nothing lost), the
    reason, the section as it now is; saving again replaces it (the form now carries the
    current version)."""
    current = exc.section
    data = request.POST.copy()
    data[f"s{current.pk}-version"] = str(current.version)
    form, formset = forms.section_forms(current, data)
    forms.section_valid(form, formset)
    form.add_error(None, exc.message)
    part = {s.key: s for s in build_outline(current.plan).sections}.get(f"s{current.pk}")
    return form, formset, part


def _sections_fragment(request, plan: Plan):
    context = _detail_context(request, plan)
    return _changed(render(request, "plans/_plan_sections.html", context))


def _after_change(request, plan: Plan):
    if request.htmx:
        return _sections_fragment(request, selectors.get_plan(request.user, plan.pk))
    return redirect("plan_detail", plan.pk)


@login_required
@require_POST
def section_add(request, pk: int):
    plan = selectors.get_plan(request.user, pk)
    require(perms.can_edit_plan(request.user, plan))
    form = forms.AddSectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chọn loại mục cần thêm.")
        return redirect("plan_detail", plan.pk)
    try:
        services.add_section(plan=plan, by=request.user, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, exc.message)
    return _after_change(request, plan)


@login_required
@require_POST
def section_move(request, pk: int, direction: str):
    if direction not in ("len", "xuong"):
        raise Http404
    section = selectors.get_section(request.user, pk)
    require(perms.can_edit_plan(request.user, section.plan))
    try:
        services.move_section(
            section=section, by=request.user, step=-1 if direction == "len" else 1
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    return _after_change(request, section.plan)


@login_required
@require_POST
def section_delete(request, pk: int):
    section = selectors.get_section(request.user, pk)
    require(perms.can_edit_plan(request.user, section.plan))
    try:
        services.delete_section(section=section, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    return _after_change(request, section.plan)


@login_required
@require_POST
def sections_reorder(request, pk: int):
    plan = selectors.get_plan(request.user, pk)
    require(perms.can_edit_plan(request.user, plan))
    try:
        ids = [int(i) for i in request.POST.getlist("ids")]
        services.reorder_sections(plan=plan, by=request.user, ids=ids)
    except (ValueError, DomainError) as exc:
        message = exc.message if isinstance(exc, DomainError) else "Thứ tự không hợp lệ."
        return HttpResponse(message, status=400)
    return _after_change(request, plan)


# A repeated click on a workflow button (double-click, a second tab): the plan is already where
# the button leads. For who could have pressed it (the predicate on the plan as it was before),
# the answer is the plan's current state with a message, not a refusal.
# action name -> (state it leads to, state it comes from, predicate)
REPEATABLE = {
    "submit": (PlanStatus.PENDING_APPROVAL, PlanStatus.DRAFT, perms.can_edit_plan),
    "approve": (PlanStatus.APPROVED, PlanStatus.PENDING_APPROVAL, perms.can_review_plan),
    "return": (PlanStatus.RETURNED, PlanStatus.PENDING_APPROVAL, perms.can_return_plan),
    "issue": (PlanStatus.ISSUED, PlanStatus.APPROVED, perms.can_issue_plan),
    "amend": (PlanStatus.DRAFT, PlanStatus.ISSUED, perms.can_amend_plan),
}


def _already_done(user, plan: Plan, repeat: str) -> bool:
    reached, came_from, predicate = REPEATABLE[repeat]
    if plan.status != reached or (repeat == "amend" and not plan.amendment):
        return False
    return predicate(user, plan_as_if(plan=plan, status=came_from))


def _state_message(plan: Plan) -> str:
    state = f"“{plan.get_status_display()}”"
    if plan.status == PlanStatus.ISSUED and plan.number:
        state += f", số {plan.number}/{plan.type_code} ngày {plan.issued_on:%d/%m/%Y}"
    return f"Kế hoạch đã ở trạng thái {state}: thao tác này đã được thực hiện trước đó."


def _workflow(request, pk: int, action, success: str, *, repeat: str, **kwargs):
    plan = selectors.get_plan(request.user, pk)
    try:
        action(plan=plan, by=request.user, **kwargs)
    except DomainError as exc:
        current = selectors.get_plan(request.user, pk)
        if _already_done(request.user, current, repeat):
            messages.info(request, _state_message(current))
        elif isinstance(exc, PermissionDeniedError):
            raise PermissionDenied(exc.message) from exc
        else:
            messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect("plan_detail", plan.pk)


@login_required
@require_POST
def plan_submit(request, pk: int):
    response = _workflow(
        request, pk, services.submit_plan, "Đã gửi kế hoạch để lãnh đạo duyệt.", repeat="submit"
    )
    plan = selectors.get_plan(request.user, pk)
    if plan.status == PlanStatus.PENDING_APPROVAL and not services.approvers(plan):  # nobody
        messages.warning(
            request,
            "Chưa có ai giữ vai trò Lãnh đạo tại đơn vị tổ chức hoặc cấp trên để duyệt kế hoạch "
            "này, nên chưa ai nhận được thông báo. Hãy đề nghị quản trị gán vai trò Lãnh đạo.",
        )
    return response


@login_required
@require_POST
def plan_approve(request, pk: int):
    return _workflow(request, pk, services.approve_plan, "Đã duyệt kế hoạch.", repeat="approve")


@login_required
@require_POST
def plan_check(request, pk: int):
    """The drafting office's leader passes the sent plan to the organiser's leader."""
    form = forms.CheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ý kiến khi trình dài quá 5.000 ký tự.")
        return redirect("plan_review", pk)
    plan = selectors.get_plan(request.user, pk)
    try:
        services.check_plan(plan=plan, by=request.user, comment=form.cleaned_data["comment"])
    except PermissionDeniedError as exc:
        if plan.reviewed_at is not None or plan.status != PlanStatus.PENDING_APPROVAL:
            messages.info(request, "Kế hoạch đã được kiểm tra hoặc đã chuyển bước trước đó.")
            return redirect("plan_detail", plan.pk)
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã kiểm tra và trình lãnh đạo duyệt kế hoạch.")
    return redirect("plan_detail", plan.pk)


@login_required
@require_POST
def plan_return(request, pk: int):
    form = forms.ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Cần ghi lý do trả lại để cán bộ biết việc cần sửa.")
        return redirect("plan_review", pk)
    return _workflow(
        request,
        pk,
        services.return_plan,
        "Đã trả lại kế hoạch để sửa.",
        repeat="return",
        comment=form.cleaned_data["comment"],
    )


@login_required
@require_POST
def plan_issue(request, pk: int):
    form = forms.IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ngày ban hành không hợp lệ.")
        return redirect("plan_detail", pk)
    return _workflow(
        request,
        pk,
        services.issue_plan,
        "Đã ban hành kế hoạch.",
        repeat="issue",
        issued_on=form.cleaned_data["issued_on"],
    )


@login_required
@require_POST
def plan_amend(request, pk: int):
    return _workflow(
        request,
        pk,
        services.start_amendment,
        "Đã mở dự thảo sửa đổi, bổ sung kế hoạch.",
        repeat="amend",
    )


@login_required
def plan_review(request, pk: int):
    """The leader's page: what changed since the revision they last saw, comments, decision."""
    plan = selectors.get_plan(request.user, pk)
    review = selectors.review_for(plan, request.user)
    if review.revision is not None:
        services.mark_seen(plan=plan, user=request.user, revision=review.revision)
    sections = list(selectors.plan_sections(plan))
    context = {
        "plan": plan,
        "conference": plan.conference,
        "review": review,
        "comments": selectors.plan_comments(plan),
        "comment_form": forms.CommentForm(sections=sections),
        "return_form": forms.ReturnForm(),
        "check_form": forms.CheckForm(),
        **_flags(request.user, plan),
    }
    return render(request, "plans/plan_review.html", context)


@login_required
@require_POST
def plan_comment(request, pk: int):
    plan = selectors.get_plan(request.user, pk)
    sections = list(selectors.plan_sections(plan))
    form = forms.CommentForm(request.POST, sections=sections)
    if not form.is_valid():
        messages.error(request, "Cần nhập nội dung ý kiến.")
        return redirect("plan_review", plan.pk)
    section = next((s for s in sections if s.pk == form.cleaned_data["section"]), None)
    try:
        services.add_comment(
            plan=plan, by=request.user, text=form.cleaned_data["text"], section=section
        )
    except PermissionDeniedError as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã ghi ý kiến.")
    return redirect("plan_review", plan.pk)
