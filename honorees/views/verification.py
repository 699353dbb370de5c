"""The public verification page (no login) and the office's pages after issue: codes,
revocation (thu hồi), reissue (cấp lại), handover (bàn giao) and the staff lookup (tra cứu)."""

from csp.decorators import csp_exempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from conferences.accounts import client_ip
from core.views import attempt, require
from documents.services import official_signed_copy

from .. import permissions, selectors, services
from ..documents_data import verify_url
from ..forms import HandoverForm, LookupForm, ReissueForm, RevocationForm, VerifyCodeForm
from ..models import AwardLine, VerificationCode
from ..verification_codes import normalise_code

MINUTE = 60


def _limited(request) -> bool:
    """Count one lookup of the client's address; True past the limit for this minute."""
    per_minute = settings.VERIFICATION_LOOKUPS_PER_MINUTE
    address = client_ip(request)
    return is_ratelimited(
        request,
        group="verification",
        key=lambda _group, _request: address,
        rate=(per_minute, MINUTE),
        increment=True,
    )


def _too_many(request):
    return render(request, "honorees/verify_429.html", status=429)


def _unknown(request):
    """The same page for an unknown code, a guessed one and an unpublished decision."""
    return render(request, "honorees/verify_404.html", {"form": VerifyCodeForm()}, status=404)


def verify_form(request):
    """Type a code (or arrive with ?ma=): goes to the code's page."""
    form = VerifyCodeForm(request.GET or None)
    if form.is_valid():
        code = normalise_code(form.cleaned_data["ma"])
        if code:
            return redirect("honorees:verify_code", code=code)
    return render(request, "honorees/verify_form.html", {"form": form})


def verify_code(request, code: str):
    if _limited(request):
        return _too_many(request)
    found = selectors.published_code(code)
    if found is None:
        return _unknown(request)
    if found.code != code:
        return redirect("honorees:verify_code", code=found.code)
    services.count_verification(code=found)
    context = {
        "v": selectors.public_verification(found),
        "url": verify_url(found),
        "signed": None if found.line_id else official_signed_copy(found.decision),
    }
    return render(request, "honorees/verify.html", context)


def verify_signed(request, code: str):
    """The decision's official file, the signed copy the office uploaded and the server
    validated, for anyone holding the decision's code (publication on)."""
    if _limited(request):
        return _too_many(request)
    found = selectors.published_code(code)
    signed = official_signed_copy(found.decision) if found and not found.line_id else None
    if signed is None:
        return _unknown(request)
    return FileResponse(
        signed.file.open("rb"), as_attachment=True, filename=signed.filename,
        content_type="application/pdf",
    )  # fmt: skip


