"""Seat allocation grid (categories x units) and the notice to units."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from core.errors import DomainError
from core.outbox import StaleOutbox
from core.views import outbox_context

from .. import permissions, selectors, services
from .common import conference_for, int_or_none

MANAGE = permissions.can_manage_delegates


def _posted_grid(post, categories, units) -> tuple[dict, list[str]]:
    """The seats typed in the part shown; a cell the form did not send is left as it is."""
    seats, bad = {}, []
    for c in categories:
        for u in units:
            name = f"seats-{c.pk}-{u.pk}"
            if name not in post:
                continue
            raw = post[name].strip()
            value = 0 if raw == "" else int_or_none(raw)
            if value is None or value < 0:
                bad.append(f"{u.label} — {c.title}: “{raw}”")
            else:
                seats[(c.pk, u.pk)] = value
    return seats, bad


def _other_part(part, post) -> bool:
    """The form was for a group (or page) the grid no longer has: nothing of it is saved."""
    asked = post.get("nhom", "")
    shown = str(part.group.unit.pk) if part.group else ""
    return asked != shown or (bool(asked) and post.get("trang", "1") != str(part.page))


def _part_query(part) -> str:
    if part.group is None:
        return ""
    query = f"?nhom={part.group.unit.pk}"
    return query + (f"&trang={part.page}" if part.page > 1 else "")


@login_required
def allocation(request, conference_pk: int):
    conference = conference_for(request, conference_pk)
    can_manage = MANAGE(request.user, conference)
    categories = selectors.category_rows(conference)
    source = request.POST if request.method == "POST" else request.GET
    part = selectors.allocation_part(
        conference,
        categories=len(categories),
        group_pk=source.get("nhom"),
        page=source.get("trang"),
    )
    units = part.units
    current = selectors.allocation_map(conference, units=units)
    if request.method == "POST" and can_manage:
        seats, bad = _posted_grid(request.POST, categories, units)
        if _other_part(part, request.POST):
            messages.error(request, "Nhóm đơn vị vừa sửa không còn trong bảng; hãy mở lại nhóm.")
        elif bad:
            messages.error(request, "Số đại biểu phải là số không âm: " + "; ".join(bad))
        else:
            try:
                changed = services.save_allocation_grid(
                    conference=conference, by=request.user, seats=seats
                )
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, f"Đã lưu phân bổ ({changed} ô thay đổi).")
                url = reverse("delegates_allocation", kwargs={"conference_pk": conference.pk})
                return redirect(url + _part_query(part))
        current = {**current, **seats}
    rows = [
        (
            u,
            [(c, current.get((c.pk, u.pk), 0)) for c in categories],
            sum(current.get((c.pk, u.pk), 0) for c in categories),
        )
        for u in units
    ]
    context = {
        "conference": conference,
        "categories": categories,
        "rows": rows,
        "part": part,
        "can_manage": can_manage,
        "delegate_round": selectors.round_of(conference),
        "violations": [
            v for v in selectors.check_composition(conference) if v.code == "allocation_over_target"
        ],
        "tab": "allocation",
        "audience": services.notice_audience(conference) if can_manage else None,
    }
    return render(request, "delegates/allocation.html", context)


@login_required
def allocation_notify(request, conference_pk: int):
    """GET: the preview of the allocation notice (every letter, who it reaches, the paper
    notice for units without an account). POST: send it, with the count and fingerprint the
    preview showed; a stale preview sends nothing and is shown again, fresh."""
    conference = conference_for(request, conference_pk, MANAGE)
    back = reverse("delegates_allocation", kwargs={"conference_pk": conference.pk})
    if request.method == "POST":
        try:
            report = services.notify_units(
                conference=conference,
                by=request.user,
                count=request.POST.get("count", ""),
                fingerprint=request.POST.get("fingerprint", ""),
            )
        except StaleOutbox as exc:
            messages.error(request, exc.message)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(back)
        else:
            _report_notice(request, report)
            return redirect(back)
    outbox = services.allocation_outbox(conference)
    if not outbox.letters:
        messages.error(request, "Chưa phân bổ đại biểu cho đơn vị nào.")
        return redirect(back)
    context = outbox_context(
        request,
        outbox,
        conference=conference,
        tab="allocation",
        delegate_round=selectors.round_of(conference),
        outbox_title="Gửi thông báo phân bổ đại biểu",
        recipient_kind="đơn vị",
        confirm_url=request.path,
        back_url=back,
        keep=(),
    )
    return render(request, "delegates/allocation_notify.html", context)


def _report_notice(request, report) -> None:
    """The honest report: how many units got the notice, which have nobody to receive it."""
    if report.sent:
        messages.success(
            request,
            f"{report.letters} đơn vị đã nhận thư thông báo phân bổ "
            f"({report.emails} thư điện tử tới cán bộ của các đơn vị).",
        )
    if report.unreached:
        names = ", ".join(letter.recipient for letter in report.unreached[:10])
        more = f" và {len(report.unreached) - 10} đơn vị khác" if len(report.unreached) > 10 else ""
        messages.warning(
            request,
            f"{len(report.unreached)} đơn vị chưa có tài khoản nhận thư: {names}{more}. "
            "Hãy in thông báo phân bổ (bản giấy) gửi các đơn vị này.",
        )
