import datetime as dt

import pytest
from django.core import mail

from conferences.models import (
    ActivityEntry,
    DocumentNumberRegister,
    Plan,
    PlanRevision,
    PlanStatus,
)
from conferences.numbering import next_number
from conferences.plans import services
from conferences.plans.diff import diff_snapshots
from conferences.plans.outline import build_outline
from core.errors import DomainError, PermissionDeniedError
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(cast):
    """The cast's office A, its conference (titled) and people; `other` is office B's staff."""
    users = cast["users"]
    conference = cast["conference_a"]
    conference.title = "Hội nghị điển hình tiên tiến xã An Thịnh"
    conference.save(update_fields=["title"])
    for persona, email in (("staff", "canbo@example.test"), ("leader", "lanhdao@example.test")):
        users[persona].email = email
        users[persona].save(update_fields=["email"])
    return {
        "commune": cast["office_a"],
        "conference": conference,
        "staff": users["staff"],
        "leader": users["leader"],
        "other": users["other_office"],
    }


def _texts(plan) -> list[str]:
    return [line.plain for s in build_outline(plan).sections for line in s.lines]


def test_create_plan_from_template_has_every_kind_of_section(office):
    plan = services.create_plan(conference=office["conference"], by=office["staff"])
    kinds = list(plan.sections.values_list("kind", flat=True))
    for kind in (
        "legal_basis",
        "text",
        "time",
        "venue",
        "composition",
        "programme",
        "decoration",
        "implementation",
        "steps",
    ):
        assert kind in kinds
    assert plan.status == PlanStatus.DRAFT
    assert plan.subject == "Tổ chức Hội nghị điển hình tiên tiến xã An Thịnh"
    assert plan.recipients[-1].startswith("Lưu")
    assert ActivityEntry.objects.filter(action="plan.created").count() == 1


def test_create_plan_twice_is_refused(office):
    services.create_plan(conference=office["conference"], by=office["staff"])
    with pytest.raises(DomainError, match="đã có kế hoạch"):
        services.create_plan(conference=office["conference"], by=office["staff"])


def test_create_plan_by_other_office_is_refused(office):
    with pytest.raises(PermissionDeniedError):
        services.create_plan(conference=office["conference"], by=office["other"])
    assert not Plan.objects.exists()


def test_copy_plan_shifts_years_but_keeps_legal_bases(office):
    old = plan_for(office["conference"], staff=office["staff"])
    text = old.sections.filter(kind="text", level=2).first()
    services.update_section(
        section=text,
        by=office["staff"],
        content={"items": [{"text": "Giai đoạn 2025-2030 và năm 2026", "marker": "-"}]},
    )
    new_conference = ConferenceFactory(organiser=office["commune"], start_year=2030, end_year=2035)

    plan = services.create_plan(
        conference=new_conference, by=office["staff"], copy_from=office["conference"]
    )

    texts = _texts(plan)
    assert "- Giai đoạn 2030-2035 và năm 2031" in texts
    basis = plan.sections.get(kind="legal_basis").content["documents"][0]
    assert basis["date"] == "2022-06-15"  # the law cited does not move with the period
    assert plan.sections.count() == old.sections.count()


def test_update_section_cleans_content_to_its_kind(office):
    plan = plan_for(office["conference"], staff=office["staff"])
    section = plan.sections.get(kind="programme")
    services.update_section(
        section=section,
        by=office["staff"],
        content={
            "marker": "??",
            "items": [
                {"start": "07:30", "end": "08:00", "text": " Đón <b>đại biểu</b> "},
                {"text": ""},
            ],
            "junk": 1,
        },
    )
    section.refresh_from_db()
    assert section.content == {
        "marker": "-",
        "slot_marker": "*",
        "performer_italic": True,
        "items": [
            {
                "start": "07:30",
                "end": "08:00",
                "text": "Đón <b>đại biểu</b>",
                "performer": "",
                "sub": False,
            }
        ],
    }
    assert ActivityEntry.objects.filter(action="plan.section_updated").exists()


