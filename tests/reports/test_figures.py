"""The report's figures equal the data (counted here row by row), follow a decision that is
still a draft, and freeze when the report is issued."""

import pytest
from django.db.models import Sum

from core.vntext import format_money, money_in_words
from delegates.models import Delegate
from honorees.models import AwardLine, Nomination, NominationRound
from reports import selectors, services
from reports.figures import compute_figures, fill
from tests.reports.world import line

pytestmark = pytest.mark.django_db
S = Nomination.Status


def _two(n: int) -> str:
    return f"{n:02d}" if n < 10 else str(n)


def _expected(conference) -> dict:
    nominations = Nomination.objects.filter(round__conference=conference)
    lines = AwardLine.objects.filter(decision__round__conference=conference)
    individuals = lines.exclude(nomination__kind="collective")
    delegates = Delegate.objects.filter(conference=conference)
    money = lines.aggregate(total=Sum("amount"))["total"] or 0
    return {
        "so_dot": _two(NominationRound.objects.filter(conference=conference).count()),
        "ho_so_gui": _two(nominations.exclude(status__in=[S.DRAFT, S.WITHDRAWN]).count()),
        "ho_so_thong_qua": _two(nominations.filter(status__in=[S.APPROVED, S.AWARDED]).count()),
        "khen_thuong": _two(lines.count()),
        "khen_tap_the": _two(lines.filter(nomination__kind="collective").count()),
        "khen_ca_nhan": _two(individuals.count()),
        "khen_nu": _two(individuals.filter(nomination__gender="female").count()),
        "khen_nam": _two(individuals.filter(nomination__gender="male").count()),
        "dai_bieu_moi": _two(delegates.exclude(invitation_status="to_invite").count()),
        "dai_bieu_co_mat": _two(delegates.filter(present_at__isnull=False).count()),
        "tien_thuong": format_money(money),
        "tien_thuong_bang_chu": money_in_words(money),
    }


def test_figures_equal_the_data(world_data):
    conference = world_data["conference"]
    values = compute_figures(conference)["values"]
    expected = _expected(conference)
    assert {k: values[k] for k in expected} == expected
    # The world (tests/reports/world.py): 4 award lines, one of them a collective.
    assert values["khen_thuong"] == "04" and values["khen_tap_the"] == "01"
    assert values["tien_thuong"] == "4.010.000 đồng"


def test_figures_by_form_and_sector(world_data):
    figures = compute_figures(world_data["conference"])
    by_form = {row["name"]: row for row in figures["by_form"]}
    lines = AwardLine.objects.filter(decision__round__conference=world_data["conference"])
    for name, row in by_form.items():
        mine = lines.filter(award_form__name=name)
        assert row["lines"] == mine.count()
        assert row["amount"] == mine.aggregate(t=Sum("amount"))["t"]
    assert sum(r["lines"] for r in figures["by_form"]) == lines.count()
    sectors = figures["values"]["theo_linh_vuc"]
    assert "Giáo dục: 02" in sectors and "Y tế: 01" in sectors and "Khác: 01" in sectors


def test_figures_follow_a_draft_decision_until_issue(world_data, cast):
    users = cast["users"]
    report = services.create_report(conference=world_data["conference"], by=users["staff"])
    before = selectors.report_figures(report)["values"]
    line(world_data["draft"], gender="female", amount=1_000_000)
    after = selectors.report_figures(report)["values"]
    assert after["khen_thuong"] == "05" != before["khen_thuong"]
    assert after["khen_nu"] == "03"
    assert after["tien_thuong"] == "5.010.000 đồng"
    # An amount changed on the draft decision shows at the next look, in the printed outline.
    AwardLine.objects.filter(decision=world_data["draft"]).update(amount=2_000_000)
    text = _outline_text(selectors.printable_outline(report))
    total = AwardLine.objects.filter(
        decision__round__conference=world_data["conference"]
    ).aggregate(t=Sum("amount"))["t"]
    assert format_money(total) in text

    services.submit_report(report=report, by=users["staff"])
    services.approve_report(report=report, by=users["leader"])
    services.issue_report(report=report, by=users["clerk"])
    frozen = selectors.report_figures(report)["values"]
    assert frozen["tien_thuong"] == format_money(total)
    line(world_data["draft"], kind="collective", form="tt-ldtt", amount=1_880_000)
    report.refresh_from_db()
    assert selectors.report_figures(report)["values"] == frozen
    assert compute_figures(world_data["conference"])["values"]["khen_thuong"] == "06"
    assert format_money(total) in _outline_text(selectors.printable_outline(report))


def _outline_text(outline: dict) -> str:
    return "\n".join(
        " ".join(p for p in (line["marker"], line["lead"], line["text"]) if p)
        for section in outline["sections"]
        for line in section["lines"]
    )


def test_unknown_tokens_stay_visible():
    assert fill("Có [[khen_thuong]] và [[khong_co]]", {"khen_thuong": "05"}) == (
        "Có 05 và [[khong_co]]"
    )
