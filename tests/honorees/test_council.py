"""The council decides by each award form's rules: the share of agree votes against all members
(or those present), written votes of absent members when the form counts them, the quorum of
the sitting, and the ranking when more pass than the round may honour."""

import datetime as dt

import pytest
from django.utils import timezone

from conferences.models import ActivityEntry, Role
from core.errors import DomainError, PermissionDeniedError
from honorees import council, services
from honorees.models import (
    AwardCondition,
    AwardForm,
    CouncilResult,
    CouncilVote,
    Nomination,
    RoundAwardLimit,
)
from tests.factories import member
from tests.honorees.factories import NominationFactory, RoundFactory, award, sitting

S = Nomination.Status
AGREE, DISAGREE = CouncilVote.Choice.AGREE, CouncilVote.Choice.DISAGREE


@pytest.fixture
def commune(cast):
    """Office A's conference with a new round (no sitting yet) and its staff."""
    return {
        "unit": cast["office_a"],
        "round": RoundFactory(conference=cast["conference_a"]),
        "staff": cast["users"]["staff"],
        "first_member": cast["users"]["council"],
    }


def _members(commune, count: int) -> list:
    """`count` council members in all (the cast's one included), in creation order."""
    extra = [member(commune["unit"], Role.COUNCIL) for _ in range(count - 1)]
    return [commune["first_member"], *extra]


def _nominee(round, code="gk-xa", **fields):
    """A nominee the unit has declared meets the form's conditions (eligibility is tested on
    its own in test_eligibility.py)."""
    nomination = NominationFactory(
        round=round, status=S.SUBMITTED, proposed_award=award(code), **fields
    )
    nomination.declarations.set(AwardCondition.objects.filter(award_form__code=code))
    return nomination


def _votes(nomination, members, choice=AGREE, **fields):
    CouncilVote.objects.bulk_create(
        CouncilVote(nomination=nomination, member=m, choice=choice, **fields) for m in members
    )


def _approve(commune, nomination, comment=""):
    return services.finalise_nomination(
        nomination=nomination, by=commune["staff"], outcome="approved", comment=comment
    )


# --- the share, against all members -------------------------------------------------------------
def test_cstdcs_needs_80_percent_of_all_members_79_is_refused(commune):
    members = _members(commune, 24)
    sitting(commune["round"], members)
    n = _nominee(commune["round"], "cstd-cs")
    _votes(n, members[:19])
    _votes(n, members[19:], DISAGREE)
    with pytest.raises(DomainError, match=r"19/24 \(79,16%\).*từ 80% tổng số thành viên"):
        _approve(commune, n)
    n.refresh_from_db()
    assert n.status == S.SUBMITTED


def test_cstdcs_at_80_percent_of_all_members_is_approved(commune):
    members = _members(commune, 25)
    sitting(commune["round"], members)
    n = _nominee(commune["round"], "cstd-cs")
    _votes(n, members[:20])
    _votes(n, members[20:], DISAGREE)
    _approve(commune, n)
    n.refresh_from_db()
    assert n.status == S.APPROVED
    result = n.council_result
    assert (result.agree, result.disagree, result.base, result.members, result.present) == (
        20,
        5,
        25,
        25,
        25,
    )
    assert result.passed and result.rule_text == "từ 80% tổng số thành viên Hội đồng trở lên"


def test_absent_members_count_in_the_base_of_all_members(commune):
    """4 of 5 present and all 4 agree: 80% of all members, enough for cstd-cs."""
    members = _members(commune, 5)
    sitting(commune["round"], members[:4])
    n = _nominee(commune["round"], "cstd-cs")
    _votes(n, members[:4])
    tally = council.nomination_tally(n)
    assert (tally.agree, tally.base, tally.percent, tally.passes) == (4, 5, "80%", True)


def test_share_of_members_present_when_the_form_says_so(commune):
    AwardForm.objects.filter(code="gk-xa").update(vote_base="present")
    members = _members(commune, 6)
    sitting(commune["round"], members[:4])
    n = _nominee(commune["round"])
    _votes(n, members[:3])
    tally = council.nomination_tally(n)
    assert (tally.agree, tally.base, tally.passes) == (3, 4, True)  # 3/4 > 1/2 of those present


# --- written votes -----------------------------------------------------------------------------
def _three_with_one_absent(commune):
    members = _members(commune, 3)
    sitting(commune["round"], members[:2])
    n = _nominee(commune["round"])
    _votes(n, members[:1])
    _votes(n, members[1:2], DISAGREE)
    return members, n


