"""A person's award history across the province's communes and years."""

import pytest
from django.urls import reverse

from conferences.models import Role
from honorees.models import AwardLine
from honorees.selectors import consecutive_years, person_award_history
from province.generator import person
from tests.factories import ConferenceFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _nomination_in(commune, full_name: str, birth_year: int):
    round = RoundFactory(
        conference=ConferenceFactory(organiser=commune, start_year=2026, end_year=2026)
    )
    return NominationFactory(round=round, unit=commune, full_name=full_name, birth_year=birth_year)


def test_history_matches_the_name_whatever_the_tone_placement_and_the_birth_year(small_province):
    name, _, born = person(0, 3)
    assert name == "Phạm Thanh Thủy"
    elsewhere = small_province.communes[5]
    history = person_award_history(_nomination_in(elsewhere, "PHẠM THANH THUỶ", born))
    expected = AwardLine.objects.filter(nomination__full_name=name, nomination__birth_year=born)
    assert {line.pk for line in history} == set(expected.values_list("pk", flat=True))
    assert {line.decision.date.year for line in history} == {2024, 2025}
    assert {line.decision.round.conference.organiser for line in history} == {
        small_province.communes[0]
    }
    assert person_award_history(_nomination_in(elsewhere, "Phạm Thanh Thủy", born + 1)) == []


def test_history_stays_inside_the_province(small_province):
    from province.generator import generate_province

    other = generate_province(communes=1, years=1, lines_per_commune=4, prefix="KHAC")
    name, _, born = person(0, 3)
    # The same generated person was honoured in both provinces: each sees only its own.
    history = person_award_history(_nomination_in(other.communes[0], name, born))
    assert [line.decision.round.conference.organiser for line in history] == [other.communes[0]]
    assert small_province.communes[0] not in {
        line.decision.round.conference.organiser for line in history
    }


def test_consecutive_years_counts_back_from_the_year_asked(small_province):
    name, _, born = person(0, 3)
    history = person_award_history(_nomination_in(small_province.communes[0], name, born))
    codes = {line.award_form.code for line in history}
    for code in codes:
        years = {line.decision.date.year for line in history if line.award_form.code == code}
        assert consecutive_years(history, award_code=code, up_to=2025) == (
            2 if years == {2024, 2025} else int(2025 in years)
        )
    assert consecutive_years(history, award_code="cstd-cs", up_to=2023) == 0


def test_nomination_page_shows_the_history_to_the_office_only(client, small_province):
    commune = small_province.communes[0]
    name, _, born = person(0, 3)
    nomination = _nomination_in(commune, "Phạm Thanh Thuỷ", born)
    url = reverse("honorees:nomination_detail", args=[nomination.pk])
    client.force_login(member(commune, Role.STAFF))
    html = client.get(url).content.decode()
    assert "Quá trình khen thưởng trong tỉnh" in html
    assert html.count("<tr><td>2024</td>") + html.count("<tr><td>2025</td>") == 2
    client.force_login(member(nomination.unit, Role.SUBMITTER))
    assert "Quá trình khen thưởng trong tỉnh" not in client.get(url).content.decode()
