from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from core.errors import DomainError, PermissionDeniedError
from core.extensions import conference_links
from core.importing import XLSX_CONTENT_TYPE, export_xlsx
from core.views import attempt, form_error, require
from core.web import require_valid_filter

from . import health, official_units, permissions, review_chain, selectors, services
from .activity import readable_changes
from .filters import ActivityFilter
from .forms import (
    AddRoleForm,
    ConferenceForm,
    DraftingForForm,
    NewUserForm,
    OfficialUnitsForm,
    UnitForm,
    UnitMoveForm,
    XlsxUploadForm,
    run_upload,
)
from .home import home_panels
from .models import Membership, Unit
from .resources import UnitResource


@require_GET
def healthz(request):
    """200 when the database, the broker and the media folder work; 503 naming what does not."""
    checks = health.run_checks()
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )


@login_required
def home(request):
    """Each role's to-do list; what came in since the previous visit is marked new (the
    providers read `home_seen_at` before it moves to now)."""
    panels = home_panels(request.user)
    response = render(request, "conferences/home.html", {"panels": panels})
    services.mark_home_seen(user=request.user)
    return response


# --- Units ------------------------------------------------------------------------------------
UNIT_LIST_LIMIT = 200


@login_required
def unit_list(request):
    """The tree's tops and their children (deeper levels open on demand), or the units that
    match a search (the first UNIT_LIST_LIMIT)."""
    query = request.GET.get("q", "").strip()
    if query:
        found = list(selectors.search_units(request.user, query=query)[: UNIT_LIST_LIMIT + 1])
        units, more = found[:UNIT_LIST_LIMIT], len(found) > UNIT_LIST_LIMIT
    else:
        units, more = selectors.tree_rows(request.user), False
    context = {
        "units": units,
        "more": more,
        "limit": UNIT_LIST_LIMIT,
        "query": query,
        "can_import": permissions.can_import_units(request.user),
        "can_load_official": request.user.is_superuser,
    }
    return render(request, "conferences/unit_list.html", context)


@login_required
@require_GET
def unit_children(request, pk: int):
    """HTMX: the rows of a unit's children, to put under its row in the tree."""
    unit = selectors.get_unit(request.user, pk)
    children = selectors.unit_children(unit)
    return render(request, "conferences/_unit_rows.html", {"units": children})


@login_required
@require_GET
def unit_search(request):
    """HTMX: units to choose from for a search field (conferences.widgets.UnitSearchWidget),
    in the user's world and under `trong` (a unit id; the unit itself with `goc=1`)."""
    within = request.GET.get("trong", "")
    root = selectors.get_unit(request.user, int(within)) if within.isdigit() else None
    found = selectors.unit_suggestions(
        request.user,
        query=request.GET.get("tim_don_vi", ""),
        within=root,
        include_root=request.GET.get("goc") == "1",
    )
    context = {
        "units": found[: selectors.UNIT_SEARCH_LIMIT],
        "more": len(found) > selectors.UNIT_SEARCH_LIMIT,
        "short": len(request.GET.get("tim_don_vi", "").strip()) < 2,
    }
    return render(request, "conferences/_unit_search_results.html", context)


@login_required
def unit_detail(request, pk: int):
    unit = selectors.get_unit(request.user, pk)
    can_see_members = permissions.can_view_unit_members(request.user, unit)
    members = list(selectors.unit_members(unit)) if can_see_members else None
    can_manage_members = permissions.can_manage_members(request.user, unit)
    context = {
        "unit": unit,
        "ancestors": Unit.objects.get_ancestors(unit),
        "children": Unit.objects.get_children(unit),
        "members": members,
        "locked": selectors.locked_out_usernames(m.user.username for m in members)
        if members and can_manage_members
        else set(),
        "can_manage": permissions.can_manage_unit(request.user, unit),
        "can_manage_members": can_manage_members,
        "drafting_form": _drafting_form(request.user, unit),
    }
    return render(request, "conferences/unit_detail.html", context)


def _drafting_form(user, unit: Unit, data=None) -> DraftingForForm | None:
    """The "tham mưu cho" choice, for an office whose organisers above the user manages."""
    if unit.is_organiser or not permissions.can_manage_unit(user, unit):
        return None
    candidates = [
        u for u in review_chain.candidate_organisers(unit) if permissions.can_manage_unit(user, u)
    ]
    if not candidates and unit.drafting_for_id is None:
        return None
    return DraftingForForm(data, candidates=candidates, initial={"organiser": unit.drafting_for})


