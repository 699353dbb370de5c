"""Reads of the budget and the fund: the estimate's rows (with the live prize lines while it
is a draft), totals, actual against estimate, and the fund's ledger of a year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404

from conferences.models import Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import memberships_of
from conferences.selectors import get_conference, visible_conferences
from honorees.models import AwardDecision
from honorees.selectors import award_totals_by_form

from .models import BudgetEstimate, BudgetLine, FundEntry, LineGroup
from .workflow import prizes_are_live

# The decisions whose prize money the estimate counts while it is a draft: issued ones and
# those the leader has approved (waiting only for the văn thư's number); a draft decision's
# list may still change, so it does not count yet.
PRIZE_DECISIONS = (AwardDecision.Status.APPROVED, AwardDecision.Status.ISSUED)


@dataclass
class Row:
    group: str
    description: str
    unit_label: str
    quantity: object
    unit_price: int
    amount: int
    actual: int | None
    line: BudgetLine | None = None  # None: a live prize line, not stored yet
    form: object = None  # the page's edit form, when the user may edit the line

    @property
    def group_label(self) -> str:
        return LineGroup(self.group).label

    @property
    def difference(self) -> int | None:
        """Thực chi − dự toán (negative: spent less than estimated)."""
        return None if self.actual is None else self.actual - self.amount


def estimate_of(conference) -> BudgetEstimate | None:
    return BudgetEstimate.objects.filter(conference=conference).first()


def get_estimate(user, conference_pk: int) -> BudgetEstimate:
    conference = get_conference(user, conference_pk)
    estimate = (
        BudgetEstimate.objects.select_related("conference__organiser")
        .filter(conference=conference)
        .first()
    )
    if estimate is None:
        raise Http404
    return estimate


def get_line(user, pk: int) -> BudgetLine:
    line = (
        BudgetLine.objects.select_related("estimate__conference__organiser")
        .filter(pk=pk, estimate__conference__in=visible_conferences(user))
        .first()
    )
    if line is None:
        raise Http404
    return line


def live_prize_rows(conference) -> list[Row]:
    """One line per award form: the honourees of the counted decisions and their prize money
    (the form's total; the unit price is the average when amounts differ)."""
    rows = []
    for total in award_totals_by_form(conference, statuses=PRIZE_DECISIONS):
        if not total["amount"]:
            continue
        price = total["amount"] // total["lines"] if total["lines"] else 0
        rows.append(
            Row(LineGroup.PRIZES, f"Tiền thưởng {total['name']}", "suất", total["lines"], price,
                total["amount"], None)
        )  # fmt: skip
    return rows


def prize_total(conference) -> int:
    return sum(row.amount for row in live_prize_rows(conference))


def estimate_rows(estimate: BudgetEstimate) -> list[Row]:
    """The stored lines, plus the live prize lines while the estimate is a draft, in the
    groups' order."""
    stored = [
        Row(line.group, line.description, line.unit_label, line.quantity, line.unit_price,
            line.amount, line.actual_amount, line)
        for line in estimate.lines.all()
    ]  # fmt: skip
    if prizes_are_live(estimate):
        stored += live_prize_rows(estimate.conference)
    order = {group: i for i, group in enumerate(LineGroup.values)}
    return sorted(stored, key=lambda row: order[row.group])


def estimate_totals(rows: list[Row]) -> dict:
    recorded = [row for row in rows if row.actual is not None]
    return {
        "estimate": sum(row.amount for row in rows),
        "actual": sum(row.actual for row in recorded),
        "estimate_of_recorded": sum(row.amount for row in recorded),
        "difference": sum(row.difference for row in recorded),
    }


def estimate_document_data(estimate: BudgetEstimate) -> dict:
    """The Tờ trình and its table as plain data (documents.builders.finance reads this)."""
    rows = estimate_rows(estimate)
    return {
        "estimate": estimate,
        "rows": rows,
        "total": estimate_totals(rows)["estimate"],
    }


# --- The fund ----------------------------------------------------------------------------------
def fund_units(user):
    """The units whose fund the user may read: the offices of their memberships."""
    if user.is_superuser:
        return Unit.objects.filter(conferences__isnull=False).distinct().order_by("path")
    paths = [m.unit.path for m in memberships_of(user) if m.role in (*OFFICE_ROLES, "clerk")]
    return Unit.objects.filter(path__in=paths).order_by("path")


@dataclass
class Ledger:
    unit: Unit
    year: int
    opening: int
    entries: list  # FundEntry with .balance (the running balance after it)
    income: int
    spending: int

    @property
    def closing(self) -> int:
        return self.opening + self.income - self.spending


def ledger(unit: Unit, year: int) -> Ledger:
    """The year's entries with the running balance; the opening balance is what the entries
    of the years before leave (two queries)."""
    before = FundEntry.objects.filter(unit=unit, date__lt=dt.date(year, 1, 1)).aggregate(
        income=Coalesce(Sum("amount", filter=Q(kind=FundEntry.Kind.INCOME)), 0),
        spending=Coalesce(Sum("amount", filter=Q(kind=FundEntry.Kind.SPENDING)), 0),
    )
    opening = before["income"] - before["spending"]
    entries = list(FundEntry.objects.filter(unit=unit, date__year=year).select_related("decision"))
    balance, income, spending = opening, 0, 0
    for entry in entries:
        balance += entry.signed_amount
        entry.balance = balance
        if entry.kind == FundEntry.Kind.INCOME:
            income += entry.amount
        else:
            spending += entry.amount
    return Ledger(unit, year, opening, entries, income, spending)
