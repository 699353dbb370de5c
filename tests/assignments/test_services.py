"""Editing services: assignments, duties, templates, milestones, status reports."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assignments import services
from assignments.models import Assignment, DeadlineKind, Duty, DutyTemplate, DutyUpdate
from conferences.models import ActivityEntry, Role
from core.errors import DomainError, PermissionDeniedError
from tests.assignments.factories import AssignmentFactory, DutyFactory, MilestoneFactory
from tests.factories import UnitFactory, member
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(cast):
    """The cast's office A with its agency (the police) and a culture office; its conference."""
    commune = cast["office_a"]
    conference = cast["conference_a"]
    conference.date = dt.date(2026, 12, 18)
    conference.save(update_fields=["date"])
    return {
        "commune": commune,
        "police": cast["agency"],
        "culture": UnitFactory(parent=commune, name="Phòng Văn hóa - Xã hội", kind="office"),
        "conference": conference,
        "staff": cast["users"]["staff"],
        "leader": cast["users"]["leader"],
    }


def test_create_assignment_defaults_heading_and_logs(office):
    assignment = services.create_assignment(
        conference=office["conference"], unit=office["culture"], by=office["staff"]
    )
    police = services.create_assignment(
        conference=office["conference"], unit=office["police"], by=office["staff"]
    )

    assert assignment.heading == "Phòng Văn hóa - Xã hội"
    assert police.heading == "Đề nghị Công an xã An Thịnh"
    assert (assignment.order, police.order) == (1, 2)
    assert ActivityEntry.objects.filter(action="assignment.created").count() == 2


def test_create_assignment_same_unit_twice_refused(office):
    services.create_assignment(
        conference=office["conference"], unit=office["police"], by=office["staff"]
    )
    with pytest.raises(DomainError) as exc:
        services.create_assignment(
            conference=office["conference"], unit=office["police"], by=office["staff"]
        )
    assert exc.value.field == "unit"
    assert Assignment.objects.count() == 1


def test_create_assignment_unit_outside_organiser_refused(office):
    outsider = UnitFactory()
    with pytest.raises(DomainError):
        services.create_assignment(
            conference=office["conference"], unit=outsider, by=office["staff"]
        )
    assert not Assignment.objects.exists()


def test_create_assignment_by_leader_refused(office):
    with pytest.raises(PermissionDeniedError):
        services.create_assignment(
            conference=office["conference"], unit=office["police"], by=office["leader"]
        )


def test_update_assignment_support_keeps_lead_and_logs_changes(office):
    lead = AssignmentFactory(conference=office["conference"], unit=office["culture"])
    helper = AssignmentFactory(conference=office["conference"], unit=office["police"])

    services.update_assignment(
        assignment=helper,
        by=office["staff"],
        role="support",
        supports=lead,
        heading="Công an xã",
        note="",
    )

    helper.refresh_from_db()
    assert (helper.role, helper.supports, helper.heading) == ("support", lead, "Công an xã")
    entry = ActivityEntry.objects.get(action="assignment.updated")
    assert "heading" in entry.changes


def test_delete_assignment_with_reports_refused(office):
    duty = DutyFactory(assignment=AssignmentFactory(conference=office["conference"]))
    DutyUpdate.objects.create(duty=duty, by=office["staff"], status="in_progress")

    with pytest.raises(DomainError):
        services.delete_assignment(assignment=duty.assignment, by=office["staff"])
    assert Duty.objects.filter(pk=duty.pk).exists()


def test_move_assignment_swaps_with_neighbour(office):
    first, second, third = (AssignmentFactory(conference=office["conference"]) for _ in range(3))

    services.move_assignment(assignment=third, direction="up", by=office["staff"])

    order = list(office["conference"].assignments.order_by("order").values_list("pk", flat=True))
    assert order == [first.pk, third.pk, second.pk]


def test_move_duty_at_top_changes_nothing(office):
    assignment = AssignmentFactory(conference=office["conference"])
    first, second = DutyFactory(assignment=assignment), DutyFactory(assignment=assignment)

    moved = services.move_duty(duty=first, direction="up", by=office["staff"])

    assert moved is False
    assert list(assignment.duties.order_by("order").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]


def test_create_duty_relative_needs_offset(office):
    assignment = AssignmentFactory(conference=office["conference"])
    with pytest.raises(DomainError) as exc:
        services.create_duty(
            assignment=assignment, by=office["staff"], text="Việc", deadline_kind="relative"
        )
    assert exc.value.field == "offset_days"
    assert not assignment.duties.exists()


def test_update_duty_switch_to_absolute_clears_offset(office):
    assignment = AssignmentFactory(conference=office["conference"])
    duty = services.create_duty(
        assignment=assignment,
        by=office["staff"],
        text="Việc",
        deadline_kind="relative",
        offset_days=-2,
    )

    services.update_duty(
        duty=duty, by=office["staff"], text="Việc đã sửa", deadline_kind="absolute",
        deadline_date=dt.date(2026, 12, 1), offset_days=-2,
    )  # fmt: skip

    duty.refresh_from_db()
    assert (duty.text, duty.deadline_kind, duty.offset_days) == ("Việc đã sửa", "absolute", None)
    assert duty.deadline == dt.date(2026, 12, 1)