@csp_exempt()
def verify_image(request, code: str):
    """The certificate as issued, a PNG rendered on the first request and kept. An image
    (no script can run in it): no Content-Security-Policy, whose style rule only stops the
    browser's own viewer from centring the image when the PNG is opened by itself."""
    if _limited(request):
        return _too_many(request)
    found = selectors.published_code(code)
    if found is None or not found.line_id:
        return _unknown(request)
    if not found.image:
        from documents.services import certificate_png

        png = certificate_png(code=found)
        if png is None:
            raise Http404
        found.image.save(f"{found.code}.png", ContentFile(png), save=False)
        VerificationCode.objects.filter(pk=found.pk).update(image=found.image.name)
    response = FileResponse(found.image.open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


# --- The office: after issue ---------------------------------------------------------------------
def _issued(request, pk: int):
    decision = selectors.get_decision(request.user, pk)
    require(permissions.can_manage_issued_awards(request.user, decision))
    return decision


@login_required
def decision_awards(request, pk: int):
    """Codes, handover, reissue and revocation of an issued decision's certificates."""
    decision = _issued(request, pk)
    code = selectors.decision_code(decision)
    rows = selectors.handover_rows(decision)
    context = {
        "decision": decision,
        "round": decision.round,
        "decision_code": code,
        "decision_url": verify_url(code) if code else "",
        "rows": rows,
        "reissue_forms": [
            (row, ReissueForm(auto_id=f"id_reissue{row.line.pk}_%s"))
            for row in rows
            if not row.line.revocation_id
        ],
        "revocations": decision.revocations.all(),
        "revoke_form": RevocationForm(decision=decision, auto_id="id_revoke_%s"),
        "handover_form": HandoverForm(decision=decision),
    }
    return render(request, "honorees/decision_awards.html", context)


def _back(pk: int):
    return redirect("honorees:decision_awards", pk=pk)


@login_required
@require_POST
def decision_publication(request, pk: int):
    decision = _issued(request, pk)
    publish = request.POST.get("publish") == "1"
    attempt(
        request,
        lambda: services.set_verification_publication(
            decision=decision, by=request.user, publish=publish
        ),
        "Đã bật trang xác minh công khai." if publish else "Đã tắt trang xác minh công khai.",
    )
    return _back(pk)


@login_required
@require_POST
def decision_revoke(request, pk: int):
    decision = _issued(request, pk)
    form = RevocationForm(request.POST, decision=decision)
    if not form.is_valid():
        messages.error(request, "Hãy chọn người bị thu hồi và ghi đủ số, ngày, người ký, lý do.")
        return _back(pk)
    data = form.cleaned_data
    attempt(
        request,
        lambda: services.revoke_awards(
            decision=decision,
            lines=list(data["lines"]),
            by=request.user,
            number=data["number"],
            date=data["date"],
            issuer=data["issuer"],
            reason=data["reason"],
        ),
        "Đã ghi quyết định thu hồi; trang xác minh của những người này ghi “Đã thu hồi”.",
    )
    return _back(pk)


@login_required
@require_POST
def line_reissue(request, pk: int, line_pk: int):
    decision = _issued(request, pk)
    line = get_object_or_404(AwardLine, decision=decision, pk=line_pk)
    form = ReissueForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy chọn lý do cấp lại.")
        return _back(pk)
    attempt(
        request,
        lambda: services.reissue_certificate(
            line=line,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        ),
        "Đã ghi cấp lại giấy với mã xác minh mới; hãy in lại giấy của người này.",
    )
    return _back(pk)


@login_required
@require_POST
def decision_handover(request, pk: int):
    decision = _issued(request, pk)
    form = HandoverForm(request.POST, decision=decision)
    if not form.is_valid():
        messages.error(request, "Hãy chọn giấy khen đã bàn giao.")
        return _back(pk)
    attempt(
        request,
        lambda: services.record_handover(
            decision=decision,
            certificates=list(form.cleaned_data["certificates"]),
            by=request.user,
            handed_to=form.cleaned_data["handed_to"],
        ),
        "Đã ghi bàn giao giấy khen.",
    )
    return _back(pk)


@login_required
def checkin_handover(request, source_key: str):
    """From the check-in desk: the certificate of an honoured delegate, and the button that
    records its handover. `source_key` is the delegate's "honorees.nomination:<pk>"."""
    prefix = "honorees.nomination:"
    if not source_key.startswith(prefix) or not source_key[len(prefix) :].isdigit():
        raise Http404
    line = get_object_or_404(
        AwardLine.objects.filter(
            decision__in=selectors.visible_decisions(request.user)
        ).select_related("nomination", "award_form", "decision", "revocation"),
        nomination_id=int(source_key[len(prefix) :]),
    )
    decision = line.decision
    allowed = permissions.can_manage_issued_awards(request.user, decision)
    row = next((r for r in selectors.handover_rows(decision) if r.line.pk == line.pk), None)
    back = request.GET.get("next") or request.POST.get("next") or ""
    if not back.startswith("/") or back.startswith("//"):
        back = ""
    if request.method == "POST":
        require(allowed and row is not None)
        if row.certificate.handed_at is None:
            attempt(
                request,
                lambda: services.record_handover(
                    decision=decision, certificates=[row.certificate], by=request.user
                ),
                f"Đã ghi: {line.nomination.display_name} đã nhận giấy khen.",
            )
        else:
            messages.info(request, "Giấy khen này đã được ghi bàn giao trước đó.")
        return redirect(back or reverse("honorees:checkin_handover", args=[source_key]))
    context = {"line": line, "row": row, "allowed": allowed, "back": back, "source_key": source_key}
    return render(request, "honorees/checkin_handover.html", context)


@login_required
def award_lookup(request):
    """Tra cứu khen thưởng: a person's awards in the user's office subtree, all years."""
    require(permissions.can_lookup_awards(request.user))
    form = LookupForm(request.GET or None)
    page = None
    if form.is_valid():
        data = form.cleaned_data
        found = selectors.lookup_awards(
            request.user, name=data["q"], birth_year=data["birth_year"], year=data["year"]
        )
        page = Paginator(found, 25).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "honorees/award_lookup.html", context)
