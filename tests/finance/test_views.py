"""The budget's and the fund's pages: a line added through the page, actual spending recorded,
and the queries constant in the number of lines, decisions and entries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from finance import services
from finance.models import BudgetEstimate, FundEntry
from tests.queries import assert_queries_constant
from tests.reports.world import line

pytestmark = pytest.mark.django_db


@pytest.fixture
def estimate(world_data, cast):
    return services.create_estimate(conference=world_data["conference"], by=cast["users"]["staff"])


def _url(estimate) -> str:
    return reverse("finance:estimate", args=[estimate.conference_id])


def test_add_a_line_then_submit_and_record_actual(client, estimate, cast):
    users = cast["users"]
    client.force_login(users["staff"])
    client.post(
        reverse("finance:line_add", args=[estimate.conference_id]),
        {"new-group": "catering", "new-description": "Nước uống", "new-quantity": "150",
         "new-unit_price": "20000"},
    )  # fmt: skip
    page = client.get(_url(estimate)).content.decode()
    assert "Nước uống" in page and "3.000.000" in page
    assert "4.420.000" in page  # with the live prize lines (1.420.000)
    client.post(reverse("finance:estimate_submit", args=[estimate.conference_id]))
    estimate.refresh_from_db()
    assert estimate.status == BudgetEstimate.Status.SUBMITTED
    water = estimate.lines.get(description="Nước uống")
    client.post(
        reverse("finance:line_actual", args=[water.pk]), {f"a{water.pk}-actual_amount": "2700000"}
    )
    water.refresh_from_db()
    assert water.actual_amount == 2_700_000
    assert "-300.000" in client.get(_url(estimate)).content.decode()


def test_estimate_page_queries_constant_in_lines(client, estimate, world_data, cast):
    client.force_login(cast["users"]["staff"])
    forms = ["cstd-cs", "ldtt", "tt-ldxs"]

    def add(i):
        description = f"Khoản chi số {i}"
        services.save_line(
            estimate=BudgetEstimate.objects.get(pk=estimate.pk), by=cast["users"]["staff"],
            group="other", description=description, quantity=Decimal(1), unit_price=1000 + i,
        )  # fmt: skip
        line(world_data["issued"], form=forms[i], amount=500_000)
        return description

    assert_queries_constant(client, _url(estimate), add)


def test_fund_page_queries_constant_in_entries(client, cast):
    client.force_login(cast["users"]["staff"])
    office = cast["office_a"]

    def add(i):
        description = f"Khoản thu số {i}"
        services.add_fund_entry(
            unit=office, by=cast["users"]["staff"], date=dt.date(2026, 2, i + 1), kind="income",
            amount=1_000_000, description=description,
        )  # fmt: skip
        return description

    assert_queries_constant(client, reverse("finance:fund") + "?nam=2026", add)


def test_fund_page_adds_an_entry_and_shows_the_balance(client, cast):
    client.force_login(cast["users"]["staff"])
    office = cast["office_a"]
    url = reverse("finance:fund") + f"?don_vi={office.pk}&nam=2026"
    client.post(url, {"date": "2026-01-02", "kind": "income", "amount": "5000000",
                      "description": "Số dư chuyển sang"})  # fmt: skip
    client.post(url, {"date": "2026-02-02", "kind": "spending", "amount": "1200000",
                      "description": "Chi khen thưởng"})  # fmt: skip
    assert FundEntry.objects.filter(unit=office).count() == 2
    page = client.get(url).content.decode()
    assert "3.800.000" in page


def test_a_line_is_edited_through_the_page(client, estimate, cast):
    staff = cast["users"]["staff"]
    line = services.save_line(
        estimate=estimate, by=staff, group="printing", description="In giấy mời",
        quantity=Decimal(100), unit_price=5_000,
    )  # fmt: skip
    client.force_login(staff)
    page = client.get(_url(estimate)).content.decode()
    assert f'name="l{line.pk}-description"' in page
    client.post(
        reverse("finance:line_edit", args=[line.pk]),
        {f"l{line.pk}-group": "printing", f"l{line.pk}-description": "In giấy mời, giấy khen",
         f"l{line.pk}-quantity": "120", f"l{line.pk}-unit_price": "6000"},
    )  # fmt: skip
    line.refresh_from_db()
    assert (line.description, line.quantity, line.unit_price) == (
        "In giấy mời, giấy khen",
        Decimal(120),
        6_000,
    )
    assert line.amount == 720_000


def test_a_refused_line_keeps_what_was_typed(client, estimate, cast):
    client.force_login(cast["users"]["staff"])
    response = client.post(
        reverse("finance:line_add", args=[estimate.conference_id]),
        {"new-group": "gifts", "new-description": "Hoa tươi tặng đại biểu", "new-quantity": "-3",
         "new-unit_price": "50000"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Hoa tươi tặng đại biểu" in response.content.decode()
    assert not estimate.lines.exists()