def test_reorder_duties_with_foreign_id_refused(office):
    assignment = AssignmentFactory(conference=office["conference"])
    a, b = DutyFactory(assignment=assignment), DutyFactory(assignment=assignment)
    other = DutyFactory()

    with pytest.raises(DomainError):
        services.reorder_duties(
            assignment=assignment, duty_ids=[b.pk, other.pk], by=office["staff"]
        )
    services.reorder_duties(assignment=assignment, duty_ids=[b.pk, a.pk], by=office["staff"])

    assert list(assignment.duties.order_by("order").values_list("pk", flat=True)) == [b.pk, a.pk]


def test_apply_duty_template_appends_editable_duties(office):
    assignment = AssignmentFactory(conference=office["conference"], unit=office["police"])
    DutyFactory(assignment=assignment, text="Việc riêng có sẵn.")
    template = DutyTemplate.objects.get(key="cong-an")

    duties = services.apply_duty_template(
        assignment=assignment, template=template, by=office["staff"]
    )

    texts = list(assignment.duties.order_by("order").values_list("text", flat=True))
    assert texts[0] == "Việc riêng có sẵn."
    assert texts[1:] == [item.text for item in template.items.order_by("order")]
    assert all(d.deadline_kind == DeadlineKind.RELATIVE for d in duties)


def test_seeded_templates_cover_the_usual_agencies():
    names = set(DutyTemplate.objects.values_list("key", flat=True))
    assert {"van-phong", "van-hoa-xa-hoi", "cong-an", "quan-su", "dien-luc"} <= names
    assert {"trung-tam-van-hoa", "doan-thanh-nien", "truong-hoc"} <= names
    assert all(t.items.exists() for t in DutyTemplate.objects.all())


def test_create_milestone_with_units_outside_refused(office):
    with pytest.raises(DomainError):
        services.create_milestone(
            conference=office["conference"], by=office["staff"], title="Họp", units=[UnitFactory()]
        )
    milestone = services.create_milestone(
        conference=office["conference"], by=office["staff"], title="Họp Hội đồng",
        deadline_kind="relative", offset_days=-10, units=[office["culture"]],
    )  # fmt: skip
    assert list(milestone.units.all()) == [office["culture"]]


def test_update_milestone_changes_date_label(office):
    milestone = MilestoneFactory(conference=office["conference"])
    services.update_milestone(
        milestone=milestone, by=office["staff"], title="Hoàn chỉnh kế hoạch",
        date_label="Từ ngày 15-17/3/2020",
    )  # fmt: skip
    milestone.refresh_from_db()
    assert milestone.date_label == "Từ ngày 15-17/3/2020"


# --- Status ------------------------------------------------------------------------------------
@pytest.fixture
def reported(office):
    assignment = AssignmentFactory(conference=office["conference"], unit=office["police"])
    return {
        **office,
        "duty": DutyFactory(assignment=assignment),
        "reporter": member(office["police"], Role.REPORTER),
    }


def test_update_duty_status_done_sets_done_at_and_emails_staff(
    reported, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = services.update_duty_status(
            duty=reported["duty"], status="done", note="Đã xong phương án.", by=reported["reporter"]
        )

    duty = Duty.objects.get(pk=reported["duty"].pk)
    assert duty.status == "done" and duty.done_at is not None
    assert update.note == "Đã xong phương án."
    assert ActivityEntry.objects.filter(action="duty.status_updated").exists()
    assert [m.to for m in mailoutbox] == [[reported["staff"].email]]
    assert "Đã xong phương án." in mailoutbox[0].body


def test_update_duty_status_reopen_clears_done_at(reported):
    services.update_duty_status(duty=reported["duty"], status="done", by=reported["reporter"])
    services.update_duty_status(
        duty=reported["duty"], status="in_progress", by=reported["reporter"]
    )

    duty = Duty.objects.get(pk=reported["duty"].pk)
    assert (duty.status, duty.done_at) == ("in_progress", None)


def test_update_duty_status_done_to_todo_refused(reported):
    services.update_duty_status(duty=reported["duty"], status="done", by=reported["reporter"])
    with pytest.raises(DomainError) as exc:
        services.update_duty_status(duty=reported["duty"], status="todo", by=reported["reporter"])
    assert exc.value.field == "status"
    assert Duty.objects.get(pk=reported["duty"].pk).status == "done"


def test_update_duty_status_by_other_agency_refused(reported):
    stranger = member(reported["culture"], Role.REPORTER)
    with pytest.raises(PermissionDeniedError):
        services.update_duty_status(duty=reported["duty"], status="done", by=stranger)
    assert not DutyUpdate.objects.exists()


def test_update_duty_status_file_with_wrong_content_refused(reported):
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ this is not a pdf")
    with pytest.raises(DomainError) as exc:
        services.update_duty_status(
            duty=reported["duty"], status="done", file=fake, by=reported["reporter"]
        )
    assert exc.value.field == "file"
    assert Duty.objects.get(pk=reported["duty"].pk).status == "todo"


def test_update_duty_status_file_too_big_refused(reported, settings):
    settings.ASSIGNMENTS_MAX_FILE_MB = 1
    big = SimpleUploadedFile("anh.png", b"\x89PNG" + b"0" * (1024 * 1024))
    with pytest.raises(DomainError):
        services.update_duty_status(
            duty=reported["duty"], status="done", file=big, by=reported["reporter"]
        )


def test_update_duty_status_keeps_valid_file(reported):
    content = pdf_bytes()
    pdf = SimpleUploadedFile("phuong-an.pdf", content)
    update = services.update_duty_status(
        duty=reported["duty"], status="in_progress", file=pdf, by=reported["reporter"]
    )
    assert update.file_name.startswith("phuong-an")
    assert update.file.read() == content
