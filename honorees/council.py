"""The council's count, as the award forms say (reads only; the services act on it):

- Which votes count. Without a recorded sitting every member's own vote counts. With one, a
  member present counts by their own vote; an absent member counts only by a written vote
  (phiếu bằng văn bản) the office entered, and only when the form counts written votes.
- The base of the share: all council members, or those present (plus the absent members whose
  written vote counts, since they took part).
- The quorum: members present at the sitting against all members, per form.
- The ranking: when more nominees of a form pass than the round may honour (RoundAwardLimit),
  the highest share win; a tie at the cut goes to the chair's vote (the chair agreed with one
  and not the other); what the chair's vote cannot split is left to the office, with a reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count as Counted

from core.vntext import fold

from . import selectors, workflow
from .models import (
    AwardForm,
    CouncilResult,
    CouncilSitting,
    CouncilVote,
    Nomination,
    NominationRound,
    RoundAwardLimit,
)

C = CouncilVote.Choice
WITHIN, BEYOND, CHAIR, TIED = "within", "beyond", "chair", "tied"


@dataclass(frozen=True)
class Council:
    """A round's council: its members (organiser and above), and the sitting when recorded."""

    members: tuple
    sitting: CouncilSitting | None
    present_ids: frozenset[int]

    @property
    def total(self) -> int:
        return len(self.members)

    @property
    def member_ids(self) -> frozenset[int]:
        return frozenset(m.pk for m in self.members)

    @property
    def present(self) -> list:
        return [m for m in self.members if m.pk in self.present_ids]

    @property
    def absent(self) -> list:
        return [m for m in self.members if m.pk not in self.present_ids]

    @property
    def present_count(self) -> int:
        return len(self.present)

    @property
    def chair_id(self) -> int | None:
        return self.sitting.chair_id if self.sitting else None

    def vote_counts(self, vote, form: AwardForm) -> bool:
        if vote.member_id not in self.member_ids:
            return False
        if self.sitting is None:
            return not vote.in_writing
        if vote.member_id in self.present_ids:
            return not vote.in_writing
        return vote.in_writing and form.written_votes_count

    def quorum(self, form: AwardForm) -> tuple[bool, str]:
        """Whether the sitting may decide this form, and why not."""
        if form.quorum_numerator is None and form.vote_base == AwardForm.VoteBase.ALL_MEMBERS:
            return self.total > 0, "" if self.total else "Hội đồng chưa có thành viên nào."
        if self.sitting is None:
            need = (
                f"cần {form.quorum_text}"
                if form.quorum_numerator is not None
                else "tính tỷ lệ trên số thành viên có mặt"
            )
            return False, (
                f"Chưa ghi phiên họp Hội đồng nên chưa biết số thành viên có mặt "
                f"(hình thức “{form.name}” {need})."
            )
        if form.quorum_met(self.present_count, self.total):
            return True, ""
        return False, (
            f"Phiên họp có {self.present_count}/{self.total} thành viên có mặt, chưa đủ số "
            f"thành viên để xét hình thức “{form.name}” (cần {form.quorum_text})."
        )


@dataclass
class Tally:
    """One nominee's counted votes against its form's rule, and its place in the ranking."""

    nomination: Nomination
    form: AwardForm
    agree: int = 0
    disagree: int = 0
    abstain: int = 0
    written: int = 0  # written votes counted
    uncounted: list = field(default_factory=list)  # votes left out, with why
    base: int = 0
    passes: bool = False
    quorum_ok: bool = False
    quorum_problem: str = ""
    chair_agrees: bool = False
    rank: int | None = None
    seats: int | None = None
    ranking: str = ""  # "", within, beyond, chair, tied
    note: str = ""
    council_total: int = 0
    council_present: int | None = None

    @property
    def share(self) -> Fraction:
        return Fraction(self.agree, self.base) if self.base else Fraction(0)

    @property
    def percent(self) -> str:
        return percent_text(self.agree, self.base)

    @property
    def chosen(self) -> bool:
        """Approval may go ahead: it passes with a quorum, within the number to honour."""
        return self.passes and self.quorum_ok and self.ranking in ("", WITHIN, CHAIR)

    @property
    def tied(self) -> bool:
        return self.ranking == TIED

    @property
    def outcome_text(self) -> str:
        if not self.quorum_ok:
            return "Chưa đủ số thành viên có mặt"
        if not self.passes:
            return "Không đạt tỷ lệ"
        return {
            "": "Đạt",
            WITHIN: "Đạt, trong số lượng được khen",
            CHAIR: "Đạt, được chọn theo ý kiến Chủ tịch Hội đồng",
            BEYOND: "Đạt, ngoài số lượng được khen",
            TIED: "Bằng phiếu ở vị trí cuối: chờ cơ quan thường trực chọn",
        }[self.ranking]


