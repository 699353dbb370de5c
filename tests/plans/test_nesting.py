"""Items nest to any depth with their own numbering (I., 1., 1.1., 1.1.1., a), -, +, *, none),
typed numbers print as typed, and an agency's one duty can run in after its name."""

import io

import pytest
from docx import Document as DocxDocument

from conferences.plans import content as C
from conferences.plans import services
from conferences.plans.outline import text_lines
from documents.builders import get_builder
from tests.assignments.factories import AssignmentFactory, DutyFactory
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for

TYPED = """1. Mục đích chung
> 1.1. Tổng kết phong trào
> > 1.1.1. Đánh giá kết quả
> > > a) Ở cấp xã
> > > > - Các thôn
> > > > > + Thôn Trung
> > > > > > * Ghi chú của thôn
> 1.2. Biểu dương
    không gạch đầu dòng, thụt vào
2. Yêu cầu
3, Bước ba
3, Bước ba lặp lại
IV. Mục La Mã"""

PRINTED = [
    "1. Mục đích chung",
    "1.1. Tổng kết phong trào",
    "1.1.1. Đánh giá kết quả",
    "a) Ở cấp xã",
    "- Các thôn",
    "+ Thôn Trung",
    "* Ghi chú của thôn",
    "1.2. Biểu dương",
    "không gạch đầu dòng, thụt vào",
    "2. Yêu cầu",
    "3, Bước ba",
    "3, Bước ba lặp lại",
    "IV. Mục La Mã",
]


def test_items_from_text_nest_to_any_depth_and_keep_typed_labels():
    items = C.items_from_text(TYPED)
    assert [i["level"] for i in items] == [0, 1, 2, 3, 4, 5, 6, 1, 1, 0, 0, 0, 0]
    assert [i["number"] for i in items if i["marker"] == "numbered"] == [
        "", "1.1.", "1.1.1.", "a)", "1.2.", "", "3,", "3,", "IV.",
    ]  # fmt: skip
    assert [line.plain for line in text_lines({"items": items})] == PRINTED


def test_items_text_round_trips():
    items = C.items_from_text(TYPED)
    assert C.items_from_text(C.items_to_text(items)) == items


@pytest.mark.django_db
def test_plan_prints_nested_items_indented_deeper_each_level():
    plan = plan_for(ConferenceFactory())
    section = plan.sections.get(heading="Mục đích:")
    services.update_section(
        section=section, by=plan.created_by, content={"items": C.items_from_text(TYPED)}
    )
    builder = get_builder("plan")
    content = builder.render(builder.collect(plan, {}), "docx", lambda *a: None).content
    paragraphs = {p.text: p for p in DocxDocument(io.BytesIO(content)).paragraphs}
    indents = [paragraphs[text].paragraph_format.left_indent or 0 for text in PRINTED[:7]]
    assert indents == sorted(indents) and len(set(indents)) == 7
    assert "1. Tổng kết phong trào" not in paragraphs  # typed "1.1." is not renumbered


@pytest.mark.django_db
def test_agency_with_one_duty_runs_in_and_agencies_can_go_unnumbered():
    plan = plan_for(ConferenceFactory())
    first = AssignmentFactory(conference=plan.conference, heading="Báo tỉnh")
    DutyFactory(assignment=first, text="Tổ chức tuyên truyền về Hội nghị.")
    second = AssignmentFactory(conference=plan.conference, heading="Văn phòng")
    DutyFactory(assignment=second, text="Chuẩn bị hội trường:\n+ bàn ghế;\n+ âm thanh.")
    DutyFactory(assignment=second, text="Gửi giấy mời.")
    section = plan.sections.get(kind="implementation")
    services.update_section(section=section, by=plan.created_by, content={"run_in": True})
    lines = [line.plain for line in _outline_lines(plan, section)]
    assert lines[1:] == [
        "1. Báo tỉnh: Tổ chức tuyên truyền về Hội nghị.",
        "2. Văn phòng",
        "- Chuẩn bị hội trường:",
        "+ bàn ghế;",
        "+ âm thanh.",
        "- Gửi giấy mời.",
    ]
    services.update_section(section=section, by=plan.created_by, content={"numbering": "none"})
    lines = [line.plain for line in _outline_lines(plan, section)]
    assert lines[1:3] == ["Báo tỉnh", "Tổ chức tuyên truyền về Hội nghị."]


def _outline_lines(plan, section):
    from conferences.plans.outline import build_outline

    plan.refresh_from_db()
    outline = build_outline(plan)
    return next(s for s in outline.sections if s.key == f"s{section.pk}").lines


@pytest.mark.django_db
def test_a_maket_block_sits_inside_an_agencys_duties_between_two_parts():
    plan = plan_for(ConferenceFactory())
    staff = plan.created_by
    for heading, duty in (("Phòng Văn hóa", "Xây dựng makét:"), ("Công an xã", "Bảo đảm an ninh.")):
        DutyFactory(
            assignment=AssignmentFactory(conference=plan.conference, heading=heading), text=duty
        )
    implementation = plan.sections.get(kind="implementation")
    services.update_section(section=implementation, by=staff, content={"last": 1})
    maket = services.add_section(
        plan=plan, by=staff, kind="decoration", heading="", level=0, after=implementation
    )
    services.update_section(
        section=maket, by=staff, nest=1, content={"maket_lines": ["HỘI NGHỊ"], "inside": ["Hoa"]}
    )
    rest = services.add_section(
        plan=plan, by=staff, kind="implementation", heading="", level=0, after=maket
    )
    services.update_section(section=rest, by=staff, content={"first": 2})
    plan.refresh_from_db()
    lines = [
        (line.plain, line.level)
        for key in (implementation, maket, rest)
        for line in _outline_lines(plan, key)
    ]
    assert lines == [
        ("VI. TỔ CHỨC THỰC HIỆN", 0),
        ("1. Phòng Văn hóa", 0),
        ("Xây dựng makét:", 0),
        ("1. Makét Hội nghị:", 1),
        ("HỘI NGHỊ", 0),
        ("2. Trang trí trong Hội trường:", 1),
        ("- Hoa", 1),
        ("2. Công an xã", 0),
        ("Bảo đảm an ninh.", 0),
    ]
