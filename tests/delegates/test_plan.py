"""The composition of each reference plan can be entered (the demo seeder does it) and the
plan's section reads as the original."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from conferences.models import Conference
from delegates import selectors
from delegates.models import Delegate, DelegateCategory, SeatAllocation
from tests.fixtures import plan_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", "--quiet-logins", stdout=StringIO())


def _conference(code) -> Conference:
    return Conference.objects.get(organiser__code=code)


def _original_section(text: str) -> list[str]:
    section = text.split("III. THÀNH PHẦN, SỐ LƯỢNG")[1].split("IV. NỘI DUNG")[0]
    return [line.strip() for line in section.splitlines() if line.strip()]


def _lines(conference) -> list[str]:
    return [t for line in selectors.composition_for_plan(conference) for t in line.text_lines()]


def test_thanh_tri_section_matches_original_verbatim(seeded):
    original = _original_section(plan_text("thanh-tri-2024-nguoi-tot-viec-tot.txt"))
    assert _lines(_conference("HN-TT")) == original


def test_thanh_tri_targets_and_checks(seeded):
    conference = _conference("HN-TT")
    lines = selectors.composition_for_plan(conference)
    assert [(line.number, line.target) for line in lines] == [
        ("1.", "10 đại biểu"),
        ("2.", "35 đại biểu"),
        ("3.", "130 đại biểu"),
        ("4.", "90 đại biểu"),
    ]
    warnings = [v.message for v in selectors.check_composition(conference)]
    assert "“Đại biểu cơ sở” mới có 0/130 đại biểu." in warnings


def test_van_yen_shares_and_cap_worded_as_original(seeded):
    conference = _conference("HT-VY")
    lines = selectors.composition_for_plan(conference)
    assert [(line.number, line.title, line.target) for line in lines] == [
        ("+", "Đại biểu điển hình tiên tiến", "70%"),
        ("+", "Đại biểu khách mời", "30%"),
    ]
    rules = selectors.composition_rules_for_plan(conference)
    original = plan_text("van-yen-2020-2025-dien-hinh-tien-tien.txt")
    assert (
        rules[0]
        == "Số lượng đại biểu: Số lượng đại biểu do đề xuất của Thường trực Hội đồng Thi đua - Khen thưởng (tối đa 100 đại biểu)."
    )
    assert rules[1] == "Tỷ lệ: đại biểu điển hình tiên tiến 70%, đại biểu khách mời 30%."
    assert "+ " + rules[0] in original
    assert "(đại biểu điển hình tiên tiến 70%, đại biểu khách mời 30%)" in original


def test_van_yen_share_and_cap_checked(seeded):
    conference = _conference("HT-VY")
    exemplars, guests = DelegateCategory.objects.filter(conference=conference).order_by("order")
    for i in range(5):
        Delegate.objects.create(
            conference=conference, category=exemplars, full_name=f"A {i}", source="honoree"
        )
    for i in range(5):
        Delegate.objects.create(
            conference=conference, category=guests, full_name=f"B {i}", source="guest"
        )
    messages = [v.message for v in selectors.check_composition(conference)]
    assert "“Đại biểu khách mời” chiếm 50% (5/10), kế hoạch là 30%." in messages
    assert "“Đại biểu điển hình tiên tiến” chiếm 50% (5/10), kế hoạch là 70%." in messages


def test_duc_giang_lines_without_numbers(seeded):
    conference = _conference("HN-DG")
    headings = [line.heading for line in selectors.composition_for_plan(conference)]
    assert headings[0] == "+ Đại diện Ban Thi đua khen thưởng Trung ương, Thành phố, lãnh đạo quận."
    assert len(headings) == 4
    original = plan_text("duc-giang-2020-2025-dien-hinh-tien-tien.txt")
    assert all(h in original for h in headings)
    assert selectors.check_composition(conference) == []


def test_thuong_hong_ranges_sublines_and_demo_register(seeded):
    conference = _conference("HP-TH")
    lines = selectors.composition_for_plan(conference)
    official = lines[1]
    assert official.heading == "2. Đại biểu chính thức: 70-80 đại biểu"
    assert [s.heading for s in official.sub_lines] == [
        "2.1. Bí thư chi bộ thôn, tổ dân phố: 10 đại biểu",
        "2.2. Trưởng thôn, tổ trưởng tổ dân phố: 7 đại biểu",
    ]
    assert lines[2].sub_lines[0].heading == "3.1. Tập thể tiêu biểu: 10-15 tập thể"
    assert (
        selectors.composition_rules_for_plan(conference)[0] == "Tổng số đại biểu: 120-150 đại biểu."
    )
    assert 28 <= conference.delegates.count() <= 40
    assert SeatAllocation.objects.filter(
        category__conference=conference, unit__code="HP-TH-TH"
    ).exists()
    assert SeatAllocation.objects.filter(
        category__conference=conference, unit__code="HP-TH-T2"
    ).exists()
    codes = {v.code for v in selectors.check_composition(conference)}
    assert "total_under" in codes


def test_seed_twice_adds_nothing(seeded):
    counts = (
        Delegate.objects.count(),
        DelegateCategory.objects.count(),
        SeatAllocation.objects.count(),
    )
    call_command("seed_demo", "--quiet-logins", stdout=StringIO())
    assert (
        Delegate.objects.count(),
        DelegateCategory.objects.count(),
        SeatAllocation.objects.count(),
    ) == counts
    assert re.match(
        r"^HN-DG$",
        Conference.objects.get(
            title__startswith="Hội nghị điển hình tiên tiến phường Đức Giang"
        ).organiser.code,
    )
