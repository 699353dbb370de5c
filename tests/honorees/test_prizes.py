import datetime as dt
from decimal import Decimal

import pytest

from core.errors import DomainError
from honorees.models import AwardForm, PrizeBase
from honorees.prizes import compute_prize, prize_totals
from tests.honorees.factories import RoundFactory, award

BEFORE = dt.date(2024, 10, 8)  # Nghị định 98/2023, base salary 2,340,000
AFTER = dt.date(2025, 8, 1)  # Nghị định 152/2025, base salary 2,340,000

# (award code, collective?, date, expected đồng) — worked out by hand:
# coefficient x 2,340,000, rounded up to the next 10,000.
TABLE = [
    ("gk-xa", False, BEFORE, 360_000),  # 0.15 x 2,340,000 = 351,000
    ("gk-xa", True, BEFORE, 710_000),  # 0.30 -> 702,000
    ("gk-xa", False, AFTER, 710_000),  # 0.30 -> 702,000
    ("gk-xa", True, AFTER, 1_410_000),  # 0.60 -> 1,404,000
    ("gk-huyen", False, BEFORE, 710_000),
    ("gk-huyen", True, BEFORE, 1_410_000),
    ("gk-huyen", False, AFTER, 710_000),
    ("gk-huyen", True, AFTER, 1_410_000),
    ("ldtt", False, BEFORE, 710_000),
    ("ldtt", False, AFTER, 710_000),
    ("cstt", False, BEFORE, 710_000),
    ("cstt", False, AFTER, 710_000),
    ("cstd-cs", False, BEFORE, 2_340_000),  # 1.0
    ("cstd-cs", False, AFTER, 2_340_000),
    ("tt-ldtt", True, BEFORE, 1_880_000),  # 0.8 -> 1,872,000
    ("tt-ldtt", True, AFTER, 1_880_000),
    ("tt-ldxs", True, BEFORE, 3_510_000),  # 1.5
    ("tt-ldxs", True, AFTER, 3_510_000),
    ("thon-vh", True, BEFORE, 3_510_000),
    ("thon-vh", True, AFTER, 3_510_000),
    ("bk-tinh", False, BEFORE, 2_340_000),  # 1.0 under 98/2023
    ("bk-tinh", True, BEFORE, 4_680_000),  # 2.0
    ("bk-tinh", False, AFTER, 3_510_000),  # 1.5 under 152/2025
    ("bk-tinh", True, AFTER, 7_020_000),  # 3.0
    ("co-tinh", True, BEFORE, 18_720_000),  # 8.0
    ("co-tinh", True, AFTER, 18_720_000),
    ("cstd-tinh", False, BEFORE, 7_020_000),  # 3.0
    ("cstd-tinh", False, AFTER, 7_020_000),
    ("xa-tieu-bieu", True, AFTER, 4_680_000),  # 2.0, a title of NĐ 152/2025 only
    # Base salary 1,800,000 (1 July 2023 - 30 June 2024)
    ("gk-xa", False, dt.date(2024, 3, 1), 270_000),  # 0.15 x 1,800,000
    ("tt-ldtt", True, dt.date(2024, 3, 1), 1_440_000),
    # The day before and the day the new decree took effect
    ("gk-xa", False, dt.date(2025, 6, 30), 360_000),
    ("gk-xa", False, dt.date(2025, 7, 1), 710_000),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "collective", "on", "expected"), TABLE)
def test_compute_prize_matches_reference(code, collective, on, expected):
    prize = compute_prize(
        award_form=award(code), kind="collective" if collective else "individual", decision_date=on
    )
    assert prize.amount == expected
    assert isinstance(prize.coefficient, Decimal)


@pytest.mark.django_db
def test_compute_prize_table_covers_whole_catalogue_before_and_after():
    paying = AwardForm.objects.filter(pays_prize=True, is_contest_prize=False)
    for form in paying:
        dates = [on for on in (BEFORE, AFTER) if form.rules.filter(effective_from__lte=on)]
        assert AFTER in dates, form.code
        for on in dates:
            assert any(c == form.code and d == on for c, _k, d, _e in TABLE), (form.code, on)


@pytest.mark.django_db
def test_compute_prize_names_rule_set_by_date():
    before = compute_prize(award_form=award("gk-xa"), kind="individual", decision_date=BEFORE)
    after = compute_prize(award_form=award("gk-xa"), kind="individual", decision_date=AFTER)
    assert before.rule_set == "Nghị định 98/2023/NĐ-CP"
    assert after.rule_set == "Nghị định 152/2025/NĐ-CP"
    assert after.words == "Bảy trăm mười nghìn đồng"


