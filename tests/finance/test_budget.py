"""The estimate: lines by group (quantity × unit price), the prize lines equal the decisions'
totals by form (approved and issued decisions; a draft decision does not count) and stay live
until the Tờ trình is sent; actual spending against each line."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Sum

from core.errors import DomainError, PermissionDeniedError
from finance import selectors, services
from finance.models import BudgetEstimate, BudgetLine, LineGroup
from honorees.models import AwardDecision, AwardForm, AwardLine
from tests.reports.world import line

pytestmark = pytest.mark.django_db


@pytest.fixture
def estimate(world_data, cast):
    estimate = services.create_estimate(
        conference=world_data["conference"], by=cast["users"]["staff"]
    )
    services.save_line(
        estimate=estimate, by=cast["users"]["staff"], group=LineGroup.HALL,
        description="Thuê hội trường", unit_label="buổi", quantity=Decimal(1),
        unit_price=3_000_000,
    )  # fmt: skip
    services.save_line(
        estimate=estimate, by=cast["users"]["staff"], group=LineGroup.CATERING,
        description="Nước uống", unit_label="suất", quantity=Decimal("150"), unit_price=20_000,
    )  # fmt: skip
    return estimate


def _decisions_total(conference, statuses) -> int:
    lines = AwardLine.objects.filter(
        decision__round__conference=conference, decision__status__in=statuses
    )
    return lines.aggregate(t=Sum("amount"))["t"] or 0


COUNTED = [AwardDecision.Status.APPROVED, AwardDecision.Status.ISSUED]


def _prize_rows(estimate):
    return [r for r in selectors.estimate_rows(estimate) if r.group == LineGroup.PRIZES]


def test_prize_line_equals_the_decisions_total(estimate, world_data):
    conference = world_data["conference"]
    prizes = _prize_rows(estimate)
    assert sum(r.amount for r in prizes) == _decisions_total(conference, COUNTED) == 1_420_000
    # The draft decision (1 collective, 1 individual) is not in it...
    assert _decisions_total(conference, ["draft"]) == 2_590_000
    # ...until the leader approves it.
    AwardDecision.objects.filter(pk=world_data["draft"].pk).update(
        status=AwardDecision.Status.APPROVED, signed_at=dt.datetime(2025, 9, 1, tzinfo=dt.UTC)
    )
    prizes = _prize_rows(estimate)
    assert sum(r.amount for r in prizes) == _decisions_total(conference, COUNTED) == 4_010_000
    name = AwardForm.objects.get(code="tt-ldtt").name
    by_form = {r.description: r for r in prizes}
    assert by_form[f"Tiền thưởng {name}"].amount == 1_880_000


def test_lines_multiply_and_total(estimate):
    rows = selectors.estimate_rows(estimate)
    hall = next(r for r in rows if r.group == LineGroup.HALL)
    water = next(r for r in rows if r.group == LineGroup.CATERING)
    assert (hall.amount, water.amount) == (3_000_000, 3_000_000)
    totals = selectors.estimate_totals(rows)
    assert totals["estimate"] == 6_000_000 + 1_420_000
    groups = [r.group for r in rows]
    assert groups == sorted(groups, key=LineGroup.values.index)


def test_prize_lines_cannot_be_typed(estimate, cast):
    with pytest.raises(DomainError):
        services.save_line(
            estimate=estimate, by=cast["users"]["staff"], group=LineGroup.PRIZES,
            description="Tiền thưởng", quantity=Decimal(1), unit_price=5,
        )  # fmt: skip


def test_submit_freezes_prizes_and_takes_a_number(estimate, world_data, cast):
    users = cast["users"]
    before = _decisions_total(world_data["conference"], COUNTED)
    services.submit_estimate(
        estimate=estimate, by=users["staff"], submitted_on=dt.date(2026, 11, 2)
    )
    estimate.refresh_from_db()
    assert estimate.status == BudgetEstimate.Status.SUBMITTED
    assert estimate.number_line == "Số: 01/TTr-VHXH"
    stored = BudgetLine.objects.filter(estimate=estimate, group=LineGroup.PRIZES)
    assert sum(line.amount for line in stored) == before
    # A decision approved after the Tờ trình went does not change the estimate.
    line(world_data["issued"], amount=5_000_000)
    assert sum(r.amount for r in _prize_rows(estimate)) == before
    with pytest.raises(PermissionDeniedError):
        services.save_line(
            estimate=estimate, by=users["staff"], group=LineGroup.OTHER, description="X",
            quantity=Decimal(1), unit_price=1,
        )  # fmt: skip


def test_return_makes_prizes_live_again(estimate, world_data, cast):
    users = cast["users"]
    services.submit_estimate(estimate=estimate, by=users["staff"])
    with pytest.raises(PermissionDeniedError):
        services.approve_estimate(estimate=estimate, by=users["staff"])
    services.return_estimate(estimate=estimate, by=users["leader"], comment="Giảm tiền hoa")
    estimate.refresh_from_db()
    assert estimate.status == BudgetEstimate.Status.DRAFT and estimate.number is None
    assert not BudgetLine.objects.filter(estimate=estimate, group=LineGroup.PRIZES).exists()
    line(world_data["issued"], amount=500_000)
    total = _decisions_total(world_data["conference"], COUNTED)
    assert sum(r.amount for r in _prize_rows(estimate)) == total == 1_920_000


def test_actual_against_estimate(estimate, cast):
    users = cast["users"]
    with pytest.raises(PermissionDeniedError):  # nothing is spent before the Tờ trình goes
        services.record_actual(line=estimate.lines.first(), by=users["staff"], actual_amount=1)
    services.submit_estimate(estimate=estimate, by=users["staff"])
    services.approve_estimate(estimate=estimate, by=users["leader"])
    hall = estimate.lines.get(group=LineGroup.HALL)
    water = estimate.lines.get(group=LineGroup.CATERING)
    services.record_actual(line=hall, by=users["staff"], actual_amount=2_800_000)
    services.record_actual(line=water, by=users["staff"], actual_amount=3_150_000)
    estimate.refresh_from_db()
    rows = selectors.estimate_rows(estimate)
    by_group = {r.group: r for r in rows}
    assert by_group[LineGroup.HALL].difference == -200_000
    assert by_group[LineGroup.CATERING].difference == 150_000
    totals = selectors.estimate_totals(rows)
    assert totals["actual"] == 5_950_000
    assert totals["difference"] == -50_000
    assert totals["estimate"] == 7_420_000  # the prize lines have no actual yet
