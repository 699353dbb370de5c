"""Views: the office's board and its inline editing, the agency's page, reports, files,
the timeline, home items and the conference card."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assignments.models import Assignment, Duty, DutyTemplate, DutyUpdate
from conferences.models import Role
from tests.assignments.factories import (
    AssignmentFactory,
    DutyFactory,
    MilestoneFactory,
    absolute_duty,
    relative_duty,
)
from tests.factories import member
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def conf(world):
    conference = world["conference_a"]
    conference.date = timezone.localdate() + dt.timedelta(days=20)
    conference.save()
    return conference


def _board(conf):
    return reverse("assignment_board", kwargs={"conference_pk": conf.pk})


def test_board_shows_late_duty_in_red_with_days(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    absolute_duty(assignment, timezone.localdate() - dt.timedelta(days=4), text="Việc đã trễ.")
    client.force_login(world["users"]["leader"])

    response = client.get(_board(conf))

    html = response.content.decode()
    assert "Việc đã trễ." in html
    assert "Quá hạn 4 ngày" in html and "list-group-item-danger" in html
    assert "Thêm cơ quan được phân công" not in html  # the leader reads, does not edit


def test_board_by_status_groups_duties(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    DutyFactory(assignment=assignment, text="Việc đang làm.", status="in_progress")
    client.force_login(world["users"]["staff"])

    response = client.get(_board(conf) + "?xem=trang-thai")

    columns = {label: duties for label, _s, duties in response.context["columns"]}
    assert [d.text for d in columns["Đang thực hiện"]] == ["Việc đang làm."]
    assert columns["Chưa thực hiện"] == []


def test_assignment_create_htmx_returns_board_list(client, world, conf):
    client.force_login(world["users"]["staff"])
    url = reverse("assignment_create", kwargs={"conference_pk": conf.pk})

    response = client.post(url, {"unit": world["agency"].pk, "role": "lead"}, **HTMX)

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#board-list"
    assignment = Assignment.objects.get(conference=conf)
    assert assignment.heading == "Đề nghị Công an xã An Thịnh"
    assert "Đề nghị Công an xã An Thịnh" in response.content.decode()


def test_assignment_create_duplicate_keeps_form_with_error(client, world, conf):
    AssignmentFactory(conference=conf, unit=world["agency"])
    client.force_login(world["users"]["staff"])
    url = reverse("assignment_create", kwargs={"conference_pk": conf.pk})

    response = client.post(
        url, {"unit": world["agency"].pk, "role": "lead", "heading": "Tôi gõ"}, **HTMX
    )

    assert "HX-Retarget" not in response
    html = response.content.decode()
    assert "đã được phân công" in html and 'value="Tôi gõ"' in html
    assert Assignment.objects.filter(conference=conf).count() == 1


def test_duty_create_plain_post_redirects_to_board(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    client.force_login(world["users"]["staff"])
    url = reverse("duty_create", kwargs={"assignment_pk": assignment.pk})

    response = client.post(
        url, {"text": "Bố trí lực lượng.", "deadline_kind": "relative", "offset_days": "-1"}
    )

    assert response.status_code == 302 and response.url == _board(conf)
    duty = assignment.duties.get()
    assert duty.deadline == conf.date - dt.timedelta(days=1)


def test_duty_edit_missing_offset_shows_error(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("duty_edit", kwargs={"pk": duty.pk}), {"text": "Mới", "deadline_kind": "relative"}
    )

    assert response.status_code == 200
    assert "Hãy nhập số ngày" in response.content.decode()
    duty.refresh_from_db()
    assert duty.text != "Mới"


def test_template_apply_adds_template_duties(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    template = DutyTemplate.objects.get(key="cong-an")
    client.force_login(world["users"]["staff"])

    client.post(
        reverse("template_apply", kwargs={"pk": assignment.pk}), {"template": template.pk}, **HTMX
    )

    assert assignment.duties.count() == template.items.count()


def test_duty_delete_refusal_shows_message_on_board(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    DutyUpdate.objects.create(duty=DutyFactory(assignment=assignment), status="todo")
    client.force_login(world["users"]["staff"])

    response = client.post(reverse("assignment_delete", kwargs={"pk": assignment.pk}), **HTMX)

    assert "đã báo cáo tiến độ" in response.content.decode()
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_duty_reorder_puts_duties_in_given_order(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    a, b = DutyFactory(assignment=assignment), DutyFactory(assignment=assignment)
    client.force_login(world["users"]["staff"])

    client.post(
        reverse("duty_reorder", kwargs={"assignment_pk": assignment.pk}), {"ids": [b.pk, a.pk]}
    )

    assert list(assignment.duties.order_by("order").values_list("pk", flat=True)) == [b.pk, a.pk]


def test_milestone_create_saves_units(client, world, conf):
    client.force_login(world["users"]["staff"])
    client.post(
        reverse("milestone_create", kwargs={"conference_pk": conf.pk}),
        {"title": "Họp Hội đồng.", "deadline_kind": "relative", "offset_days": "-10", "units": [world["school"].pk]},
    )  # fmt: skip
    milestone = conf.milestones.get()
    assert list(milestone.units.all()) == [world["school"]]


# --- Agency side -------------------------------------------------------------------------------
def test_my_duties_shows_reporter_duties_only(client, world, conf):
    mine = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    other = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["school"]))
    client.force_login(world["users"]["reporter"])

    response = client.get(reverse("my_duties"))

    assert [d.pk for d in response.context["duties"]] == [mine.pk]
    assert other.text not in response.content.decode()


def test_unit_duties_for_office_lists_agency_duties(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    client.force_login(world["users"]["council"])

    response = client.get(reverse("unit_duties", kwargs={"unit_pk": world["agency"].pk}))

    assert [d.pk for d in response.context["duties"]] == [duty.pk]


def test_duty_report_reporter_marks_done_with_note_and_file(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    client.force_login(world["users"]["reporter"])
    url = reverse("duty_report", kwargs={"pk": duty.pk})

    response = client.post(
        url + "?next=/nhiem-vu/cua-toi/",
        {"status": "done", "note": "Đã xong.", "next": "/nhiem-vu/cua-toi/",
         "file": SimpleUploadedFile("bien-ban.pdf", pdf_bytes())},
    )  # fmt: skip

    assert response.status_code == 302 and response.url == "/nhiem-vu/cua-toi/"
    duty.refresh_from_db()
    assert duty.status == "done"
    update = duty.updates.get()
    assert update.note == "Đã xong." and update.file_name.startswith("bien-ban")


def test_duty_report_external_next_ignored(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    client.force_login(world["users"]["reporter"])
    url = reverse("duty_report", kwargs={"pk": duty.pk})

    response = client.post(url, {"status": "in_progress", "next": "https://evil.example/"})

    assert response.url == url


def test_duty_report_bad_file_keeps_status(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    client.force_login(world["users"]["reporter"])

    response = client.post(
        reverse("duty_report", kwargs={"pk": duty.pk}),
        {"status": "done", "file": SimpleUploadedFile("x.exe", b"MZ")},
    )

    assert response.status_code == 200 and "Chỉ nhận tệp" in response.content.decode()
    assert Duty.objects.get(pk=duty.pk).status == "todo"


def test_duty_report_leader_sees_history_without_form(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    DutyUpdate.objects.create(duty=duty, status="in_progress", note="Ghi chú cũ.")
    client.force_login(world["users"]["leader"])

    response = client.get(reverse("duty_report", kwargs={"pk": duty.pk}))

    assert response.context["form"] is None
    assert "Ghi chú cũ." in response.content.decode()


def test_update_file_downloads_as_attachment(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    update = DutyUpdate.objects.create(duty=duty, status="done")
    update.file.save("ket-qua.pdf", SimpleUploadedFile("ket-qua.pdf", b"%PDF-1.4 kq"))
    client.force_login(world["users"]["reporter"])

    response = client.get(reverse("duty_update_file", kwargs={"pk": update.pk}))

    assert b"".join(response.streaming_content) == b"%PDF-1.4 kq"
    assert response["Content-Disposition"].startswith("attachment")


def test_update_file_without_file_is_404(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    update = DutyUpdate.objects.create(duty=duty, status="done")
    client.force_login(world["users"]["staff"])

    assert client.get(reverse("duty_update_file", kwargs={"pk": update.pk})).status_code == 404


def test_timeline_orders_milestones_and_deadlines_by_date(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    relative_duty(assignment, -2, text="Việc sát ngày.")
    relative_duty(assignment, -15, text="Việc sớm.")
    relative_duty(
        assignment,
        -40,
        text="Việc đã qua, đã xong.",
        status="done",
        done_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    MilestoneFactory(
        conference=conf, title="Họp Hội đồng.", deadline_kind="relative", offset_days=-10
    )
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("assignment_timeline", kwargs={"conference_pk": conf.pk}))

    titles = [e.title for e in response.context["entries"]]
    assert titles == ["Việc sớm.", "Họp Hội đồng.", "Việc sát ngày.", conf.title]


def test_timeline_submitter_sees_milestones_not_other_agencies(client, world, conf):
    relative_duty(
        AssignmentFactory(conference=conf, unit=world["agency"]), -2, text="Việc công an."
    )
    MilestoneFactory(
        conference=conf, title="Họp Hội đồng.", deadline_kind="relative", offset_days=-10
    )
    client.force_login(world["users"]["submitter"])

    response = client.get(reverse("assignment_timeline", kwargs={"conference_pk": conf.pk}))

    titles = [e.title for e in response.context["entries"]]
    assert "Họp Hội đồng." in titles and "Việc công an." not in titles


# --- Home and conference page ----------------------------------------------------------------
def test_home_reporter_sees_open_duties_with_late_badge(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    absolute_duty(assignment, timezone.localdate() - dt.timedelta(days=2), text="Việc trễ của tôi.")
    client.force_login(world["users"]["reporter"])

    html = client.get(reverse("home")).content.decode()

    assert "Việc trễ của tôi." in html and "Quá hạn" in html


def test_home_staff_sees_late_count_per_conference(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"])
    absolute_duty(assignment, timezone.localdate() - dt.timedelta(days=2))
    absolute_duty(assignment, timezone.localdate() - dt.timedelta(days=1))
    DutyFactory(assignment=assignment)
    client.force_login(world["users"]["staff"])

    html = client.get(reverse("home")).content.decode()

    assert f"Phân công nhiệm vụ: {conf.title}" in html
    assert "2 quá hạn" in html and "3 nhiệm vụ chưa hoàn thành" in html


def test_conference_detail_shows_assignment_card_to_office_only(client, world, conf):
    url = reverse("conference_detail", kwargs={"pk": conf.pk})
    client.force_login(world["users"]["leader"])
    assert "Phân công nhiệm vụ" in client.get(url).content.decode()

    client.force_login(world["users"]["reporter"])
    html = client.get(url).content.decode()
    assert "Phân công nhiệm vụ" not in html and "Tiến độ chuẩn bị" in html


def test_other_office_staff_cannot_report(client, world, conf):
    duty = DutyFactory(assignment=AssignmentFactory(conference=conf, unit=world["agency"]))
    outsider = member(world["office_b"], Role.REPORTER)
    client.force_login(outsider)

    response = client.post(reverse("duty_report", kwargs={"pk": duty.pk}), {"status": "done"})

    assert response.status_code == 404
    assert Duty.objects.get(pk=duty.pk).status == "todo"


def test_assignment_edit_htmx_get_returns_inline_form(client, world, conf):
    assignment = AssignmentFactory(conference=conf, unit=world["agency"], heading="Công an xã")
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("assignment_edit", kwargs={"pk": assignment.pk}), **HTMX)

    html = response.content.decode()
    assert "<html" not in html and 'hx-target="closest .form-slot"' in html
    assert 'value="Công an xã"' in html


def test_assignment_edit_keeps_unit_and_saves_support(client, world, conf):
    lead = AssignmentFactory(conference=conf, unit=world["school"])
    helper = AssignmentFactory(conference=conf, unit=world["agency"])
    client.force_login(world["users"]["staff"])

    client.post(
        reverse("assignment_edit", kwargs={"pk": helper.pk}),
        {"unit": world["school"].pk, "role": "support", "supports": lead.pk, "heading": "Công an"},
    )

    helper.refresh_from_db()
    assert (helper.unit, helper.role, helper.supports) == (world["agency"], "support", lead)