@pytest.mark.django_db
def test_compute_prize_follows_new_base_salary_row():
    PrizeBase.objects.create(amount=2_530_000, effective_from=dt.date(2026, 1, 1))
    prize = compute_prize(
        award_form=award("gk-xa"), kind="individual", decision_date=dt.date(2026, 2, 1)
    )
    assert prize.amount == 760_000  # 0.3 x 2,530,000 = 759,000


@pytest.mark.django_db
def test_compute_prize_without_rule_in_force_is_refused():
    with pytest.raises(DomainError, match="Chưa có quy định mức thưởng"):
        compute_prize(
            award_form=award("gk-xa"), kind="individual", decision_date=dt.date(2023, 12, 1)
        )


@pytest.mark.django_db
def test_compute_prize_for_kind_without_coefficient_is_refused():
    with pytest.raises(DomainError, match="không có mức thưởng cho tập thể"):
        compute_prize(award_form=award("ldtt"), kind="collective", decision_date=AFTER)


@pytest.mark.django_db
def test_compute_prize_contest_takes_round_amount():
    round = RoundFactory(prize_first=2_000_000)
    prize = compute_prize(
        award_form=award("giai-nhat"), kind="individual", decision_date=AFTER, round=round
    )
    assert prize.amount == 2_000_000


@pytest.mark.django_db
def test_compute_prize_contest_without_amount_is_refused():
    with pytest.raises(DomainError, match="Chưa đặt số tiền"):
        compute_prize(
            award_form=award("giai-ba"),
            kind="individual",
            decision_date=AFTER,
            round=RoundFactory(),
        )


@pytest.mark.django_db
def test_compute_prize_certificate_without_money_is_zero():
    prize = compute_prize(award_form=award("gcn"), kind="individual", decision_date=AFTER)
    assert prize.amount == 0


def test_prize_totals_per_form_and_in_words():
    totals = prize_totals(
        [("Giấy khen", 710_000), ("Giấy khen", 710_000), ("Bằng khen", 3_510_000)]
    )
    assert [(f.award_name, f.count, f.amount) for f in totals.per_form] == [
        ("Giấy khen", 2, 1_420_000),
        ("Bằng khen", 1, 3_510_000),
    ]
    assert totals.total == 4_930_000
    assert totals.total_text == "4.930.000 đồng"
    assert totals.total_words == "Bốn triệu chín trăm ba mươi nghìn đồng"


@pytest.mark.django_db
def test_household_prize_is_one_and_a_half_times_the_individual():
    """NĐ 152/2025 Điều 54: a household receives 1.5 times an individual's amount (the
    coefficient 1.5 x 0.3, then rounded up once: 0.45 x 2,340,000 = 1,053,000)."""
    form = award("gk-xa")
    person = compute_prize(award_form=form, kind="individual", decision_date=AFTER)
    household = compute_prize(award_form=form, kind="household", decision_date=AFTER)
    assert household.coefficient == person.coefficient * Decimal("1.5") == Decimal("0.45")
    assert household.amount == 1_060_000
    assert person.amount == 710_000


@pytest.mark.django_db
def test_household_prize_without_household_coefficient_is_refused():
    with pytest.raises(DomainError, match="hộ gia đình"):
        compute_prize(award_form=award("cstd-cs"), kind="household", decision_date=AFTER)


@pytest.mark.django_db
def test_prize_base_is_a_named_series_the_latest_row_wins():
    """NĐ 158/2025: a "Mức tham chiếu" replaces lương cơ sở when it is abolished; the row in
    force on the decision date is used and its name is kept with the prize."""
    PrizeBase.objects.create(
        series="Mức tham chiếu", amount=2_600_000, effective_from=dt.date(2027, 1, 1)
    )
    before = compute_prize(award_form=award("ldtt"), kind="individual", decision_date=AFTER)
    after = compute_prize(
        award_form=award("ldtt"), kind="individual", decision_date=dt.date(2027, 3, 1)
    )
    assert (before.base_series, before.base_amount) == ("Lương cơ sở", 2_340_000)
    assert (after.base_series, after.base_amount, after.amount) == (
        "Mức tham chiếu",
        2_600_000,
        780_000,  # 0.3 x 2,600,000
    )


@pytest.mark.django_db
def test_seeded_base_rows_moved_to_the_series():
    rows = list(PrizeBase.objects.order_by("effective_from").values_list("series", "amount"))
    assert rows[-1] == ("Lương cơ sở", 2_340_000)
    assert {series for series, _amount in rows} == {"Lương cơ sở"}