def percent_text(agree: int, base: int) -> str:
    """ "80%", "79,16%": cut (never rounded up) to two decimals, so a share below the rule never
    prints as the rule."""
    if not base:
        return "—"
    value = (Decimal(agree * 100) / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    text = f"{value:f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')}%"


def round_council(round: NominationRound) -> Council:
    sitting = selectors.get_sitting(round)
    present = frozenset(sitting.present.values_list("pk", flat=True)) if sitting else frozenset()
    return Council(tuple(selectors.council_members(round)), sitting, present)


@dataclass
class VoteRow:
    """A vote as the count reads it (no model instance: a round at province size holds tens of
    thousands); `member` is filled for the votes left out, which the pages name."""

    nomination_id: int
    member_id: int
    choice: str
    in_writing: bool
    member: object = None


def _vote_rows(votes) -> dict[int, list[VoteRow]]:
    rows: dict[int, list[VoteRow]] = defaultdict(list)
    fields = ("nomination_id", "member_id", "choice", "in_writing")
    for values in votes.values_list(*fields):
        rows[values[0]].append(VoteRow(*values))
    return rows


def _name_uncounted(council: Council, tallies: list[Tally]) -> None:
    """The member of each vote left out (one query for those no longer in the council)."""
    left_out = [vote for t in tallies for vote, _why in t.uncounted]
    if not left_out:
        return
    members = {m.pk: m for m in council.members}
    others = {v.member_id for v in left_out} - members.keys()
    if others:
        members |= {u.pk: u for u in get_user_model().objects.filter(pk__in=others)}
    for vote in left_out:
        vote.member = members.get(vote.member_id)


def tally_nominations(
    council: Council, nominations: list[Nomination], *, votes=None
) -> list[Tally]:
    """The count of each nomination (one query for all their votes); no ranking. `votes`: a
    queryset holding at least their votes, when a filter reads better than a list of ids."""
    if votes is None:
        votes = CouncilVote.objects.filter(nomination__in=[n.pk for n in nominations])
    rows = _vote_rows(votes)
    tallies = [_tally(council, n, rows[n.pk]) for n in nominations]
    _name_uncounted(council, tallies)
    return tallies


def _tally(council: Council, nomination: Nomination, votes: list[VoteRow]) -> Tally:
    form = nomination.proposed_award
    present = council.present_count if council.sitting else None
    tally = Tally(nomination, form, council_total=council.total, council_present=present)
    for vote in votes:
        if not council.vote_counts(vote, form):
            tally.uncounted.append((vote, _why_uncounted(council, vote, form)))
            continue
        tally.written += vote.in_writing
        if vote.choice == C.AGREE:
            tally.agree += 1
            tally.chair_agrees |= vote.member_id == council.chair_id
        elif vote.choice == C.DISAGREE:
            tally.disagree += 1
        else:
            tally.abstain += 1
    tally.base = _base(council, form, tally.written)
    tally.passes = form.vote_passes(tally.agree, tally.base)
    tally.quorum_ok, tally.quorum_problem = council.quorum(form)
    return tally


def _why_uncounted(council: Council, vote, form: AwardForm) -> str:
    if vote.member_id not in council.member_ids:
        return "không còn là thành viên Hội đồng"
    if vote.member_id in council.present_ids or council.sitting is None:
        return "thành viên có mặt tự bỏ phiếu, không tính phiếu bằng văn bản"
    if vote.in_writing:
        return "hình thức này không tính phiếu bằng văn bản của thành viên vắng mặt"
    return "thành viên vắng mặt phiên họp: chỉ tính phiếu bằng văn bản"


def _base(council: Council, form: AwardForm, written: int) -> int:
    if form.vote_base == AwardForm.VoteBase.ALL_MEMBERS:
        return council.total
    return council.present_count + written if council.sitting else 0


def under_review(round: NominationRound) -> list[Nomination]:
    return list(selectors.round_nominations(round).filter(status=Nomination.Status.SUBMITTED))


def round_tallies(
    round: NominationRound, council: Council | None = None, *, only: list | None = None
) -> list[Tally]:
    """Every nomination under review, counted and ranked; with `only` (a page of the round's
    nominations), just those under review among them, ranked against the rest of their form
    when the form has a number to honour (the others of that form are counted, not shown)."""
    council = council or round_council(round)
    limits = award_limits(round)
    if only is None:
        votes = CouncilVote.objects.filter(
            nomination__round=round, nomination__status=Nomination.Status.SUBMITTED
        )
        tallies = tally_nominations(council, under_review(round), votes=votes)
    else:
        shown = [n for n in only if n.status == Nomination.Status.SUBMITTED]
        ranked_forms = {n.proposed_award_id for n in shown} & limits.keys()
        peers = list(
            Nomination.objects.filter(
                round=round,
                status=Nomination.Status.SUBMITTED,
                proposed_award_id__in=ranked_forms,
            )
            .exclude(pk__in=[n.pk for n in shown])
            .select_related("proposed_award")
        )
        tallies = tally_nominations(council, shown + peers)
    rank_tallies(tallies, limits=limits, taken=seats_taken(round), above=given_shares(round))
    if only is not None:
        tallies = tallies[: len(shown)]
    return tallies


def given_shares(round: NominationRound) -> dict[int, list[Fraction]]:
    """The shares of the nominees already given a place, per form (their kept results): they
    rank with the nominees still under review."""
    shares: dict[int, list[Fraction]] = defaultdict(list)
    rows = CouncilResult.objects.filter(
        nomination__round=round,
        nomination__status__in=(Nomination.Status.APPROVED, Nomination.Status.AWARDED),
        base__gt=0,
    ).values_list("nomination__proposed_award_id", "agree", "base")
    for form_id, agree, base in rows:
        shares[form_id].append(Fraction(agree, base))
    return shares


def award_limits(round: NominationRound) -> dict[int, int]:
    return dict(RoundAwardLimit.objects.filter(round=round).values_list("award_form_id", "seats"))


def seats_taken(round: NominationRound) -> dict[int, int]:
    """Places already given per form in the round (approved, or awarded since)."""
    rows = (
        Nomination.objects.filter(
            round=round, status__in=(Nomination.Status.APPROVED, Nomination.Status.AWARDED)
        )
        .values_list("proposed_award_id")
        .annotate(n=Counted("id"))
        .order_by()
    )
    return dict(rows)


def rank_tallies(
    tallies: list[Tally],
    *,
    limits: dict[int, int],
    taken: dict[int, int],
    above: dict[int, list[Fraction]] | None = None,
) -> None:
    """Place the passing nominees of each form with a limit (in place). `taken`: places given
    already per form; `above`: their shares, which count in each nominee's rank."""
    groups: dict[int, list[Tally]] = defaultdict(list)
    for tally in tallies:
        if tally.passes and tally.quorum_ok and tally.form.pk in limits:
            groups[tally.form.pk].append(tally)
    for form_id, group in groups.items():
        seats = limits[form_id]
        given = (above or {}).get(form_id, [])
        _rank_group(group, seats, max(seats - taken.get(form_id, 0), 0), given)


def _rank_group(group: list[Tally], seats: int, left: int, given: list[Fraction]) -> None:
    group.sort(key=lambda t: (-t.share, fold(t.nomination.display_name)))
    shares = [t.share for t in group] + list(given)
    for tally in group:
        tally.seats = seats
        tally.rank = 1 + sum(share > tally.share for share in shares)
        tally.ranking = WITHIN if len(group) <= left else BEYOND
    if len(group) <= left or left == 0:
        if left == 0:
            for tally in group:
                tally.note = "Đã đủ số lượng được khen của hình thức này."
        return
    cut = group[left - 1].share
    above = [t for t in group if t.share > cut]
    tied = [t for t in group if t.share == cut]
    for tally in above:
        tally.ranking = WITHIN
    _split_tie(tied, left - len(above))


def _split_tie(tied: list[Tally], places: int) -> None:
    """`places` go to `tied` (more than that many, all equal): first to those the chair agreed
    with; what is still equal is for the office to decide."""
    if len(tied) <= places:
        for tally in tied:
            tally.ranking = WITHIN
        return
    names = ", ".join(t.nomination.display_name for t in tied)
    yes = [t for t in tied if t.chair_agrees]
    no = [t for t in tied if not t.chair_agrees]
    if yes and len(yes) <= places:
        for tally in yes:
            tally.ranking, tally.note = CHAIR, f"Bằng phiếu với {names}; Chủ tịch Hội đồng đồng ý."
        rest, places = no, places - len(yes)
    elif no and len(yes) > places:
        for tally in no:
            tally.ranking = BEYOND
            tally.note = f"Bằng phiếu với {names}; Chủ tịch Hội đồng không đồng ý."
        rest = yes
    else:
        rest = tied
    if not places:
        for tally in rest:
            tally.ranking = BEYOND
            tally.note = f"Bằng phiếu với {names}; Chủ tịch Hội đồng không đồng ý."
        return
    for tally in rest:
        tally.ranking = TIED
        tally.note = (
            f"Bằng phiếu ở vị trí cuối ({len(rest)} hồ sơ cho {places} suất còn lại); "
            "ý kiến Chủ tịch Hội đồng không phân định được: cơ quan thường trực chọn, ghi lý do."
        )


def kept_result(nomination: Nomination):
    """The council's result kept when the nomination was finalised, or None."""
    try:
        return nomination.council_result
    except ObjectDoesNotExist:
        return None


def nomination_tally(nomination: Nomination) -> Tally | None:
    """One nomination's live count and ranking while it is under review."""
    if not workflow.nomination_under_review(nomination):
        return None
    return next(iter(round_tallies(nomination.round, only=[nomination])), None)
