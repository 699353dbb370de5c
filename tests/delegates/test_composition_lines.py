"""The composition section says what plans say: a marker per line, three levels, a note after a
line, numbers as typed ("03"), units only when wanted, and "Dự kiến" before a total."""

import pytest

from conferences.models import Role
from core.errors import DomainError
from delegates import services
from delegates.plan import plan_section_lines
from tests.delegates.factories import CategoryFactory, RuleFactory
from tests.factories import ConferenceFactory, member

pytestmark = pytest.mark.django_db


def _plain(conference) -> list[tuple[str, int]]:
    return [(line.plain, line.level) for line in plan_section_lines(conference, {})]


def test_three_levels_markers_notes_zero_pad_and_units():
    conference = ConferenceFactory()
    top = CategoryFactory(conference=conference, title="Đại biểu huyện", target_min=35)
    sub = CategoryFactory(
        conference=conference, parent=top, title="Lãnh đạo", target_min=3, zero_pad=True
    )
    CategoryFactory(
        conference=conference, parent=sub, title="Thường trực Huyện ủy", target_min=2,
        noun="", marker="+",
    )  # fmt: skip
    CategoryFactory(
        conference=conference, parent=top, title="Trung tâm Văn hóa", target_kind="none",
        target_min=None, marker="-", note="*(dự và đưa tin)*",
    )  # fmt: skip
    CategoryFactory(conference=conference, title="Đại biểu khác", target_min=5, marker="none")
    RuleFactory(conference=conference, total_min=265, total_max=265, expected=True)
    assert _plain(conference) == [
        ("1. Đại biểu huyện: 35 đại biểu", 0),
        ("1.1. Lãnh đạo: 03 đại biểu", 1),
        ("+ Thường trực Huyện ủy: 2", 2),
        ("- Trung tâm Văn hóa *(dự và đưa tin)*", 1),
        ("Đại biểu khác: 5 đại biểu", 0),
        ("- Dự kiến tổng số đại biểu: 265 đại biểu.", 0),
    ]


def test_a_fourth_level_is_refused():
    conference = ConferenceFactory()
    staff = member(conference.organiser, Role.STAFF)
    top = CategoryFactory(conference=conference)
    sub = CategoryFactory(conference=conference, parent=top)
    third = CategoryFactory(conference=conference, parent=sub)
    with pytest.raises(DomainError, match="ba cấp"):
        services.save_category(
            conference=conference, by=staff, title="Cấp bốn", parent=third,
            target_kind="exact", target_min=1, target_max=1,
        )  # fmt: skip