def test_sent_plan_is_frozen(office):
    plan = plan_for(
        office["conference"],
        PlanStatus.PENDING_APPROVAL,
        staff=office["staff"],
        leader=office["leader"],
    )
    with pytest.raises(DomainError, match="không sửa được"):
        services.update_section(section=plan.sections.first(), by=office["staff"], heading="Khác")


def test_workflow_submit_return_resubmit_approve_issue(office, django_capture_on_commit_callbacks):
    staff, leader = office["staff"], office["leader"]
    plan = plan_for(office["conference"], staff=staff)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.submit_plan(plan=plan, by=staff)
    assert [m.to for m in mail.outbox] == [["lanhdao@example.test"]]
    with django_capture_on_commit_callbacks(execute=True):
        services.return_plan(plan=plan, by=leader, comment="Bổ sung mục trang trí.")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    assert plan.comments.get().text == "Bổ sung mục trang trí."
    assert ["canbo@example.test"] in [m.to for m in mail.outbox]

    venue = plan.sections.get(kind="venue")
    services.update_section(section=venue, by=staff, content={"extra": "(tầng 2)"})
    second = services.submit_plan(plan=plan, by=staff)
    services.approve_plan(plan=plan, by=leader)
    services.issue_plan(plan=plan, by=staff, issued_on=dt.date(2026, 4, 1))

    plan.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert (
        plan.status == PlanStatus.ISSUED
        and plan.number == 1
        and plan.issued_on == dt.date(2026, 4, 1)
    )
    assert plan.number_line == "Số: 01/KH-UBND"
    assert plan.revisions.filter(event=PlanRevision.Event.ISSUED).count() == 1
    actions = set(
        ActivityEntry.objects.filter(object_id=str(plan.pk)).values_list("action", flat=True)
    )
    assert {"plan.submitted", "plan.returned", "plan.approved", "plan.issued"} <= actions


def test_resubmission_diff_shows_only_the_changed_section(office):
    staff, leader = office["staff"], office["leader"]
    plan = plan_for(office["conference"], PlanStatus.RETURNED, staff=staff, leader=leader)
    venue = plan.sections.get(kind="venue")
    services.update_section(section=venue, by=staff, content={"extra": "(tầng 2)"})
    services.submit_plan(plan=plan, by=staff)
    old, new = plan.revisions.order_by("number")

    diffs = [d for d in diff_snapshots(old.snapshot, new.snapshot) if d.changed]

    assert [d.label for d in diffs] == ["2. Địa điểm:"]
    assert diffs[0].lines[-1][0] == "+" and diffs[0].lines[-1][1].endswith("(tầng 2)")


def test_only_a_leader_approves(office):
    plan = plan_for(
        office["conference"],
        PlanStatus.PENDING_APPROVAL,
        staff=office["staff"],
        leader=office["leader"],
    )
    with pytest.raises(PermissionDeniedError):
        services.approve_plan(plan=plan, by=office["staff"])


def test_issue_before_approval_is_refused(office):
    plan = plan_for(
        office["conference"],
        PlanStatus.PENDING_APPROVAL,
        staff=office["staff"],
        leader=office["leader"],
    )
    with pytest.raises(PermissionDeniedError):
        services.issue_plan(plan=plan, by=office["staff"])
    plan.refresh_from_db()
    assert plan.number is None


def test_issue_takes_the_next_number_of_the_organisers_register(office):
    next_number(unit=office["commune"], year=2026, type_code="KH-UBND")  # 1 used by another plan
    plan = plan_for(
        office["conference"], PlanStatus.ISSUED, staff=office["staff"], leader=office["leader"]
    )
    assert plan.number == 2
    assert DocumentNumberRegister.objects.get(unit=office["commune"], year=2026).last_number == 2


def test_amendment_reopens_and_takes_a_new_number(office):
    staff, leader = office["staff"], office["leader"]
    plan = plan_for(office["conference"], PlanStatus.ISSUED, staff=staff, leader=leader)
    services.start_amendment(plan=plan, by=staff)
    plan.refresh_from_db()
    assert (plan.status, plan.amendment, plan.number) == (PlanStatus.DRAFT, 1, None)
    issued = plan.revisions.get(event="issued")
    assert issued.snapshot["number_line"] == "Số: 01/KH-UBND"  # the issued text is kept

    services.submit_plan(plan=plan, by=staff)
    services.approve_plan(plan=plan, by=leader)
    services.issue_plan(plan=plan, by=staff, issued_on=dt.date(2026, 5, 1))
    plan.refresh_from_db()
    assert plan.number == 2 and plan.amendment == 1


