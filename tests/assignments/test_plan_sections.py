"""The plan's "Tổ chức thực hiện" and steps sections print as in the reference plans."""

import datetime as dt
import re
from io import StringIO
from unittest.mock import patch

import pytest
from django.core.management import call_command

from assignments.demo import seed_demo_assignments
from assignments.models import Assignment, DeadlineKind, Milestone
from assignments.selectors import implementation_section, steps_section
from conferences.models import Conference
from tests.assignments.factories import AssignmentFactory, DutyFactory, MilestoneFactory
from tests.factories import ConferenceFactory, UnitFactory
from tests.fixtures import plan_text
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _seed() -> None:
    """The base demo world plus this app's seeder only (other apps' seeders are theirs to test)."""
    with patch(
        "conferences.management.commands.seed_demo.demo_seeders",
        return_value=[seed_demo_assignments],
    ):
        call_command("seed_demo", "--quiet-logins", stdout=StringIO())


def _section(name: str, start: str, end: str) -> list[str]:
    """The non-blank lines of a plan section, markdown bold removed."""
    lines = plan_text(name).splitlines()
    first = next(i for i, line in enumerate(lines) if start in line)
    last = next(i for i, line in enumerate(lines) if i > first and line.startswith(end))
    cleaned = (line.replace("**", "").strip() for line in lines[first + 1 : last])
    return [line for line in cleaned if line]


def _printed(blocks) -> list[str]:
    """The section as the plan prints it: heading, items ("- " when several), note."""
    lines = []
    for block in blocks:
        lines.append(block.heading)
        lines += [(f"- {item.line}" if block.bulleted else item.line) for item in block.items]
        if block.note:
            lines.append(block.note)
    return lines


@pytest.fixture
def demo():
    _seed()


def test_implementation_section_thanh_tri_prints_as_the_plan(demo):
    conference = Conference.objects.get(organiser__code="HN-TT")
    expected = _section(
        "thanh-tri-2024-nguoi-tot-viec-tot.txt", "VI. TỔ CHỨC THỰC HIỆN", "Trên đây"
    )

    blocks = implementation_section(conference)

    assert [b.heading for b in blocks] == [line for line in expected if re.match(r"^\d+\. ", line)]
    assert len(blocks) == 10
    assert _printed(blocks) == expected


def test_implementation_section_duc_giang_prints_as_the_plan(demo):
    conference = Conference.objects.get(organiser__code="HN-DG")
    expected = _section(
        "duc-giang-2020-2025-dien-hinh-tien-tien.txt", "II. PHÂN CÔNG NHIỆM VỤ", "Trên đây"
    )

    blocks = implementation_section(conference)

    assert [b.heading for b in blocks] == [
        "1. Văn phòng HĐND&UBND",
        "2. Bộ phận Văn hóa thông tin",
        "3. Bộ phận Tài chính- Kế toán",
    ]
    printed = [b.heading for b in blocks for _ in [0]]
    lines = []
    for block in blocks:
        lines += [block.heading, *(item.text for item in block.items)]
    assert lines == expected
    assert printed


def test_implementation_section_support_names_the_lead(demo):
    conference = Conference.objects.get(organiser__code="HN-TT")

    military = next(b for b in implementation_section(conference) if b.title.startswith("Ban Chỉ"))

    assert military.role == Assignment.Role.SUPPORT
    assert military.role_wording == "Phối hợp với Đề nghị Công ty Điện lực Thanh Trì"


def test_implementation_section_queries_do_not_grow(demo):
    conference = Conference.objects.get(organiser__code="HN-TT")
    before = count_queries(lambda: implementation_section(conference))
    for i in range(2):
        agency = UnitFactory(parent=conference.organiser, name=f"Đội thử {i}", kind="agency")
        assignment = AssignmentFactory(conference=conference, unit=agency)
        DutyFactory(assignment=assignment)
        MilestoneFactory(conference=conference).units.add(agency)

    section = implementation_section(conference)

    assert count_queries(lambda: implementation_section(conference)) == before
    assert {"Đội thử 0", "Đội thử 1"} <= {block.title for block in section}


VAN_YEN_STEPS = [
    ("absolute", dt.date(2020, 3, 15), "", "Họp Hội đồng TĐKT triển khai xây dựng kế hoạch tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020-2025;"),
    ("none", None, "Từ ngày 15-17/3/2020", "hoàn chỉnh và gửi kế hoạch chi tiết cho các ban ngành, đơn vị, tổ dân phố để thực hiện;"),
    ("absolute", dt.date(2020, 3, 23), "", "các đơn vị gửi báo cáo, danh sách đại biểu đề xuất vinh danh và tóm tắt thành tích của các tập thể, cá nhân về Hội đồng TĐKT phường."),
    ("relative", -6, "", "Hội đồng TĐKT họp lần 2 thống nhất thành phần, số lượng đại biểu, phân công phát biểu tham luận tại Hội nghị; dự kiến tập thể, cá nhân tham dự Hội nghị điển hình tiên tiến Thành phố (theo số lượng phân bổ 01 tập thể và 05 cá nhân)."),
    ("relative", 0, "", "tổ chức Hội nghị."),
]  # fmt: skip


def test_steps_section_van_yen_prints_as_the_plan():
    conference = ConferenceFactory(date=dt.date(2020, 3, 31))
    for order, (kind, value, label, title) in enumerate(VAN_YEN_STEPS, start=1):
        Milestone.objects.create(
            conference=conference,
            order=order,
            title=title,
            date_label=label,
            deadline_kind=kind,
            deadline_date=value if kind == DeadlineKind.ABSOLUTE else None,
            offset_days=value if kind == DeadlineKind.RELATIVE else None,
        )
    source = plan_text("van-yen-2020-2025-dien-hinh-tien-tien.txt")

    steps = steps_section(conference)

    assert [s.number for s in steps] == [1, 2, 3, 4, 5]
    for step in steps:
        assert step.line in source, step.line
    assert steps[3].date == dt.date(2020, 3, 25)


def test_steps_section_undated_conference_words_the_offset():
    conference = ConferenceFactory(date=None)
    Milestone.objects.create(
        conference=conference, title="Tổ chức Hội nghị.", deadline_kind="relative", offset_days=-2
    )

    [step] = steps_section(conference)

    assert step.line == "- 2 ngày trước ngày hội nghị: Tổ chức Hội nghị."
