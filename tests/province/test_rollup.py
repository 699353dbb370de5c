"""The province view: figures add up, queries stay constant, scoping holds."""

import io

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conferences.models import Conference, Role, Unit
from delegates.models import Delegate
from honorees.models import AwardDecision, AwardLine, Nomination
from province.generator import generate_province
from province.rollup import RollupFilter, build_rollup
from tests.factories import member

pytestmark = pytest.mark.django_db

BOTH_YEARS = RollupFilter(from_year=2024, to_year=2025)


def _own_figures(commune) -> dict:
    lines = AwardLine.objects.filter(
        decision__round__conference__organiser=commune, decision__status=AwardDecision.Status.ISSUED
    )
    return {
        "honourees": lines.count(),
        "female": lines.filter(nomination__gender="female", nomination__kind="individual").count(),
        "collectives": lines.filter(nomination__kind="collective").count(),
        "amount": lines.aggregate(s=Sum("amount"))["s"] or 0,
        "delegates": Delegate.objects.filter(conference__organiser=commune).count(),
        "conferences": Conference.objects.filter(organiser=commune).count(),
    }


def test_seed_province_command_builds_the_province_and_refuses_a_used_code():
    out = io.StringIO()
    call_command("seed_province", communes=3, years=2, lines=4, prefix="CMD", stdout=out)
    assert "3 xã, 2 năm (2024-2025), 6 hội nghị, 24 người, tập thể được khen" in out.getvalue()
    province = Unit.objects.get(code="CMD")
    assert Unit.objects.get_children(province).count() == 3
    assert (
        AwardLine.objects.filter(
            decision__round__conference__organiser__path__startswith=province.path
        ).count()
        == 24
    )
    with pytest.raises(CommandError, match="Đã có đơn vị mang mã CMD"):
        call_command("seed_province", communes=1, years=1, prefix="CMD", stdout=out)


def test_generated_people_come_back_every_year(small_province):
    first = small_province.communes[0]
    names = Nomination.objects.filter(unit=first, kind="individual").values_list(
        "name_key", "birth_year", "round__conference__start_year"
    )
    by_person = {}
    for key, born, year in names:
        by_person.setdefault((key, born), set()).add(year)
    assert any(years == {2024, 2025} for years in by_person.values())


def test_rollup_figures_equal_the_sum_of_the_communes_own_figures(small_province):
    rollup = build_rollup(small_province.province, BOTH_YEARS)
    assert len(rollup.rows) == 12
    sums = dict.fromkeys(("honourees", "female", "collectives", "amount", "delegates"), 0)
    for commune in small_province.communes:
        own = _own_figures(commune)
        row = rollup.row_for(commune.pk).figures
        assert {k: getattr(row, k) for k in own} == own
        assert build_rollup(commune, BOTH_YEARS).totals.honourees == own["honourees"]
        for key in sums:
            sums[key] += own[key]
    assert {k: getattr(rollup.totals, k) for k in sums} == sums
    assert rollup.totals.honourees == 12 * 2 * 10
    assert sum(rollup.totals.by_form.values()) == rollup.totals.honourees
    assert sum(rollup.totals.by_sector.values()) == rollup.totals.honourees
    assert rollup.totals.individuals + rollup.totals.collectives == rollup.totals.honourees


def test_rollup_filters_by_period_and_kind(small_province):
    one_year = build_rollup(small_province.province, RollupFilter(2025, 2025))
    assert one_year.totals.conferences == 12 and one_year.totals.honourees == 120
    assert one_year.communes_held == 12
    assert all(r.latest.plan_number == "01/KH-UBND" for r in one_year.rows)
    other_kind = build_rollup(
        small_province.province, RollupFilter(2024, 2025, Conference.Kind.EXEMPLAR_FIVE_YEAR)
    )
    assert other_kind.totals.conferences == 0 and other_kind.communes_held == 0
    assert len(other_kind.rows) == 12  # communes without a conference still have their row


def _page_queries(client, user, province) -> tuple[int, object]:
    client.force_login(user)
    url = reverse("province:rollup", args=[province.pk]) + "?from_year=2024&to_year=2025"
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_rollup_page_query_count_does_not_grow_with_the_communes(client):
    small = generate_province(communes=3, years=2, lines_per_commune=4, prefix="AAA")
    large = generate_province(communes=12, years=2, lines_per_commune=4, prefix="BBB")
    few, response = _page_queries(client, member(small.province, Role.STAFF), small.province)
    many, response = _page_queries(client, member(large.province, Role.LEADER), large.province)
    assert few == many > 0
    assert response.context["rollup"].totals.honourees == 12 * 2 * 4
    assert len(response.context["rollup"].rows) == 12


