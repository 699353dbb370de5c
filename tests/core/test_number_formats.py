"""Numbers on pages the Vietnamese way: 1.500.000, whichever filter prints them."""

from decimal import Decimal

from django.template import Context, Template


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_intcomma_groups_thousands_with_dots_in_vietnamese():
    # Django's own Vietnamese formats leave the grouping unset: intcomma printed 1500000.
    assert _render("{% load humanize %}{{ n|intcomma }}", n=1500000) == "1.500.000"


def test_vn_number_prints_money_grouped_and_nothing_for_none():
    source = "{% load vnformat %}{{ a|vn_number }}|{{ b|vn_number }}|{{ c|vn_number }}"
    assert _render(source, a=1500000, b=Decimal("-200000"), c=None) == "1.500.000|-200.000|"


def test_plain_numbers_stay_ungrouped():
    # A year or a count printed without a filter is not touched by the grouping.
    assert _render("{{ year }}", year=2025) == "2025"
