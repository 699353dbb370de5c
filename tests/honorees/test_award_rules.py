"""The council's vote share and quorum kept on each award form, as integer arithmetic."""

import pytest

from honorees.models import AwardForm


def form(num, den, strict=False, base="all", quorum=None):
    q_num, q_den = quorum or (None, None)
    return AwardForm(
        vote_numerator=num,
        vote_denominator=den,
        vote_strict=strict,
        vote_base=base,
        quorum_numerator=q_num,
        quorum_denominator=q_den,
    )


@pytest.mark.parametrize(
    ("agree", "members", "passes"),
    [(79, 100, False), (80, 100, True), (7, 9, False), (8, 10, True), (0, 0, False)],
)
def test_eighty_percent_of_all_members(agree, members, passes):
    assert form(4, 5).vote_passes(agree, members) is passes


@pytest.mark.parametrize(
    ("agree", "members", "passes"), [(5, 10, False), (6, 10, True), (5, 9, True)]
)
def test_more_than_half_is_strict(agree, members, passes):
    assert form(1, 2, strict=True).vote_passes(agree, members) is passes


def test_two_thirds_of_nine_is_exactly_six():
    assert form(2, 3).vote_passes(6, 9)
    assert not form(2, 3).vote_passes(5, 9)


def test_quorum():
    assert form(1, 2, quorum=(2, 3)).quorum_met(6, 9)
    assert not form(1, 2, quorum=(2, 3)).quorum_met(5, 9)
    assert form(1, 2).quorum_met(1, 9)  # no quorum rule: any sitting decides
    assert not form(1, 2).quorum_met(0, 0)


def test_rule_texts():
    assert form(4, 5).vote_rule_text == "từ 80% tổng số thành viên Hội đồng trở lên"
    assert form(1, 2, strict=True, base="present").vote_rule_text == (
        "hơn một nửa số thành viên có mặt"
    )
    assert (
        form(1, 2, quorum=(2, 3)).quorum_text == "từ hai phần ba tổng số thành viên trở lên có mặt"
    )
    assert form(1, 2).quorum_text == "không quy định"


@pytest.mark.django_db
def test_seeded_vote_rules_follow_the_decree():
    cstd = AwardForm.objects.get(code="cstd-cs")
    assert (cstd.vote_numerator, cstd.vote_denominator, cstd.vote_strict) == (4, 5, False)
    assert "Điều 30" in cstd.vote_source and not cstd.vote_verified
    assert cstd.framed and not AwardForm.objects.get(code="ldtt").framed
