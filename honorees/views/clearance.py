"""Eligibility (the office's overrides and flags) and clearance requests (xác nhận, hiệp y):
the office's pages of a round, and the agency's pages on its phone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.outbox import StaleOutbox
from core.views import attempt, form_error, outbox_context, require

from .. import eligibility, permissions, selectors, services
from ..forms import ClearanceAnswerForm, ClearanceRequestForm, FlagsForm, OverrideForm, ResolveForm
from ..services.clearance import askable_agencies


def warn_eligibility(request, nomination) -> None:
    """After a nomination is sent: tell the unit what the checks found (sending is allowed;
    the council's approval waits until the office settles each finding)."""
    result = eligibility.check_nomination(nomination)
    for finding in result.blocking:
        messages.warning(
            request,
            f"Điều kiện chưa đạt: {finding.text} ({finding.source}). Hồ sơ vẫn được gửi; "
            "Hội đồng chỉ thông qua khi cơ quan thường trực xét vượt điều kiện có lý do.",
        )


# --- The office: overrides and flags -------------------------------------------------------------
@login_required
@require_POST
def nomination_override(request, pk: int):
    nomination = selectors.get_nomination(request.user, pk)
    require(permissions.can_override_eligibility(request.user, nomination))
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy ghi lý do vẫn đưa ra Hội đồng xét.")
    else:
        attempt(
            request,
            lambda: services.override_eligibility(
                nomination=nomination, by=request.user, **form.cleaned_data
            ),
            "Đã ghi xét vượt điều kiện và lý do.",
        )
    return redirect("honorees:nomination_detail", pk=pk)


@login_required
@require_POST
def override_withdraw(request, pk: int):
    """Take back an override ("Bỏ xét vượt"): the check blocks the dossier again."""
    override = selectors.get_override(request.user, pk)
    require(permissions.can_override_eligibility(request.user, override.nomination))
    attempt(
        request,
        lambda: services.withdraw_override(override=override, by=request.user),
        "Đã bỏ xét vượt điều kiện; điều kiện này lại ngăn hồ sơ cho tới khi đạt hoặc được xét "
        "vượt lại.",
    )
    return redirect("honorees:nomination_detail", pk=override.nomination_id)


@login_required
@require_POST
def nomination_flags(request, pk: int):
    nomination = selectors.get_nomination(request.user, pk)
    require(permissions.can_record_flags(request.user, nomination))
    form = FlagsForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ngày hết thời hạn kỷ luật không hợp lệ.")
    else:
        attempt(
            request,
            lambda: services.record_nominee_flags(
                nomination=nomination, by=request.user, **form.cleaned_data
            ),
            "Đã cập nhật tình trạng của người được đề nghị.",
        )
    return redirect("honorees:nomination_detail", pk=pk)


# --- The office: a round's clearance requests ----------------------------------------------------
@login_required
def clearance_list(request, pk: int):
    """The round's requests: which agencies have answered, which are late; the form that
    composes a request (it opens the preview of its letters, clearance_send)."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    can_manage = permissions.can_manage_clearance(request.user, round)
    context = {
        "round": round,
        "conference": round.conference,
        "requests": selectors.round_clearance_requests(round),
        "form": ClearanceRequestForm(agencies=askable_agencies(round)),
        "can_manage": can_manage,
    }
    return render(request, "honorees/clearance_list.html", context)


@login_required
def clearance_send(request, pk: int):
    """GET: the request composed (agencies, deadline, note in the query) and its letters
    previewed, one per agency. POST: create the requests and send the letters, with the count
    and the fingerprint the preview showed; a stale preview sends nothing and is shown again."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_manage_clearance(request.user, round))
    posted = request.method == "POST"
    composed = posted or "agencies" in request.GET or "deadline" in request.GET
    data = (request.POST if posted else request.GET) if composed else None
    form = ClearanceRequestForm(data, agencies=askable_agencies(round))
    outbox = None
    if form.is_valid() and posted:
        try:
            _requests, report = services.request_clearance(
                round=round,
                by=request.user,
                count=request.POST.get("count", ""),
                fingerprint=request.POST.get("fingerprint", ""),
                **form.cleaned_data,
            )
        except StaleOutbox as exc:
            messages.error(request, exc.message)
        except DomainError as exc:
            form_error(form, exc)
        else:
            _report_clearance(request, report)
            return redirect("honorees:clearance_list", pk=pk)
    if form.is_valid():
        try:
            outbox = services.clearance_outbox(round=round, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
    context = outbox_context(
        request,
        outbox,
        round=round,
        conference=round.conference,
        form=form,
        outbox_title="Gửi đề nghị cho ý kiến đến các cơ quan",
        recipient_kind="cơ quan",
        confirm_url=request.path,
        back_url=reverse("honorees:clearance_list", kwargs={"pk": pk}),
        keep=_composed(form) if outbox else (),
    )
    return render(request, "honorees/clearance_send.html", context)


def _composed(form) -> list[tuple[str, str]]:
    """The composing form's values, carried by the letter select and the confirm form."""
    data = form.cleaned_data
    return [
        *(("agencies", str(agency.pk)) for agency in data["agencies"]),
        ("deadline", data["deadline"].isoformat()),
        ("note", data["note"]),
    ]


def _report_clearance(request, report) -> None:
    """The honest report: agencies that got the letter, those with nobody to receive it."""
    messages.success(
        request,
        f"Đã gửi đề nghị cho ý kiến: {report.letters} cơ quan đã nhận thư "
        f"({report.emails} thư điện tử tới đầu mối của các cơ quan).",
    )
    if report.unreached:
        names = ", ".join(letter.recipient for letter in report.unreached)
        messages.warning(
            request,
            f"{len(report.unreached)} cơ quan chưa có tài khoản nhận thư: {names}. Đề nghị "
            "đã được ghi; hãy gửi văn bản (bản giấy) hoặc giao tài khoản cho cán bộ của cơ "
            "quan để trả lời trên trang.",
        )


@login_required
def clearance_detail(request, pk: int):
    """One request with an answer card per nominee: the agency answers, the office resolves."""
    clearance = selectors.get_clearance_request(request.user, pk)
    require(permissions.can_view_clearance_request(request.user, clearance))
    answers = list(selectors.clearance_answers(clearance))
    for answer in answers:
        answer.request = clearance
        answer.can_answer = permissions.can_answer_clearance(request.user, answer)
        answer.can_resolve = permissions.can_resolve_clearance(request.user, answer)
        # One <form> per answer: the fields need no prefix (radio groups are per form).
        answer.form = ClearanceAnswerForm(
            initial={"objects": "1" if answer.reason else "0", "reason": answer.reason}
        )
    context = {
        "clearance": clearance,
        "round": clearance.round,
        "answers": answers,
        "office": permissions.can_view_round_office(request.user, clearance.round),
        "resolve_form": ResolveForm(),
    }
    return render(request, "honorees/clearance_detail.html", context)


@login_required
@require_POST
def clearance_answer(request, pk: int):
    answer = selectors.get_clearance_answer(request.user, pk)
    require(permissions.can_answer_clearance(request.user, answer))
    form = ClearanceAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy chọn ý kiến.")
    else:
        attempt(
            request,
            lambda: services.answer_clearance(answer=answer, by=request.user, **form.cleaned_data),
            f"Đã ghi ý kiến về {answer.nomination.display_name}.",
        )
    return redirect("honorees:clearance_detail", pk=answer.request_id)


@login_required
@require_POST
def clearance_resolve(request, pk: int):
    answer = selectors.get_clearance_answer(request.user, pk)
    require(permissions.can_resolve_clearance(request.user, answer))
    form = ResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy ghi kết quả xử lý ý kiến.")
    else:
        attempt(
            request,
            lambda: services.resolve_clearance(answer=answer, by=request.user, **form.cleaned_data),
            "Đã ghi kết quả xử lý ý kiến.",
        )
    return redirect("honorees:clearance_detail", pk=answer.request_id)


# --- The agency ------------------------------------------------------------------------------------
@login_required
def clearance_inbox(request):
    """The agency reporter's requests, newest deadline first, with what is left to answer."""
    requests = selectors.reporter_clearance_requests(request.user)
    return render(request, "honorees/clearance_inbox.html", {"requests": requests})
