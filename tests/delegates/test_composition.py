"""check_composition: pure evaluation of targets, totals, shares and structure rules."""

import pytest

from delegates.composition import CategoryFacts, CompositionFacts, RuleFacts, evaluate
from delegates.wording import bounds_wording, target_wording


def _cat(
    id_,
    kind="exact",
    low=None,
    high=None,
    share=None,
    actual=0,
    allocated=0,
    parent=None,
    title=None,
):
    if kind == "exact" and high is None:
        high = low
    return CategoryFacts(
        id=id_,
        title=title or f"Nhóm {id_}",
        kind=kind,
        target_min=low,
        target_max=high,
        share_percent=share,
        allocated=allocated,
        actual=actual,
        parent_id=parent,
    )


def _codes(facts) -> list[str]:
    return [v.code for v in evaluate(facts)]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (10, 10, "10 đại biểu"),
        (120, 150, "120-150 đại biểu"),
        (None, 100, "tối đa 100 đại biểu"),
        (20, None, "từ 20 đại biểu trở lên"),
        (None, None, ""),
    ],
)
def test_bounds_wording_reads_as_plans(low, high, expected):
    assert bounds_wording(low, high, "đại biểu") == expected


def test_target_wording_share_and_none():
    assert target_wording("share", None, None, 70, "đại biểu") == "70%"
    assert target_wording("none", 3, 4, None, "đại biểu") == ""
    assert target_wording("range", 10, 15, None, "tập thể") == "10-15 tập thể"


def test_evaluate_exact_target_met_has_no_violation():
    assert evaluate(CompositionFacts([_cat(1, low=10, actual=10, allocated=10)], [])) == []


def test_evaluate_over_exact_target_is_error_with_wording():
    [v] = evaluate(CompositionFacts([_cat(1, low=10, actual=11, title="Đại biểu Thành phố")], []))
    assert v.level == "error"
    assert v.message == "“Đại biểu Thành phố” có 11 đại biểu, vượt chỉ tiêu 10 đại biểu."


def test_evaluate_under_range_is_warning():
    [v] = evaluate(CompositionFacts([_cat(1, "range", 70, 80, actual=25)], []))
    assert (v.code, v.level) == ("actual_under_target", "warning")
    assert "25/70-80 đại biểu" in v.message


def test_evaluate_allocation_over_target():
    assert _codes(CompositionFacts([_cat(1, low=130, allocated=140, actual=130)], [])) == [
        "allocation_over_target"
    ]


def test_evaluate_total_cap_exceeded():
    facts = CompositionFacts([_cat(1, "none", actual=101)], [RuleFacts("total", total_max=100)])
    [v] = evaluate(facts)
    assert v.code == "total_over"
    assert "vượt tối đa 100 đại biểu" in v.message


def test_evaluate_total_range_under_is_warning_and_plan_checked():
    facts = CompositionFacts(
        [_cat(1, "range", 70, 80, actual=70), _cat(2, "exact", 5, actual=5)],
        [RuleFacts("total", total_min=120, total_max=150)],
    )
    assert _codes(facts) == ["plan_under_total", "total_under"]


def test_evaluate_plan_targets_over_total_cap():
    facts = CompositionFacts(
        [_cat(1, low=60, actual=60), _cat(2, low=50, actual=50)],
        [RuleFacts("total", total_max=100)],
    )
    assert "plan_over_total" in _codes(facts)


def test_evaluate_shares_follow_percentages():
    ok = CompositionFacts(
        [_cat(1, "share", share=70, actual=70), _cat(2, "share", share=30, actual=30)], []
    )
    off = CompositionFacts(
        [_cat(1, "share", share=70, actual=50), _cat(2, "share", share=30, actual=50)], []
    )
    assert evaluate(ok) == []
    messages = [v.message for v in evaluate(off)]
    assert "“Nhóm 1” chiếm 50% (50/100), kế hoạch là 70%." in messages
    assert len(messages) == 2


def test_evaluate_shares_over_100_percent():
    facts = CompositionFacts([_cat(1, "share", share=70), _cat(2, "share", share=40)], [])
    assert _codes(facts) == ["shares_over_100"]


def test_evaluate_sublines_over_parent_and_rolled_up():
    facts = CompositionFacts(
        [
            _cat(1, "exact", 15, actual=0),
            _cat(2, "exact", 10, parent=1),
            _cat(3, "exact", 7, parent=1),
        ],
        [],
    )
    codes = _codes(facts)
    assert "sublines_over_parent" in codes


def test_evaluate_structure_rule_under_minimum():
    facts = CompositionFacts(
        [_cat(1, "none", actual=10)],
        [RuleFacts("structure", attribute="female", attribute_label="Nữ", min_percent=30)],
        attribute_counts={"female": 2},
    )
    [v] = evaluate(facts)
    assert v.message == "Nữ: 2/10 (20%), kế hoạch ít nhất 30%."
