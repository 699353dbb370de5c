"""Budgets on a generated province (seed_scale's generator at two sizes, the second twice
the first): each page stays under 300 kB of HTML and runs the same number of queries at both
sizes: the office's pages, and the council member's queue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assignments.models import Milestone
from conferences.models import User
from delegates.models import DelegateCategory
from province.scale import ScaleSizes, generate_scale

pytestmark = pytest.mark.django_db
BUDGET = 300_000
PASSWORD = "thidua-thu"  # noqa: S105 - test data


def _province(prefix: str, factor: int):
    sizes = ScaleSizes(
        communes=26 * factor, units_per_commune=12, delegates=100 * factor,
        nominations=160 * factor, council=3, duties=40 * factor,
    )  # fmt: skip
    result = generate_scale(sizes=sizes, prefix=prefix, password=PASSWORD)
    milestone = Milestone.objects.create(conference=result.conference, order=1, title="Họp.")
    milestone.units.set(result.communes[:3])
    return result, milestone


def _pages(result, milestone) -> dict[str, str]:
    conference = result.conference.pk
    commune = result.communes[-1]
    return {
        "unit tree": reverse("unit_list"),
        "unit tree, a commune opened": reverse("unit_children", kwargs={"pk": commune.pk}),
        "unit search": reverse("unit_search") + f"?trong={result.province.pk}&tim_don_vi=thon+1",
        "allocation grid": reverse("delegates_allocation", kwargs={"conference_pk": conference}),
        "allocation grid, last group": reverse(
            "delegates_allocation", kwargs={"conference_pk": conference}
        )
        + f"?nhom={commune.pk}",
        "invitations chooser": reverse(
            "delegates_invitations", kwargs={"conference_pk": conference}
        ),
        "add delegate": reverse("delegates_create", kwargs={"conference_pk": conference}),
        "add assignment": reverse("assignment_create", kwargs={"conference_pk": conference}),
        "add milestone": reverse("milestone_create", kwargs={"conference_pk": conference}),
        "edit milestone": reverse("milestone_edit", kwargs={"pk": milestone.pk}),
        # 40 duties, then 80: past BOARD_OPEN_DUTIES each agency's list opens on demand.
        "duty board": reverse("assignment_board", kwargs={"conference_pk": conference}),
        **_round_pages(result),
    }


def _largest_round(result):
    from django.db.models import Count

    rounds = result.conference.nomination_rounds.annotate(n=Count("nominations"))
    return rounds.order_by("-n", "pk").first()


def _round_pages(result) -> dict[str, str]:
    round = _largest_round(result).pk
    return {
        name: reverse(f"honorees:{view}", args=[round])
        for name, view in (
            ("round's dossiers", "round_detail"), ("round quotas", "round_quotas"),
            ("council tally", "review_tally"), ("council sitting", "council_sitting"),
            ("delegates above", "delegates_above"),
        )
    }  # fmt: skip


def _measure(
    client, prefix: str, pages: dict[str, str], who: str = "canbo"
) -> dict[str, tuple[int, int]]:
    client.force_login(User.objects.get(username=f"{prefix.lower()}-{who}"))
    client.get(pages["unit tree"])  # the session and caches warm
    figures = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        figures[name] = (len(response.content), len(queries))
    return figures


def _council_queue(client, prefix: str, result) -> tuple[int, int]:
    """A council member's queue of the largest round (paged)."""
    url = reverse("honorees:council_list", args=[_largest_round(result).pk])
    pages = {"unit tree": reverse("home"), "queue": url}  # the first request warms the session
    return _measure(client, prefix, pages, who="hoidong1")["queue"]


def test_pages_stay_small_and_their_queries_constant_as_the_province_grows(client):
    provinces = {"NHO": _province("NHO", 1), "LON": _province("LON", 2)}
    small = _measure(client, "NHO", _pages(*provinces["NHO"]))
    large = _measure(client, "LON", _pages(*provinces["LON"]))
    small["council queue"] = _council_queue(client, "NHO", provinces["NHO"][0])
    large["council queue"] = _council_queue(client, "LON", provinces["LON"][0])
    for name in small:
        print(name, small[name], large[name])  # shown with -s
        size, queries = large[name]
        assert size < BUDGET, f"{name}: {size} bytes at the larger size"
        assert queries == small[name][1], f"{name}: {small[name][1]} then {queries} queries"
    # The grid shows one group at a time, so it does not grow with the communes either.
    assert large["allocation grid"][0] < 2 * small["allocation grid"][0]
    assert DelegateCategory.objects.filter(conference__organiser__code="LON").count() == 2