@login_required
@require_POST
def unit_drafting_for(request, pk: int):
    unit = selectors.get_unit(request.user, pk)
    form = _drafting_form(request.user, unit, request.POST)
    require(form is not None)
    if not form.is_valid():
        messages.error(request, "Hãy chọn một Ủy ban nhân dân cấp trên của đơn vị.")
    else:
        organiser = form.cleaned_data["organiser"]
        attempt(
            request,
            lambda: services.set_drafting_for(unit=unit, organiser=organiser, by=request.user),
            f"{unit.name} tham mưu cho {organiser.name}."
            if organiser
            else f"{unit.name} không còn tham mưu cho cơ quan tổ chức nào.",
        )
    return redirect("unit_detail", pk=unit.pk)


@login_required
def unit_create(request, parent_pk: int):
    parent = selectors.get_unit(request.user, parent_pk)
    require(permissions.can_manage_unit(request.user, parent))
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.create_unit(parent=parent, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"Đã thêm đơn vị {unit.name}.")
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "conferences/unit_form.html", {"form": form, "parent": parent})


@login_required
def unit_edit(request, pk: int):
    unit = selectors.get_unit(request.user, pk)
    require(permissions.can_manage_unit(request.user, unit))
    can_deactivate = permissions.can_deactivate_unit(request.user, unit)
    form = UnitForm(request.POST or None, instance=unit, can_deactivate=can_deactivate)
    if request.method == "POST" and form.is_valid():
        try:
            fresh = selectors.get_unit(request.user, pk)
            services.update_unit(unit=fresh, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Đã lưu thông tin đơn vị.")
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "conferences/unit_form.html", {"form": form, "unit": unit})


@login_required
def unit_move(request, pk: int):
    unit = selectors.get_unit(request.user, pk)
    require(permissions.can_manage_unit(request.user, unit))
    units = selectors.visible_units(request.user)
    form = UnitMoveForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_unit(unit=unit, parent=form.cleaned_data["parent"], by=request.user)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"Đã chuyển {unit.name} về {form.cleaned_data['parent']}.")
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "conferences/unit_move.html", {"form": form, "unit": unit})


@login_required
def unit_import(request):
    require(permissions.can_import_units(request.user))
    form = XlsxUploadForm(request.POST or None, request.FILES or None)
    upload = run_upload(request, form, kind="units", params={})
    if upload.job:
        return redirect(upload.job)
    report = upload.report
    if upload.confirmed and report.ok:
        messages.success(
            request, f"Đã nhập {report.new} đơn vị mới, cập nhật {report.updated} đơn vị."
        )
        return redirect("unit_list")
    return render(
        request,
        "conferences/unit_import.html",
        {"form": form, "report": report, "preview": upload.preview, "held": upload.held},
    )


@login_required
def official_units_load(request):
    """The system administrator creates a province's communes from the official register."""
    require(request.user.is_superuser)
    form = OfficialUnitsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = official_units.load_official_units(
                province_code=form.cleaned_data["province"], by=request.user
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"{report.province.name}: {report.summary}.")
            return redirect("unit_detail", pk=report.province.pk)
    return render(request, "conferences/official_units.html", {"form": form})


@login_required
def unit_export(request, pk: int):
    unit = selectors.get_unit(request.user, pk)
    require(permissions.can_view_unit_members(request.user, unit))
    dataset = UnitResource(root=unit).export()
    response = HttpResponse(export_xlsx(dataset, sheet="Đơn vị"), content_type=XLSX_CONTENT_TYPE)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="don-vi-{unit.code}-{stamp}.xlsx"'
    return response