def test_absent_members_written_vote_counts(commune):
    members, n = _three_with_one_absent(commune)
    services.record_written_votes(
        round=commune["round"], member=members[2], choices={n.pk: AGREE}, by=commune["staff"]
    )
    vote = CouncilVote.objects.get(nomination=n, member=members[2])
    assert vote.in_writing and vote.entered_by == commune["staff"]
    assert ActivityEntry.objects.filter(action="sitting.written_votes").exists()
    _approve(commune, n)  # 2 of 3 members agree: more than half
    n.refresh_from_db()
    assert n.status == S.APPROVED and n.council_result.written == 1


def test_written_vote_does_not_count_when_the_form_says_no(commune):
    AwardForm.objects.filter(code="gk-xa").update(written_votes_count=False)
    members, n = _three_with_one_absent(commune)
    services.record_written_votes(
        round=commune["round"], member=members[2], choices={n.pk: AGREE}, by=commune["staff"]
    )
    tally = council.nomination_tally(n)
    assert (tally.agree, tally.written, len(tally.uncounted)) == (1, 0, 1)
    with pytest.raises(DomainError, match="Chưa đủ tỷ lệ đồng ý: 1/3"):
        _approve(commune, n)


def test_absent_members_own_vote_does_not_count_without_writing(commune):
    members, n = _three_with_one_absent(commune)
    services.cast_vote(nomination=n, by=members[2], choice=AGREE)
    tally = council.nomination_tally(n)
    assert tally.agree == 1
    assert "chỉ tính phiếu bằng văn bản" in tally.uncounted[0][1]
    assert tally.uncounted[0][0].member == members[2]  # the sitting's page names the member


def test_written_votes_only_for_absent_members_by_the_office(commune):
    members, n = _three_with_one_absent(commune)
    with pytest.raises(DomainError, match="vắng mặt"):
        services.record_written_votes(
            round=commune["round"], member=members[0], choices={n.pk: AGREE}, by=commune["staff"]
        )
    with pytest.raises(PermissionDeniedError):
        services.record_written_votes(
            round=commune["round"], member=members[2], choices={n.pk: AGREE}, by=members[0]
        )
    assert not CouncilVote.objects.filter(in_writing=True).exists()


# --- quorum ------------------------------------------------------------------------------------
def test_quorum_not_met_blocks_finalising(commune):
    members = _members(commune, 3)
    sitting(commune["round"], members[:1])
    n = _nominee(commune["round"])
    _votes(n, members[:1])
    _votes(n, members[1:], AGREE, in_writing=True)
    message = r"1/3 thành viên có mặt, chưa đủ số thành viên.*hai phần ba"
    with pytest.raises(DomainError, match=message):
        _approve(commune, n)
    with pytest.raises(DomainError, match=message):
        services.finalise_sitting(round=commune["round"], by=commune["staff"])
    n.refresh_from_db()
    assert n.status == S.SUBMITTED
    assert commune["round"].sitting.closed_at is None


def test_without_a_sitting_the_quorum_cannot_be_checked(commune):
    members = _members(commune, 2)
    n = _nominee(commune["round"])
    _votes(n, members)
    with pytest.raises(DomainError, match="Chưa ghi phiên họp Hội đồng"):
        _approve(commune, n)


def test_finalising_the_sitting_approves_the_passing_and_rejects_the_rest(commune):
    members = _members(commune, 3)
    sitting(commune["round"], members)
    passing, failing = _nominee(commune["round"]), _nominee(commune["round"])
    _votes(passing, members[:2])
    _votes(failing, members[:1])
    assert services.finalise_sitting(round=commune["round"], by=commune["staff"]) == (1, 1)
    passing.refresh_from_db(), failing.refresh_from_db()
    assert (passing.status, failing.status) == (S.APPROVED, S.REJECTED)
    assert "Không đạt tỷ lệ: đồng ý 1/3" in failing.events.last().comment
    commune["round"].sitting.refresh_from_db()
    assert commune["round"].sitting.closed_at is not None
    with pytest.raises(DomainError, match="đã chốt"):
        services.finalise_sitting(round=commune["round"], by=commune["staff"])


# --- ranking within the number to honour -------------------------------------------------------
def _four_of_five(nomination, chair, others, chair_choice):
    """4 agree of 5, with or without the chair among them."""
    if chair_choice == AGREE:
        _votes(nomination, [chair, *others[:3]])
        _votes(nomination, others[3:], DISAGREE)
    else:
        _votes(nomination, [chair], DISAGREE)
        _votes(nomination, others)


