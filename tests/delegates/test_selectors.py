"""Selectors other apps use, and what the delegates app adds to the base pages."""

import datetime as dt

import pytest
from django.utils import timezone

from delegates import selectors
from delegates.hooks import conference_links, submitter_home_items
from tests.delegates.factories import CategoryFactory, DelegateFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_delegates_for_invitations_filters_and_sorts_by_given_name(setup):
    s = setup
    sub = CategoryFactory(conference=s["conference"], parent=s["category"], title="Dòng con")
    DelegateFactory(category=s["category"], full_name="Trần Văn Bình", unit=s["school_a"])
    DelegateFactory(category=sub, full_name="Nguyễn Thị An", unit=s["school_a"])
    DelegateFactory(category=s["category"], full_name="Lê Văn Cường", invitation_status="declined")
    DelegateFactory(category=CategoryFactory(conference=s["conference"]), full_name="Khác")
    names = [
        d.full_name
        for d in selectors.delegates_for_invitations(s["conference"], category=s["category"])
    ]
    assert names == ["Trần Văn Bình", "Nguyễn Thị An"]
    by_unit = selectors.delegates_for_invitations(s["conference"], unit=s["school_a"])
    assert {d.full_name for d in by_unit} == {"Trần Văn Bình", "Nguyễn Thị An"}
    declined = selectors.delegates_for_invitations(s["conference"], status="declined")
    assert [d.full_name for d in declined] == ["Lê Văn Cường"]


def test_invitation_qr_svg_encodes_token(setup):
    delegate = DelegateFactory(category=setup["category"])
    svg = selectors.invitation_qr_svg(delegate)
    assert svg.startswith("<svg") and "<path" in svg
    other = DelegateFactory(category=setup["category"])
    assert selectors.invitation_qr_svg(other) != svg


def test_submitter_home_items_show_seats_and_countdown(setup):
    RoundFactory(
        conference=setup["conference"], deadline=timezone.now() + dt.timedelta(days=5, hours=1)
    )
    DelegateFactory(category=setup["category"], unit=setup["school_a"])
    [item] = submitter_home_items(setup["submitter_a"])
    assert "đã cử 1/2, còn 1 chỗ" in item.detail
    assert item.badge in ("Còn 5 ngày", "Còn 6 ngày")
    assert submitter_home_items(setup["submitter_b"]) == []


def test_conference_links_for_office_and_submitter(setup):
    [office] = conference_links(setup["leader"], setup["conference"])
    [unit] = conference_links(setup["submitter_a"], setup["conference"])
    assert office.title == "Đại biểu"
    assert unit.title == "Đại biểu của Trường Tiểu học An Thịnh"
    assert conference_links(setup["submitter_b"], setup["conference"]) == []