@login_required
def unit_template(request):
    dataset = UnitResource(root=None).export(queryset=selectors.visible_units(request.user).none())
    response = HttpResponse(export_xlsx(dataset, sheet="Đơn vị"), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-don-vi.xlsx"'
    return response


# --- Members ------------------------------------------------------------------------------------
@login_required
def member_add(request, pk: int):
    unit = selectors.get_unit(request.user, pk)
    require(permissions.can_manage_members(request.user, unit))
    roles = permissions.grantable_roles(request.user, unit)
    new_data = request.POST if "create" in request.POST else None
    new_form = NewUserForm(new_data, prefix="new", roles=roles)
    role_data = request.POST if "grant" in request.POST else None
    role_form = AddRoleForm(role_data, prefix="role", roles=roles)
    if new_form.is_bound and new_form.is_valid():
        try:
            user = services.create_user(unit=unit, by=request.user, **new_form.cleaned_data)
        except DomainError as exc:
            form_error(new_form, exc)
        else:
            messages.success(request, f"Đã tạo tài khoản {user.username}.")
            return redirect("unit_detail", pk=unit.pk)
    if role_form.is_bound and role_form.is_valid():
        data = role_form.cleaned_data
        try:
            services.add_member(
                unit=unit,
                user=data["username"],
                role=data["role"],
                position=data["position"],
                by=request.user,
            )
        except DomainError as exc:
            form_error(role_form, exc)
        else:
            messages.success(request, "Đã giao vai trò.")
            return redirect("unit_detail", pk=unit.pk)
    return render(
        request,
        "conferences/member_add.html",
        {"unit": unit, "new_form": new_form, "role_form": role_form},
    )


@login_required
@require_POST
def membership_remove(request, pk: int):
    membership = get_object_or_404(
        Membership.objects.select_related("unit", "user"),
        pk=pk,
        unit__in=selectors.visible_units(request.user),
    )
    try:
        services.remove_membership(membership=membership, by=request.user)
    except PermissionDeniedError as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Đã gỡ vai trò.")
    return redirect("unit_detail", pk=membership.unit_id)


@login_required
@require_POST
def member_unlock(request, pk: int):
    """Let a member locked out for wrong passwords log in again."""
    membership = get_object_or_404(
        Membership.objects.select_related("unit", "user"),
        pk=pk,
        unit__in=selectors.visible_units(request.user),
    )
    try:
        services.unlock_login(account=membership.user, unit=membership.unit, by=request.user)
    except PermissionDeniedError as exc:
        raise PermissionDenied from exc
    messages.success(request, f"Đã mở khóa đăng nhập cho {membership.user}.")
    return redirect("unit_detail", pk=membership.unit_id)


# --- Conferences ------------------------------------------------------------------------------
@login_required
def conference_list(request):
    sort = selectors.CONFERENCE_SORTS.read(request)
    context = {
        "conferences": sort.apply(selectors.visible_conferences(request.user)),
        "sort": sort,
        "can_create": permissions.can_create_conference(request.user),
    }
    return render(request, "conferences/conference_list.html", context)


@login_required
def conference_detail(request, pk: int):
    conference = selectors.get_conference(request.user, pk)
    context = {
        "conference": conference,
        "can_manage": permissions.can_manage_conference(request.user, conference),
        "links": conference_links(request.user, conference),
    }
    return render(request, "conferences/conference_detail.html", context)


@login_required
def conference_create(request):
    require(permissions.can_create_conference(request.user))
    form = ConferenceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            conference = services.create_conference(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"Đã thêm hội nghị {conference.title}.")
            return redirect("conference_detail", pk=conference.pk)
    return render(request, "conferences/conference_form.html", {"form": form})


@login_required
def conference_edit(request, pk: int):
    conference = selectors.get_conference(request.user, pk)
    require(permissions.can_manage_conference(request.user, conference))
    form = ConferenceForm(request.POST or None, user=request.user, conference=conference)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_conference(conference=conference, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Đã lưu thông tin hội nghị.")
            return redirect("conference_detail", pk=conference.pk)
    context = {"form": form, "conference": conference}
    return render(request, "conferences/conference_form.html", context)


# --- Activity log -------------------------------------------------------------------------------
@login_required
def activity_list(request):
    require(permissions.can_view_activity(request.user))
    entries = selectors.visible_activity(request.user)
    filterset = ActivityFilter(
        request.GET or None,
        queryset=entries,
        conferences=selectors.visible_conferences(request.user),
        actors=selectors.manageable_users(request.user),
    )
    require_valid_filter(filterset.form)
    sort = selectors.ACTIVITY_SORTS.read(request)
    page = Paginator(sort.apply(filterset.qs), 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.readable = readable_changes(entry)
    context = {"filter": filterset, "page": page, "sort": sort}
    return render(request, "conferences/activity_list.html", context)