def test_commune_staff_cannot_see_a_sibling_through_the_rollup(client, small_province):
    mine, sibling = small_province.communes[0], small_province.communes[1]
    province = small_province.province
    client.force_login(member(mine, Role.STAFF))
    for url in (
        reverse("province:rollup", args=[province.pk]),
        reverse("province:rollup_export", args=[province.pk]),
        reverse("province:rollup", args=[sibling.pk]),
        reverse("province:commune", args=[mine.pk, sibling.pk]),
        reverse("province:commune", args=[province.pk, sibling.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.get(reverse("province:rollup", args=[mine.pk]) + "?from_year=2024")
    assert response.status_code == 200
    assert [r.unit for r in response.context["rollup"].rows] == [mine]
    assert sibling.label not in response.content.decode()


def test_rollup_page_draws_bars_as_svg_without_inline_style_or_script(client, small_province):
    _, response = _page_queries(
        client, member(small_province.province, Role.STAFF), small_province.province
    )
    html = response.content.decode()
    assert "style=" not in html
    assert "<script>" not in html  # only external scripts
    assert html.count('<rect x="0" y="0" height="10" width="') >= 12
    assert 'width="100.0"' in html  # the largest bar fills its track


def test_rollup_filter_with_wrong_years_shows_the_error(client, small_province):
    client.force_login(member(small_province.province, Role.STAFF))
    url = reverse("province:rollup", args=[small_province.province.pk])
    response = client.get(url, {"from_year": "2025", "to_year": "2020"})
    assert response.status_code == 200
    assert "“Đến năm” phải không nhỏ hơn “Từ năm”." in response.content.decode()


def test_drill_down_lists_the_communes_conferences(client, small_province):
    commune = small_province.communes[2]
    client.force_login(member(small_province.province, Role.COUNCIL))
    url = reverse("province:commune", args=[small_province.province.pk, commune.pk])
    response = client.get(url, {"from_year": 2024, "to_year": 2025})
    assert response.status_code == 200
    conferences = Conference.objects.filter(organiser=commune)
    html = response.content.decode()
    for conference in conferences:
        assert reverse("conference_detail", args=[conference.pk]) in html
    assert response.context["row"].figures.honourees == 20


def test_rollup_export_streams_one_row_per_commune_and_the_totals(client, small_province):
    client.force_login(member(small_province.province, Role.STAFF))
    url = reverse("province:rollup_export", args=[small_province.province.pk])
    response = client.get(url, {"from_year": 2024, "to_year": 2025})
    assert response.status_code == 200 and response.streaming
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book["Tổng hợp theo xã"].iter_rows(values_only=True))
    headers = rows[1]
    communes, total = rows[2:-1], rows[-1]
    assert len(communes) == 12 and total[1] == "Tổng cộng"
    column = headers.index("Được khen")
    assert sum(r[column] for r in communes) == total[column] == 240
    assert len(list(book["Danh sách hội nghị"].iter_rows())) == 1 + 24


def test_cached_figures_follow_a_new_decision_and_a_new_delegate(small_province):
    from django.utils import timezone

    from delegates.models import DelegateCategory
    from tests.honorees.factories import DecisionFactory, NominationFactory, award

    commune = small_province.communes[0]
    with CaptureQueriesContext(connection) as cold:
        first = build_rollup(small_province.province, BOTH_YEARS)
    with CaptureQueriesContext(connection) as warm:
        build_rollup(small_province.province, BOTH_YEARS)
    # Served from the cache: the fingerprints are read, the aggregations are not run again.
    assert len(warm.captured_queries) == len(cold.captured_queries) - 3
    conference = Conference.objects.filter(organiser=commune, start_year=2025).get()
    round = conference.nomination_rounds.get()
    decision = DecisionFactory(
        round=round, status="issued", number=2, signed_at=timezone.now(), issued_at=timezone.now()
    )
    AwardLine.objects.create(
        decision=decision,
        nomination=NominationFactory(round=round, unit=commune, status="awarded"),
        award_form=award("gk-xa"),
        amount=710_000,
    )
    Delegate.objects.create(
        conference=conference,
        category=DelegateCategory.objects.filter(conference=conference).first(),
        full_name="Đại biểu mới",
        source="guest",
    )
    after = build_rollup(small_province.province, BOTH_YEARS)
    assert after.totals.honourees == first.totals.honourees + 1
    assert after.totals.amount == first.totals.amount + 710_000
    assert after.totals.delegates == first.totals.delegates + 1


def test_generated_people_of_a_commune_are_distinct_at_the_benchmarks_size():
    """The benchmark's 420 award lines a commune and year: each line a different person (a
    round refuses the same name and birth year twice), the same person every year."""
    from core.vntext import fold
    from province.generator import person

    for commune in (0, 7, 119):
        people = [person(commune, j) for j in range(420)]
        assert len({(fold(name), born) for name, _gender, born in people}) == 420
        assert person(commune, 5) == people[5]