def _ranked(commune, chair_on_b: str, chair_on_c: str):
    """Five members present, the first chairs; 2 places for Giấy khen. A: 5/5, B and C: 4/5 each
    (tied at the cut), D: 3/5 (passes, below the cut)."""
    members = _members(commune, 5)
    chair, others = members[0], members[1:]
    sitting(commune["round"], members, chair=chair)
    RoundAwardLimit.objects.create(round=commune["round"], award_form=award("gk-xa"), seats=2)
    a, b, c, d = (_nominee(commune["round"], full_name=name) for name in "ABCD")
    _votes(a, members)
    _four_of_five(b, chair, others, chair_on_b)
    _four_of_five(c, chair, others, chair_on_c)
    _votes(d, others[:3])
    _votes(d, [chair, *others[3:]], DISAGREE)
    return a, b, c, d


def test_ranking_beyond_the_number_to_honour_tie_goes_to_the_chair(commune):
    a, b, c, d = _ranked(commune, chair_on_b=DISAGREE, chair_on_c=AGREE)
    tallies = {t.nomination.full_name: t for t in council.round_tallies(commune["round"])}
    assert [tallies[x].agree for x in "ABCD"] == [5, 4, 4, 3]
    assert [tallies[x].ranking for x in "ABCD"] == ["within", "beyond", "chair", "beyond"]
    assert [tallies[x].rank for x in "ABCD"] == [1, 2, 2, 4]
    with pytest.raises(DomainError, match="ngoài số lượng được khen"):
        _approve(commune, b)

    assert services.finalise_sitting(round=commune["round"], by=commune["staff"]) == (2, 2)
    status = dict(Nomination.objects.values_list("full_name", "status"))
    assert status == {"A": S.APPROVED, "B": S.REJECTED, "C": S.APPROVED, "D": S.REJECTED}
    ranking = dict(CouncilResult.objects.values_list("nomination__full_name", "ranking"))
    assert ranking == {"A": "within", "B": "beyond", "C": "chair", "D": "beyond"}
    ranks = dict(CouncilResult.objects.values_list("nomination__full_name", "rank"))
    assert ranks == {"A": 1, "B": 2, "C": 2, "D": 4}
    assert "Chủ tịch Hội đồng không đồng ý" in CouncilResult.objects.get(nomination=b).note
    assert "Chủ tịch Hội đồng không đồng ý" in b.events.last().comment


def test_a_page_of_tallies_ranks_against_the_nominees_not_shown(commune):
    """The office's pages count only the dossiers they show, but a form with a number to
    honour ranks each one against every nominee of the form."""
    a, b, c, d = _ranked(commune, chair_on_b=DISAGREE, chair_on_c=AGREE)
    whole = {t.nomination.pk: t for t in council.round_tallies(commune["round"])}
    for shown in ([d], [c, a], [b]):
        page = council.round_tallies(commune["round"], only=shown)
        assert [t.nomination.pk for t in page] == [n.pk for n in shown]
        for tally in page:
            expected = whole[tally.nomination.pk]
            assert (tally.agree, tally.rank, tally.ranking) == (
                expected.agree,
                expected.rank,
                expected.ranking,
            )
    assert council.nomination_tally(d).ranking == "beyond"


def test_a_page_of_tallies_leaves_out_what_is_no_longer_under_review(commune):
    members = _members(commune, 3)
    shown, done = _nominee(commune["round"]), _nominee(commune["round"])
    _votes(shown, members)
    Nomination.objects.filter(pk=done.pk).update(status=S.APPROVED)
    done.refresh_from_db()
    page = council.round_tallies(commune["round"], only=[done, shown])
    assert [(t.nomination.pk, t.agree, t.base) for t in page] == [(shown.pk, 3, 3)]


def test_tie_the_chair_cannot_split_waits_for_the_office_with_a_reason(commune):
    a, b, c, d = _ranked(commune, chair_on_b=AGREE, chair_on_c=AGREE)
    tallies = {t.nomination.full_name: t for t in council.round_tallies(commune["round"])}
    assert tallies["B"].tied and tallies["C"].tied
    with pytest.raises(DomainError, match="Bằng phiếu ở vị trí cuối.*B, C"):
        services.finalise_sitting(round=commune["round"], by=commune["staff"])
    with pytest.raises(DomainError, match="Hãy ghi lý do chọn B"):
        _approve(commune, b)
    _approve(commune, b, comment="Nữ, thành tích tương đương (NĐ 152/2025 Điều 4)")
    assert council.nomination_tally(c).rank == 2  # ranked with B, already given its place
    result = CouncilResult.objects.get(nomination=b)
    assert (result.ranking, result.reason) == (
        "office",
        "Nữ, thành tích tương đương (NĐ 152/2025 Điều 4)",
    )
    assert services.finalise_sitting(round=commune["round"], by=commune["staff"]) == (1, 2)
    status = dict(Nomination.objects.values_list("full_name", "status"))
    assert status == {"A": S.APPROVED, "B": S.APPROVED, "C": S.REJECTED, "D": S.REJECTED}


