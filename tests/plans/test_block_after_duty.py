"""A block (maket, programme, items) placed after a chosen duty prints between two duties of
the same agency, in the PDF, the DOCX and the preview; its place is "agency.duty"."""

import io

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from conferences.plans import services
from conferences.plans.diff import diff_snapshots
from conferences.plans.outline import build_outline
from conferences.plans.selectors import snapshot
from core.errors import DomainError
from documents.builders import get_builder
from documents.builders.plans import plan_preview_html
from tests.assignments.factories import AssignmentFactory, DutyFactory
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


def _plan_with_two_agencies():
    plan = plan_for(ConferenceFactory())
    office = AssignmentFactory(conference=plan.conference, heading="Văn phòng xã")
    DutyFactory(assignment=office, text="Chuẩn bị hội trường, trang trí theo makét sau:")
    DutyFactory(assignment=office, text="Gửi giấy mời đại biểu.")
    police = AssignmentFactory(conference=plan.conference, heading="Công an xã")
    DutyFactory(assignment=police, text="Bảo đảm an ninh trật tự.")
    return plan


def _maket_after(plan, place: str, *, nest: int = 1):
    staff = plan.created_by
    last = plan.sections.order_by("order").last()
    maket = services.add_section(
        plan=plan, by=staff, kind="decoration", heading="", level=0, after=last
    )
    return services.update_section(
        section=maket,
        by=staff,
        nest=nest,
        after_duty=place,
        content={"maket_lines": ["HỘI NGHỊ BIỂU DƯƠNG", "NGƯỜI TỐT, VIỆC TỐT"]},
    )


ORDER = [
    "Chuẩn bị hội trường, trang trí theo makét sau:",
    "HỘI NGHỊ BIỂU DƯƠNG",
    "NGƯỜI TỐT, VIỆC TỐT",
    "Gửi giấy mời đại biểu.",
    "Công an xã",
]


