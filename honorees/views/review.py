from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.views import require, xlsx_response

from .. import council, eligibility, permissions, selectors
from ..council import kept_result
from ..excel import export_nominations
from ..forms import FinaliseForm, VoteForm
from ..models import CouncilVote


@login_required
def council_list(request, pk: int):
    """A council member's queue: the submitted nominations and the member's own vote."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_council_page(request.user, round))
    nominations = eligibility.attach_results(
        round, list(selectors.council_queue(round, request.user))
    )
    for nomination in nominations:
        vote = nomination.my_votes[0] if nomination.my_votes else None
        nomination.my_vote = vote
        nomination.vote_form = VoteForm(
            initial={
                "choice": getattr(vote, "choice", None),
                "comment": getattr(vote, "comment", ""),
            },
            prefix=f"n{nomination.pk}",
        )
    context = {
        "round": round,
        "conference": round.conference,
        "nominations": nominations,
        "can_vote": permissions.is_council_member(request.user, round),
        "absent_from_sitting": _absent_from_sitting(request.user, round),
        "choices": CouncilVote.Choice.choices,
    }
    return render(request, "honorees/council_list.html", context)


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
    tallies = {t.nomination.pk: t for t in council.round_tallies(round, the_council)}
    nominations = eligibility.attach_results(
        round, list(selectors.round_nominations(round).select_related("council_result"))
    )
    for nomination in nominations:
        nomination.round = round
        nomination.tally = tallies.get(nomination.pk)
        nomination.result = kept_result(nomination)
        nomination.can_finalise = permissions.can_finalise_nomination(request.user, nomination)
    context = {
        "round": round,
        "conference": round.conference,
        "nominations": nominations,
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
