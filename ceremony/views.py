"""The pages of the ceremony: the script (groups, presenters, the MC's words), the honourees'
photos and stories, the slides (PowerPoint and in the browser) and the public honour board.
The PowerPoint file and the board's ZIP are made by the documents worker: their buttons ask
for them (documents.services.request_document) and open the document's page (progress)."""

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from core.errors import DomainError
from documents.services import request_document

from . import permissions, selectors, services
from .forms import GroupForm, ProfileForm, SettingForm
from .slides import deck


def _conference(request, conference_pk: int, *, edit: bool = False):
    conference = selectors.get_conference(request.user, conference_pk)
    allowed = (permissions.can_edit_ceremony if edit else permissions.can_view_ceremony)(
        request.user, conference
    )
    if not allowed:
        raise PermissionDenied
    return conference


@login_required
def ceremony_script(request, conference_pk: int):
    conference = _conference(request, conference_pk)
    setting = selectors.setting_of(conference)
    can_edit = permissions.can_edit_ceremony(request.user, conference)
    form = SettingForm(initial={"group_size": setting.group_size})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = SettingForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.update_ceremony_setting(
                    conference=conference,
                    by=request.user,
                    group_size=form.cleaned_data["group_size"],
                    background=form.cleaned_data["background"],
                    remove_background=form.cleaned_data["remove_background"],
                )
            except DomainError as exc:
                form.add_error("background" if exc.field else None, exc.message)
            else:
                messages.success(request, "Đã lưu thiết lập lễ trao thưởng.")
                return redirect("ceremony:script", conference_pk=conference.pk)
    lines = selectors.stage_lines(conference)
    groups = selectors.stage_groups(conference, lines)
    leaders = selectors.leaders(conference)
    for group in groups:
        group.form = GroupForm(
            initial={
                "presenter": group.presenter_id,
                "presenter_text": "" if group.presenter_id else group.presenter,
                "words": group.words,
            },
            leaders=leaders,
            prefix=f"g{group.number}",
        )
    context = {
        "conference": conference,
        "setting": setting,
        "form": form,
        "groups": groups,
        "can_edit": can_edit,
        "line_count": len(lines),
        "with_photo": sum(1 for line in lines if line.profile and line.profile.photo),
        "with_consent": sum(1 for line in lines if line.profile and line.profile.consent),
    }
    return render(request, "ceremony/script.html", context)


