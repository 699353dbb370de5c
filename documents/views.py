from pathlib import Path

from csp.constants import SELF
from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from conferences import selectors as conference_selectors
from core.errors import DomainError, PermissionDeniedError
from core.web import int_param, safe_next

from . import permissions, selectors, services
from .builders import get_builder
from .forms import CertificateSettingForm
from .models import CertificateSetting, GeneratedDocument
from .pdfutil import page_png

PREVIEW_PAGES = 2
# Builder params that carry a number (ids of a delegate category, a unit; a page count): a word
# there never comes from our pages and answers 400 instead of failing in a query.
NUMBER_PARAMS = {"category": "thành phần", "unit": "đơn vị", "preview": "số trang xem trước"}


def _params(request) -> dict:
    params = {k[6:]: v for k, v in request.POST.items() if k.startswith("param_")}
    for name, label in NUMBER_PARAMS.items():
        int_param(params.get(name), label=label)
    return params


def _preview_pages(document: GeneratedDocument) -> int:
    """Pages shown as images: the first two, or every page of a batch preview."""
    return max(PREVIEW_PAGES, int(document.params.get("preview") or 0))


@login_required
@require_POST
def document_request(request, kind: str, target_pk: int):
    builder = get_builder(kind)
    if builder is None:
        raise Http404
    target = get_object_or_404(builder.target_model, pk=target_pk)
    if not builder.can_request(request.user, target):
        raise Http404
    params = _params(request)
    try:
        document = services.request_document(
            kind=kind,
            target=target,
            fmt=request.POST.get("fmt", "pdf"),
            by=request.user,
            params=params,
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(safe_next(request, request.POST.get("back"), "home"))
    return redirect("document_detail", pk=document.pk)


def _viewed(request, pk: int) -> GeneratedDocument:
    """The document, after queueing it again if its worker died (the lease expired): whoever
    watches a stuck job sees it move within the lease, even without Celery beat."""
    document = selectors.get_document(request.user, pk)
    rendering = document.status == GeneratedDocument.Status.RENDERING
    if rendering and services.recover_stalled_documents(document_ids=[document.pk]):
        document = selectors.get_document(request.user, pk)
    return document


@login_required
def document_detail(request, pk: int):
    document = _viewed(request, pk)
    pages = range(1, _preview_pages(document) + 1) if document.fmt == "pdf" else ()
    context = {
        "document": document,
        "preview_pages": pages,
        "can_retry": permissions.can_retry_document(request.user, document),
        "official": services.official_copy_for_document(document),
    }
    return render(request, "documents/document_detail.html", context)


@login_required
def document_progress(request, pk: int):
    document = _viewed(request, pk)
    context = {
        "document": document,
        "can_retry": permissions.can_retry_document(request.user, document),
    }
    return render(request, "documents/_progress.html", context)


@login_required
def document_download(request, pk: int):
    document = selectors.get_document(request.user, pk)
    if document.status != GeneratedDocument.Status.READY:
        raise Http404
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@login_required
def document_preview(request, pk: int, page: int):
    document = selectors.get_document(request.user, pk)
    if (
        document.status != GeneratedDocument.Status.READY
        or document.fmt != "pdf"
        or page > _preview_pages(document)
    ):
        raise Http404
    try:
        png = page_png(Path(document.file.path), page)
    except Exception as exc:  # a page past the end, or poppler missing
        raise Http404 from exc
    if not png:
        raise Http404
    return HttpResponse(png, content_type="image/png")


@login_required
@require_POST
def document_retry(request, pk: int):
    document = selectors.get_document(request.user, pk)
    if not permissions.can_view_document(request.user, document):
        raise PermissionDenied
    try:
        document = services.retry_document(document=document, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("document_detail", pk=document.pk)


@login_required
def conference_documents(request, pk: int):
    conference = conference_selectors.get_conference(request.user, pk)
    documents = selectors.conference_documents(request.user, conference)[:100]
    return render(
        request,
        "documents/conference_documents.html",
        {"conference": conference, "documents": documents},
    )


@login_required
def certificate_settings(request, unit_pk: int, kind: str):
    organiser = conference_selectors.get_unit(request.user, unit_pk)
    if kind not in CertificateSetting.Kind.values:
        raise Http404
    if not permissions.can_edit_certificate_settings(request.user, organiser):
        raise PermissionDenied
    setting = selectors.certificate_setting_for(organiser, kind)
    form = CertificateSettingForm(request.POST or None, request.FILES or None, instance=setting)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.save_certificate_setting(
                setting=setting, fields=fields, offsets=form.offsets(), by=request.user
            )
        except PermissionDeniedError as exc:
            raise PermissionDenied from exc
        messages.success(request, "Đã lưu mẫu in. Bấm “In thử” để kiểm tra vị trí.")
        return redirect("certificate_settings", unit_pk=organiser.pk, kind=kind)
    context = {
        "organiser": organiser,
        "setting": setting,
        "form": form,
        "kind_label": CertificateSetting.Kind(kind).label,
        "kind": kind,
        "kinds": CertificateSetting.Kind.choices,
    }
    return render(request, "documents/certificate_settings.html", context)


@login_required
@require_GET
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def plan_preview(request, pk: int):
    """The plan laid out as it prints (same blocks and stylesheet as the PDF), for the editor's
    live preview beside the sections (a frame of the plan page: the one page allowed in a
    frame, of our own site only)."""
    from conferences.plans.selectors import get_plan

    from .builders.plans import plan_preview_html

    plan = get_plan(request.user, pk)
    outline = get_builder("plan").collect(plan, {})
    return HttpResponse(plan_preview_html(outline, nonce=str(request.csp_nonce)))


# --- signed copies ---------------------------------------------------------------------------
def _signed_target(request, kind: str, pk: int):
    from .signable import signable_for

    signable = signable_for(kind)
    if signable is None:
        raise Http404
    return signable, signable.get(request.user, pk)


@login_required
@require_POST
def signed_copy_upload(request, kind: str, pk: int):
    """The văn thư uploads the signed PDF of an issued plan or decision; the result shows in
    the "Bản ký số" section of its page."""
    signable, target = _signed_target(request, kind, pk)
    if not signable.can_upload(request.user, target):
        raise PermissionDenied
    try:
        copy = services.upload_signed_copy(
            target=target, upload=request.FILES.get("file"), by=request.user
        )
    except PermissionDeniedError as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if copy.is_valid:
            messages.success(request, "Bản ký số hợp lệ: đã thành bản chính thức của văn bản.")
        else:
            messages.warning(request, f"Bản ký số không hợp lệ, không dùng làm bản chính thức. "
                             f"Lý do: {copy.reason}")  # fmt: skip
    return redirect(signable.page_url(target) + "#ban-ky-so")


@login_required
def signed_official_download(request, kind: str, pk: int):
    """The official file: the valid signed copy of the current issue."""
    _signable, target = _signed_target(request, kind, pk)
    copy = services.official_signed_copy(target)
    if copy is None:
        raise Http404
    return FileResponse(copy.file.open("rb"), as_attachment=True, filename=copy.filename,
                        content_type="application/pdf")  # fmt: skip


@login_required
@require_GET
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def report_preview(request, conference_pk: int):
    """The summary report laid out as it prints, with its figures as they stand (frozen once
    issued), for the report editor's preview frame."""
    from core.views import require
    from reports.permissions import can_view_report
    from reports.selectors import get_report

    from .builders.plans import document_preview_html
    from .builders.reports import report_document

    report = get_report(request.user, conference_pk)
    require(can_view_report(request.user, report))
    outline = get_builder("summary_report").collect(report, {})
    return HttpResponse(
        document_preview_html(report_document(outline), nonce=str(request.csp_nonce))
    )
