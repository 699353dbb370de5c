"""The council's sitting: attendance, absent members' written votes, the number each award
form may honour, finalising the sitting, and printing its minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.views import attempt, form_error, paged, require
from core.web import int_param

from .. import council, permissions, selectors, services
from ..forms import SittingForm
from ..models import AwardForm, CouncilVote, Nomination, RoundAwardLimit

# Dossiers under review per page of the sitting (its written votes and its tallies): a round
# at province size holds thousands.
SITTING_PAGE = 100


def _initial(sitting) -> dict:
    if sitting is None:
        return {}
    return {
        "held_at": sitting.held_at,
        "place": sitting.place,
        "chair": sitting.chair_id,
        "secretary_name": sitting.secretary_name,
        "secretary_title": sitting.secretary_title,
        "present": list(sitting.present.values_list("pk", flat=True)),
    }


@login_required
def council_sitting(request, pk: int):
    """The office's page of the sitting; its POST records the sitting and the attendance."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    the_council = council.round_council(round)
    sitting = the_council.sitting
    can_record = permissions.can_record_sitting(request.user, round, sitting)
    posted = request.POST if request.method == "POST" else None
    form = SittingForm(posted, members=the_council.members, initial=_initial(sitting))
    if request.method == "POST":
        require(can_record)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["present"] = list(data["present"])
            try:
                services.save_sitting(round=round, by=request.user, **data)
            except DomainError as exc:
                form_error(form, exc)
            else:
                messages.success(request, "Đã ghi phiên họp Hội đồng.")
                return redirect("honorees:council_sitting", pk=pk)
    page = paged(
        request,
        selectors.round_nominations(round).filter(status=Nomination.Status.SUBMITTED),
        SITTING_PAGE,
    )
    tallies = council.round_tallies(round, the_council, only=list(page))
    context = {
        "round": round,
        "conference": round.conference,
        "council": the_council,
        "sitting": sitting,
        "form": form,
        "can_record": can_record,
        "can_write": permissions.can_enter_written_votes(request.user, round, sitting),
        "can_finalise": permissions.can_finalise_sitting(request.user, round, sitting),
        "can_set_limits": permissions.can_set_award_limits(request.user, round),
        "absent": _written_votes(the_council, tallies) if sitting else [],
        "tallies": tallies,
        "page": page,
        "limits": _limit_rows(round),
        "choices": CouncilVote.Choice.choices,
    }
    return render(request, "honorees/council_sitting.html", context)


def _written_votes(the_council, tallies) -> list[dict]:
    """Each absent member with the nominations under review on the page and the written vote
    entered."""
    nominations = [t.nomination for t in tallies]
    entered = {
        (v.member_id, v.nomination_id): v.choice
        for v in CouncilVote.objects.filter(
            nomination__in=nominations, member__in=the_council.absent, in_writing=True
        )
    }
    return [
        {
            "member": member,
            "rows": [
                {"nomination": n, "choice": entered.get((member.pk, n.pk), "")} for n in nominations
            ],
        }
        for member in the_council.absent
    ]


def _limit_rows(round) -> list[dict]:
    seats = dict(RoundAwardLimit.objects.filter(round=round).values_list("award_form_id", "seats"))
    return [
        {"form": form, "seats": seats.get(form.pk)}
        for form in round.allowed_forms.order_by("order", "name")
    ]


def _int_or_none(value: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > 10000:
        raise DomainError("Số lượng được khen phải là số nguyên không âm.")
    return int(value)


@login_required
@require_POST
def council_written_votes(request, pk: int):
    """The office enters one absent member's written votes (fields n<nomination id>)."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    member = next(
        (m for m in selectors.council_members(round) if str(m.pk) == request.POST.get("member")),
        None,
    )
    if member is None:
        messages.error(request, "Hãy chọn thành viên Hội đồng vắng mặt.")
        return redirect("honorees:council_sitting", pk=pk)
    choices = {
        int(key[1:]): value
        for key, value in request.POST.items()
        if key.startswith("n") and key[1:].isdigit()
    }
    attempt(
        request,
        lambda: services.record_written_votes(
            round=round, member=member, choices=choices, by=request.user
        ),
        f"Đã ghi phiếu bằng văn bản của {member}.",
    )
    page = int_param(request.POST.get("page"), label="trang")
    where = f"?page={page}" if page and page > 1 else ""
    return redirect(reverse("honorees:council_sitting", args=[pk]) + where)


@login_required
@require_POST
def round_award_limits(request, pk: int):
    """Số lượng được khen per award form of the round (fields seats_<form id>)."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    forms = {f.pk: f for f in round.allowed_forms.all()}

    def save():
        seats: dict[AwardForm, int | None] = {}
        for key, value in request.POST.items():
            if key.startswith("seats_") and key[6:].isdigit() and int(key[6:]) in forms:
                seats[forms[int(key[6:])]] = _int_or_none(value)
        services.set_award_limits(round=round, seats=seats, by=request.user)

    attempt(request, save, "Đã ghi số lượng được khen.")
    return redirect("honorees:council_sitting", pk=pk)


def _closed_note(user, round) -> str:
    """After a repeated click: the sitting was finalised by the first one."""
    if not permissions.can_manage_round(user, round):
        return ""
    sitting = selectors.get_sitting(round)
    closed = sitting is not None and sitting.closed_at is not None
    return "Phiên họp đã được chốt kết quả." if closed else ""


@login_required
@require_POST
def council_finalise(request, pk: int):
    """Finalise every nominee under review by the vote and the ranking; close the sitting."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    attempt(
        request,
        lambda: services.finalise_sitting(round=round, by=request.user),
        "Đã chốt kết quả phiên họp Hội đồng.",
        already=lambda: _closed_note(request.user, round),
    )
    return redirect("honorees:council_sitting", pk=pk)
