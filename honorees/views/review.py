from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.views import attempt, paged, require, xlsx_response
from core.web import int_param

from .. import council, eligibility, permissions, selectors, services
from ..council import kept_result
from ..excel import export_nominations
from ..forms import FinaliseForm
from ..models import CouncilVote

COUNCIL_PAGE = 50  # dossiers per page of the council's queue


@login_required
def council_list(request, pk: int):
    """A council member's queue: the submitted nominations and the member's own vote."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_council_page(request.user, round))
    page = paged(request, selectors.council_queue(round, request.user), COUNCIL_PAGE)
    nominations = eligibility.attach_results(round, list(page))
    for nomination in nominations:
        nomination.my_vote = nomination.my_votes[0] if nomination.my_votes else None
    context = {
        "round": round,
        "conference": round.conference,
        "nominations": nominations,
        "page": page,
        "can_vote": permissions.is_council_member(request.user, round),
        "absent_from_sitting": _absent_from_sitting(request.user, round),
        "choices": CouncilVote.Choice.choices,
    }
    return render(request, "honorees/council_list.html", context)


@login_required
@require_POST
def council_votes(request, pk: int):
    """The council page's one form: the opinions chosen on every card (or, with `only`, on one
    card), and with `default` the same opinion for every dossier the member has not answered.
    Comes back to the card voted on, so the member keeps their place."""
    round = selectors.get_round(request.user, pk)
    require(permissions.is_council_member(request.user, round))
    only = int_param(request.POST.get("only"), label="hồ sơ")
    default = request.POST.get("default", "")
    queue = selectors.council_queue(round, request.user)
    if not default:  # only the cards posted: a province's queue has thousands of dossiers
        posted = {int(k[7:]) for k in request.POST if k.startswith("choice-") and k[7:].isdigit()}
        queue = queue.filter(pk__in={only} if only is not None else posted)
    votes = {}
    for n in queue:
        if only is not None and n.pk != only:
            continue
        mine = n.my_votes[0] if n.my_votes else None
        choice = request.POST.get(f"choice-{n.pk}") or (default if mine is None else "")
        comment = request.POST.get(f"comment-{n.pk}", getattr(mine, "comment", ""))
        if choice and (mine is None or (mine.choice, mine.comment) != (choice, comment)):
            votes[n.pk] = (choice, comment)
    if not votes:
        messages.info(request, "Không có ý kiến mới nào để ghi.")
    else:
        attempt(
            request,
            lambda: services.cast_votes(by=request.user, votes=votes),
            "Đã ghi ý kiến của bạn."
            if len(votes) == 1
            else f"Đã ghi ý kiến cho {len(votes)} hồ sơ.",
        )
    anchor = f"#n{only}" if only is not None else ""
    page = int_param(request.POST.get("page"), label="trang")
    where = f"?page={page}" if page and page > 1 else ""
    return redirect(reverse("honorees:council_list", args=[round.pk]) + where + anchor)


def _absent_from_sitting(user, round):
    """The sitting a council member was recorded absent from (their votes here do not count)."""
    sitting = selectors.get_sitting(round)
    if sitting is None or sitting.present.filter(pk=user.pk).exists():
        return None
    return sitting


@login_required
def review_tally(request, pk: int):
    """The office's view of the votes against each award form's rule, with finalising."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    the_council = council.round_council(round)
    page = paged(
        request,
        selectors.round_nominations(round).select_related("council_result"),
        COUNCIL_PAGE * 2,
    )
    nominations = eligibility.attach_results(round, list(page))
    shown = council.round_tallies(round, the_council, only=nominations)
    tallies = {t.nomination.pk: t for t in shown}
    for nomination in nominations:
        nomination.round = round
        nomination.tally = tallies.get(nomination.pk)
        nomination.result = kept_result(nomination)
        nomination.can_finalise = permissions.can_finalise_nomination(request.user, nomination)
    context = {
        "round": round,
        "conference": round.conference,
        "nominations": nominations,
        "page": page,
        "council": the_council,
        "finalise_form": FinaliseForm(),
    }
    return render(request, "honorees/review_tally.html", context)


@login_required
def delegates_above(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    context = {
        "round": round,
        "conference": round.conference,
        "nominations": selectors.approved_nominations(round),
        "can_manage": permissions.can_manage_round(request.user, round),
    }
    return render(request, "honorees/delegates_above.html", context)


@login_required
def delegates_export(request, pk: int):
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    chosen = selectors.approved_nominations(round).filter(is_delegate_above=True)
    return xlsx_response(export_nominations(chosen), f"dai-bieu-cap-tren-dot-{round.pk}")
