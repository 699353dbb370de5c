"""The activity log (newest or oldest first) and the conference list (by date or title)
sorted by the user through core.sorting."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conferences.models import ActivityEntry, Conference
from conferences.services import log_activity
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db


def _entries(cast) -> list[ActivityEntry]:
    entries = []
    for days, summary in ((3, "Lần một"), (1, "Lần ba"), (2, "Lần hai")):
        entry = log_activity(
            actor=cast["users"]["staff"], action="test.changed", summary=summary,
            target=cast["school"], scope_unit=cast["school"],
        )  # fmt: skip
        ActivityEntry.objects.filter(pk=entry.pk).update(
            created_at=timezone.now() - dt.timedelta(days=days)
        )
        entries.append(entry)
    return entries


def _summaries(client, **query) -> list[str]:
    response = client.get(reverse("activity_list"), query)
    assert response.status_code == 200
    return [e.summary for e in response.context["page"] if e.summary.startswith("Lần")]


def test_activity_newest_first_by_default_oldest_on_request(client, cast):
    _entries(cast)
    client.force_login(cast["users"]["leader"])
    assert _summaries(client) == ["Lần ba", "Lần hai", "Lần một"]
    assert _summaries(client, sort="thoi-gian") == ["Lần một", "Lần hai", "Lần ba"]
    assert _summaries(client, sort="???") == ["Lần ba", "Lần hai", "Lần một"]
    html = client.get(reverse("activity_list"), {"object_repr": "Trường"}).content.decode()
    assert '<th data-label="Thời điểm" aria-sort="descending">' in html
    assert "?object_repr=Tr%C6%B0%E1%BB%9Dng&amp;sort=thoi-gian" in html  # the filter kept
    assert '<label class="form-label small mb-0" for="sap-xep">Sắp xếp theo</label>' in html


def test_conference_list_by_date_or_by_title(client, cast):
    office = cast["office_a"]
    Conference.objects.all().delete()
    later = ConferenceFactory(organiser=office, title="Đại hội thi đua", end_year=2030)
    earlier = ConferenceFactory(
        organiser=office, title="Hội nghị tổng kết", start_year=2020, end_year=2025
    )
    first = ConferenceFactory(
        organiser=office, title="Biểu dương điển hình", start_year=2015, end_year=2020
    )
    client.force_login(cast["users"]["staff"])

    def shown(**query):
        response = client.get(reverse("conference_list"), query)
        return [c.pk for c in response.context["conferences"]]

    assert shown() == [later.pk, earlier.pk, first.pk]  # newest first, as before
    assert shown(sort="thoi-gian") == [first.pk, earlier.pk, later.pk]
    # By title with marks folded: Biểu < Đại (as d) < Hội.
    assert shown(sort="ten") == [first.pk, later.pk, earlier.pk]
    assert shown(sort="-ten") == [earlier.pk, later.pk, first.pk]