def test_places_already_given_count_against_the_number(commune):
    members = _members(commune, 3)
    sitting(commune["round"], members)
    RoundAwardLimit.objects.create(round=commune["round"], award_form=award("gk-xa"), seats=1)
    first, second = _nominee(commune["round"]), _nominee(commune["round"])
    _votes(first, members), _votes(second, members)
    _approve(commune, first, comment="Chọn theo thành tích nổi bật hơn")
    tally = council.nomination_tally(second)
    assert tally.ranking == "beyond" and "Đã đủ số lượng" in tally.note


# --- the sitting ---------------------------------------------------------------------------------
def _save(commune, members, **changes):
    fields = {
        "round": commune["round"],
        "by": commune["staff"],
        "held_at": timezone.make_aware(dt.datetime(2026, 12, 5, 14, 0)),
        "place": "Hội trường",
        "chair": members[0],
        "secretary_name": "Lê Thị Thư",
        "present": members,
    }
    return services.save_sitting(**{**fields, **changes})


def test_save_sitting_records_the_attendance(commune):
    members = _members(commune, 3)
    recorded = _save(commune, members, present=members[:2])
    assert set(recorded.present.all()) == set(members[:2])
    the_council = council.round_council(commune["round"])
    assert (the_council.total, the_council.present_count, the_council.absent) == (
        3,
        2,
        [members[2]],
    )
    assert ActivityEntry.objects.get(action="sitting.saved").summary.endswith("2/3 thành viên")


def test_save_sitting_checks_chair_and_members(commune):
    members = _members(commune, 3)
    with pytest.raises(DomainError, match="chủ trì phải là thành viên Hội đồng có mặt"):
        _save(commune, members, present=members[1:])
    with pytest.raises(DomainError, match="Chỉ đánh dấu có mặt cho thành viên"):
        _save(commune, members, present=[*members, commune["staff"]])
    with pytest.raises(PermissionDeniedError):
        _save(commune, members, by=members[0])


def test_closed_sitting_cannot_change(commune):
    members = _members(commune, 3)
    _save(commune, members)
    services.finalise_sitting(round=commune["round"], by=commune["staff"])
    with pytest.raises(DomainError, match="đã chốt kết quả"):
        _save(commune, members, place="Nơi khác")


def test_award_limits_only_for_forms_of_the_round(commune):
    services.set_award_limits(
        round=commune["round"], seats={award("gk-xa"): 3}, by=commune["staff"]
    )
    assert RoundAwardLimit.objects.get().seats == 3
    services.set_award_limits(
        round=commune["round"], seats={award("gk-xa"): None}, by=commune["staff"]
    )
    assert not RoundAwardLimit.objects.exists()
    other = AwardForm.objects.exclude(pk__in=commune["round"].allowed_forms.all()).first()
    with pytest.raises(DomainError, match="không có trong đợt"):
        services.set_award_limits(round=commune["round"], seats={other: 1}, by=commune["staff"])


def test_percent_text_is_never_rounded_up():
    assert council.percent_text(19, 24) == "79,16%"
    assert council.percent_text(4, 5) == "80%"
    assert council.percent_text(2, 3) == "66,66%"
    assert council.percent_text(0, 0) == "—"


def test_form_without_a_quorum_decides_without_a_sitting(commune):
    """A contest prize has no quorum and counts all members: the vote alone decides."""
    members = _members(commune, 2)
    n = _nominee(commune["round"], "giai-nhat")
    _votes(n, members)
    _approve(commune, n)
    n.refresh_from_db()
    assert n.status == S.APPROVED and n.council_result.present is None


def test_share_of_those_present_needs_the_sitting(commune):
    AwardForm.objects.filter(code="gk-xa").update(
        vote_base="present", quorum_numerator=None, quorum_denominator=None
    )
    members = _members(commune, 2)
    n = _nominee(commune["round"])
    _votes(n, members)
    with pytest.raises(DomainError, match="tính tỷ lệ trên số thành viên có mặt"):
        _approve(commune, n)


def test_finalising_the_sitting_names_a_passing_nominee_who_is_not_eligible(commune):
    members = _members(commune, 3)
    sitting(commune["round"], members)
    flagged = _nominee(commune["round"], full_name="Đinh Văn Kỷ", discipline_review=True)
    clean = _nominee(commune["round"])
    _votes(flagged, members)
    _votes(clean, members)
    with pytest.raises(DomainError, match="Chưa thể chốt phiên họp: Đinh Văn Kỷ"):
        services.finalise_sitting(round=commune["round"], by=commune["staff"])
    clean.refresh_from_db()
    assert clean.status == S.SUBMITTED  # nothing finalised