def _in_order(text: str, parts: list[str]) -> bool:
    positions = [text.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


def test_block_placed_after_a_duty_prints_before_the_agencys_next_duty():
    plan = _plan_with_two_agencies()
    maket = _maket_after(plan, "1.1")
    plan.refresh_from_db()
    outline = build_outline(plan)
    implementation = next(s for s in outline.sections if s.kind == "implementation")
    printed = [line.plain for line in implementation.lines]
    assert _in_order("\n".join(printed), ORDER)
    at = printed.index("HỘI NGHỊ BIỂU DƯƠNG")
    assert printed[at - 1] == "- Chuẩn bị hội trường, trang trí theo makét sau:"
    assert printed[at + 2] == "- Gửi giấy mời đại biểu."
    own = next(s for s in outline.sections if s.key == f"s{maket.pk}")
    assert own.placed_in == implementation.key  # shown in the editor, printed in the duties

    builder = get_builder("plan")
    payload = builder.collect(plan, {})
    docx = builder.render(payload, "docx", lambda *a: None).content
    paragraphs = [p.text for p in DocxDocument(io.BytesIO(docx)).paragraphs]
    text = "\n".join(paragraphs)
    assert _in_order(text, ORDER)
    assert text.count("HỘI NGHỊ BIỂU DƯƠNG") == 1
    pdf = builder.render(payload, "pdf", lambda *a: None).content
    pdf_text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert _in_order(pdf_text, ORDER) and pdf_text.count("NGƯỜI TỐT, VIỆC TỐT") == 1
    preview = plan_preview_html(payload, nonce="n")
    assert _in_order(preview, ORDER) and preview.count("HỘI NGHỊ BIỂU DƯƠNG") == 1


def test_block_after_a_missing_duty_stays_in_its_own_place_and_bad_places_are_refused():
    plan = _plan_with_two_agencies()
    maket = _maket_after(plan, "2.5")
    plan.refresh_from_db()
    outline = build_outline(plan)
    own = next(s for s in outline.sections if s.key == f"s{maket.pk}")
    assert own.placed_in == "" and own.lines
    with pytest.raises(DomainError):
        services.update_section(section=maket, by=plan.created_by, after_duty="hai")


def test_two_blocks_after_one_duty_keep_their_order_and_the_last_agency_takes_one_too():
    plan = _plan_with_two_agencies()
    _maket_after(plan, "1.1")
    staff = plan.created_by
    last = plan.sections.order_by("order").last()
    note = services.add_section(plan=plan, by=staff, kind="text", heading="", level=0, after=last)
    services.update_section(
        section=note,
        by=staff,
        nest=1,
        after_duty="1.1",
        content={"items": [{"marker": "+", "level": 0, "number": "", "lead": "", "text": "Hoa"}]},
    )
    end = services.add_section(plan=plan, by=staff, kind="text", heading="", level=0, after=note)
    services.update_section(
        section=end,
        by=staff,
        after_duty="2.1",
        content={"items": [{"marker": "", "level": 0, "number": "", "lead": "", "text": "Hết."}]},
    )
    plan.refresh_from_db()
    implementation = next(s for s in build_outline(plan).sections if s.kind == "implementation")
    printed = [line.plain for line in implementation.lines]
    assert _in_order("\n".join(printed), [*ORDER[:3], "+ Hoa", *ORDER[3:], "Hết."])
    assert printed[-1] == "Hết."


def test_section_form_offers_the_place_after_a_duty_except_on_the_duties_section(client):
    from django.urls import reverse

    plan = _plan_with_two_agencies()
    maket = _maket_after(plan, "1.1")
    client.force_login(plan.created_by)
    form = client.get(reverse("plan_section_edit", args=[maket.pk])).content.decode()
    assert "Đặt sau nhiệm vụ" in form and 'value="1.1"' in form
    implementation = plan.sections.get(kind="implementation")
    form = client.get(reverse("plan_section_edit", args=[implementation.pk])).content.decode()
    assert "Đặt sau nhiệm vụ" not in form


def test_editor_says_where_a_placed_section_prints(client):
    from django.urls import reverse

    plan = _plan_with_two_agencies()
    _maket_after(plan, "1.1")
    client.force_login(plan.created_by)
    page = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "In trong mục Tổ chức thực hiện, sau nhiệm vụ 1.1" in page


def _diff_lines(diffs, text: str) -> list[tuple[str, str, str]]:
    """Every line of the diff that shows `text`: (section label, sign, line)."""
    return [(d.label, sign, line) for d in diffs for sign, line in d.lines if text in line]


def test_revision_diff_shows_a_block_placed_after_a_duty_once_in_its_host():
    plan = _plan_with_two_agencies()
    before = snapshot(plan)
    maket = _maket_after(plan, "1.1")
    plan.refresh_from_db()
    placed = snapshot(plan)
    diffs = diff_snapshots(before, placed)
    shown = _diff_lines(diffs, "HỘI NGHỊ BIỂU DƯƠNG")
    implementation = next(s for s in placed["sections"] if s["kind"] == "implementation")
    assert shown == [(implementation["label"], "+", "HỘI NGHỊ BIỂU DƯƠNG")]
    assert [d.label for d in diffs if d.changed] == [implementation["label"]]

    # Its text edited where it is placed: one change, in the host again.
    services.update_section(
        section=maket,
        by=plan.created_by,
        content={"maket_lines": ["HỘI NGHỊ TỔNG KẾT", "NGƯỜI TỐT, VIỆC TỐT"]},
    )
    plan.refresh_from_db()
    edited = snapshot(plan)
    diffs = diff_snapshots(placed, edited)
    assert _diff_lines(diffs, "HỘI NGHỊ") == [
        (implementation["label"], "-", "HỘI NGHỊ BIỂU DƯƠNG"),
        (implementation["label"], "+", "HỘI NGHỊ TỔNG KẾT"),
    ]

    # Removed: its lines leave the host, and it is not listed a second time as removed.
    services.delete_section(section=maket, by=plan.created_by)
    plan.refresh_from_db()
    diffs = diff_snapshots(edited, snapshot(plan))
    assert _diff_lines(diffs, "NGƯỜI TỐT") == [
        (implementation["label"], "-", "NGƯỜI TỐT, VIỆC TỐT")
    ]
    assert [d.status for d in diffs if d.changed] == ["changed"]


def test_revision_diff_of_a_block_taken_out_of_a_duty_shows_it_in_its_own_place():
    plan = _plan_with_two_agencies()
    maket = _maket_after(plan, "1.1")
    plan.refresh_from_db()
    placed = snapshot(plan)
    services.update_section(section=maket, by=plan.created_by, after_duty="")
    plan.refresh_from_db()
    diffs = diff_snapshots(placed, snapshot(plan))
    own = next(s for s in snapshot(plan)["sections"] if s["key"] == f"s{maket.pk}")
    implementation = next(s for s in placed["sections"] if s["kind"] == "implementation")
    assert _diff_lines(diffs, "HỘI NGHỊ BIỂU DƯƠNG") == [
        (implementation["label"], "-", "HỘI NGHỊ BIỂU DƯƠNG")
    ]
    # In its own place it prints as before it was placed: no change to show there.
    assert not next(d for d in diffs if d.label == own["label"]).changed
