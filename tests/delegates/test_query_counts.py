"""Every delegates page that lists things runs as many queries with three items as with one.
Each item brings its own category, unit and allocation, so a query per category or per unit
fails as well as a query per delegate."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conferences.models import Unit
from tests.delegates.factories import (
    AllocationFactory,
    CategoryFactory,
    DelegateFactory,
    RoundFactory,
)
from tests.factories import ConferenceFactory, UnitFactory
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db


def _url(name, query=""):
    return lambda c: reverse(name, kwargs={"conference_pk": c["conference_a"].pk}) + query


def _unit_url(c):
    kwargs = {"conference_pk": c["conference_a"].pk, "unit_pk": c["school"].pk}
    return reverse("delegates_unit", kwargs=kwargs)


def _category(c, i, **fields):
    return CategoryFactory(conference=c["conference_a"], title=f"Nhóm đại biểu số {i}", **fields)


def _add_category(c, i):
    """A category (with a sub-category) allocated to a new village, with a delegate."""
    category = _category(c, i, target_kind="range", target_min=50, target_max=60)
    CategoryFactory(conference=c["conference_a"], parent=category, title=f"Nhóm con {i}")
    village = UnitFactory(parent=c["office_a"], name=f"Thôn Đại Biểu {i}", kind=Unit.Kind.VILLAGE)
    AllocationFactory(category=category, unit=village, seats=4)
    DelegateFactory(category=category, unit=village, full_name=f"Khách Mời Thứ {i}")
    return category.title


def _add_delegate(c, i):
    """A delegate of a new category and a new village (its allocation too)."""
    category = _category(c, i)
    village = UnitFactory(parent=c["office_a"], name=f"Thôn Khách {i}", kind=Unit.Kind.VILLAGE)
    AllocationFactory(category=category, unit=village, seats=2)
    name = f"Trần An Khách {i}"
    DelegateFactory(category=category, unit=village, full_name=name, position="Trưởng thôn")
    return name


def _add_school_delegate(c, i):
    category = _category(c, i)
    AllocationFactory(category=category, unit=c["school"], seats=3)
    name = f"Trần An Giáo Viên {i}"
    DelegateFactory(category=category, unit=c["school"], full_name=name, source="unit")
    return name


def _add_allocation_elsewhere(c, i):
    """For the submitter's home page: the school's seats in a new conference (with a deadline)."""
    title = f"Hội nghị mời đại biểu {i}"
    conference = ConferenceFactory(organiser=c["office_a"], title=title)
    RoundFactory(conference=conference, deadline=timezone.now() + dt.timedelta(days=2 + i))
    category = CategoryFactory(conference=conference)
    AllocationFactory(category=category, unit=c["school"], seats=3)
    DelegateFactory(category=category, unit=c["school"], source="unit")
    return f"Đại biểu dự {title}"


PAGES = [
    pytest.param("staff", _url("delegates_register"), _add_delegate, id="register"),
    pytest.param(
        "staff", _url("delegates_register", "?sort=don-vi"), _add_delegate, id="register_by_unit"
    ),
    pytest.param(
        "staff", _url("delegates_register", "?sort=-tinh-trang"), _add_delegate, id="by_status"
    ),
    pytest.param("staff", _url("delegates_composition"), _add_category, id="composition"),
    pytest.param("staff", _url("delegates_checks"), _add_category, id="checks"),
    pytest.param("staff", _url("delegates_allocation"), _add_category, id="allocation"),
    pytest.param("staff", _url("delegates_report"), _add_category, id="report"),
    pytest.param("staff", _url("delegates_checkin"), _add_category, id="checkin"),
    pytest.param("staff", _url("delegates_checkin_counts"), _add_category, id="checkin_counts"),
    pytest.param(
        "staff", _url("delegates_checkin_search", "?q=tran an"), _add_delegate, id="search"
    ),
    pytest.param(
        "staff", _url("delegates_invitations", "?status="), _add_delegate, id="invitations"
    ),
    pytest.param("submitter", _unit_url, _add_school_delegate, id="unit_page"),
    pytest.param("submitter", lambda c: reverse("home"), _add_allocation_elsewhere, id="home"),
]


@pytest.mark.parametrize(("persona", "url", "add"), PAGES)
def test_delegates_page_queries_do_not_grow(client, cast, persona, url, add):
    client.force_login(cast["users"][persona])
    assert_queries_constant(client, lambda: url(cast), lambda i: add(cast, i))