@login_required
@require_POST
def ceremony_group(request, conference_pk: int, number: int):
    conference = _conference(request, conference_pk, edit=True)
    form = GroupForm(request.POST, leaders=selectors.leaders(conference), prefix=f"g{number}")
    if not form.is_valid():
        messages.error(
            request, "Lượt trao thưởng: " + "; ".join(e for es in form.errors.values() for e in es)
        )
        return redirect("ceremony:script", conference_pk=conference.pk)
    try:
        services.update_group(
            conference=conference,
            number=number,
            by=request.user,
            presenter_id=form.cleaned_data["presenter"],
            presenter_text=form.cleaned_data["presenter_text"],
            words=form.cleaned_data["words"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã lưu lượt {number}.")
    return redirect(f"{_script_url(conference)}#luot-{number}")


def _script_url(conference) -> str:
    from django.urls import reverse

    return reverse("ceremony:script", kwargs={"conference_pk": conference.pk})


@login_required
@require_POST
def ceremony_regenerate(request, conference_pk: int, number: int):
    conference = _conference(request, conference_pk, edit=True)
    services.regenerate_words(conference=conference, number=number, by=request.user)
    messages.success(request, f"Đã tạo lại lời dẫn lượt {number} từ dữ liệu.")
    return redirect(f"{_script_url(conference)}#luot-{number}")


@login_required
def honouree_list(request, conference_pk: int):
    """The office sees every honouree; a submitting unit, its own ones (to add their photos)."""
    conference = selectors.get_conference(request.user, conference_pk)
    if not permissions.can_open_honourees(request.user, conference):
        raise PermissionDenied
    office = permissions.can_view_ceremony(request.user, conference)
    lines = selectors.stage_lines(conference)
    if not office:
        units = permissions.submitting_unit_ids(request.user)
        lines = [line for line in lines if line.nomination.unit_id in units]
    for line in lines:
        line.can_edit = permissions.can_edit_profile(request.user, conference, line)
    context = {"conference": conference, "lines": lines, "office": office}
    return render(request, "ceremony/honourees.html", context)


@login_required
def honouree_profile(request, conference_pk: int, line_pk: int):
    conference = selectors.get_conference(request.user, conference_pk)
    line = selectors.get_line(conference, line_pk)
    if not permissions.can_edit_profile(request.user, conference, line):
        raise PermissionDenied
    profile = line.profile
    initial = {}
    if profile is not None:
        initial = {
            "slide_line": profile.slide_line,
            "story": profile.story,
            "consent": profile.consent,
        }
    form = ProfileForm(initial=initial)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_profile(
                    conference=conference,
                    line=line,
                    by=request.user,
                    slide_line=data["slide_line"],
                    story=data["story"],
                    consent=data["consent"],
                    photo=data["photo"],
                    remove_photo=data["remove_photo"],
                )
            except DomainError as exc:
                form.add_error("photo" if exc.field else None, exc.message)
            else:
                messages.success(
                    request, f"Đã lưu thông tin vinh danh: {line.nomination.display_name}."
                )
                return redirect("ceremony:honourees", conference_pk=conference.pk)
    context = {
        "conference": conference,
        "line": line,
        "profile": profile,
        "form": form,
        "office": permissions.can_view_ceremony(request.user, conference),
    }
    return render(request, "ceremony/profile.html", context)


# A JPEG we re-encoded ourselves, sent with nosniff: no policy is needed for it, and a policy on
# it blocks the styles of the browser's own image viewer (console errors when opened alone).
@csp_exempt()
@require_GET
def honouree_photo(request, conference_pk: int, line_pk: int):
    """A photo: public once the honouree agreed to publication, else for the office and the
    unit that proposed the honouree."""
    conference = get_object_or_404(selectors.public_conferences(), pk=conference_pk)
    line = selectors.get_line(conference, line_pk)
    profile = line.profile
    if profile is None or not profile.photo:
        raise Http404
    if not (
        profile.consent
        or permissions.can_view_ceremony(request.user, conference)
        or permissions.can_edit_profile(request.user, conference, line)
    ):
        raise Http404
    response = FileResponse(profile.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=300"
    return response


@csp_exempt()
@login_required
def slides_background(request, conference_pk: int):
    conference = _conference(request, conference_pk)
    setting = selectors.setting_of(conference)
    if not setting.background:
        raise Http404
    return FileResponse(setting.background.open("rb"), content_type="image/jpeg")


def _request_file(request, conference_pk: int, kind: str, fmt: str):
    """Ask the worker for the file (the same data reuses the file made before) and open the
    document's page, which shows the progress and then the download."""
    conference = _conference(request, conference_pk)
    try:
        document = request_document(kind=kind, target=conference, fmt=fmt, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("ceremony:script", conference_pk=conference.pk)
    return redirect("document_detail", pk=document.pk)


@login_required
@require_POST
def slides_pptx(request, conference_pk: int):
    return _request_file(request, conference_pk, "ceremony_slides", "pptx")


@login_required
def slides_show(request, conference_pk: int):
    conference = _conference(request, conference_pk)
    slides, photos = deck(conference)
    context = {
        "conference": conference,
        "slides": slides,
        "photos": photos,
        "has_background": bool(selectors.setting_of(conference).background),
    }
    return render(request, "ceremony/slides.html", context)


def honour_board(request, conference_pk: int):
    """The public honour board: only the honourees who agreed to publication."""
    conference = get_object_or_404(selectors.public_conferences(), pk=conference_pk)
    entries = selectors.board_entries(conference)
    return render(request, "ceremony/board.html", {"conference": conference, "entries": entries})


@login_required
@require_POST
def board_export(request, conference_pk: int):
    return _request_file(request, conference_pk, "honour_board_zip", "zip")
