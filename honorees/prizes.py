"""Prize money: coefficient x the base (mức cơ sở tính tiền thưởng) on the decision date, rounded up to 10,000 đồng,
by the rule set in force on that date. Decimal throughout, never float."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from core.errors import DomainError
from core.vntext import format_money, money_in_words, round_up_to

from .models import AwardForm, NominationRound, PrizeBase, PrizeRule

ROUNDING_STEP = 10_000


@dataclass(frozen=True)
class PrizeAmount:
    amount: int
    coefficient: Decimal | None = None
    base_amount: int | None = None
    base_series: str = ""
    rule_set: str = ""
    note: str = ""

    @property
    def text(self) -> str:
        return format_money(self.amount)

    @property
    def words(self) -> str:
        return money_in_words(self.amount)


WHOM = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}


class PrizeTable:
    """The rules and the base in force on one date, read once (two queries, whatever the
    number of lines): a whole decision's prizes are computed from it in memory."""

    def __init__(self, *, on: dt.date):
        self.on = on
        self._rules: dict[int, PrizeRule] | None = None
        self._base: PrizeBase | None | bool = False  # False: not read yet

    def rule(self, award_form: AwardForm) -> PrizeRule | None:
        """The rule of the form in force on the date (the latest not after it)."""
        if self._rules is None:
            self._rules = {}
            for rule in PrizeRule.objects.filter(effective_from__lte=self.on).order_by(
                "effective_from"
            ):
                self._rules[rule.award_form_id] = rule
        return self._rules.get(award_form.pk)

    def base(self) -> PrizeBase | None:
        if self._base is False:
            self._base = (
                PrizeBase.objects.filter(effective_from__lte=self.on)
                .order_by("-effective_from")
                .first()
            )
        return self._base

    def prize(
        self, *, award_form: AwardForm, kind: str, round: NominationRound | None = None
    ) -> PrizeAmount:
        """The money that goes with `award_form` for a recipient of `kind` (Nomination.Kind:
        individual, collective, household) in a decision dated on the table's date.

        Contest prizes take the amount the organiser set on the round; forms without money
        give 0. Raises DomainError when no rule or base is in force on that date."""
        if not award_form.pays_prize:
            return PrizeAmount(amount=0, note="Không kèm tiền thưởng")
        if award_form.is_contest_prize:
            return _contest_prize(award_form, round)
        rule, base = self.rule(award_form), self.base()
        when = self.on.strftime("%d/%m/%Y")
        if rule is None:
            raise DomainError(
                f"Chưa có quy định mức thưởng cho “{award_form.name}” tại ngày {when}."
            )
        if base is None:
            raise DomainError(f"Chưa có mức cơ sở tính tiền thưởng áp dụng tại ngày {when}.")
        coefficient = _coefficient(rule, award_form, kind)
        return PrizeAmount(
            amount=round_up_to(coefficient * Decimal(base.amount), ROUNDING_STEP),
            coefficient=coefficient,
            base_amount=base.amount,
            base_series=base.series,
            rule_set=rule.rule_set,
            note=rule.note,
        )


def rule_in_force(award_form: AwardForm, on: dt.date) -> PrizeRule | None:
    return (
        PrizeRule.objects.filter(award_form=award_form, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )


def base_on(on: dt.date) -> PrizeBase | None:
    """The base (mức cơ sở tính tiền thưởng) in force on a date."""
    return PrizeBase.objects.filter(effective_from__lte=on).order_by("-effective_from").first()


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
    """One prize (PrizeTable.prize for a single line): `award_form` for a recipient of `kind`
    in a decision dated `decision_date`."""
    return PrizeTable(on=decision_date).prize(award_form=award_form, kind=kind, round=round)


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
