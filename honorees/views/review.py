from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.views import require, xlsx_response

from .. import eligibility, permissions, selectors
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
        "choices": CouncilVote.Choice.choices,
    }
    return render(request, "honorees/council_list.html", context)


@login_required
def review_tally(request, pk: int):
    """The office's view of the votes against the round's threshold, with finalising."""
    round = selectors.get_round(request.user, pk)
    require(permissions.can_view_round_office(request.user, round))
    members = selectors.council_size(round)
    nominations = eligibility.attach_results(
        round, list(selectors.with_tally(selectors.round_nominations(round)))
    )
    for nomination in nominations:
        nomination.round = round
        nomination.passes = selectors.threshold_met(round, nomination.agree, members)
        nomination.can_finalise = permissions.can_finalise_nomination(request.user, nomination)
    context = {
        "round": round,
        "conference": round.conference,
        "nominations": nominations,
        "members": members,
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
