"""The report's and the budget's cards on the conference page, and what waits for the leader
on the home page."""

import pytest
from django.urls import reverse

from core.extensions import conference_links, home_items
from finance import services as finance
from reports import services

pytestmark = pytest.mark.django_db


def test_cards_and_leader_items(world_data, cast):
    users, conference = cast["users"], world_data["conference"]
    titles = [link.title for link in conference_links(users["staff"], conference)]
    assert "Lập báo cáo tổng kết" in titles and "Lập dự trù kinh phí" in titles
    assert not [
        t
        for t in (link.title for link in conference_links(users["submitter"], conference))
        if "kinh phí" in t or "tổng kết" in t
    ]

    report = services.create_report(conference=conference, by=users["staff"])
    estimate = finance.create_estimate(conference=conference, by=users["staff"])
    assert not [i for i in home_items("leader", users["leader"]) if "tổng kết" in i.label]
    services.submit_report(report=report, by=users["staff"])
    finance.submit_estimate(estimate=estimate, by=users["staff"])
    items = {i.label: i.url for i in home_items("leader", users["leader"])}
    assert items[f"Báo cáo tổng kết: {conference.title}"] == reverse(
        "reports:detail", args=[conference.pk]
    )
    assert items[f"Dự trù kinh phí: {conference.title}"] == reverse(
        "finance:estimate", args=[conference.pk]
    )
    assert not [i for i in home_items("leader", users["other_office"]) if "tổng kết" in i.label]
