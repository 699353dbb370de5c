"""The composition screen: categories and their targets, conference-wide rules, the round,
live checks and the plan preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.views import form_error

from .. import permissions, selectors, services
from ..forms import CategoryForm, RoundForm, RuleForm, TargetForm
from .common import conference_for

MANAGE = permissions.can_manage_delegates


def _live_context(conference) -> dict:
    return {
        "conference": conference,
        "violations": selectors.check_composition(conference),
        "plan_lines": selectors.composition_for_plan(conference),
        "plan_rules": selectors.composition_rules_for_plan(conference),
    }


@login_required
def composition(request, conference_pk: int):
    conference = conference_for(request, conference_pk)
    can_manage = MANAGE(request.user, conference)
    delegate_round = selectors.round_of(conference)
    context = {
        **_live_context(conference),
        "categories": selectors.category_rows(conference),
        "rules": list(conference.composition_rules.all()),
        "can_manage": can_manage,
        "rule_form": RuleForm(),
        "round_form": RoundForm(instance=delegate_round),
        "tab": "composition",
    }
    return render(request, "delegates/composition.html", context)


@login_required
def composition_checks(request, conference_pk: int):
    """The live panel (violations and plan preview), reloaded by HTMX after each change."""
    conference = conference_for(request, conference_pk)
    return render(request, "delegates/_live.html", _live_context(conference))


def _category_form_page(request, conference, category=None):
    form = CategoryForm(request.POST or None, instance=category, conference=conference)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_category(
                conference=conference, by=request.user, category=category, **form.cleaned_data
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Đã lưu thành phần đại biểu.")
            return redirect("delegates_composition", conference_pk=conference.pk)
    context = {"conference": conference, "form": form, "category": category}
    return render(request, "delegates/category_form.html", context)


@login_required
def category_create(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    return _category_form_page(request, conference)


@login_required
def category_edit(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    return _category_form_page(request, conference, selectors.get_category(conference, pk))


@login_required
@require_POST
def category_delete(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    category = selectors.get_category(conference, pk)
    try:
        services.delete_category(category=category, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã xóa thành phần “{category.title}”.")
    return redirect("delegates_composition", conference_pk=conference.pk)


@login_required
@require_POST
def category_target(request, conference_pk: int, pk: int):
    """HTMX: change a category's target in place; the live panel reloads after."""
    conference = conference_for(request, conference_pk, MANAGE)
    category = selectors.get_category(conference, pk)
    form = TargetForm(request.POST)
    error = ""
    if form.is_valid():
        fields = {
            name: getattr(category, name)
            for name in ("title", "parent", "order", "noun", "description", "is_honoree_category")
        }
        try:
            services.save_category(
                conference=conference,
                by=request.user,
                category=selectors.get_category(conference, pk),
                **fields,
                **form.cleaned_data,
            )
        except DomainError as exc:
            error = exc.message
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    row = next(c for c in selectors.category_rows(conference) if c.pk == category.pk)
    response = render(
        request,
        "delegates/_category_row.html",
        {"conference": conference, "c": row, "can_manage": True, "row_error": error},
    )
    response["HX-Trigger"] = "composition-changed"
    return response


@login_required
@require_POST
def rule_create(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    form = RuleForm(request.POST)
    if form.is_valid():
        try:
            services.save_rule(conference=conference, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Đã thêm quy định.")
    else:
        messages.error(request, "Quy định chưa hợp lệ: kiểm tra các số đã ghi.")
    return redirect("delegates_composition", conference_pk=conference.pk)


@login_required
@require_POST
def rule_delete(request, conference_pk: int, pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    services.delete_rule(rule=selectors.get_rule(conference, pk), by=request.user)
    messages.success(request, "Đã xóa quy định.")
    return redirect("delegates_composition", conference_pk=conference.pk)


@login_required
@require_POST
def round_edit(request, conference_pk: int):
    conference = conference_for(request, conference_pk, MANAGE)
    form = RoundForm(request.POST, instance=selectors.round_of(conference))
    if form.is_valid():
        services.set_round(conference=conference, by=request.user, **form.cleaned_data)
        messages.success(request, "Đã lưu hạn đăng ký và lưu ý.")
    else:
        messages.error(request, "Hạn đăng ký chưa hợp lệ.")
    return redirect("delegates_composition", conference_pk=conference.pk)
