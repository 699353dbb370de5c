"""The reward fund's book: issuing an award decision enters its prize money once as spending
(with the issue, in the same transaction); balances by year."""

import datetime as dt

import pytest
from django.db.models import Sum

from core.errors import DomainError, PermissionDeniedError
from finance import selectors, services
from finance.models import FundEntry
from finance.services import record_decision_prize
from honorees import services as honorees
from honorees.models import AwardLine, Nomination
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _decision_with_lines(conference, staff, n: int):
    round = RoundFactory(conference=conference)
    for _ in range(n):
        NominationFactory(round=round, status=Nomination.Status.APPROVED)
    fields = {k: getattr(DecisionFactory.build(round=round), k) for k in (
        "date", "place", "subject", "authority", "legal_bases", "proposing_body",
        "signer_head_title", "signer_name")}  # fmt: skip
    return honorees.create_decision(round=round, by=staff, **fields)


def _issue(decision, users):
    honorees.approve_decision(decision=decision, by=users["leader"])
    return honorees.issue_decision(decision=decision, by=users["clerk"], date=dt.date(2026, 3, 2))


def test_issuing_a_decision_enters_its_prize_money_once(cast):
    users, office = cast["users"], cast["office_a"]
    first = _decision_with_lines(cast["conference_a"], users["staff"], 3)
    second = _decision_with_lines(cast["conference_a"], users["staff"], 2)
    assert not FundEntry.objects.exists()  # drafts and approvals enter nothing
    for decision in (first, second):
        _issue(decision, users)
    entries = FundEntry.objects.filter(unit=office)
    assert entries.count() == 2
    for decision in (first, second):
        entry = entries.get(decision=decision)
        total = AwardLine.objects.filter(decision=decision).aggregate(t=Sum("amount"))["t"]
        assert total > 0
        assert (entry.kind, entry.amount, entry.date) == ("spending", total, dt.date(2026, 3, 2))
        assert decision.number_text in entry.description
    # Called again (a handler run twice): still one entry per decision, same amount.
    record_decision_prize(first)
    assert entries.count() == 2


def test_a_refused_issue_enters_nothing(cast):
    users = cast["users"]
    decision = _decision_with_lines(cast["conference_a"], users["staff"], 1)
    with pytest.raises(DomainError):
        honorees.issue_decision(decision=decision, by=users["clerk"])  # not approved yet
    assert not FundEntry.objects.exists()


def test_balance_by_year(cast):
    users, office = cast["users"], cast["office_a"]
    add = services.add_fund_entry
    add(unit=office, by=users["staff"], date=dt.date(2025, 1, 5), kind="income",
        amount=20_000_000, description="Số dư chuyển sang")  # fmt: skip
    add(unit=office, by=users["staff"], date=dt.date(2025, 6, 1), kind="spending",
        amount=4_500_000, description="Chi khen thưởng")  # fmt: skip
    add(unit=office, by=users["staff"], date=dt.date(2026, 2, 1), kind="income",
        amount=10_000_000, description="Ngân sách cấp")  # fmt: skip
    decision = _issue(_decision_with_lines(cast["conference_a"], users["staff"], 2), users)
    prize = FundEntry.objects.get(decision=decision).amount
    ledger = selectors.ledger(office, 2026)
    assert ledger.opening == 15_500_000
    assert (ledger.income, ledger.spending) == (10_000_000, prize)
    assert ledger.closing == 15_500_000 + 10_000_000 - prize
    assert [e.balance for e in ledger.entries] == [25_500_000, 25_500_000 - prize]
    assert selectors.ledger(office, 2025).closing == ledger.opening
    assert selectors.ledger(cast["office_b"], 2026).entries == []


def test_only_staff_write_the_book(cast):
    users, office = cast["users"], cast["office_a"]
    for persona in ("leader", "other_office", "submitter"):
        with pytest.raises(PermissionDeniedError):
            services.add_fund_entry(
                unit=office, by=users[persona], date=dt.date(2026, 1, 1), kind="income",
                amount=1, description="x",
            )  # fmt: skip
    with pytest.raises(DomainError):
        services.add_fund_entry(
            unit=office, by=users["staff"], date=dt.date(2026, 1, 1), kind="income", amount=0,
            description="x",
        )  # fmt: skip
    assert not FundEntry.objects.exists()
