"""Prize money: coefficient x base salary on the decision date, rounded up to 10,000 đồng,
by the rule set in force on that date. Decimal throughout, never float."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from core.errors import DomainError
from core.vntext import format_money, money_in_words, round_up_to

from .models import AwardForm, BaseSalary, NominationRound, PrizeRule

ROUNDING_STEP = 10_000


@dataclass(frozen=True)
class PrizeAmount:
    amount: int
    coefficient: Decimal | None = None
    base_salary: int | None = None
    rule_set: str = ""
    note: str = ""

    @property
    def text(self) -> str:
        return format_money(self.amount)

    @property
    def words(self) -> str:
        return money_in_words(self.amount)


def rule_in_force(award_form: AwardForm, on: dt.date) -> PrizeRule | None:
    return (
        PrizeRule.objects.filter(award_form=award_form, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )


def base_salary_on(on: dt.date) -> BaseSalary | None:
    return BaseSalary.objects.filter(effective_from__lte=on).order_by("-effective_from").first()


WHOM = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}


def _coefficient(rule: PrizeRule, award_form: AwardForm, kind: str) -> Decimal:
    value = rule.coefficient_for(kind)
    if value is None:
        raise DomainError(
            f"“{award_form.name}” không có mức thưởng cho {WHOM.get(kind, kind)} "
            f"theo {rule.rule_set}."
        )
    return value


def compute_prize(
    *,
    award_form: AwardForm,
    kind: str,
    decision_date: dt.date,
    round: NominationRound | None = None,
) -> PrizeAmount:
    """The money that goes with `award_form` for a recipient of `kind` (Nomination.Kind:
    individual, collective, household) in a decision dated `decision_date`.

    Contest prizes take the amount the organiser set on the round; forms without money
    give 0. Raises DomainError when no rule or base salary is in force on that date."""
    if not award_form.pays_prize:
        return PrizeAmount(amount=0, note="Không kèm tiền thưởng")
    if award_form.is_contest_prize:
        return _contest_prize(award_form, round)
    rule = rule_in_force(award_form, decision_date)
    salary = base_salary_on(decision_date)
    when = decision_date.strftime("%d/%m/%Y")
    if rule is None:
        raise DomainError(f"Chưa có quy định mức thưởng cho “{award_form.name}” tại ngày {when}.")
    if salary is None:
        raise DomainError(f"Chưa có mức lương cơ sở áp dụng tại ngày {when}.")
    coefficient = _coefficient(rule, award_form, kind)
    return PrizeAmount(
        amount=round_up_to(coefficient * Decimal(salary.amount), ROUNDING_STEP),
        coefficient=coefficient,
        base_salary=salary.amount,
        rule_set=rule.rule_set,
        note=rule.note,
    )


def _contest_prize(award_form: AwardForm, round: NominationRound | None) -> PrizeAmount:
    amount = round.contest_amount(award_form.contest_rank) if round is not None else None
    if amount is None:
        raise DomainError(f"Chưa đặt số tiền cho “{award_form.name}” của đợt khen thưởng.")
    return PrizeAmount(amount=amount, note="Mức giải do đơn vị tổ chức quy định")


@dataclass(frozen=True)
class FormTotal:
    award_name: str
    count: int
    amount: int

    @property
    def amount_text(self) -> str:
        return format_money(self.amount)


@dataclass(frozen=True)
class PrizeTotals:
    per_form: tuple[FormTotal, ...]
    total: int

    @property
    def total_text(self) -> str:
        return format_money(self.total)

    @property
    def total_words(self) -> str:
        return money_in_words(self.total)


def prize_totals(lines: Iterable[tuple[str, int]]) -> PrizeTotals:
    """Totals per award form (in first-seen order) and overall from (award name, amount)."""
    counts: dict[str, list[int]] = {}
    for name, amount in lines:
        entry = counts.setdefault(name, [0, 0])
        entry[0] += 1
        entry[1] += amount
    per_form = tuple(FormTotal(name, c, a) for name, (c, a) in counts.items())
    return PrizeTotals(per_form=per_form, total=sum(f.amount for f in per_form))