def test_issued_plan_cannot_be_edited_without_an_amendment(office):
    plan = plan_for(
        office["conference"], PlanStatus.ISSUED, staff=office["staff"], leader=office["leader"]
    )
    with pytest.raises(DomainError, match="sửa đổi, bổ sung"):
        services.add_section(plan=plan, by=office["staff"], kind="text")


def test_reorder_needs_every_section_once(office):
    plan = plan_for(office["conference"], staff=office["staff"])
    ids = list(plan.sections.values_list("pk", flat=True))
    with pytest.raises(DomainError):
        services.reorder_sections(plan=plan, by=office["staff"], ids=ids[:-1])
    services.reorder_sections(plan=plan, by=office["staff"], ids=list(reversed(ids)))
    assert list(plan.sections.values_list("pk", flat=True)) == list(reversed(ids))


def test_numbering_follows_order_and_overrides(office):
    plan = plan_for(office["conference"], staff=office["staff"])
    labels = [s.label for s in build_outline(plan).sections if s.label[:3] in ("I. ", "II.", "III")]
    assert labels[:3] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. THỜI GIAN, ĐỊA ĐIỂM",
        "III. THÀNH PHẦN, SỐ LƯỢNG ĐẠI BIỂU",
    ]
    second = plan.sections.filter(level=1)[1]
    services.update_section(section=second, by=office["staff"], number="I.")
    labels = [
        s.label
        for s in build_outline(plan).sections
        if s.kind != "text" or s.label.startswith(("I", "V"))
    ]
    assert "I. THỜI GIAN, ĐỊA ĐIỂM" in labels
    assert "II. THÀNH PHẦN, SỐ LƯỢNG ĐẠI BIỂU" in labels


def test_unsigned_plan_shows_blank_day_and_number(office):
    plan = plan_for(office["conference"], staff=office["staff"])
    outline = build_outline(plan)
    assert outline.number_line == "Số:       /KH-UBND"
    assert ", ngày    tháng " in outline.place_date


def test_next_number_counts_per_unit_year_and_type(office):
    unit = office["commune"]
    numbers = [next_number(unit=unit, year=2025, type_code="QĐ") for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert next_number(unit=unit, year=2026, type_code="QĐ") == 1
    assert next_number(unit=unit, year=2025, type_code="GM") == 1
    assert DocumentNumberRegister.objects.count() == 3


def test_issue_refused_when_content_changed_after_approval(office):
    staff, leader = office["staff"], office["leader"]
    plan = plan_for(office["conference"], PlanStatus.APPROVED, staff=staff, leader=leader)
    conference = office["conference"]
    conference.venue = "Nhà văn hóa thôn Trung"  # the venue section prints from here
    conference.save()

    with pytest.raises(DomainError, match="Địa điểm"):
        services.issue_plan(plan=plan, by=staff)

    services.submit_plan(plan=plan, by=staff)  # back to the leader
    services.approve_plan(plan=plan, by=leader)
    services.issue_plan(plan=plan, by=staff, issued_on=dt.date(2026, 4, 2))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.number == 1


def test_issued_plan_prints_the_text_frozen_at_issue(office):
    from documents.builders import get_builder

    plan = plan_for(
        office["conference"], PlanStatus.ISSUED, staff=office["staff"], leader=office["leader"]
    )
    conference = office["conference"]
    conference.venue = "Một nơi khác"
    conference.save()

    payload = get_builder("plan").collect(plan, {})

    texts = [line["text"] for s in payload["sections"] for line in s["lines"]]
    assert "Một nơi khác" not in " ".join(texts)
    assert payload["number_line"] == "Số: 01/KH-UBND"


def test_create_plan_blank_has_no_sections_and_signs_for_the_committee(office):
    plan = services.create_plan(
        conference=office["conference"], by=office["staff"], template="blank"
    )
    assert plan.sections.count() == 0
    assert plan.recipients == []
    assert plan.signer_lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
